"""articles.original_url is indexed only where it differs from the article's url, which the
known-URL check probes first

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 17:25:00

The spider asks which of a listing's URLs the archive knows (store/frontier.py, known_urls): the
articles stored under them, listed as them, and the pages and failures of them. The listed URL
(original_url) is the article's url for most articles, so its index held a second entry for
nearly every article, and each listing probed it for every URL: at a million articles four index
levels per URL, as deep as the url's own. The check now probes url first and the rest only for
the URLs it did not find, and a listed URL equal to its article's url is found by that first
probe: the index holds only the articles listed under another URL.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
INDEX = "ix_articles_original_url"
INDEX_COMMENT = (
    "Listed URLs that differ from their article's url: the known-URL check finds the others by url"
)


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.drop_index(INDEX, table_name="articles")
    op.create_index(INDEX, "articles", ["original_url"], postgresql_where="original_url <> url")
    op.execute(f"COMMENT ON INDEX {INDEX} IS {_quoted(INDEX_COMMENT)}")


def downgrade() -> None:
    op.drop_index(INDEX, table_name="articles")
    op.create_index(INDEX, "articles", ["original_url"])
