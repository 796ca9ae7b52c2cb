"""Item pipelines: extraction in a process pool, then batched writes to the archive."""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from newsarchive.analysis.pool import extract_page, outlet_facts, pool_context, warm_up
from newsarchive.analysis.result import Analysis, PageExtraction
from newsarchive.discover.urls import normalise_url
from newsarchive.fetch.database import CrawlDatabase
from newsarchive.fetch.failures import NETWORK_REASONS, NOT_FAULTS
from newsarchive.fetch.items import FetchedArticle, FetchFailure, ListingFetched
from newsarchive.fetch.settings import read_float, read_int, read_retry_policy
from newsarchive.logs import brief
from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.rows import ArticleRow, PageRow
from newsarchive.store.spool import Spool
from newsarchive.store.structure import assign_urls

log = logging.getLogger(__name__)

#: Network failures logged one by one while nothing has answered (an offline machine).
OFFLINE_WARNINGS = 5


class ExtractionPipeline:
    """Runs extraction in worker processes so downloads never wait on CPU-bound parsing."""

    def __init__(
        self, workers: int, stats: StatsCollector, outlets: dict[str, Outlet] | None = None
    ) -> None:
        self.workers = workers
        self.stats = stats
        #: What extraction is told about each outlet (its name and time zone), by slug.
        self.facts = {slug: outlet_facts(o) for slug, o in (outlets or {}).items()}
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        workers = read_int(crawler.settings, "NEWSARCHIVE_EXTRACT_WORKERS") or (os.cpu_count() or 1)
        assert crawler.stats is not None
        outlets = {o.slug: o for o in crawler.settings.getlist("NEWSARCHIVE_OUTLETS")}
        return cls(workers, crawler.stats, outlets)

    def open_spider(self) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=pool_context(self.workers), initializer=warm_up
        )

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedArticle) or self.pool is None:
            return item
        loop = asyncio.get_running_loop()
        fetched_at = datetime.now(UTC)  # extraction never reads the clock: it is told
        result: PageExtraction = await loop.run_in_executor(
            self.pool,
            extract_page,
            item.body,
            item.http_charset,
            item.url,
            item.evidence,
            fetched_at,
            self.facts.get(item.outlet),
            # The raw page compressed for storage in the pool, not here, unless the server's
            # gzip bytes are kept as received.
            item.html_gz is None,
        )
        item.record = result.record
        item.encoding = result.encoding
        item.encoding_source = result.encoding_source
        item.extraction_error = result.error
        item.failure_reason = result.failure_reason
        item.not_article = str(result.not_article) if result.not_article else None
        item.analysis = result.analysis
        item.html_gz = item.html_gz or result.html_gz
        return item


def article_key(outlet: Outlet, requested: str, final_url: str, canonical: str | None) -> str:
    """The URL an article is stored under.

    The page's own rel=canonical wins when it points into the outlet's domains (AMP twins, URLs
    with tracking junk); a canonical on another site is what syndicated copies carry, and
    following it would merge the copy into another outlet's row, so it stays evidence only.
    """
    for candidate in (canonical, final_url):
        if candidate:
            url = normalise_url(candidate)
            if url and outlet.owns_url(url):
                return url
    return requested


class StorePipeline:
    """Buffers fetch outcomes and writes them in batches, one transaction per batch.

    A batch the database cannot take (it went away) goes to the spool on disk and is written
    when the database is back, so a fetched article is never lost; the run still ends failed.
    """

    def __init__(
        self,
        writer: ArticleWriter,
        outlets: dict[str, Outlet],
        run_id: int | None,
        batch_size: int,
        stats: StatsCollector,
        spool: Spool | None = None,
    ) -> None:
        self.writer = writer
        self.outlets = outlets
        self.run_id = run_id
        self.batch_size = batch_size
        self.stats = stats
        self.spool = spool
        self.articles: list[ArticleRow] = []
        self.pages: list[PageRow] = []
        self.lock = asyncio.Lock()
        #: The batch being written while the next one fills (see process_item).
        self.writing: asyncio.Future[None] | None = None
        self.unanswered = 0  # network failures logged while nothing has answered yet

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        outlets = {o.slug: o for o in settings.getlist("NEWSARCHIVE_OUTLETS")}
        run_id = settings.get("NEWSARCHIVE_RUN_ID")
        assert crawler.stats is not None
        spool_dir = settings.get("NEWSARCHIVE_SPOOL_DIR")
        engine = CrawlDatabase.for_crawler(crawler).engine
        if engine is None:
            raise ValueError("the store pipeline needs NEWSARCHIVE_DATABASE_URL")
        return cls(
            ArticleWriter(
                engine,
                read_float(settings, "NEWSARCHIVE_RELEVANCE_THRESHOLD"),
                read_retry_policy(settings),
            ),
            outlets,
            int(run_id) if run_id is not None else None,
            read_int(settings, "NEWSARCHIVE_STORE_BATCH"),
            crawler.stats,
            Spool(Path(spool_dir)) if spool_dir else None,
        )

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchedArticle):
            self._add_article(item)
        elif isinstance(item, FetchFailure):
            self._add_failure(item)
        elif isinstance(item, ListingFetched):
            self._add_listing(item)
        while len(self.pages) >= self.batch_size:
            # A full batch is written in the background while the next one fills, so items
            # finish and the downloader (which backs off while the items of ~5 MB of responses
            # are unfinished, SCRAPER_SLOT_MAX_ACTIVE_SIZE) keeps going. The item that fills
            # the next batch waits for the previous write: at most one batch waits in memory.
            previous = self.writing
            if previous is not None and not previous.done():
                await previous
                continue
            self.writing = asyncio.ensure_future(self.flush())
            break
        return item

    async def close_spider(self) -> None:
        if self.writing is not None:
            await self.writing
        await self.flush()  # the crawl's one engine is disposed by its owner, not here

    def _add_article(self, item: FetchedArticle) -> None:
        self.stats.inc_value("newsarchive/pages_fetched")
        outlet = self.outlets[item.outlet]
        page = PageRow(
            outlet=item.outlet,
            kind="article",
            url=item.url,
            final_url=item.final_url,
            outcome="not_article",
            http_status=item.status,
            content_type=item.headers.get("Content-Type"),
            encoding=item.encoding,
            encoding_source=item.encoding_source,
            headers=item.headers,
            # Compressed by the pool; the raw bytes only when it did not (it failed).
            html=None if item.html_gz is not None else item.body,
            html_gz=item.html_gz,
            original_url=item.original_url,
            evidence=item.evidence,
        )
        record = item.record
        if item.failure_reason is not None or item.extraction_error is not None:
            reason = item.failure_reason or "extraction_error"
            self._count_failure(reason)
            log.warning("article %s failed (%s): %s", item.url, reason, item.extraction_error)
            page = replace(
                page, outcome="failed", reason=reason, error=f"{reason}: {item.extraction_error}"
            )
        elif record is None:
            self.stats.inc_value("newsarchive/non_articles")
            page = replace(page, error=item.not_article)
        else:
            key = article_key(outlet, item.url, item.final_url, record.canonical_url)
            self.articles.append(
                ArticleRow(
                    outlet=item.outlet,
                    url=key,
                    original_url=item.original_url,
                    final_url=item.final_url,
                    record=record,
                    evidence=item.evidence,
                    analysis=item.analysis or Analysis(),
                )
            )
            page = replace(page, outcome="stored", article_url=key)
        self.pages.append(page)

    def _add_failure(self, item: FetchFailure) -> None:
        if item.reason in NOT_FAULTS:
            self.stats.inc_value(f"newsarchive/skipped/{item.reason}")
        else:
            self._count_failure(item.reason)
        self._log_failure(item)
        self.pages.append(
            PageRow(
                outlet=item.outlet,
                kind=item.kind,
                url=item.url,
                outcome="skipped" if item.reason in NOT_FAULTS else "failed",
                error=f"{item.reason}: {item.error}",
                http_status=item.status,
                headers=item.headers,
                original_url=item.original_url,
                evidence=item.evidence,
                retry_after=item.retry_after,
                reason=item.reason,
            )
        )

    def _log_failure(self, item: FetchFailure) -> None:
        """A warning per failed fetch, except on a machine that looks offline.

        Offline, every feed of every outlet fails the same way: hundreds of warnings would bury
        the run summary's one line ("no outlet could be reached"). While nothing at all has
        answered, the first few network failures are logged and the rest only at debug level;
        the summary counts them all, and the first answer brings the warnings back.
        """
        answered = self.stats.get_value("newsarchive/listings_ok", 0) or self.stats.get_value(
            "newsarchive/pages_fetched", 0
        )
        if item.reason in NETWORK_REASONS and not answered:
            self.unanswered += 1
            if self.unanswered > OFFLINE_WARNINGS:
                if self.unanswered == OFFLINE_WARNINGS + 1:
                    log.warning(
                        "nothing has answered yet: further network failures are logged only "
                        "with -v until something does (the summary counts them)"
                    )
                log.debug("%s %s failed (%s): %s", item.kind, item.url, item.reason, item.error)
                return
        log.warning("%s %s failed (%s): %s", item.kind, item.url, item.reason, item.error)

    def _add_listing(self, item: ListingFetched) -> None:
        self.stats.inc_value("newsarchive/listings_ok")
        self.stats.inc_value("newsarchive/articles_listed", item.listed)
        self.pages.append(
            PageRow(
                outlet=item.outlet,
                kind=item.kind,
                url=item.url,
                final_url=item.final_url,
                outcome="not_modified" if item.not_modified else "listed",
                # An incomplete listing is noted, so the run keeps no validator for it.
                error=f"incomplete: {item.incomplete}" if item.incomplete else None,
                http_status=item.status,
                content_type=item.headers.get("Content-Type"),
                headers=item.headers,
                listed=None if item.not_modified else item.listed,
                new_articles=item.scheduled,
            )
        )

    def _count_failure(self, reason: str) -> None:
        self.stats.inc_value("newsarchive/failures")
        self.stats.inc_value(f"newsarchive/failures/{reason}")

    async def flush(self) -> None:
        async with self.lock:
            articles, pages = self.articles, self.pages
            self.articles, self.pages = [], []
            if not pages and not articles:
                return
            try:
                result = await asyncio.to_thread(
                    self.writer.store_batch, self.run_id, articles, pages
                )
            except Exception as error:
                self.stats.inc_value("newsarchive/database_errors")
                self._count_failure("database")
                await self._spool(articles, pages, error)
                return
            # Stories, actors and events of the new articles, one batch at a time (under the
            # lock), in a thread off the reactor, from the actors and events the pool found.
            found = {a.url: a.analysis.structure for a in articles if a.analysis.structure}
            await asyncio.to_thread(assign_urls, self.writer.engine, result.new_urls, found)
        self.stats.inc_value("newsarchive/articles_new", result.new)
        self.stats.inc_value("newsarchive/articles_updated", result.updated)
        self.stats.inc_value("newsarchive/articles_unchanged", result.unchanged)

    async def _spool(
        self, articles: list[ArticleRow], pages: list[PageRow], error: Exception
    ) -> None:
        if self.spool is None:
            log.error(
                "could not write %d articles and %d pages to the database (%s); no spool "
                "directory is configured, so they are lost",
                len(articles),
                len(pages),
                brief(error),
            )
            return
        try:
            path = await asyncio.to_thread(self.spool.put, self.run_id, articles, pages)
        except OSError:
            log.exception("could not spool %d articles either: they are lost", len(articles))
            return
        self.stats.inc_value("newsarchive/spooled_batches")
        self.stats.inc_value("newsarchive/spooled_articles", len(articles))
        log.error(
            "database unavailable (%s): %d articles and %d pages kept in %s until it is back",
            brief(error),
            len(articles),
            len(pages),
            path,
        )
