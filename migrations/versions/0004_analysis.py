"""analysis columns, full-text search, near-duplicate bands, analyst views

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 12:29:10.358698
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Frozen copy of models.SEARCH_VECTOR as of this revision (a migration must not follow the models).
SEARCH_VECTOR = (
    "to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig "
    "WHEN 'ru' THEN 'russian'::regconfig WHEN 'fr' THEN 'french'::regconfig "
    "WHEN 'de' THEN 'german'::regconfig WHEN 'es' THEN 'spanish'::regconfig "
    "WHEN 'it' THEN 'italian'::regconfig WHEN 'pt' THEN 'portuguese'::regconfig "
    "WHEN 'nl' THEN 'dutch'::regconfig WHEN 'tr' THEN 'turkish'::regconfig "
    "ELSE 'simple'::regconfig END, coalesce(title, '') || ' ' || coalesce(text, ''))"
)

ARTICLE_VIEW = """
CREATE VIEW article_view AS
SELECT a.id AS article_id, o.slug AS outlet, o.name AS outlet_name, o.country AS outlet_country,
       o.kind AS outlet_kind, a.url, a.title, a.authors, a.published_at, a.published_source,
       a.modified_at, a.language, a.section, a.topics, a.countries, a.relevance, a.is_relevant,
       a.duplicate_of, a.duplicate_of IS NOT NULL AS is_duplicate, a.wire_source,
       a.is_paywalled, a.quality_flags, a.word_count, a.first_seen_at
FROM articles a JOIN outlets o ON o.id = a.outlet_id
"""

DAILY_COUNTS = """
CREATE VIEW daily_counts AS
SELECT (a.published_at AT TIME ZONE 'UTC')::date AS day, o.slug AS outlet, t.topic,
       count(*) AS articles,
       count(*) FILTER (WHERE a.duplicate_of IS NULL) AS originals,
       count(*) FILTER (WHERE a.is_relevant) AS relevant
FROM articles a
JOIN outlets o ON o.id = a.outlet_id
CROSS JOIN LATERAL unnest(
    CASE WHEN cardinality(a.topics) = 0 THEN ARRAY['(none)'] ELSE a.topics END
) AS t(topic)
WHERE a.published_at IS NOT NULL
GROUP BY 1, 2, 3
"""

VIEW_COMMENTS = {
    "article_view": (
        "One row per article with its outlet, dates, topics, countries and duplicate flag: "
        "the place to start querying",
        {
            "article_id": "articles.id",
            "outlet": "Outlet slug",
            "outlet_name": "Outlet name",
            "outlet_country": "Outlet's home country (ISO alpha-2)",
            "outlet_kind": "wire, state_media, newspaper, broadcaster, specialist_defence, ...",
            "url": "Normalised canonical URL",
            "title": "Headline without the site name",
            "authors": "Person or desk names",
            "published_at": "The story's own publication time (UTC); NULL when unknown",
            "published_source": "Evidence the date came from",
            "modified_at": "Last modification the page declares (UTC)",
            "language": "ISO 639-1, detected from the body",
            "section": "Section the outlet filed it under",
            "topics": "Defence and diplomacy topics",
            "countries": "ISO alpha-2 codes of countries it is about",
            "relevance": "0-1 relevance to defence and diplomacy",
            "is_relevant": "relevance reached the threshold",
            "duplicate_of": "Earliest copy of the same story, when this is a copy",
            "is_duplicate": "true for syndicated copies and reposts",
            "wire_source": "Agency credited as the origin",
            "is_paywalled": "Body may be truncated by a paywall",
            "quality_flags": "Extraction warnings (thin, no_date, garbled, generic, ...)",
            "word_count": "Words in the body",
            "first_seen_at": "When the archive first stored it",
        },
    ),
    "daily_counts": (
        "Articles per publication day (UTC), outlet and topic; '(none)' for untagged articles",
        {
            "day": "Publication day in UTC",
            "outlet": "Outlet slug",
            "topic": "Topic, or (none)",
            "articles": "Articles that day",
            "originals": "Articles that are not copies of another",
            "relevant": "Articles flagged relevant",
        },
    ),
}


def _literal(text: str) -> str:
    # COMMENT takes no bind parameters: quote the (constant, trusted) text as a SQL literal.
    return "'" + text.replace("'", "''") + "'"


def _has_pg_trgm() -> bool:
    # The embedded server (pgserver) ships no contrib extensions: fuzzy title search degrades.
    return (
        op.get_bind()
        .execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"))
        .scalar()
        is not None
    )


def upgrade() -> None:
    op.add_column(
        "articles",
        sa.Column(
            "topics",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Defence and diplomacy topics (see docs/taxonomy.md), e.g. arms_transfer",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "countries",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="ISO 3166-1 alpha-2 codes of countries it is about",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "relevance",
            sa.REAL(),
            nullable=True,
            comment="0-1: how much the article is about defence and diplomacy",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "is_relevant",
            sa.Boolean(),
            server_default="false",
            nullable=False,
            comment="relevance reached the threshold: off-topic stories are kept but flagged",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "duplicate_of",
            sa.BigInteger(),
            nullable=True,
            comment="Earliest copy of the same story (wire copies, reposts); NULL for originals",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(
                SEARCH_VECTOR,
                persisted=True,
            ),
            nullable=False,
            comment="Full-text search vector over title and body, in the article's language",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "simhash_band0",
            sa.Integer(),
            sa.Computed("(simhash & 65535)::integer", persisted=True),
            nullable=False,
            comment="Bits 0-15 of simhash, indexed for near-duplicate lookups",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "simhash_band1",
            sa.Integer(),
            sa.Computed("((simhash >> 16) & 65535)::integer", persisted=True),
            nullable=False,
            comment="Bits 16-31 of simhash, indexed for near-duplicate lookups",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "simhash_band2",
            sa.Integer(),
            sa.Computed("((simhash >> 32) & 65535)::integer", persisted=True),
            nullable=False,
            comment="Bits 32-47 of simhash, indexed for near-duplicate lookups",
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "simhash_band3",
            sa.Integer(),
            sa.Computed("((simhash >> 48) & 65535)::integer", persisted=True),
            nullable=False,
            comment="Bits 48-63 of simhash, indexed for near-duplicate lookups",
        ),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"], unique=False)
    op.create_index(
        "ix_articles_countries", "articles", ["countries"], unique=False, postgresql_using="gin"
    )
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"], unique=False)
    op.create_index(
        "ix_articles_search", "articles", ["search"], unique=False, postgresql_using="gin"
    )
    op.create_index("ix_articles_simhash_band0", "articles", ["simhash_band0"], unique=False)
    op.create_index("ix_articles_simhash_band1", "articles", ["simhash_band1"], unique=False)
    op.create_index("ix_articles_simhash_band2", "articles", ["simhash_band2"], unique=False)
    op.create_index("ix_articles_simhash_band3", "articles", ["simhash_band3"], unique=False)
    op.create_index(
        "ix_articles_topics", "articles", ["topics"], unique=False, postgresql_using="gin"
    )
    op.create_foreign_key(
        op.f("fk_articles_duplicate_of_articles"),
        "articles",
        "articles",
        ["duplicate_of"],
        ["id"],
        ondelete="SET NULL",
    )
    if _has_pg_trgm():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_articles_title_trgm ON articles "
            "USING gin (title gin_trgm_ops)"
        )
    op.execute(ARTICLE_VIEW)
    op.execute(DAILY_COUNTS)
    for view, (comment, columns) in VIEW_COMMENTS.items():
        op.execute(f"COMMENT ON VIEW {view} IS {_literal(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {view}.{column} IS {_literal(text)}")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS daily_counts")
    op.execute("DROP VIEW IF EXISTS article_view")
    op.execute("DROP INDEX IF EXISTS ix_articles_title_trgm")
    op.drop_constraint(op.f("fk_articles_duplicate_of_articles"), "articles", type_="foreignkey")
    op.drop_index("ix_articles_topics", table_name="articles", postgresql_using="gin")
    op.drop_index("ix_articles_simhash_band3", table_name="articles")
    op.drop_index("ix_articles_simhash_band2", table_name="articles")
    op.drop_index("ix_articles_simhash_band1", table_name="articles")
    op.drop_index("ix_articles_simhash_band0", table_name="articles")
    op.drop_index("ix_articles_search", table_name="articles", postgresql_using="gin")
    op.drop_index("ix_articles_duplicate_of", table_name="articles")
    op.drop_index("ix_articles_countries", table_name="articles", postgresql_using="gin")
    op.drop_index("ix_articles_content_hash", table_name="articles")
    op.drop_column("articles", "simhash_band3")
    op.drop_column("articles", "simhash_band2")
    op.drop_column("articles", "simhash_band1")
    op.drop_column("articles", "simhash_band0")
    op.drop_column("articles", "search")
    op.drop_column("articles", "duplicate_of")
    op.drop_column("articles", "is_relevant")
    op.drop_column("articles", "relevance")
    op.drop_column("articles", "countries")
    op.drop_column("articles", "topics")
