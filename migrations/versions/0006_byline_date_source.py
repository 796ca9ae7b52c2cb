"""published_source gains 'byline': a date written under the headline

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 14:35:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = "Evidence the date came from: json_ld, meta, time_element, feed, sitemap, url or htmldate"
AFTER = (
    "Evidence the date came from, most trusted first: json_ld, meta, time_element, feed, "
    "sitemap, url, byline (a date written under the headline) or htmldate"
)


def _comment(text: str) -> None:
    quoted = text.replace("'", "''")
    op.execute(f"COMMENT ON COLUMN articles.published_source IS '{quoted}'")


def upgrade() -> None:
    # Only the documentation of the column changes: existing rows keep their sources.
    _comment(AFTER)


def downgrade() -> None:
    _comment(BEFORE)
