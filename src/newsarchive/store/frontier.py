"""The frontier: which URLs the archive already knows, which are due again, and listing health.

Reads answer the spider (skip a known URL, ask a feed conditionally, retry a failed URL once its
backoff has passed, re-check a young article once). Writes run inside the batch transaction
that records the pages they follow from (see store.articles.ArticleWriter.store_batch).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.extract import Evidence
from newsarchive.store.models import Article, FailedUrl, ListingSource, Outlet
from newsarchive.store.outlets import OutletIds
from newsarchive.store.rows import PageRow

#: Outcomes of article fetches that mean "we know this URL; don't fetch it again".
SETTLED_PAGE_OUTCOMES = ("stored", "unchanged", "not_article")
#: Page kinds that are listings (their health is kept in listing_sources).
LISTING_KINDS = ("feed", "sitemap", "listing")

#: URLs of the array :urls the archive knows: stored under them, listed as them, fetched with a
#: settled outcome, or failed and waiting out their backoff (a failed URL is retried when its
#: backoff has passed, see due_articles, not every time a listing mentions it). The articles'
#: urls are probed first and the rest only for the URLs not found there; a listed URL equal to
#: its article's url is found by that first probe, so only the others are indexed (migration
#: 0021) and probed.
_KNOWN_URLS = text(
    """
    WITH stored AS (SELECT url FROM articles WHERE url = ANY(:urls)),
    rest AS (SELECT ARRAY(SELECT unnest(CAST(:urls AS text[])) EXCEPT SELECT url FROM stored)
                    AS urls)
    SELECT url FROM stored
    UNION SELECT original_url FROM articles
          WHERE original_url = ANY(CAST((SELECT urls FROM rest) AS text[]))
            AND original_url <> url
    UNION SELECT url FROM pages
          WHERE url = ANY(CAST((SELECT urls FROM rest) AS text[])) AND kind = 'article'
            AND outcome = ANY(:settled)
    UNION SELECT url FROM failed_urls
          WHERE url = ANY(CAST((SELECT urls FROM rest) AS text[]))
            AND (gave_up OR next_attempt_at > :now)
    """
)


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


class Frontier:
    """The spider's questions to the archive. Synchronous: callers run it off the reactor."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these URLs the archive already holds (as an article, or as a settled page).

        One statement with the URLs as one array parameter: a listing of 1,000 URLs is one
        round trip (bench/scale.py). The listed URLs, the pages and the failures are probed only
        for the URLs not stored as articles, and the listed URLs only where they differ from
        their article's url (migration 0021).

        The listed URLs and the article pages' urls are probed in hash indexes (migration
        0022): those probes mostly find nothing, and a hash index reads one bucket page per URL
        whatever the archive's size, where a B-tree reads a page per level (three at 300,000
        articles, four at a million). The articles' urls are probed in their unique B-tree,
        whose index-only scan visits no heap page: a hash index of them (0022, dropped by 0023)
        read fewer buffers but visited the heap page of every stored URL, and the check took
        longer. At 300,000 articles (vacuumed, warm) 1,000 URLs, half of them stored, read 5,521
        buffers in 36.1 ms with B-trees alone and 4,021 in 33.1 ms now (bench/scale.py).
        """
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return set()
        params = {"urls": wanted, "settled": list(SETTLED_PAGE_OUTCOMES), "now": datetime.now(UTC)}
        with self.engine.connect() as conn:
            return set(conn.scalars(_KNOWN_URLS, params))

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
        with Session(self.engine) as session:
            due = _due_retries(session, outlets, now, limit)
            if recheck_after is not None:
                due += _due_rechecks(session, outlets, now, recheck_after, recheck_within, limit)
        return due


def _due_retries(
    session: Session, outlets: Sequence[str], now: datetime, limit: int
) -> list[DueArticle]:
    retries = session.execute(
        select(FailedUrl, Outlet.slug)
        .join(Outlet, Outlet.id == FailedUrl.outlet_id)
        .where(Outlet.slug.in_(outlets))
        .where(FailedUrl.gave_up.is_(False))
        .where(FailedUrl.next_attempt_at <= now)
        .order_by(FailedUrl.next_attempt_at)
        .limit(limit)
    )
    due = []
    for failed, slug in retries:
        evidence = Evidence(
            title=failed.listed_title,
            published_at=failed.listed_published_at,
            listed_in=failed.listed_in,
        )
        original = failed.original_url or failed.url
        due.append(DueArticle(slug, failed.url, original, evidence, "retry"))
    return due


def _due_rechecks(
    session: Session,
    outlets: Sequence[str],
    now: datetime,
    recheck_after: timedelta,
    recheck_within: timedelta,
    limit: int,
) -> list[DueArticle]:
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
    return [
        DueArticle(
            slug,
            url,
            original,
            Evidence(title=title, published_at=published, listed_in=listed_in),
            "recheck",
        )
        for url, original, title, published, listed_in, slug in rechecks
    ]


def record_listing_health(
    session: Session, outlet_ids: OutletIds, pages: Sequence[PageRow]
) -> None:
    """Per feed/sitemap health: attempts, successes, consecutive failures, last new article.

    Validators (ETag, Last-Modified) are not taken here: store.runs.finish_run commits them once
    the run is known to have stored what the listing led to.
    """
    now = datetime.now(UTC)
    for page in pages:
        if page.kind not in LISTING_KINDS or page.outcome == "skipped":
            continue
        set_: dict[str, Any] = {
            "last_attempt_at": now,
            "last_status": page.http_status,
            "kind": page.kind,
        }
        if page.outcome in ("listed", "not_modified"):
            set_ |= {"last_success_at": now, "consecutive_failures": 0}
            if page.outcome == "listed":
                set_["last_listed"] = page.listed
            if page.new_articles:
                set_["last_new_article_at"] = now
            first = set_
        else:
            set_ |= {"last_failure_at": now, "last_error": page.error}
            first = set_ | {"consecutive_failures": 1}
            set_["consecutive_failures"] = ListingSource.consecutive_failures + 1
        values = {"outlet_id": outlet_ids.get(session, page.outlet), "url": page.url, **first}
        stmt = insert(ListingSource).values(values)
        session.execute(stmt.on_conflict_do_update(index_elements=["url"], set_=set_))


def record_failed_urls(
    session: Session, outlet_ids: OutletIds, policy: RetryPolicy, pages: Sequence[PageRow]
) -> None:
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
    for url, page in failed.items():
        count = attempts.get(url, 0) + 1
        evidence = page.evidence or Evidence()
        values = {
            "url": url,
            "outlet_id": outlet_ids.get(session, page.outlet),
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
