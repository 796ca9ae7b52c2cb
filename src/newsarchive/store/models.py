"""The archive's tables as SQLAlchemy 2 typed models.

Names here are what analysts write in SQL, so they are part of the public interface: rename only
with a migration and a note in docs/schema.md.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so later migrations can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TZ = DateTime(timezone=True)
TEXT_ARRAY = ARRAY(Text)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Outlet(Base):
    """The registry mirrored into the database, so SQL can join articles to their outlet."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    slug: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    homepage: Mapped[str | None] = mapped_column(Text)
    domains: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    feeds: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    sitemaps: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    """One row per story URL (the normalised canonical URL on the outlet's own domains)."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_outlet_published", "outlet_id", "published_at"),
        Index("ix_articles_published_at", "published_at"),
        Index("ix_articles_original_url", "original_url"),
        CheckConstraint("word_count >= 0", name="word_count_nonnegative"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="RESTRICT"))
    url: Mapped[str] = mapped_column(Text, unique=True)
    original_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    published_at: Mapped[datetime | None] = mapped_column(TZ)
    published_source: Mapped[str | None] = mapped_column(Text)
    modified_at: Mapped[datetime | None] = mapped_column(TZ)
    listed_title: Mapped[str | None] = mapped_column(Text)
    listed_published_at: Mapped[datetime | None] = mapped_column(TZ)
    listed_in: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(Text)
    simhash: Mapped[int] = mapped_column(BigInteger)
    quality_flags: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    extractor_version: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    last_fetched_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())

    outlet: Mapped[Outlet] = relationship(back_populates="articles")


class CrawlRun(Base):
    """One row per `newsarchive crawl`: what it was asked to do and how it went."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        CheckConstraint("outcome IN ('running', 'ok', 'partial', 'failed')", name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(TZ)
    outlets: Mapped[list[str]] = mapped_column(TEXT_ARRAY, server_default="{}")
    pages_fetched: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_new: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_updated: Mapped[int] = mapped_column(Integer, server_default="0")
    articles_unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    non_articles: Mapped[int] = mapped_column(Integer, server_default="0")
    failures: Mapped[int] = mapped_column(Integer, server_default="0")
    failures_by_reason: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    outcome: Mapped[str] = mapped_column(Text, server_default="running")
    stats: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")


class Page(Base):
    """One row per fetch attempt of a feed, sitemap or article page, whatever its outcome.

    Article HTML is kept gzip-compressed so the archive can be re-extracted when extraction
    improves; failures keep their reason so the next run can retry them.
    """

    __tablename__ = "pages"
    __table_args__ = (
        Index("ix_pages_url", "url"),
        Index("ix_pages_crawl_run_id", "crawl_run_id"),
        Index("ix_pages_article_id", "article_id"),
        CheckConstraint("kind IN ('feed', 'sitemap', 'article')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    crawl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("crawl_runs.id", ondelete="SET NULL")
    )
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="RESTRICT"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(SmallInteger)
    content_type: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)
    encoding_source: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    html_gz: Mapped[bytes | None] = mapped_column(LargeBinary)
    fetched_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
