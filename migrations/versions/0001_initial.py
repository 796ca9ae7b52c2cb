"""initial schema: outlets, articles, pages, crawl runs

Revision ID: 0001
Revises:
Create Date: 2026-11-24 11:39:18.135145
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "finished_at", sa.DateTime(timezone=True), nullable=True, comment="NULL while running"
        ),
        sa.Column(
            "outlets",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Slugs of the outlets the run covered",
        ),
        sa.Column(
            "pages_fetched",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Article pages downloaded",
        ),
        sa.Column(
            "articles_new",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Articles stored for the first time",
        ),
        sa.Column(
            "articles_updated",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Known articles whose content changed",
        ),
        sa.Column(
            "articles_unchanged",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Known articles fetched again, unchanged",
        ),
        sa.Column(
            "non_articles",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Pages that were not articles (section fronts...)",
        ),
        sa.Column(
            "failures",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Failed fetches and extractions",
        ),
        sa.Column(
            "failures_by_reason",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
            comment='Failures counted by reason, e.g. {"dns": 3}',
        ),
        sa.Column(
            "outcome",
            sa.Text(),
            server_default="running",
            nullable=False,
            comment="running, ok, partial or failed",
        ),
        sa.Column(
            "stats",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Scrapy's stats for the run",
        ),
        sa.CheckConstraint(
            "outcome IN ('running', 'ok', 'partial', 'failed')",
            name=op.f("ck_crawl_runs_outcome_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
        comment="One row per newsarchive crawl: what it did and how it went",
    )
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "slug", sa.Text(), nullable=False, comment="Short stable id from the registry, e.g. bbc"
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Outlet name as shown to readers"),
        sa.Column(
            "country",
            sa.Text(),
            nullable=True,
            comment="ISO 3166-1 alpha-2 of the outlet's home (NULL for aggregators)",
        ),
        sa.Column(
            "language",
            sa.Text(),
            nullable=False,
            comment="ISO 639-1 language of the outlet's feeds",
        ),
        sa.Column(
            "kind",
            sa.Text(),
            nullable=False,
            comment=(
                "wire, state_media, newspaper, broadcaster, "
                "specialist_defence, think_tank or magazine"
            ),
        ),
        sa.Column("homepage", sa.Text(), nullable=True, comment="Home page URL"),
        sa.Column(
            "domains",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Host names whose URLs belong to the outlet",
        ),
        sa.Column(
            "feeds",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="RSS/Atom feed URLs read by each crawl",
        ),
        sa.Column(
            "sitemaps",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Sitemap URLs (news sitemaps, then archive sitemaps read only by --backfill)",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When the registry entry was last mirrored here",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("slug", name=op.f("uq_outlets_slug")),
        comment="News outlets, mirrored from the registry on every crawl",
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "outlet_id", sa.Integer(), nullable=False, comment="The outlet that published it"
        ),
        sa.Column(
            "url",
            sa.Text(),
            nullable=False,
            comment="Normalised canonical URL on the outlet's own domains: the article's identity",
        ),
        sa.Column(
            "original_url",
            sa.Text(),
            nullable=False,
            comment="URL as the feed or sitemap listed it (tracking parameters and all)",
        ),
        sa.Column("final_url", sa.Text(), nullable=False, comment="URL after redirects"),
        sa.Column(
            "canonical_url",
            sa.Text(),
            nullable=True,
            comment=(
                "rel=canonical as the page declares it; evidence only "
                "(syndicated copies point at another site)"
            ),
        ),
        sa.Column("title", sa.Text(), nullable=False, comment="Headline without the site name"),
        sa.Column("lead", sa.Text(), nullable=True, comment="Standfirst or description"),
        sa.Column(
            "authors",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Person or desk names, cleaned",
        ),
        sa.Column(
            "published_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="The story's own publication time (UTC); NULL when no date was found",
        ),
        sa.Column(
            "published_source",
            sa.Text(),
            nullable=True,
            comment=(
                "Evidence the date came from: json_ld, meta, time_element, "
                "feed, sitemap, url or htmldate"
            ),
        ),
        sa.Column(
            "modified_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Last modification the page declares (UTC)",
        ),
        sa.Column(
            "listed_title",
            sa.Text(),
            nullable=True,
            comment="Title the feed or sitemap gave for the URL",
        ),
        sa.Column(
            "listed_published_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Date the feed or sitemap gave for the URL",
        ),
        sa.Column(
            "listed_in",
            sa.Text(),
            nullable=True,
            comment="Where the URL was found: rss, atom, rdf, sitemap or news_sitemap",
        ),
        sa.Column(
            "language", sa.Text(), nullable=True, comment="ISO 639-1, detected from the body text"
        ),
        sa.Column("section", sa.Text(), nullable=True, comment="Section the outlet filed it under"),
        sa.Column(
            "tags",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="The outlet's own keywords",
        ),
        sa.Column(
            "text",
            sa.Text(),
            nullable=False,
            comment="Body text without boilerplate, one paragraph per line",
        ),
        sa.Column("word_count", sa.Integer(), nullable=False, comment="Words in text"),
        sa.Column(
            "content_hash",
            sa.Text(),
            nullable=False,
            comment="sha256 of the normalised body: equal hashes, equal texts",
        ),
        sa.Column(
            "simhash",
            sa.BigInteger(),
            nullable=False,
            comment="64-bit simhash of the body (signed) for near-duplicate search",
        ),
        sa.Column(
            "quality_flags",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Extraction warnings, e.g. thin, no_date",
        ),
        sa.Column(
            "extractor_version",
            sa.Text(),
            nullable=False,
            comment="Version of newsarchive's extractor that produced this record",
        ),
        sa.Column(
            "first_seen_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When the archive first stored it",
        ),
        sa.Column(
            "last_fetched_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When the page was last fetched",
        ),
        sa.CheckConstraint("word_count >= 0", name=op.f("ck_articles_word_count_nonnegative")),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_articles_outlet_id_outlets"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
        comment="One row per story: the normalised canonical URL on its outlet's domains",
    )
    op.create_index("ix_articles_original_url", "articles", ["original_url"], unique=False)
    op.create_index(
        "ix_articles_outlet_published", "articles", ["outlet_id", "published_at"], unique=False
    )
    op.create_index("ix_articles_published_at", "articles", ["published_at"], unique=False)
    op.create_table(
        "pages",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "crawl_run_id", sa.BigInteger(), nullable=True, comment="The run that fetched it"
        ),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column(
            "article_id", sa.BigInteger(), nullable=True, comment="The article stored from it"
        ),
        sa.Column("kind", sa.Text(), nullable=False, comment="feed, sitemap or article"),
        sa.Column(
            "url", sa.Text(), nullable=False, comment="URL requested (normalised for articles)"
        ),
        sa.Column("final_url", sa.Text(), nullable=True, comment="URL after redirects"),
        sa.Column(
            "outcome",
            sa.Text(),
            nullable=False,
            comment="listed, stored, not_article, skipped (robots, private address) or failed",
        ),
        sa.Column(
            "error",
            sa.Text(),
            nullable=True,
            comment="reason: detail, for failed and skipped fetches",
        ),
        sa.Column("http_status", sa.SmallInteger(), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column(
            "encoding", sa.Text(), nullable=True, comment="Character encoding used to decode"
        ),
        sa.Column(
            "encoding_source",
            sa.Text(),
            nullable=True,
            comment="Where the encoding came from: bom, http, meta, detected or fallback",
        ),
        sa.Column(
            "headers",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Response headers worth keeping (ETag, Last-Modified...)",
        ),
        sa.Column(
            "html_gz",
            sa.LargeBinary(),
            nullable=True,
            comment="Raw response body, gzip-compressed (article pages only)",
        ),
        sa.Column(
            "fetched_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('feed', 'sitemap', 'article')", name=op.f("ck_pages_kind_known")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_pages_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["crawl_run_id"],
            ["crawl_runs.id"],
            name=op.f("fk_pages_crawl_run_id_crawl_runs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_pages_outlet_id_outlets"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pages")),
        comment="Every fetch attempt of a feed, sitemap or article page, with its outcome",
    )
    op.create_index("ix_pages_article_id", "pages", ["article_id"], unique=False)
    op.create_index("ix_pages_crawl_run_id", "pages", ["crawl_run_id"], unique=False)
    op.create_index("ix_pages_url", "pages", ["url"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_pages_url", table_name="pages")
    op.drop_index("ix_pages_crawl_run_id", table_name="pages")
    op.drop_index("ix_pages_article_id", table_name="pages")
    op.drop_table("pages")
    op.drop_index("ix_articles_published_at", table_name="articles")
    op.drop_index("ix_articles_outlet_published", table_name="articles")
    op.drop_index("ix_articles_original_url", table_name="articles")
    op.drop_table("articles")
    op.drop_table("outlets")
    op.drop_table("crawl_runs")
