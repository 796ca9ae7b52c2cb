"""publication dates as the outlet wrote them: its calendar day, UTC offset and precision

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 20:40:00

Stored rows get `published_on` as the UTC day of `published_at` and a precision read from it
(`day` for a date from the URL or htmldate or at exactly midnight UTC); their offset stays
NULL, since only the raw page says it: `newsarchive reextract` recomputes all three from the
stored pages (and the outlet's registry `timezone`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (column, type, comment)
ARTICLE_COLUMNS = (
    (
        "published_on",
        sa.Date(),
        "The outlet's own calendar day of publication (its time zone, not UTC)",
    ),
    (
        "published_utc_offset",
        sa.Integer(),
        "The outlet's UTC offset in minutes at publication, as the page stated it or its "
        "registry time zone gives it; NULL when unknown",
    ),
    (
        "published_precision",
        sa.Text(),
        "How much of the date the page stated: day (published_at is then that day's midnight, "
        "not a time), minute or second",
    ),
)
TIMEZONE_COMMENT = "IANA time zone of the outlet's clock, for pages stating a time with no offset"

FILL = """
UPDATE articles SET
    published_on = (published_at AT TIME ZONE 'UTC')::date,
    published_precision = CASE
        WHEN published_source IN ('url', 'htmldate')
          OR (published_at AT TIME ZONE 'UTC')::time = '00:00' THEN 'day'
        WHEN date_trunc('minute', published_at) <> published_at THEN 'second'
        ELSE 'minute'
    END
WHERE published_at IS NOT NULL
"""

DAILY_COUNTS = """
CREATE VIEW daily_counts AS
SELECT {day} AS day, o.slug AS outlet, t.topic,
       count(*) AS articles,
       count(*) FILTER (WHERE a.duplicate_of IS NULL) AS originals,
       count(*) FILTER (WHERE a.is_relevant) AS relevant
FROM articles a
JOIN outlets o ON o.id = a.outlet_id
CROSS JOIN LATERAL unnest(
    CASE WHEN cardinality(a.topics) = 0 THEN ARRAY['(none)'] ELSE a.topics END
) AS t(topic)
WHERE {dated}
GROUP BY 1, 2, 3
"""
#: (day expression, condition, view comment, day comment) before and after this revision
DAILY_COUNTS_VERSIONS = (
    (
        "(a.published_at AT TIME ZONE 'UTC')::date",
        "a.published_at IS NOT NULL",
        "Articles per publication day (UTC), outlet and topic; '(none)' for untagged articles",
        "Publication day in UTC",
    ),
    (
        "a.published_on",
        "a.published_on IS NOT NULL",
        "Articles per publication day (the outlet's own calendar day), outlet and topic; "
        "'(none)' for untagged articles",
        "Publication day as the outlet dated it (articles.published_on)",
    ),
)
DAILY_COUNTS_COLUMNS = {
    "outlet": "Outlet slug",
    "topic": "Topic, or (none)",
    "articles": "Articles that day",
    "originals": "Articles that are not copies of another",
    "relevant": "Articles flagged relevant",
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _daily_counts(which: int) -> None:
    day, dated, comment, day_comment = DAILY_COUNTS_VERSIONS[which]
    op.execute("DROP VIEW IF EXISTS daily_counts")
    op.execute(DAILY_COUNTS.format(day=day, dated=dated))
    op.execute(f"COMMENT ON VIEW daily_counts IS {_literal(comment)}")
    for column, text in {"day": day_comment, **DAILY_COUNTS_COLUMNS}.items():
        op.execute(f"COMMENT ON COLUMN daily_counts.{column} IS {_literal(text)}")


def upgrade() -> None:
    for name, type_, comment in ARTICLE_COLUMNS:
        op.add_column("articles", sa.Column(name, type_, nullable=True, comment=comment))
    op.create_check_constraint(
        "published_precision_known",
        "articles",
        "published_precision IN ('day', 'minute', 'second')",
    )
    op.add_column(
        "outlets", sa.Column("timezone", sa.Text(), nullable=True, comment=TIMEZONE_COMMENT)
    )
    op.execute(FILL)
    op.create_index("ix_articles_outlet_published_on", "articles", ["outlet_id", "published_on"])
    _daily_counts(1)


def downgrade() -> None:
    _daily_counts(0)
    op.drop_index("ix_articles_outlet_published_on", table_name="articles")
    op.drop_column("outlets", "timezone")
    op.drop_constraint("published_precision_known", "articles", type_="check")
    for name, _, _ in reversed(ARTICLE_COLUMNS):
        op.drop_column("articles", name)
