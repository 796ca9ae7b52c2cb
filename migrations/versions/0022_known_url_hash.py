"""the known-URL check probes hash indexes of the articles' urls, their listed URLs and the
article pages' urls, one bucket page per URL however large the archive grows

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 20:05:00

The spider asks which of a listing's URLs the archive knows (store/frontier.py, known_urls). Each
URL was a descent of a B-tree from its root: the articles' url (uq_articles_url) for every URL,
the listed URLs that differ from it (ix_articles_original_url, migration 0021) and the article
pages' url (ix_pages_url) for those not stored. A B-tree gains a level as the archive grows: at
300,000 articles 1,000 URLs (half of them stored) read 3,044 buffers in the url index, 1,000 in
the listed URLs' and 1,500 in the pages' (bench/scale.py), a level more at a million. A hash
index reads its cached metapage and one bucket page per URL whatever its size (and the heap page
of each match: a hash index has no index-only scan): 1,499, 500 and 500. The url and pages
B-trees stay (the url's is the unique constraint ON CONFLICT needs; other queries order and group
pages by url); the listed URLs' index was only the check's, and becomes a hash index.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
ARTICLES_INDEX = "ix_articles_url_hash"
ARTICLES_COMMENT = (
    "Articles by url, hashed: the known-URL check's probe, one bucket page per URL at any size"
)
LISTED_INDEX = "ix_articles_original_url"
LISTED_COMMENT = (
    "Listed URLs that differ from their article's url, hashed: the known-URL check finds the "
    "others by url"
)
OLD_LISTED_COMMENT = (
    "Listed URLs that differ from their article's url: the known-URL check finds the others by url"
)
PAGES_INDEX = "ix_pages_article_url_hash"
PAGES_COMMENT = (
    "Article pages by url, hashed: the known-URL check's probe for URLs not stored as articles"
)


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def _listed(using: str, comment: str) -> None:
    op.drop_index(LISTED_INDEX, table_name="articles")
    op.create_index(
        LISTED_INDEX,
        "articles",
        ["original_url"],
        postgresql_using=using,
        postgresql_where="original_url <> url",
    )
    op.execute(f"COMMENT ON INDEX {LISTED_INDEX} IS {_quoted(comment)}")


def upgrade() -> None:
    op.create_index(ARTICLES_INDEX, "articles", ["url"], postgresql_using="hash")
    op.execute(f"COMMENT ON INDEX {ARTICLES_INDEX} IS {_quoted(ARTICLES_COMMENT)}")
    _listed("hash", LISTED_COMMENT)
    op.create_index(
        PAGES_INDEX, "pages", ["url"], postgresql_using="hash", postgresql_where="kind = 'article'"
    )
    op.execute(f"COMMENT ON INDEX {PAGES_INDEX} IS {_quoted(PAGES_COMMENT)}")


def downgrade() -> None:
    op.drop_index(PAGES_INDEX, table_name="pages")
    _listed("btree", OLD_LISTED_COMMENT)
    op.drop_index(ARTICLES_INDEX, table_name="articles")
