"""One generic spider for every outlet: feeds and sitemaps in, article requests with evidence out.

Discovery only: the spider reads listings, decides which article URLs are new, and hands every
fetched page (or failure) on as an item. Extraction and storage happen in the pipelines.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from newsarchive.discover.listing_pages import parse_listing_page
from newsarchive.discover.listings import ListedArticle, Listing, ListingError, parse_listing
from newsarchive.discover.urls import amp_canonical, normalise_url
from newsarchive.extract import Evidence
from newsarchive.fetch.browser import browser_meta
from newsarchive.fetch.database import CrawlDatabase
from newsarchive.fetch.failures import describe_failure
from newsarchive.fetch.items import FetchedArticle, FetchFailure, ListingFetched
from newsarchive.fetch.middlewares import received_gzip, retry_after_seconds
from newsarchive.fetch.settings import read_float, read_int
from newsarchive.logs import brief
from newsarchive.registry import Outlet
from newsarchive.store.frontier import Frontier

log = logging.getLogger(__name__)

#: Sitemap indexes may nest; real ones rarely go deeper than two levels.
MAX_SITEMAP_DEPTH = 3


def _slot_meta(outlet: Outlet) -> dict[str, Any]:
    """Request meta putting an outlet with its own politeness into its own download slot.

    The slot's delay and concurrency come from DOWNLOAD_SLOTS (fetch.settings.outlet_slots).
    AutoThrottle would lower a configured delay towards DOWNLOAD_DELAY on a fast site, so a
    delay the registry asks for is kept as it is.
    """
    if outlet.download_slot is None:
        return {}
    meta: dict[str, Any] = {"download_slot": outlet.download_slot}
    if outlet.download_delay is not None:
        meta["autothrottle_dont_adjust_delay"] = True
    return meta


class OutletSpider(Spider):
    """Crawls the outlets it is given; see module docstring."""

    name = "outlets"

    def __init__(
        self,
        outlets: Sequence[Outlet] = (),
        backfill: bool = False,
        max_articles: int | None = None,
        seed: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.outlets = {outlet.slug: outlet for outlet in outlets}
        # The outlets whose listings this process requests. A process that could not lock an
        # outlet (another run has it) seeds nothing for it; with a shared Redis frontier it
        # still works the queue as a pure worker.
        self.seed = list(self.outlets) if seed is None else [s for s in seed if s in self.outlets]
        self.backfill = backfill
        self.max_articles = max_articles
        self.scheduled: set[str] = set()
        self.frontier: Frontier | None = None
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.horizon: timedelta | None = None
        self.url_cap = 1000
        self.recheck_after: timedelta | None = timedelta(hours=24)
        self.recheck_within = timedelta(days=3)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> OutletSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        engine = CrawlDatabase.for_crawler(crawler).engine
        if engine is not None:
            spider.frontier = Frontier(engine)
        horizon = read_float(settings, "NEWSARCHIVE_LISTING_HORIZON_DAYS")
        spider.horizon = timedelta(days=horizon) if horizon > 0 else None
        spider.url_cap = read_int(settings, "NEWSARCHIVE_LISTING_URL_CAP")
        recheck = read_float(settings, "NEWSARCHIVE_RECHECK_AFTER_HOURS")
        spider.recheck_after = timedelta(hours=recheck) if recheck > 0 else None
        spider.recheck_within = timedelta(
            days=read_float(settings, "NEWSARCHIVE_RECHECK_WITHIN_DAYS")
        )
        return spider

    async def start(self) -> AsyncIterator[Any]:
        listings: list[tuple[Outlet, str, str]] = []
        for slug in self.seed:
            outlet = self.outlets[slug]
            listings += [(outlet, url, kind) for url, kind in outlet.run_listings(self.backfill)]
        if self.frontier is not None and listings:
            try:
                self.validators = await asyncio.to_thread(
                    self.frontier.listing_validators, [url for _, url, _ in listings]
                )
            except Exception as error:  # a full fetch is always correct, only slower
                log.warning("no conditional requests this run: %s", brief(error))
        for outlet, url, kind in listings:
            yield self._listing_request(outlet, url, kind, depth=0)
        for request in await self._due_requests():
            yield request

    async def _due_requests(self) -> list[Request]:
        """Failed URLs whose backoff has passed and articles due a re-check, as requests."""
        if self.frontier is None or not self.seed:
            return []
        try:
            due = await asyncio.to_thread(
                self.frontier.due_articles,
                self.seed,
                recheck_after=self.recheck_after,
                recheck_within=self.recheck_within,
            )
        except Exception as error:
            log.warning("could not read the URLs due for a retry: %s", brief(error))
            self.crawler.stats.inc_value("newsarchive/database_errors")
            return []
        requests = []
        for item in due:
            if item.url in self.scheduled:
                continue
            if self.max_articles is not None and len(self.scheduled) >= self.max_articles:
                break
            self.scheduled.add(item.url)
            self.crawler.stats.inc_value(f"newsarchive/scheduled_{item.why}")
            requests.append(
                self._article_request(
                    self.outlets[item.outlet], item.url, item.original_url, item.evidence
                )
            )
        return requests

    def _listing_request(self, outlet: Outlet, url: str, kind: str, depth: int) -> Request:
        headers = {}
        etag, last_modified = self.validators.get(url, (None, None))
        # A rendered page's list comes from its scripts, not from the HTML the validators
        # describe: it is asked for in full every time.
        browser = outlet.renders_in_browser(url)
        if etag and not browser:
            headers["If-None-Match"] = etag
        if last_modified and not browser:
            headers["If-Modified-Since"] = last_modified
        return Request(
            url,
            callback=self.parse_listing,
            errback=self.listing_failed,
            headers=headers,
            meta={
                "outlet": outlet.slug,
                "kind": kind,
                "depth": depth,
                "handle_httpstatus_list": [304],
                **(browser_meta() if browser else {}),
                **_slot_meta(outlet),
            },
            # Listings change between runs: the duplicate filter must not hide a configured one.
            dont_filter=depth == 0,
            priority=10,
        )

    def _article_request(
        self, outlet: Outlet, url: str, original_url: str, evidence: Evidence
    ) -> Request:
        return Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            meta={
                "outlet": outlet.slug,
                "original_url": original_url,
                "evidence": evidence,
                **(browser_meta() if outlet.renders_in_browser(url) else {}),
                **_slot_meta(outlet),
            },
        )

    async def parse_listing(self, response: Response) -> AsyncIterator[Any]:
        """A listing's answer: its child listings and its new article URLs as requests, then
        the listing itself as an item (what it listed, what was scheduled, what was left out)."""
        outlet = self.outlets[response.meta["outlet"]]
        kind = response.meta["kind"]
        requested = response.request.url if response.request else response.url
        if response.status == 304:
            self.crawler.stats.inc_value("newsarchive/listings_not_modified")
            yield self._listing_item(outlet, kind, requested, response, not_modified=True)
            return
        try:
            # Big sitemaps take real CPU to parse and normalise: keep it off the reactor thread.
            listing, candidates, too_old = await asyncio.to_thread(
                _read_listing, response.body, response.url, outlet, self._oldest(outlet), kind
            )
        except ListingError as error:
            yield FetchFailure(
                outlet=outlet.slug,
                kind=kind,
                url=requested,
                reason=f"listing_{error.reason}",
                error=str(error),
                status=response.status,
                headers=_headers(response),
            )
            return
        incomplete: list[str] = []
        for child in self._child_listings(
            outlet, kind, listing, response.meta["depth"], incomplete
        ):
            yield child
        if too_old:
            self.crawler.stats.inc_value("newsarchive/skipped_horizon", too_old)
        known = await self._known_or_all(candidates, requested, incomplete)
        articles = self._new_article_requests(outlet, candidates, known, incomplete)
        for request in articles:
            yield request
        yield self._listing_item(
            outlet,
            kind,
            requested,
            response,
            listed=len(listing.articles) + len(listing.sitemaps),
            scheduled=len(articles),
            extra={"known": len(known), "too_old": too_old},
            incomplete="; ".join(incomplete) or None,
        )

    def _oldest(self, outlet: Outlet) -> datetime | None:
        """The horizon: entries listed before this are not fetched (the outlet's own, or ours)."""
        horizon = timedelta(days=outlet.horizon_days) if outlet.horizon_days else self.horizon
        return datetime.now(UTC) - horizon if horizon is not None else None

    def _child_listings(
        self, outlet: Outlet, kind: str, listing: Listing, depth: int, incomplete: list[str]
    ) -> list[Request]:
        """Requests for a sitemap index's sitemaps, or an HTML listing's next pages (to the
        outlet's listing_depth), at most `url_cap` of them."""
        if depth >= (outlet.listing_depth - 1 if kind == "listing" else MAX_SITEMAP_DEPTH):
            return []
        children = [child for child in listing.sitemaps if outlet.owns_url(child)]
        children = [child for child in children if child not in outlet.disabled_sources]
        if len(children) > self.url_cap:
            incomplete.append(f"{len(children) - self.url_cap} child sitemaps over the cap")
            self.crawler.stats.inc_value(
                "newsarchive/skipped_url_cap", len(children) - self.url_cap
            )
            children = children[: self.url_cap]
        child_kind = "listing" if kind == "listing" else "sitemap"
        return [self._listing_request(outlet, child, child_kind, depth + 1) for child in children]

    async def _known_or_all(
        self, candidates: dict[str, tuple[str, Evidence]], requested: str, incomplete: list[str]
    ) -> set[str]:
        """The candidates the archive already knows; all of them when the database fails."""
        try:
            return await self._known(candidates)
        except Exception as error:
            # Without knowing what is archived we'd refetch everything: leave it to a later run.
            log.error("could not look up known URLs for %s: %s", requested, brief(error))
            self.crawler.stats.inc_value("newsarchive/database_errors")
            incomplete.append(f"database error: {brief(error)}")
            return set(candidates)

    def _new_article_requests(
        self,
        outlet: Outlet,
        candidates: dict[str, tuple[str, Evidence]],
        known: set[str],
        incomplete: list[str],
    ) -> list[Request]:
        """Requests for the candidates not known nor scheduled yet, within --max-articles and
        the per-listing cap; what either leaves out is noted in `incomplete`."""
        requests: list[Request] = []
        capped = 0
        over_max = 0
        for url, (original_url, evidence) in candidates.items():
            if url in known or url in self.scheduled:
                continue
            if self.max_articles is not None and len(self.scheduled) >= self.max_articles:
                self.crawler.stats.inc_value("newsarchive/skipped_max_articles")
                over_max += 1
                continue
            if len(requests) >= self.url_cap:
                capped += 1
                continue
            self.scheduled.add(url)
            requests.append(self._article_request(outlet, url, original_url, evidence))
        if over_max:
            incomplete.append(f"{over_max} new URLs left: --max-articles reached")
        if capped:
            self.crawler.stats.inc_value("newsarchive/skipped_url_cap", capped)
            incomplete.append(f"{capped} new URLs over the per-listing cap of {self.url_cap}")
        return requests

    def _listing_item(
        self,
        outlet: Outlet,
        kind: str,
        requested: str,
        response: Response,
        *,
        listed: int = 0,
        scheduled: int = 0,
        **details: Any,
    ) -> ListingFetched:
        return ListingFetched(
            outlet=outlet.slug,
            kind=kind,
            url=requested,
            final_url=response.url,
            status=response.status,
            listed=listed,
            scheduled=scheduled,
            headers=_headers(response),
            **details,
        )

    async def _known(self, candidates: dict[str, tuple[str, Evidence]]) -> set[str]:
        if self.frontier is None or not candidates:
            return set()
        urls = list(candidates) + [original for original, _ in candidates.values()]
        found = await asyncio.to_thread(self.frontier.known_urls, urls)
        return {url for url, (original, _) in candidates.items() if {url, original} & found}

    def parse_article(self, response: Response) -> Iterator[FetchedArticle]:
        request = response.request
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        yield FetchedArticle(
            outlet=response.meta["outlet"],
            url=request.url if request else response.url,
            original_url=response.meta["original_url"],
            final_url=response.url,
            status=response.status,
            headers=_headers(response),
            body=response.body,
            http_charset=_charset(content_type),
            evidence=response.meta["evidence"],
            html_gz=received_gzip(response),
        )

    def listing_failed(self, failure: Failure) -> Iterator[FetchFailure]:
        yield self._failure_item(failure, failure.request.meta["kind"])  # type: ignore[attr-defined]

    def article_failed(self, failure: Failure) -> Iterator[FetchFailure]:
        yield self._failure_item(failure, "article")

    def _failure_item(self, failure: Failure, kind: str) -> FetchFailure:
        request: Request = failure.request  # type: ignore[attr-defined]
        described = describe_failure(failure)
        response = described.response
        return FetchFailure(
            outlet=request.meta["outlet"],
            kind=kind,
            url=request.url,
            reason=described.reason,
            error=described.detail,
            status=described.status,
            headers=_headers(response) if response is not None else {},
            original_url=request.meta.get("original_url"),
            evidence=request.meta.get("evidence"),
            retry_after=retry_after_seconds(response) if response is not None else None,
        )


def _read_listing(
    body: bytes, url: str, outlet: Outlet, oldest: datetime | None, kind: str = "feed"
) -> tuple[Listing, dict[str, tuple[str, Evidence]], int]:
    """Parse a listing and pick its article URLs the outlet wants, normalised, newest first.

    Returns the listing, {normalised URL: (URL as listed, evidence)}, and how many entries were
    older than `oldest` (the horizon). Pure CPU work, run in a thread. An HTML listing page
    (kind "listing") comes back as a Listing whose `sitemaps` are its next pages.
    """
    if kind == "listing":
        page = parse_listing_page(
            body, url, include=outlet.include, exclude=outlet.exclude, latest=datetime.now(UTC)
        )
        listing = Listing("listing_page", page.articles, page.next_pages)
    else:
        listing = parse_listing(body, url)
    candidates: dict[str, tuple[str, Evidence]] = {}
    too_old = 0
    for listed in _newest_first(listing.articles):
        key = normalise_url(amp_canonical(listed.url))
        if key is None or key in candidates or not outlet.wants_url(key):
            continue
        listed_at = listed.published_at or listed.modified_at
        if oldest is not None and listed_at is not None and listed_at < oldest:
            too_old += 1
            continue
        evidence = Evidence(
            title=listed.title, published_at=listed.published_at, listed_in=listed.listed_in
        )
        candidates[key] = (listed.url, evidence)
    return listing, candidates, too_old


def _newest_first(articles: Sequence[ListedArticle]) -> list[ListedArticle]:
    """Dated entries newest first, then undated ones in listing order (stable sort).

    When a cap cuts a listing short, what is left out is the oldest part of it.
    """
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(articles, key=lambda a: a.published_at or a.modified_at or epoch, reverse=True)


def _headers(response: Response) -> dict[str, str]:
    """The response headers worth keeping (caching validators, type, length, server)."""
    kept = {}
    for name in (
        b"Content-Type",
        b"Content-Length",
        b"ETag",
        b"Last-Modified",
        b"Server",
        b"Retry-After",
    ):
        value = response.headers.get(name)
        if value is not None:
            kept[name.decode()] = value.decode("latin-1")
    return kept


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ") or None
    return None
