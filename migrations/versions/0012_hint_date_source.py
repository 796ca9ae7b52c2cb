"""published_source may be `hint`: a date read where the outlet's registry date_selector points

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 21:20:00

Only the column's comment changes: the values a column documents are part of the schema's
description (docs/schema.md is generated from the comments).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = (
    "Evidence the date came from, most trusted first: json_ld, meta, time_element, "
    "feed, sitemap, listing (an HTML listing page's list item), url, byline (a date written "
    "under the headline) or htmldate"
)
NEW = (
    "Evidence the date came from: hint (where the outlet's registry date_selector points), "
    "then most trusted first json_ld, meta, time_element, feed, sitemap, listing (an HTML "
    "listing page's list item), url, byline (a date written under the headline) or htmldate"
)


def upgrade() -> None:
    op.alter_column(
        "articles", "published_source", existing_type=sa.Text(), comment=NEW, existing_comment=OLD
    )


def downgrade() -> None:
    op.alter_column(
        "articles", "published_source", existing_type=sa.Text(), comment=OLD, existing_comment=NEW
    )
