"""Writing to the archive: outlets, crawl runs, fetched pages and articles, in batched upserts.

Everything is keyed so a re-crawl never creates a second row: articles on their normalised URL,
outlets on their slug. Each batch is one transaction, so a batch lands whole or not at all.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, delete, func, literal, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.analysis import RELEVANCE_THRESHOLD
from newsarchive.analysis.result import Analysis
from newsarchive.extract import EXTRACTOR_VERSION, ArticleRecord, Evidence
from newsarchive.registry import Outlet as RegistryOutlet
from newsarchive.store.models import (
    Article,
    ArticleRevision,
    CrawlRun,
    FailedUrl,
    ListingSource,
    Outlet,
    Page,
)

#: Outcomes of article fetches that mean "we know this URL; don't fetch it again".
SETTLED_PAGE_OUTCOMES = ("stored", "unchanged", "not_article")

#: The article columns an extraction decides: ArticleRecord's fields, by the same names (its
#: `url` is the row's key, never refreshed).
RECORD_COLUMNS = tuple(f.name for f in fields(ArticleRecord) if f.name != "url")
#: The article columns an analysis decides (see Archive._analysis_values).
ANALYSIS_COLUMNS = ("topics", "countries", "relevance", "is_relevant")
#: Columns a re-fetch replaces when the article's content changed (and re-extraction rewrites).
REFRESHED_COLUMNS = (*RECORD_COLUMNS, *ANALYSIS_COLUMNS, "extractor_version", "final_url")


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
    # Listings: URLs listed and URLs new to the archive (source health).
    listed: int | None = None
    new_articles: int | None = None
    # Failed articles: what a retry needs, and how long the server asked us to wait.
    original_url: str | None = None
    evidence: Evidence | None = None
    retry_after: float | None = None
    reason: str | None = None


@dataclass(frozen=True)
class RetryPolicy:
    """How failed article URLs are retried by later runs.

    The wait doubles with each failed attempt, from `backoff` up to `max_backoff`, and is never
    shorter than a server's Retry-After. After `max_attempts` (fewer for a page that is gone) the
    URL is given up on; it stays in failed_urls, where `newsarchive status` shows it.
    """

    backoff: timedelta = timedelta(minutes=30)
    max_backoff: timedelta = timedelta(days=2)
    max_attempts: int = 8
    max_attempts_gone: int = 2  # 404 and 410: the page is probably gone for good

    def next_attempt(self, attempts: int, now: datetime, retry_after: float | None) -> datetime:
        wait = min(self.backoff * (1 << max(attempts - 1, 0)), self.max_backoff)
        if retry_after is not None:
            wait = max(wait, timedelta(seconds=min(retry_after, self.max_backoff.total_seconds())))
        return now + wait

    def gives_up(self, attempts: int, http_status: int | None) -> bool:
        limit = self.max_attempts_gone if http_status in (404, 410) else self.max_attempts
        return attempts >= limit


@dataclass(frozen=True)
class DueArticle:
    """An article URL a run should fetch although no listing led to it: a retry or a re-check."""

    outlet: str
    url: str
    original_url: str
    evidence: Evidence
    why: str  # retry | recheck


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

    def __init__(
        self,
        engine: Engine,
        relevance_threshold: float = RELEVANCE_THRESHOLD,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.engine = engine
        self.relevance_threshold = relevance_threshold
        self.retry_policy = retry_policy or RetryPolicy()
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

    def finish_run(
        self,
        run_id: int,
        summary: RunSummary,
        outcome: str,
        *,
        skipped_outlets: Sequence[str] = (),
        alerts: Sequence[dict[str, str]] = (),
    ) -> None:
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
                    skipped_outlets=list(skipped_outlets),
                    alerts=list(alerts),
                )
            )
            if outcome != "failed":
                _commit_validators(session, run_id)

    def abandon_stale_runs(self, run_lock_namespace: int) -> list[int]:
        """Mark runs still 'running' whose process is gone (killed, machine lost) as failed.

        A live run holds an advisory lock on its id (see store.locks); a 'running' row whose
        lock nobody holds belongs to a process that died without finishing.
        """
        with Session(self.engine) as session, session.begin():
            return list(session.scalars(_ABANDON_STALE_RUNS, {"ns": run_lock_namespace}))

    # -- listing sources -----------------------------------------------------------------------

    def listing_validators(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified last committed for each listing URL, for conditional requests."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        with Session(self.engine) as session:
            rows = session.execute(
                select(ListingSource.url, ListingSource.etag, ListingSource.last_modified).where(
                    ListingSource.url.in_(wanted)
                )
            )
            return {url: (etag, modified) for url, etag, modified in rows if etag or modified}

    # -- retries and re-checks -----------------------------------------------------------------

    def due_articles(
        self,
        outlets: Sequence[str],
        *,
        recheck_after: timedelta | None,
        recheck_within: timedelta,
        limit: int = 10_000,
    ) -> list[DueArticle]:
        """Failed URLs whose backoff has passed, and recent articles due their one re-check.

        A re-check fetches an article once more `recheck_after` its first fetch (outlets fix and
        extend stories in the first day), so an edit becomes a revision; older articles and
        already re-checked ones are left alone.
        """
        if not outlets:
            return []
        now = datetime.now(UTC)
        due: list[DueArticle] = []
        with Session(self.engine) as session:
            retries = session.execute(
                select(FailedUrl, Outlet.slug)
                .join(Outlet, Outlet.id == FailedUrl.outlet_id)
                .where(Outlet.slug.in_(outlets))
                .where(FailedUrl.gave_up.is_(False))
                .where(FailedUrl.next_attempt_at <= now)
                .order_by(FailedUrl.next_attempt_at)
                .limit(limit)
            )
            for failed, slug in retries:
                evidence = Evidence(
                    title=failed.listed_title,
                    published_at=failed.listed_published_at,
                    listed_in=failed.listed_in,
                )
                original = failed.original_url or failed.url
                due.append(DueArticle(slug, failed.url, original, evidence, "retry"))
            if recheck_after is not None:
                rechecks = session.execute(
                    select(
                        Article.url,
                        Article.original_url,
                        Article.listed_title,
                        Article.listed_published_at,
                        Article.listed_in,
                        Outlet.slug,
                    )
                    .join(Outlet, Outlet.id == Article.outlet_id)
                    .where(Outlet.slug.in_(outlets))
                    .where(Article.first_seen_at >= now - recheck_within)
                    .where(Article.first_seen_at <= now - recheck_after)
                    .where(Article.last_fetched_at < Article.first_seen_at + recheck_after)
                    .order_by(Article.first_seen_at)
                    .limit(limit)
                )
                for url, original, title, published, listed_in, slug in rechecks:
                    evidence = Evidence(title=title, published_at=published, listed_in=listed_in)
                    due.append(DueArticle(slug, url, original, evidence, "recheck"))
        return due

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
            # A failed URL is retried when its backoff has passed (see due_articles), not every
            # time a listing mentions it.
            waiting = session.scalars(
                select(FailedUrl.url)
                .where(FailedUrl.url.in_(wanted))
                .where(
                    (FailedUrl.gave_up.is_(True)) | (FailedUrl.next_attempt_at > datetime.now(UTC))
                )
            ).all()
        return set(as_articles) | set(as_listed) | set(as_pages) | set(waiting)

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
                self._record_sources(session, pages)
                self._record_failed_urls(session, pages)
        return result

    def _record_sources(self, session: Session, pages: Sequence[PageRow]) -> None:
        """Per feed/sitemap health: attempts, successes, consecutive failures, last new article.

        Validators (ETag, Last-Modified) are not taken here: finish_run commits them once the
        run is known to have stored what the listing led to (see _commit_validators).
        """
        now = datetime.now(UTC)
        for page in pages:
            if page.kind not in ("feed", "sitemap", "listing") or page.outcome == "skipped":
                continue
            ok = page.outcome in ("listed", "not_modified")
            values: dict[str, Any] = {
                "outlet_id": self._outlet_id(session, page.outlet),
                "url": page.url,
                "kind": page.kind,
                "last_attempt_at": now,
                "last_status": page.http_status,
            }
            set_: dict[str, Any] = {
                "last_attempt_at": now,
                "last_status": page.http_status,
                "kind": page.kind,
            }
            if ok:
                values |= {"last_success_at": now, "consecutive_failures": 0}
                set_ |= {"last_success_at": now, "consecutive_failures": 0}
                if page.outcome == "listed":
                    values["last_listed"] = set_["last_listed"] = page.listed
                if page.new_articles:
                    values["last_new_article_at"] = set_["last_new_article_at"] = now
            else:
                values |= {"last_failure_at": now, "last_error": page.error}
                values["consecutive_failures"] = 1
                set_ |= {
                    "last_failure_at": now,
                    "last_error": page.error,
                    "consecutive_failures": ListingSource.consecutive_failures + 1,
                }
            stmt = insert(ListingSource).values(values)
            session.execute(stmt.on_conflict_do_update(index_elements=["url"], set_=set_))

    def _record_failed_urls(self, session: Session, pages: Sequence[PageRow]) -> None:
        """Failed article fetches join failed_urls (attempts, backoff); successes leave it."""
        done = [
            page.url
            for page in pages
            if page.kind == "article" and page.outcome in ("stored", "not_article")
        ]
        if done:
            session.execute(delete(FailedUrl).where(FailedUrl.url.in_(done)))
        failed = {
            page.url: page for page in pages if page.kind == "article" and page.outcome == "failed"
        }
        if not failed:
            return
        now = datetime.now(UTC)
        attempts = {
            url: count
            for url, count in session.execute(
                select(FailedUrl.url, FailedUrl.attempts).where(FailedUrl.url.in_(failed))
            )
        }
        policy = self.retry_policy
        for url, page in failed.items():
            count = attempts.get(url, 0) + 1
            evidence = page.evidence or Evidence()
            values = {
                "url": url,
                "outlet_id": self._outlet_id(session, page.outlet),
                "original_url": page.original_url or url,
                "listed_title": evidence.title,
                "listed_published_at": evidence.published_at,
                "listed_in": evidence.listed_in,
                "reason": page.reason or "failed",
                "error": page.error,
                "http_status": page.http_status,
                "attempts": count,
                "first_failed_at": now,
                "last_failed_at": now,
                "next_attempt_at": policy.next_attempt(count, now, page.retry_after),
                "gave_up": policy.gives_up(count, page.http_status),
            }
            stmt = insert(FailedUrl).values(values)
            kept = ("url", "outlet_id", "first_failed_at", "listed_title", "listed_in")
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["url"],
                    set_={k: stmt.excluded[k] for k in values if k not in kept},
                )
            )

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
        is_relevant = relevance is not None and relevance >= self.relevance_threshold
        values = (list(analysis.topics), list(analysis.countries), relevance, is_relevant)
        return dict(zip(ANALYSIS_COLUMNS, values, strict=True))

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
    """The article columns an extraction decides, named as the record's fields (tuples as lists)."""
    values = {name: getattr(record, name) for name in RECORD_COLUMNS}
    return {name: list(v) if isinstance(v, tuple) else v for name, v in values.items()}


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


_ABANDON_STALE_RUNS = text(
    """
    UPDATE crawl_runs r
    SET outcome = 'failed', finished_at = now(),
        alerts = r.alerts || jsonb_build_array(jsonb_build_object(
            'outlet', '', 'check', 'abandoned',
            'detail', 'the process ended without finishing the run (killed or lost)'))
    WHERE r.outcome = 'running'
      AND NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory'
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = CAST(:ns AS oid) AND l.objid = CAST(r.id AS oid) AND l.objsubid = 2
            AND l.granted)
    RETURNING r.id
    """
)

_COMMIT_VALIDATORS = text(
    """
    UPDATE listing_sources s
    SET etag = p.headers ->> 'ETag', last_modified = p.headers ->> 'Last-Modified'
    FROM (
        SELECT DISTINCT ON (url) url, headers, error FROM pages
        WHERE crawl_run_id = :run_id AND kind <> 'article' AND outcome = 'listed'
        ORDER BY url, id DESC
    ) p
    WHERE s.url = p.url AND p.error IS NULL
    """
)


def _commit_validators(session: Session, run_id: int) -> None:
    """Keep the ETag/Last-Modified of listings this run read in full and acted on.

    Only at the end of a run that did not fail: a run killed after reading a feed but before
    storing its articles must not leave a validator behind, or the next run would get 304 Not
    Modified and never see those articles again. A listing the run left incomplete (URL cap,
    --max-articles, a database error) carries an error note and keeps no validator either.
    """
    session.execute(_COMMIT_VALIDATORS, {"run_id": run_id})
