"""index articles by outlet and first_seen_at for status and coverage monitors

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 14:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # `newsarchive status` (articles in 24 h / 7 d per outlet) and the monitors' baselines
    # (an outlet's last 30 days) read by outlet and first_seen_at: without this, every run and
    # every morning check scans the whole table.
    op.create_index(
        "ix_articles_outlet_first_seen", "articles", ["outlet_id", "first_seen_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_articles_outlet_first_seen", table_name="articles")
