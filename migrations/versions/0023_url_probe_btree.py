"""the known-URL check probes the articles' urls in their unique B-tree again, whose index-only
scan reads no heap page; the hash index of migration 0022 on them goes

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 20:20:00

Migration 0022 made every probe of the known-URL check (store/frontier.py, known_urls) a hash
index's, with index-only scans off for the check so the planner would take the hash index of the
articles' urls. That read fewer buffers (one bucket page per URL instead of a B-tree level each)
but a hash index has no index-only scan: each stored URL cost a visit to its article's heap page,
a page of a large table that is seldom in shared buffers. At 300,000 articles, 1,000 URLs (half
of them stored), median of 30 alternating calls: 86.9 and 53.9 ms with the hash probe against
45.6 and 43.2 ms with the B-tree's index-only scan (bench/scale.py's archive, load ~15). The
listed URLs' and the article pages' hash indexes stay: their probes mostly find nothing, so they
visit no heap page and read one bucket page per URL (500 buffers each for 500 URLs, against
1,000 and 1,500 in their B-trees at 300,000 articles, a level more at a million).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
INDEX = "ix_articles_url_hash"
INDEX_COMMENT = (
    "Articles by url, hashed: the known-URL check's probe, one bucket page per URL at any size"
)


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.drop_index(INDEX, table_name="articles")


def downgrade() -> None:
    op.create_index(INDEX, "articles", ["url"], postgresql_using="hash")
    op.execute(f"COMMENT ON INDEX {INDEX} IS {_quoted(INDEX_COMMENT)}")
