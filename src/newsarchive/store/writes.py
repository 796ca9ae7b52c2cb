"""Writing to the archive: outlets, crawl runs, fetched pages and articles, in batched upserts.

Everything is keyed so a re-crawl never creates a second row: articles on their normalised URL,
outlets on their slug. Each batch is one transaction, so a batch lands whole or not at all.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, case, func, literal, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.analysis import RELEVANCE_THRESHOLD
from newsarchive.extract import EXTRACTOR_VERSION, ArticleRecord, Evidence
from newsarchive.registry import Outlet as RegistryOutlet
from newsarchive.store.analysis import Analysis
from newsarchive.store.models import Article, ArticleRevision, CrawlRun, Outlet, Page

#: Outcomes of article fetches that mean "we know this URL; don't fetch it again".
SETTLED_PAGE_OUTCOMES = ("stored", "unchanged", "not_article")

#: Columns a re-fetch replaces when the article's content changed.
REFRESHED_COLUMNS = (
    "title",
    "lead",
    "authors",
    "published_at",
    "published_source",
    "modified_at",
    "language",
    "section",
    "tags",
    "text",
    "word_count",
    "content_hash",
    "simhash",
    "quality_flags",
    "extractor_version",
    "final_url",
    "canonical_url",
    "wire_source",
    "is_paywalled",
    "topics",
    "countries",
    "relevance",
    "is_relevant",
)


@dataclass(frozen=True)
class ArticleRow:
    """An extracted article ready to store under `url` (its normalised canonical URL)."""

    outlet: str
    url: str
    original_url: str
    final_url: str
    record: ArticleRecord
    evidence: Evidence
    analysis: Analysis = field(default_factory=Analysis)


@dataclass(frozen=True)
class PageRow:
    """One fetch attempt, whatever came of it; `article_url` links it to the stored article."""

    outlet: str
    kind: str
    url: str
    outcome: str
    final_url: str | None = None
    error: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    html: bytes | None = None
    article_url: str | None = None


@dataclass
class BatchResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_urls: list[str] = field(default_factory=list)


@dataclass
class RunSummary:
    """Counts a finished crawl run is recorded with."""

    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    non_articles: int = 0
    failures: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)


class Archive:
    """The crawler's one door into the database. Synchronous: callers run it off the reactor."""

    def __init__(self, engine: Engine, relevance_threshold: float = RELEVANCE_THRESHOLD) -> None:
        self.engine = engine
        self.relevance_threshold = relevance_threshold
        self._outlet_ids: dict[str, int] = {}

    # -- outlets -------------------------------------------------------------------------------

    def sync_outlets(self, outlets: Iterable[RegistryOutlet]) -> dict[str, int]:
        """Mirror registry entries into `outlets` (insert or update by slug); return slug -> id."""
        rows = [
            {
                "slug": o.slug,
                "name": o.name,
                "country": o.country,
                "language": o.language,
                "kind": o.kind,
                "homepage": o.homepage,
                "domains": list(o.domains),
                "feeds": list(o.feeds),
                "sitemaps": list(o.sitemaps) + list(o.archive_sitemaps),
            }
            for o in outlets
        ]
        if not rows:
            return {}
        values = insert(Outlet).values(rows)
        stmt = values.on_conflict_do_update(
            index_elements=[Outlet.slug],
            set_={
                name: values.excluded[name]
                for name in (
                    "name",
                    "country",
                    "language",
                    "kind",
                    "homepage",
                    "domains",
                    "feeds",
                    "sitemaps",
                )
            }
            | {"updated_at": func.now()},
        ).returning(Outlet.slug, Outlet.id)
        with Session(self.engine) as session, session.begin():
            ids = {slug: id_ for slug, id_ in session.execute(stmt)}
        self._outlet_ids.update(ids)
        return ids

    def _outlet_id(self, session: Session, slug: str) -> int:
        if slug not in self._outlet_ids:
            found = session.scalar(select(Outlet.id).where(Outlet.slug == slug))
            if found is None:
                raise KeyError(f"outlet {slug!r} is not in the database; sync the registry first")
            self._outlet_ids[slug] = found
        return self._outlet_ids[slug]

    # -- crawl runs ----------------------------------------------------------------------------

    def start_run(self, outlets: Sequence[str]) -> int:
        with Session(self.engine) as session, session.begin():
            run = CrawlRun(outlets=list(outlets), outcome="running")
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int, summary: RunSummary, outcome: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(CrawlRun)
                .where(CrawlRun.id == run_id)
                .values(
                    finished_at=func.now(),
                    outcome=outcome,
                    pages_fetched=summary.pages_fetched,
                    articles_new=summary.articles_new,
                    articles_updated=summary.articles_updated,
                    articles_unchanged=summary.articles_unchanged,
                    non_articles=summary.non_articles,
                    failures=summary.failures,
                    failures_by_reason=summary.failures_by_reason,
                    stats=summary.stats,
                )
            )

    # -- discovery -----------------------------------------------------------------------------

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these URLs the archive already holds (as an article, or as a settled page)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return set()
        with Session(self.engine) as session:
            as_articles = session.scalars(select(Article.url).where(Article.url.in_(wanted))).all()
            as_listed = session.scalars(
                select(Article.original_url).where(Article.original_url.in_(wanted))
            ).all()
            as_pages = session.scalars(
                select(Page.url)
                .where(Page.url.in_(wanted))
                .where(Page.kind == "article")
                .where(Page.outcome.in_(SETTLED_PAGE_OUTCOMES))
            ).all()
        return set(as_articles) | set(as_listed) | set(as_pages)

    # -- articles and pages --------------------------------------------------------------------

    def store_batch(
        self, run_id: int | None, articles: Sequence[ArticleRow], pages: Sequence[PageRow]
    ) -> BatchResult:
        """Upsert articles and record pages in one transaction."""
        result = BatchResult()
        with Session(self.engine) as session, session.begin():
            article_ids = self._upsert_articles(session, articles, result)
            new_ids = [article_ids[url] for url in result.new_urls if url in article_ids]
            if new_ids:
                link_duplicates(session, new_ids)
            if pages:
                session.execute(
                    insert(Page),
                    [self._page_values(session, run_id, page, article_ids) for page in pages],
                )
        return result

    def _upsert_articles(
        self, session: Session, articles: Sequence[ArticleRow], result: BatchResult
    ) -> dict[str, int]:
        # One statement cannot touch the same row twice: the last copy of a URL in a batch wins.
        by_url = {row.url: row for row in articles}
        if not by_url:
            return {}
        # Result objects have .keys(): build dicts from rows explicitly, not with dict(result).
        existing = {
            url: content_hash
            for url, content_hash in session.execute(
                select(Article.url, Article.content_hash).where(Article.url.in_(by_url))
            )
        }
        changed_urls = [
            url
            for url, row in by_url.items()
            if url in existing and existing[url] != row.record.content_hash
        ]
        if changed_urls:
            _keep_revisions(session, Article.url.in_(changed_urls), reason="refetch")
        now = datetime.now(UTC)
        values = [self._article_values(session, row, now) for row in by_url.values()]
        stmt = insert(Article).values(values)
        changed = stmt.excluded.content_hash != Article.content_hash
        # An unchanged page only moves last_fetched_at; a changed one replaces the record.
        set_: dict[str, Any] = {
            name: case((changed, stmt.excluded[name]), else_=getattr(Article, name))
            for name in REFRESHED_COLUMNS
        }
        set_["last_fetched_at"] = stmt.excluded.last_fetched_at
        upsert = stmt.on_conflict_do_update(index_elements=[Article.url], set_=set_).returning(
            Article.url, Article.id
        )
        ids = {url: id_ for url, id_ in session.execute(upsert)}
        for url, row in by_url.items():
            if url not in existing:
                result.new += 1
                result.new_urls.append(url)
            elif existing[url] != row.record.content_hash:
                result.updated += 1
            else:
                result.unchanged += 1
        return ids

    def apply_reextraction(
        self, records: Sequence[tuple[int, ArticleRecord | None, Analysis | None]]
    ) -> BatchResult:
        """Store fresh extractions of archived pages: changed records replace the stored ones
        (old bodies become revisions); every re-extracted row records the extractor version.

        A page that no longer extracts as an article keeps its row (nothing is lost); it counts
        as unchanged here and the caller reports it.
        """
        result = BatchResult()
        found = {article_id: record for article_id, record, _ in records if record is not None}
        analyses = {article_id: analysis for article_id, _, analysis in records if analysis}
        if not found:
            return result
        with Session(self.engine) as session, session.begin():
            current = {
                row.id: row
                for row in session.execute(select(Article).where(Article.id.in_(found))).scalars()
            }
            body_changed = [
                article_id
                for article_id, record in found.items()
                if article_id in current and current[article_id].content_hash != record.content_hash
            ]
            if body_changed:
                _keep_revisions(session, Article.id.in_(body_changed), reason="reextract")
            for article_id, record in found.items():
                article = current.get(article_id)
                if article is None:
                    continue
                fresh = _record_values(record)
                if article_id in analyses:
                    fresh |= self._analysis_values(analyses[article_id])
                differs = any(getattr(article, name) != value for name, value in fresh.items())
                for name, value in fresh.items():
                    setattr(article, name, value)
                article.extractor_version = EXTRACTOR_VERSION
                if differs:
                    result.updated += 1
                else:
                    result.unchanged += 1
        return result

    def _analysis_values(self, analysis: Analysis) -> dict[str, Any]:
        relevance = analysis.relevance
        return {
            "topics": list(analysis.topics),
            "countries": list(analysis.countries),
            "relevance": relevance,
            "is_relevant": relevance is not None and relevance >= self.relevance_threshold,
        }

    def _article_values(self, session: Session, row: ArticleRow, now: datetime) -> dict[str, Any]:
        record = row.record
        return {
            "outlet_id": self._outlet_id(session, row.outlet),
            "url": row.url,
            "original_url": row.original_url,
            "final_url": row.final_url,
            **_record_values(record),
            **self._analysis_values(row.analysis),
            "listed_title": row.evidence.title,
            "listed_published_at": row.evidence.published_at,
            "listed_in": row.evidence.listed_in,
            "extractor_version": EXTRACTOR_VERSION,
            "first_seen_at": now,
            "last_fetched_at": now,
        }

    def _page_values(
        self, session: Session, run_id: int | None, page: PageRow, article_ids: dict[str, int]
    ) -> dict[str, Any]:
        article_id = article_ids.get(page.article_url) if page.article_url else None
        if page.article_url and article_id is None:
            article_id = session.scalar(select(Article.id).where(Article.url == page.article_url))
        return {
            "crawl_run_id": run_id,
            "outlet_id": self._outlet_id(session, page.outlet),
            "article_id": article_id,
            "kind": page.kind,
            "url": page.url,
            "final_url": page.final_url,
            "outcome": page.outcome,
            "error": page.error,
            "http_status": page.http_status,
            "content_type": page.content_type,
            "encoding": page.encoding,
            "encoding_source": page.encoding_source,
            "headers": page.headers,
            "html_gz": gzip.compress(page.html, compresslevel=1) if page.html else None,
        }


def _record_values(record: ArticleRecord) -> dict[str, Any]:
    """The article columns an extraction decides."""
    return {
        "canonical_url": record.canonical_url,
        "title": record.title,
        "lead": record.lead,
        "authors": list(record.authors),
        "published_at": record.published_at,
        "published_source": record.published_source,
        "modified_at": record.modified_at,
        "language": record.language,
        "section": record.section,
        "tags": list(record.tags),
        "text": record.text,
        "word_count": record.word_count,
        "content_hash": record.content_hash,
        "simhash": record.simhash,
        "quality_flags": list(record.quality_flags),
        "wire_source": record.wire_source,
        "is_paywalled": record.is_paywalled,
    }


def _keep_revisions(session: Session, which: Any, reason: str) -> None:
    """Copy the current text of the selected articles into article_revisions before a change."""
    session.execute(
        insert(ArticleRevision).from_select(
            [
                "article_id",
                "title",
                "text",
                "content_hash",
                "extractor_version",
                "valid_from",
                "reason",
            ],
            select(
                Article.id,
                Article.title,
                Article.text,
                Article.content_hash,
                Article.extractor_version,
                Article.last_fetched_at,
                literal(reason),
            ).where(which),
        )
    )


#: Near-duplicate threshold: simhashes of copies of one text differ in a few bits (a changed
#: headline, a credit line); different write-ups of one event differ in dozens.
MAX_SIMHASH_DISTANCE = 3
#: Copies of a story appear within days of each other; the window keeps lookups small.
DUPLICATE_WINDOW = "14 days"

_LINK_TO_EARLIER = text(
    f"""
    WITH candidates AS (
        SELECT n.id AS copy_id, (
            SELECT o.id FROM articles o
            WHERE o.id <> n.id AND o.duplicate_of IS NULL
              AND (o.content_hash = n.content_hash
                   OR ((o.simhash_band0 = n.simhash_band0 OR o.simhash_band1 = n.simhash_band1
                        OR o.simhash_band2 = n.simhash_band2 OR o.simhash_band3 = n.simhash_band3)
                       AND bit_count((o.simhash # n.simhash)::bit(64)) <= :distance))
              AND coalesce(o.published_at, o.first_seen_at)
                  BETWEEN coalesce(n.published_at, n.first_seen_at) - interval '{DUPLICATE_WINDOW}'
                      AND coalesce(n.published_at, n.first_seen_at)
              AND (coalesce(o.published_at, o.first_seen_at), o.id)
                  < (coalesce(n.published_at, n.first_seen_at), n.id)
            ORDER BY coalesce(o.published_at, o.first_seen_at), o.id
            LIMIT 1
        ) AS original_id
        FROM articles n WHERE n.id = ANY(:ids)
    )
    UPDATE articles a SET duplicate_of = c.original_id
    FROM candidates c WHERE a.id = c.copy_id AND c.original_id IS NOT NULL
    """
)

_ADOPT_LATER = text(
    f"""
    WITH originals AS (
        SELECT id, content_hash, simhash, simhash_band0, simhash_band1, simhash_band2,
               simhash_band3, coalesce(published_at, first_seen_at) AS at
        FROM articles WHERE id = ANY(:ids) AND duplicate_of IS NULL
    ), later AS (
        SELECT DISTINCT ON (o.id) o.id AS copy_id, n.id AS original_id
        FROM originals n JOIN articles o
          ON o.id <> n.id
         AND (o.content_hash = n.content_hash
              OR ((o.simhash_band0 = n.simhash_band0 OR o.simhash_band1 = n.simhash_band1
                   OR o.simhash_band2 = n.simhash_band2 OR o.simhash_band3 = n.simhash_band3)
                  AND bit_count((o.simhash # n.simhash)::bit(64)) <= :distance))
         AND coalesce(o.published_at, o.first_seen_at)
             BETWEEN n.at AND n.at + interval '{DUPLICATE_WINDOW}'
         AND (coalesce(o.published_at, o.first_seen_at), o.id) > (n.at, n.id)
        ORDER BY o.id, n.at, n.id
    )
    UPDATE articles a SET duplicate_of = l.original_id
    FROM later l
    WHERE (a.id = l.copy_id OR a.duplicate_of = l.copy_id) AND a.id <> l.original_id
    """
)


def link_duplicates(session: Session, new_ids: Sequence[int]) -> None:
    """Point new copies at the earliest copy of their story, by equal content hash or simhash
    within MAX_SIMHASH_DISTANCE bits; a new article older than known copies becomes theirs.

    The four indexed 16-bit simhash bands make this an index lookup: two hashes within 3 bits
    agree on at least one band.
    """
    params = {"ids": list(new_ids), "distance": MAX_SIMHASH_DISTANCE}
    session.execute(_LINK_TO_EARLIER, params)
    session.execute(_ADOPT_LATER, params)
