"""A story stays open to new articles for four days after its latest one (was three)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 02:20:00

Only the comment of stories.last_published_at changes: analysis/stories.py's WINDOW went from
three days to four, because analyses of an event come three to four days after its last report.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "Publication time of its latest article: open to new articles for 3 days after"
NEW = "Publication time of its latest article: open to new articles for 4 days after"


def upgrade() -> None:
    op.alter_column(
        "stories",
        "last_published_at",
        existing_type=sa.DateTime(timezone=True),
        comment=NEW,
        existing_comment=OLD,
    )


def downgrade() -> None:
    op.alter_column(
        "stories",
        "last_published_at",
        existing_type=sa.DateTime(timezone=True),
        comment=OLD,
        existing_comment=NEW,
    )
