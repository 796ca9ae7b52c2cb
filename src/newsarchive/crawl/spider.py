"""One generic spider for every outlet: feeds and sitemaps in, article requests with evidence out.

Discovery only: the spider reads listings, decides which article URLs are new, and hands every
fetched page (or failure) on as an item. Extraction and storage happen in the pipelines.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from newsarchive.crawl.failures import failure_reason
from newsarchive.crawl.items import FetchedArticle, FetchFailure, ListingFetched
from newsarchive.crawl.listings import ListingError, parse_listing
from newsarchive.crawl.urls import amp_canonical, normalise_url
from newsarchive.extract import Evidence
from newsarchive.registry import Outlet
from newsarchive.store.database import make_engine
from newsarchive.store.writes import Archive

#: Sitemap indexes may nest; real ones rarely go deeper than two levels.
MAX_SITEMAP_DEPTH = 3


class OutletSpider(Spider):
    """Crawls the outlets it is given; see module docstring."""

    name = "outlets"

    def __init__(
        self,
        outlets: Sequence[Outlet] = (),
        backfill: bool = False,
        max_articles: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.outlets = {outlet.slug: outlet for outlet in outlets}
        self.backfill = backfill
        self.max_articles = max_articles
        self.scheduled: set[str] = set()
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> OutletSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        database_url = crawler.settings.get("NEWSARCHIVE_DATABASE_URL")
        if database_url:
            spider.archive = Archive(make_engine(database_url))
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for outlet in self.outlets.values():
            for url in outlet.feeds:
                yield self._listing_request(outlet, url, "feed", depth=0)
            sitemaps: Iterable[str] = outlet.sitemaps
            if self.backfill:
                sitemaps = (*outlet.sitemaps, *outlet.archive_sitemaps)
            for url in sitemaps:
                yield self._listing_request(outlet, url, "sitemap", depth=0)

    def _listing_request(self, outlet: Outlet, url: str, kind: str, depth: int) -> Request:
        return Request(
            url,
            callback=self.parse_listing,
            errback=self.listing_failed,
            meta={"outlet": outlet.slug, "kind": kind, "depth": depth},
            # Listings change between runs: the duplicate filter must not hide a configured one.
            dont_filter=depth == 0,
            priority=10,
        )

    async def parse_listing(self, response: Response) -> AsyncIterator[Any]:
        outlet = self.outlets[response.meta["outlet"]]
        kind = response.meta["kind"]
        try:
            # Big sitemaps take real CPU to parse: keep it off the reactor thread.
            listing = await asyncio.to_thread(parse_listing, response.body, response.url)
        except ListingError as error:
            yield FetchFailure(
                outlet=outlet.slug,
                kind=kind,
                url=response.request.url if response.request else response.url,
                reason=f"listing_{error.reason}",
                error=str(error),
                status=response.status,
                headers=_headers(response),
            )
            return

        depth = response.meta["depth"]
        if depth < MAX_SITEMAP_DEPTH:
            for child in listing.sitemaps:
                if outlet.owns_url(child):
                    yield self._listing_request(outlet, child, "sitemap", depth + 1)

        candidates: dict[str, tuple[str, Evidence]] = {}
        for listed in listing.articles:
            url = normalise_url(amp_canonical(listed.url))
            if url is None or url in candidates or not outlet.wants_url(url):
                continue
            evidence = Evidence(
                title=listed.title, published_at=listed.published_at, listed_in=listed.listed_in
            )
            candidates[url] = (listed.url, evidence)
        known = await self._known(candidates)

        scheduled = 0
        for url, (original_url, evidence) in candidates.items():
            if url in known or url in self.scheduled:
                continue
            if self.max_articles is not None and len(self.scheduled) >= self.max_articles:
                self.crawler.stats.inc_value("newsarchive/skipped_max_articles")
                continue
            self.scheduled.add(url)
            scheduled += 1
            yield Request(
                url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta={"outlet": outlet.slug, "original_url": original_url, "evidence": evidence},
            )
        yield ListingFetched(
            outlet=outlet.slug,
            kind=kind,
            url=response.request.url if response.request else response.url,
            final_url=response.url,
            status=response.status,
            listed=len(listing.articles) + len(listing.sitemaps),
            scheduled=scheduled,
            headers=_headers(response),
            extra={"known": len(known)},
        )

    async def _known(self, candidates: dict[str, tuple[str, Evidence]]) -> set[str]:
        if self.archive is None or not candidates:
            return set()
        urls = list(candidates) + [original for original, _ in candidates.values()]
        found = await asyncio.to_thread(self.archive.known_urls, urls)
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
        )

    def listing_failed(self, failure: Failure) -> Iterator[FetchFailure]:
        yield self._failure_item(failure, failure.request.meta["kind"])  # type: ignore[attr-defined]

    def article_failed(self, failure: Failure) -> Iterator[FetchFailure]:
        yield self._failure_item(failure, "article")

    def _failure_item(self, failure: Failure, kind: str) -> FetchFailure:
        request: Request = failure.request  # type: ignore[attr-defined]
        reason, status, response = failure_reason(failure)
        return FetchFailure(
            outlet=request.meta["outlet"],
            kind=kind,
            url=request.url,
            reason=reason,
            error=failure.getErrorMessage() or reason,
            status=status,
            headers=_headers(response) if response is not None else {},
        )


def _headers(response: Response) -> dict[str, str]:
    """The response headers worth keeping (caching validators, type, length, server)."""
    kept = {}
    for name in (b"Content-Type", b"Content-Length", b"ETag", b"Last-Modified", b"Server"):
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
