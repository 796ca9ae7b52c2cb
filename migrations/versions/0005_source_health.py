"""source health, failed URLs for retry, run alerts, comments on the last uncommented columns

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 13:14:26.909987
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: Columns created without a comment by earlier revisions: (table, column, old, new).
COMMENTS = [
    ("outlets", "id", None, "Surrogate key; articles.outlet_id"),
    ("articles", "id", None, "Surrogate key, stable for the row's life"),
    ("crawl_runs", "id", None, "Run number, increasing"),
    ("crawl_runs", "started_at", None, "When the run started"),
    ("pages", "id", None, "Surrogate key"),
    ("pages", "outlet_id", None, "The outlet the URL belongs to"),
    ("pages", "http_status", None, "HTTP status of the response; NULL when none came"),
    ("pages", "content_type", None, "Content-Type as served"),
    ("pages", "fetched_at", None, "When the fetch was recorded"),
    ("article_revisions", "id", None, "Surrogate key"),
]


def _comment(table: str, column: str, comment: str | None) -> None:
    value = "NULL" if comment is None else "'" + comment.replace("'", "''") + "'"
    op.execute(f"COMMENT ON COLUMN {table}.{column} IS {value}")


def upgrade() -> None:
    op.create_table(
        "failed_urls",
        sa.Column("url", sa.Text(), nullable=False, comment="Normalised article URL that failed"),
        sa.Column("outlet_id", sa.Integer(), nullable=False, comment="The outlet it belongs to"),
        sa.Column(
            "original_url", sa.Text(), nullable=True, comment="URL as the feed or sitemap listed it"
        ),
        sa.Column(
            "listed_title",
            sa.Text(),
            nullable=True,
            comment="Title the listing gave (kept as evidence for the retry)",
        ),
        sa.Column(
            "listed_published_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Date the listing gave (kept as evidence for the retry)",
        ),
        sa.Column("listed_in", sa.Text(), nullable=True, comment="Kind of listing it was found in"),
        sa.Column(
            "reason",
            sa.Text(),
            nullable=False,
            comment="Reason code of the last failure: timeout, http_503, blocked...",
        ),
        sa.Column("error", sa.Text(), nullable=True, comment="Detail of the last failure"),
        sa.Column(
            "http_status",
            sa.SmallInteger(),
            nullable=True,
            comment="HTTP status of the last failed response",
        ),
        sa.Column(
            "attempts", sa.Integer(), server_default="1", nullable=False, comment="Failed attempts"
        ),
        sa.Column(
            "first_failed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When it first failed",
        ),
        sa.Column(
            "last_failed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When it last failed",
        ),
        sa.Column(
            "next_attempt_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="Not retried before this time (backoff or Retry-After)",
        ),
        sa.Column(
            "gave_up",
            sa.Boolean(),
            server_default="false",
            nullable=False,
            comment="Attempts exhausted: no longer retried automatically "
            "(newsarchive status lists it)",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_failed_urls_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_failed_urls")),
        comment="Article URLs that failed, with reason and attempts, retried with backoff",
    )
    op.create_index(
        "ix_failed_urls_outlet_next", "failed_urls", ["outlet_id", "next_attempt_at"], unique=False
    )
    op.create_table(
        "listing_sources",
        sa.Column(
            "id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key",
        ),
        sa.Column("outlet_id", sa.Integer(), nullable=False, comment="The outlet it lists for"),
        sa.Column(
            "url",
            sa.Text(),
            nullable=False,
            comment="Feed or sitemap URL as configured or found in an index",
        ),
        sa.Column("kind", sa.Text(), nullable=False, comment="feed or sitemap"),
        sa.Column(
            "last_attempt_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When it was last requested",
        ),
        sa.Column(
            "last_success_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When it last answered with a usable listing (or 304 Not Modified)",
        ),
        sa.Column(
            "last_failure_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When it last failed",
        ),
        sa.Column(
            "consecutive_failures",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Failed attempts since the last success",
        ),
        sa.Column(
            "last_error", sa.Text(), nullable=True, comment="reason: detail of the last failure"
        ),
        sa.Column(
            "last_status",
            sa.SmallInteger(),
            nullable=True,
            comment="HTTP status of the last response",
        ),
        sa.Column(
            "etag",
            sa.Text(),
            nullable=True,
            comment="ETag of the last full response, sent back as If-None-Match",
        ),
        sa.Column(
            "last_modified",
            sa.Text(),
            nullable=True,
            comment="Last-Modified of the last full response, sent back as If-Modified-Since",
        ),
        sa.Column(
            "last_listed", sa.Integer(), nullable=True, comment="URLs the last full response listed"
        ),
        sa.Column(
            "last_new_article_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When it last listed a URL the archive did not have",
        ),
        sa.CheckConstraint(
            "kind IN ('feed', 'sitemap')", name=op.f("ck_listing_sources_kind_known")
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_listing_sources_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listing_sources")),
        sa.UniqueConstraint("url", name=op.f("uq_listing_sources_url")),
        comment="Every feed and sitemap URL read, with its health and HTTP validators",
    )
    op.create_index("ix_listing_sources_outlet_id", "listing_sources", ["outlet_id"], unique=False)
    op.add_column(
        "crawl_runs",
        sa.Column(
            "skipped_outlets",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Outlets left out because another run was crawling them (advisory lock held)",
        ),
    )
    op.add_column(
        "crawl_runs",
        sa.Column(
            "alerts",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="[]",
            nullable=False,
            comment='Coverage monitor findings, e.g. [{"outlet": "x", "check": '
            '"no_articles_listed", "detail": "..."}]; any alert makes the run partial',
        ),
    )
    for table, column, _, comment in COMMENTS:
        _comment(table, column, comment)


def downgrade() -> None:
    for table, column, old, _ in COMMENTS:
        _comment(table, column, old)
    op.drop_column("crawl_runs", "alerts")
    op.drop_column("crawl_runs", "skipped_outlets")
    op.drop_index("ix_listing_sources_outlet_id", table_name="listing_sources")
    op.drop_table("listing_sources")
    op.drop_index("ix_failed_urls_outlet_next", table_name="failed_urls")
    op.drop_table("failed_urls")
