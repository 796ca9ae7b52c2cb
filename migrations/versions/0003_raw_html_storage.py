"""Store pages.html_gz out of line without TOAST compression

It is gzip already: PostgreSQL's pglz pass over it costs CPU on every insert and saves nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 12:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE pages ALTER COLUMN html_gz SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.execute("ALTER TABLE pages ALTER COLUMN html_gz SET STORAGE EXTENDED")
