"""The archive's tables as SQLAlchemy 2 typed models.

Names here are what analysts write in SQL, so they are part of the public interface: rename only
with a migration and a note in docs/schema.md.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
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
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, REAL, TSVECTOR
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

#: Text search configuration per article language (ISO 639-1 code → PostgreSQL configuration):
#: every stemmed configuration that PostgreSQL 15 and 16 (the embedded server) both ship. Languages
#: without one (Persian, Chinese, Japanese, Korean, Urdu, Hebrew, Ukrainian, Polish, ...) and
#: unknown languages fall back to 'simple' (lower-cased words, no stemming, no stop words; see
#: docs/queries.md).
#: The database holds this mapping once, as the SQL function SEARCH_CONFIG_FUNCTION (created by
#: migration 0010 from a frozen copy; a test checks the two agree); the generated `search` column
#: and analysts' queries (SEARCH_QUERY_FUNCTION) call it.
SEARCH_CONFIGS = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
SEARCH_FALLBACK = "simple"
#: Languages written without spaces between words: their Han and kana characters are indexed one
#: by one (SEARCH_TEXT_FUNCTION spaces them out) and searched as phrases of characters
#: (SEARCH_QUERY_FUNCTION), so a word matches wherever it stands in a sentence.
SEARCH_CHARACTER_LANGUAGES = ("zh", "ja")
SEARCH_CONFIG_FUNCTION = "newsarchive_search_config"
SEARCH_TEXT_FUNCTION = "newsarchive_search_text"
SEARCH_QUERY_FUNCTION = "newsarchive_search_query"
#: A generated column needs an immutable expression: both functions are declared IMMUTABLE.
SEARCH_VECTOR = (
    f"to_tsvector({SEARCH_CONFIG_FUNCTION}(language), {SEARCH_TEXT_FUNCTION}(language, "
    "coalesce(title, '') || ' ' || coalesce(text, '')))"
)
TEXT_ARRAY = ARRAY(Text)
#: An article's calendar day at its outlet (the UTC day when published_on is unknown), indexed
#: as ix_articles_outlet_day; export.OUTLET_DAY selects weeks on it.
OUTLET_DAY = "coalesce(published_on, (published_at AT TIME ZONE 'UTC')::date)"
#: An article's time as duplicate linking and story assignment compare it: published, else
#: first seen (an undated article counts from when the archive stored it).
ARTICLE_TIME = "coalesce(published_at, first_seen_at)"
#: A story's keys of actor and UTC day of its latest article (newsarchive_actor_days, migration
#: 0020): story assignment looks up the keys of a new article's actors on the window's days.
STORY_ACTOR_DAYS = "newsarchive_actor_days(actor_ids, last_published_at, last_published_at)"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Outlet(Base):
    """The registry mirrored into the database, so SQL can join articles to their outlet."""

    __tablename__ = "outlets"
    __table_args__ = ({"comment": "News outlets, mirrored from the registry on every crawl"},)

    id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key; articles.outlet_id"
    )
    slug: Mapped[str] = mapped_column(
        Text, unique=True, comment="Short stable id from the registry, e.g. bbc"
    )
    name: Mapped[str] = mapped_column(Text, comment="Outlet name as shown to readers")
    country: Mapped[str | None] = mapped_column(
        Text, comment="ISO 3166-1 alpha-2 of the outlet's home (NULL for aggregators)"
    )
    language: Mapped[str] = mapped_column(Text, comment="ISO 639-1 language of the outlet's feeds")
    kind: Mapped[str] = mapped_column(
        Text,
        comment="wire, state_media, newspaper, broadcaster, specialist_defence, think_tank, "
        "magazine, government or international_organisation",
    )
    homepage: Mapped[str | None] = mapped_column(Text, comment="Home page URL")
    domains: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="Host names whose URLs belong to the outlet"
    )
    feeds: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="RSS/Atom feed URLs read by each crawl"
    )
    sitemaps: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY,
        server_default="{}",
        comment="Sitemap URLs (news sitemaps, then archive sitemaps read only by --backfill)",
    )
    timezone: Mapped[str | None] = mapped_column(
        Text,
        comment="IANA time zone of the outlet's clock, for pages stating a time with no offset",
    )
    updated_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the registry entry was last mirrored here"
    )

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    """One row per story URL (the normalised canonical URL on the outlet's own domains)."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_outlet_published", "outlet_id", "published_at"),
        # id and story_id included: story assignment reads a window's articles and stories
        # from the index alone (migration 0014).
        Index("ix_articles_published_at", "published_at", postgresql_include=["id", "story_id"]),
        Index("ix_articles_outlet_published_on", "outlet_id", "published_on"),
        # The weekly export's selection (export.OUTLET_DAY): one week, not the whole table.
        Index("ix_articles_outlet_day", sql_text(OUTLET_DAY)),
        # newsarchive status and the coverage monitors count articles by when they were stored.
        Index("ix_articles_outlet_first_seen", "outlet_id", "first_seen_at"),
        # Only where it differs from url: the known-URL check finds the rest by url (0021);
        # hashed, so its probe reads one bucket page at any size (0022).
        Index(
            "ix_articles_original_url",
            "original_url",
            postgresql_using="hash",
            postgresql_where=sql_text("original_url <> url"),
        ),
        Index("ix_articles_content_hash", "content_hash"),
        Index("ix_articles_duplicate_of", "duplicate_of"),
        Index("ix_articles_story_id", "story_id"),
        Index("ix_articles_search", "search", postgresql_using="gin"),
        Index("ix_articles_topics", "topics", postgresql_using="gin"),
        Index("ix_articles_countries", "countries", postgresql_using="gin"),
        # Near-duplicates within 3 bits share at least one 16-bit band (pigeonhole): a lookup
        # per band keeps simhash search indexed at a million rows, and the time after the band
        # bounds it to the duplicate window's articles of that band (migration 0016).
        *(
            Index(f"ix_articles_simhash_band{band}", f"simhash_band{band}", sql_text(ARTICLE_TIME))
            for band in range(4)
        ),
        CheckConstraint("word_count >= 0", name="word_count_nonnegative"),
        CheckConstraint(
            "published_precision IN ('day', 'minute', 'second')", name="published_precision_known"
        ),
        {"comment": "One row per story: the normalised canonical URL on its outlet's domains"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key, stable for the row's life"
    )
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="RESTRICT"), comment="The outlet that published it"
    )
    url: Mapped[str] = mapped_column(
        Text,
        unique=True,
        comment="Normalised canonical URL on the outlet's own domains: the article's identity",
    )
    original_url: Mapped[str] = mapped_column(
        Text, comment="URL as the feed or sitemap listed it (tracking parameters and all)"
    )
    final_url: Mapped[str] = mapped_column(Text, comment="URL after redirects")
    canonical_url: Mapped[str | None] = mapped_column(
        Text,
        comment="rel=canonical as the page declares it; evidence only (syndicated copies point "
        "at another site)",
    )
    title: Mapped[str] = mapped_column(Text, comment="Headline without the site name")
    lead: Mapped[str | None] = mapped_column(Text, comment="Standfirst or description")
    authors: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="Person or desk names, cleaned"
    )
    published_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="The story's own publication time (UTC); NULL when no date was found"
    )
    published_on: Mapped[date | None] = mapped_column(
        Date,
        comment="The outlet's own calendar day of publication (its time zone, not UTC)",
    )
    published_utc_offset: Mapped[int | None] = mapped_column(
        Integer,
        comment="The outlet's UTC offset in minutes at publication, as the page stated it or "
        "its registry time zone gives it; NULL when unknown",
    )
    published_precision: Mapped[str | None] = mapped_column(
        Text,
        comment="How much of the date the page stated: day (published_at is then that day's "
        "midnight, not a time), minute or second",
    )
    published_source: Mapped[str | None] = mapped_column(
        Text,
        comment="Evidence the date came from: hint (where the outlet's registry date_selector "
        "points), then most trusted first json_ld, meta, time_element, feed, sitemap, listing "
        "(an HTML listing page's list item), url, byline (a date written under the headline) or "
        "htmldate",
    )
    modified_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="Last modification the page declares (UTC)"
    )
    listed_title: Mapped[str | None] = mapped_column(
        Text, comment="Title the feed or sitemap gave for the URL"
    )
    listed_published_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="Date the feed or sitemap gave for the URL"
    )
    listed_in: Mapped[str | None] = mapped_column(
        Text,
        comment="Where the URL was found: rss, atom, rdf, sitemap, news_sitemap or listing_page",
    )
    language: Mapped[str | None] = mapped_column(
        Text, comment="ISO 639-1, detected from the body text"
    )
    section: Mapped[str | None] = mapped_column(Text, comment="Section the outlet filed it under")
    tags: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="The outlet's own keywords"
    )
    text: Mapped[str] = mapped_column(
        Text, comment="Body text without boilerplate, one paragraph per line"
    )
    word_count: Mapped[int] = mapped_column(Integer, comment="Words in text")
    content_hash: Mapped[str] = mapped_column(
        Text, comment="sha256 of the normalised body: equal hashes, equal texts"
    )
    simhash: Mapped[int] = mapped_column(
        BigInteger, comment="64-bit simhash of the body (signed) for near-duplicate search"
    )
    quality_flags: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="Extraction warnings, e.g. thin, no_date"
    )
    extractor_version: Mapped[str] = mapped_column(
        Text, comment="Version of newsarchive's extractor that produced this record"
    )
    wire_source: Mapped[str | None] = mapped_column(
        Text,
        comment="Agency the text credits as its origin (Reuters, AP, Xinhua...), for tracing "
        "syndicated copies",
    )
    is_paywalled: Mapped[bool] = mapped_column(
        Boolean,
        server_default="false",
        comment="The page marks its text as behind a paywall: the body may be truncated",
    )
    topics: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY,
        server_default="{}",
        comment="Defence and diplomacy topics (see docs/taxonomy.md), e.g. arms_transfer",
    )
    countries: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="ISO 3166-1 alpha-2 codes of countries it is about"
    )
    relevance: Mapped[float | None] = mapped_column(
        REAL, comment="0-1: how much the article is about defence and diplomacy"
    )
    is_relevant: Mapped[bool] = mapped_column(
        Boolean,
        server_default="false",
        comment="relevance reached the threshold: off-topic stories are kept but flagged",
    )
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"),
        comment="Earliest copy of the same story (wire copies, reposts); NULL for originals",
    )
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"),
        comment="The story this article reports on (its original's story for a syndicated copy)",
    )
    search: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(SEARCH_VECTOR, persisted=True),
        comment="Full-text search vector over title and body in the article's language "
        "(newsarchive_search_config); query it with newsarchive_search_query(language, '...')",
    )
    simhash_band0: Mapped[int] = mapped_column(
        Integer,
        Computed("(simhash & 65535)::integer", persisted=True),
        comment="Bits 0-15 of simhash, indexed for near-duplicate lookups",
    )
    simhash_band1: Mapped[int] = mapped_column(
        Integer,
        Computed("((simhash >> 16) & 65535)::integer", persisted=True),
        comment="Bits 16-31 of simhash, indexed for near-duplicate lookups",
    )
    simhash_band2: Mapped[int] = mapped_column(
        Integer,
        Computed("((simhash >> 32) & 65535)::integer", persisted=True),
        comment="Bits 32-47 of simhash, indexed for near-duplicate lookups",
    )
    simhash_band3: Mapped[int] = mapped_column(
        Integer,
        Computed("((simhash >> 48) & 65535)::integer", persisted=True),
        comment="Bits 48-63 of simhash, indexed for near-duplicate lookups",
    )
    first_seen_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the archive first stored it"
    )
    last_fetched_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the page was last fetched"
    )

    outlet: Mapped[Outlet] = relationship(back_populates="articles")


class CrawlRun(Base):
    """One row per `newsarchive crawl`: what it was asked to do and how it went."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        CheckConstraint("outcome IN ('running', 'ok', 'partial', 'failed')", name="outcome_known"),
        {"comment": "One row per newsarchive crawl: what it did and how it went"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Run number, increasing"
    )
    started_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the run started"
    )
    finished_at: Mapped[datetime | None] = mapped_column(TZ, comment="NULL while running")
    outlets: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="Slugs of the outlets the run covered"
    )
    pages_fetched: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Article pages downloaded"
    )
    articles_new: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Articles stored for the first time"
    )
    articles_updated: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Known articles whose content changed"
    )
    articles_unchanged: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Known articles fetched again, unchanged"
    )
    non_articles: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Pages that were not articles (section fronts...)"
    )
    failures: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Failed fetches and extractions"
    )
    failures_by_reason: Mapped[dict[str, Any]] = mapped_column(
        JSONB, server_default="{}", comment='Failures counted by reason, e.g. {"dns": 3}'
    )
    outcome: Mapped[str] = mapped_column(
        Text, server_default="running", comment="running, ok, partial or failed"
    )
    stats: Mapped[dict[str, Any]] = mapped_column(
        JSONB, server_default="{}", comment="Scrapy's stats for the run"
    )
    skipped_outlets: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY,
        server_default="{}",
        comment="Outlets left out because another run was crawling them (advisory lock held)",
    )
    alerts: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB,
        server_default="[]",
        comment='Coverage monitor findings, e.g. [{"outlet": "x", "check": "no_articles_listed", '
        '"detail": "..."}]; any alert makes the run partial',
    )


class Page(Base):
    """One row per fetch attempt of a feed, sitemap or article page, whatever its outcome.

    Article HTML is kept gzip-compressed so the archive can be re-extracted when extraction
    improves; failures keep their reason so the next run can retry them.
    """

    __tablename__ = "pages"
    __table_args__ = (
        Index("ix_pages_url", "url"),
        # The known-URL check's probe of article pages (migration 0022).
        Index(
            "ix_pages_article_url_hash",
            "url",
            postgresql_using="hash",
            postgresql_where=sql_text("kind = 'article'"),
        ),
        Index("ix_pages_crawl_run_id", "crawl_run_id"),
        Index("ix_pages_article_id", "article_id"),
        CheckConstraint("kind IN ('feed', 'sitemap', 'listing', 'article')", name="kind_known"),
        {
            "comment": "Every fetch attempt of a feed, sitemap, listing page or article page, "
            "with its outcome"
        },
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key"
    )
    crawl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("crawl_runs.id", ondelete="SET NULL"), comment="The run that fetched it"
    )
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="RESTRICT"), comment="The outlet the URL belongs to"
    )
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), comment="The article stored from it"
    )
    kind: Mapped[str] = mapped_column(Text, comment="feed, sitemap, listing or article")
    url: Mapped[str] = mapped_column(Text, comment="URL requested (normalised for articles)")
    final_url: Mapped[str | None] = mapped_column(Text, comment="URL after redirects")
    outcome: Mapped[str] = mapped_column(
        Text, comment="listed, stored, not_article, skipped (robots, private address) or failed"
    )
    error: Mapped[str | None] = mapped_column(
        Text, comment="reason: detail, for failed and skipped fetches"
    )
    http_status: Mapped[int | None] = mapped_column(
        SmallInteger, comment="HTTP status of the response; NULL when none came"
    )
    content_type: Mapped[str | None] = mapped_column(Text, comment="Content-Type as served")
    encoding: Mapped[str | None] = mapped_column(Text, comment="Character encoding used to decode")
    encoding_source: Mapped[str | None] = mapped_column(
        Text, comment="Where the encoding came from: bom, http, meta, detected or fallback"
    )
    headers: Mapped[dict[str, Any]] = mapped_column(
        JSONB,
        server_default="{}",
        comment="Response headers worth keeping (ETag, Last-Modified...)",
    )
    html_gz: Mapped[bytes | None] = mapped_column(
        LargeBinary, comment="Raw response body, gzip-compressed (article pages only)"
    )
    fetched_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the fetch was recorded"
    )


class ArticleRevision(Base):
    """An earlier text of an article, kept when a re-fetch or re-extraction changes it."""

    __tablename__ = "article_revisions"
    __table_args__ = (
        Index("ix_article_revisions_article_id", "article_id"),
        {"comment": "Earlier texts of articles that changed (outlet edits, re-extraction)"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key"
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), comment="The article this was a version of"
    )
    title: Mapped[str] = mapped_column(Text, comment="Title of this version")
    text: Mapped[str] = mapped_column(Text, comment="Body text of this version")
    content_hash: Mapped[str] = mapped_column(Text, comment="sha256 of this version's body")
    extractor_version: Mapped[str] = mapped_column(
        Text, comment="Extractor that produced this version"
    )
    valid_from: Mapped[datetime] = mapped_column(
        TZ, comment="When this version was stored (the article's last_fetched_at then)"
    )
    replaced_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When a newer version replaced it"
    )
    reason: Mapped[str] = mapped_column(
        Text, comment="refetch (the outlet changed the page) or reextract (our extractor changed)"
    )


class ListingSource(Base):
    """Health of one feed or sitemap URL across runs, as an operator needs it in the morning.

    Conditional requests use its validators; a source failing run after run is reported by
    `newsarchive status` (and can be switched off in the registry with `disabled_sources`).
    """

    __tablename__ = "listing_sources"
    __table_args__ = (
        Index("ix_listing_sources_outlet_id", "outlet_id"),
        CheckConstraint("kind IN ('feed', 'sitemap', 'listing')", name="kind_known"),
        {
            "comment": "Every feed, sitemap and HTML listing page read, with its health and "
            "HTTP validators"
        },
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key"
    )
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="CASCADE"), comment="The outlet it lists for"
    )
    url: Mapped[str] = mapped_column(
        Text, unique=True, comment="Feed or sitemap URL as configured or found in an index"
    )
    kind: Mapped[str] = mapped_column(Text, comment="feed, sitemap or listing (HTML page)")
    last_attempt_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="When it was last requested"
    )
    last_success_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="When it last answered with a usable listing (or 304 Not Modified)"
    )
    last_failure_at: Mapped[datetime | None] = mapped_column(TZ, comment="When it last failed")
    consecutive_failures: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Failed attempts since the last success"
    )
    last_error: Mapped[str | None] = mapped_column(
        Text, comment="reason: detail of the last failure"
    )
    last_status: Mapped[int | None] = mapped_column(
        SmallInteger, comment="HTTP status of the last response"
    )
    etag: Mapped[str | None] = mapped_column(
        Text, comment="ETag of the last full response, sent back as If-None-Match"
    )
    last_modified: Mapped[str | None] = mapped_column(
        Text, comment="Last-Modified of the last full response, sent back as If-Modified-Since"
    )
    last_listed: Mapped[int | None] = mapped_column(
        Integer, comment="URLs the last full response listed"
    )
    last_new_article_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="When it last listed a URL the archive did not have"
    )


class FailedUrl(Base):
    """An article URL whose fetch failed, kept until a later run fetches it.

    Nothing fetched or listed is silently forgotten: each failure counts an attempt and pushes
    the next one back (exponential backoff, or the server's Retry-After); a success deletes the
    row. After NEWSARCHIVE_RETRY_MAX_ATTEMPTS the URL is given up on, visibly.
    """

    __tablename__ = "failed_urls"
    __table_args__ = (
        Index("ix_failed_urls_outlet_next", "outlet_id", "next_attempt_at"),
        {"comment": "Article URLs that failed, with reason and attempts, retried with backoff"},
    )

    url: Mapped[str] = mapped_column(
        Text, primary_key=True, comment="Normalised article URL that failed"
    )
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="CASCADE"), comment="The outlet it belongs to"
    )
    original_url: Mapped[str | None] = mapped_column(
        Text, comment="URL as the feed or sitemap listed it"
    )
    listed_title: Mapped[str | None] = mapped_column(
        Text, comment="Title the listing gave (kept as evidence for the retry)"
    )
    listed_published_at: Mapped[datetime | None] = mapped_column(
        TZ, comment="Date the listing gave (kept as evidence for the retry)"
    )
    listed_in: Mapped[str | None] = mapped_column(Text, comment="Kind of listing it was found in")
    reason: Mapped[str] = mapped_column(
        Text, comment="Reason code of the last failure: timeout, http_503, blocked..."
    )
    error: Mapped[str | None] = mapped_column(Text, comment="Detail of the last failure")
    http_status: Mapped[int | None] = mapped_column(
        SmallInteger, comment="HTTP status of the last failed response"
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default="1", comment="Failed attempts")
    first_failed_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When it first failed"
    )
    last_failed_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When it last failed"
    )
    next_attempt_at: Mapped[datetime] = mapped_column(
        TZ, comment="Not retried before this time (backoff or Retry-After)"
    )
    gave_up: Mapped[bool] = mapped_column(
        Boolean,
        server_default="false",
        comment="Attempts exhausted: no longer retried automatically (newsarchive status lists it)",
    )


class Story(Base):
    """Independent write-ups of one news event, across outlets and languages."""

    __tablename__ = "stories"
    __table_args__ = (
        Index("ix_stories_last_published_at", "last_published_at"),
        Index(
            "ix_stories_actor_days",
            sql_text(STORY_ACTOR_DAYS),
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
        ),
        {"comment": "Stories: the articles of all outlets that report one news event"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key of the story"
    )
    title: Mapped[str] = mapped_column(Text, comment="Headline of its earliest article")
    first_published_at: Mapped[datetime] = mapped_column(
        TZ, comment="Publication time of its earliest article (first seen when undated)"
    )
    last_published_at: Mapped[datetime] = mapped_column(
        TZ, comment="Publication time of its latest article: open to new articles for 4 days after"
    )
    article_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Articles in it, syndicated copies included"
    )
    outlet_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Distinct outlets that reported it"
    )
    languages: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="ISO 639-1 languages of its articles"
    )
    countries: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="ISO alpha-2 countries its articles are about"
    )
    # Kept by triggers (migration 0018), read by story assignment (store/structure.py), so that
    # a candidate story costs one row rather than a read of all its articles and their links.
    titles: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY,
        server_default="{}",
        comment="Titles of its articles, syndicated copies included, kept by triggers: story "
        "assignment compares a new article's title words with them",
    )
    actor_ids: Mapped[list[int]] = mapped_column(
        ARRAY(BigInteger),
        server_default="{}",
        comment="Ids of the actors other than states its articles name (article_actors), kept by "
        "triggers: story assignment compares a new article's actors with them",
    )


class StoryMerge(Base):
    """A story absorbed into another when an article bridged them."""

    __tablename__ = "story_merges"
    __table_args__ = ({"comment": "Stories merged into another by a bridging article"},)

    merged_story_id: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, comment="The story that no longer exists (its former id)"
    )
    into_story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), comment="The story it was merged into"
    )
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), comment="The article that bridged them"
    )
    merged_at: Mapped[datetime] = mapped_column(
        TZ, server_default=func.now(), comment="When the merge happened"
    )


class Actor(Base):
    """A person, body, armed force or state, as the gazetteer or a title names them."""

    __tablename__ = "actors"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('person', 'organisation', 'armed_force', 'state')", name="kind_known"
        ),
        {"comment": "People, organisations, armed forces and states named in articles"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key of the actor"
    )
    key: Mapped[str] = mapped_column(
        Text, unique=True, comment="Name and country, lower case: what a later mention matches"
    )
    name: Mapped[str] = mapped_column(Text, comment="Canonical name (the gazetteer's spelling)")
    kind: Mapped[str] = mapped_column(Text, comment="person, organisation, armed_force or state")
    country: Mapped[str | None] = mapped_column(
        Text, comment="ISO alpha-2 country it belongs to; NULL for international bodies"
    )
    aliases: Mapped[list[str]] = mapped_column(
        TEXT_ARRAY, server_default="{}", comment="Other spellings, transliterations and scripts"
    )
    office: Mapped[str | None] = mapped_column(
        Text, comment="People: office held, from the gazetteer or the title they were named with"
    )
    in_gazetteer: Mapped[bool] = mapped_column(
        Boolean, comment='false for people recognised only from a title ("Gen. X")'
    )


class ArticleActor(Base):
    """Which actors an article names, and how often."""

    __tablename__ = "article_actors"
    __table_args__ = (
        # Story assignment reads the articles naming an actor within a time window from this
        # index alone (migration 0017).
        Index(
            "ix_article_actors_actor_published",
            "actor_id",
            "published_at",
            postgresql_include=["article_id"],
        ),
        {"comment": "Actors named in each article"},
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, comment="The article"
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, comment="The actor"
    )
    mentions: Mapped[int] = mapped_column(
        Integer, comment="Times the article names the actor (surname alone included)"
    )
    published_at: Mapped[datetime] = mapped_column(
        TZ,
        comment="The article's time (published, else first seen), kept equal to it by a "
        "trigger: story assignment reads an actor's articles of a time window",
    )


class Event(Base):
    """One real-world event, however many articles report it."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_kind_occurred_on", "kind", "occurred_on"),
        Index("ix_events_story_id", "story_id"),
        CheckConstraint(
            "kind IN ('visit', 'meeting', 'call', 'summit', 'exercise', 'agreement', "
            "'arms_transfer', 'sanction')",
            name="kind_known",
        ),
        {"comment": "Events reported by articles: one row per real-world event"},
    )

    id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key of the event"
    )
    kind: Mapped[str] = mapped_column(
        Text,
        comment="visit, meeting, call, summit, exercise, agreement, arms_transfer or sanction",
    )
    occurred_on: Mapped[date] = mapped_column(
        Date, comment="Day it happened (relative days resolved on the article's publication day)"
    )
    place: Mapped[str | None] = mapped_column(Text, comment="City where it happened")
    country: Mapped[str | None] = mapped_column(
        Text, comment="ISO alpha-2 country where it happened"
    )
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), comment="The story of its first report"
    )


class EventActor(Base):
    """Who took part in an event, in which role."""

    __tablename__ = "event_actors"
    __table_args__ = (
        Index("ix_event_actors_actor_id", "actor_id"),
        {"comment": "Actors of each event with their role"},
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, comment="The event"
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, comment="The actor"
    )
    role: Mapped[str] = mapped_column(
        Text,
        primary_key=True,
        comment="visitor, host, participant, signatory, supplier, recipient or target",
    )


class EventArticle(Base):
    """The articles that report an event, with the sentence that says so."""

    __tablename__ = "event_articles"
    __table_args__ = (
        Index("ix_event_articles_article_id", "article_id"),
        {"comment": "Reports of each event"},
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, comment="The event"
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, comment="The article"
    )
    evidence: Mapped[str] = mapped_column(Text, comment="The sentence that reports the event")
