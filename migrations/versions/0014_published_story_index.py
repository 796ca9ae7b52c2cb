"""ix_articles_published_at carries id and story_id, so story assignment reads the window's
articles and their stories from the index alone

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 23:00:00

Online story assignment (store/structure.py) reads, for each new article, the story of every
article published within three days of it. At a million articles over five years that is ~3,300
articles, each on a heap page of its own (rows are stored in crawl order, not publication
order): 3,326 page reads and ~350 ms per new article on a cold cache. With id and story_id in the
index the same rows come from a few index pages (an index-only scan once VACUUM has marked the
table's pages all-visible). Rebuilding the index reads the table once and blocks
writes meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT = (
    "Articles by publication time, with their id and story: story assignment reads the "
    "articles and stories of a time window from this index alone"
)


def upgrade() -> None:
    op.drop_index("ix_articles_published_at", table_name="articles")
    op.create_index(
        "ix_articles_published_at",
        "articles",
        ["published_at"],
        unique=False,
        postgresql_include=["id", "story_id"],
    )
    quoted = COMMENT.replace("'", "''")  # COMMENT takes no bind parameters
    op.execute(f"COMMENT ON INDEX ix_articles_published_at IS '{quoted}'")


def downgrade() -> None:
    op.drop_index("ix_articles_published_at", table_name="articles")
    op.create_index("ix_articles_published_at", "articles", ["published_at"], unique=False)
