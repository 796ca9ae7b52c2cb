"""article revisions, wire source, paywall flag

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 12:18:58.087360
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_revisions",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "article_id",
            sa.BigInteger(),
            nullable=False,
            comment="The article this was a version of",
        ),
        sa.Column("title", sa.Text(), nullable=False, comment="Title of this version"),
        sa.Column("text", sa.Text(), nullable=False, comment="Body text of this version"),
        sa.Column(
            "content_hash", sa.Text(), nullable=False, comment="sha256 of this version's body"
        ),
        sa.Column(
            "extractor_version",
            sa.Text(),
            nullable=False,
            comment="Extractor that produced this version",
        ),
        sa.Column(
            "valid_from",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When this version was stored (the article's last_fetched_at then)",
        ),
        sa.Column(
            "replaced_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When a newer version replaced it",
        ),
        sa.Column(
            "reason",
            sa.Text(),
            nullable=False,
            comment="refetch (the outlet changed the page) or reextract (our extractor changed)",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_revisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revisions")),
        comment="Earlier texts of articles that changed (outlet edits, re-extraction)",
    )
    op.create_index(
        "ix_article_revisions_article_id", "article_revisions", ["article_id"], unique=False
    )
    op.add_column(
        "articles",
        sa.Column(
            "wire_source",
            sa.Text(),
            nullable=True,
            comment=(
                "Agency the text credits as its origin (Reuters, AP, Xinhua...), for tracing "
                "syndicated copies"
            ),
        ),
    )
    op.add_column(
        "articles",
        sa.Column(
            "is_paywalled",
            sa.Boolean(),
            server_default="false",
            nullable=False,
            comment="The page marks its text as behind a paywall: the body may be truncated",
        ),
    )


def downgrade() -> None:
    op.drop_column("articles", "is_paywalled")
    op.drop_column("articles", "wire_source")
    op.drop_index("ix_article_revisions_article_id", table_name="article_revisions")
    op.drop_table("article_revisions")
