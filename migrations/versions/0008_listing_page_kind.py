"""pages and listing_sources also record HTML listing pages (kind 'listing')

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = {
    "pages": ("('feed', 'sitemap', 'article')", "('feed', 'sitemap', 'listing', 'article')"),
    "listing_sources": ("('feed', 'sitemap')", "('feed', 'sitemap', 'listing')"),
}
#: (table, column, comment before, comment after)
COLUMN_COMMENTS = (
    ("pages", "kind", "feed, sitemap or article", "feed, sitemap, listing or article"),
    ("listing_sources", "kind", "feed or sitemap", "feed, sitemap or listing (HTML page)"),
    (
        "articles",
        "listed_in",
        "Where the URL was found: rss, atom, rdf, sitemap or news_sitemap",
        "Where the URL was found: rss, atom, rdf, sitemap, news_sitemap or listing_page",
    ),
    (
        "articles",
        "published_source",
        "Evidence the date came from, most trusted first: json_ld, meta, time_element, "
        "feed, sitemap, url, byline (a date written under the headline) or htmldate",
        "Evidence the date came from, most trusted first: json_ld, meta, time_element, "
        "feed, sitemap, listing (an HTML listing page's list item), url, byline (a date written "
        "under the headline) or htmldate",
    ),
)
COMMENTS = {
    "pages": (
        "Every fetch attempt of a feed, sitemap or article page, with its outcome",
        "Every fetch attempt of a feed, sitemap, listing page or article page, with its outcome",
    ),
    "listing_sources": (
        "Every feed and sitemap URL read, with its health and HTTP validators",
        "Every feed, sitemap and HTML listing page read, with its health and HTTP validators",
    ),
}


def _set(which: int) -> None:
    for table, kinds in KINDS.items():
        op.drop_constraint("kind_known", table, type_="check")
        op.create_check_constraint("kind_known", table, f"kind IN {kinds[which]}")
        op.create_table_comment(table, COMMENTS[table][which])
    for table, column, *comments in COLUMN_COMMENTS:
        op.alter_column(
            table, column, comment=comments[which], existing_comment=comments[1 - which]
        )


def upgrade() -> None:
    # Outlets without feeds (ministries' press-release indexes) are read from HTML listing
    # pages; their fetches and health are recorded like feeds', under their own kind.
    _set(1)


def downgrade() -> None:
    op.execute("DELETE FROM pages WHERE kind = 'listing'")
    op.execute("DELETE FROM listing_sources WHERE kind = 'listing'")
    _set(0)
