"""One crawl run from start to finish: record it, run Scrapy, decide how it went."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess

from newsarchive.crawl.settings import crawl_settings
from newsarchive.crawl.spider import OutletSpider
from newsarchive.registry import Outlet
from newsarchive.store.database import DatabaseUrl, make_engine
from newsarchive.store.writes import Archive, RunSummary

log = logging.getLogger(__name__)

OK, PARTIAL, FAILED = "ok", "partial", "failed"


@dataclass(frozen=True)
class CrawlResult:
    run_id: int
    outcome: str
    summary: RunSummary
    seconds: float

    def describe(self) -> str:
        s = self.summary
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(s.failures_by_reason.items()))
        return (
            f"crawl run {self.run_id}: {self.outcome} in {self.seconds:.0f}s - "
            f"{s.pages_fetched} pages, {s.articles_new} new, {s.articles_updated} updated, "
            f"{s.articles_unchanged} unchanged, {s.non_articles} non-articles, "
            f"{s.failures} failures" + (f" ({reasons})" if reasons else "")
        )


def run_crawl(
    outlets: Sequence[Outlet],
    database_url: str,
    *,
    backfill: bool = False,
    max_articles: int | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> CrawlResult:
    """Crawl the outlets once into the database; the run is recorded whatever happens."""
    started = time.monotonic()
    archive = Archive(make_engine(database_url))
    archive.sync_outlets(outlets)
    run_id = archive.start_run([outlet.slug for outlet in outlets])
    settings = crawl_settings(
        database_url=DatabaseUrl(database_url),
        run_id=run_id,
        outlets=outlets,
        overrides=overrides,
    )
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(OutletSpider)
    process.crawl(crawler, outlets=outlets, backfill=backfill, max_articles=max_articles)
    crashed = False
    try:
        process.start()
    except Exception:
        log.exception("the crawl stopped on an unexpected error")
        crashed = True
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    summary = summarise(stats)
    outcome = decide_outcome(summary, stats, crashed=crashed, outlets=len(outlets))
    archive.finish_run(run_id, summary, outcome)
    archive.engine.dispose()
    return CrawlResult(run_id, outcome, summary, time.monotonic() - started)


def summarise(stats: Mapping[str, Any]) -> RunSummary:
    prefix = "newsarchive/failures/"
    return RunSummary(
        pages_fetched=int(stats.get("newsarchive/pages_fetched", 0)),
        articles_new=int(stats.get("newsarchive/articles_new", 0)),
        articles_updated=int(stats.get("newsarchive/articles_updated", 0)),
        articles_unchanged=int(stats.get("newsarchive/articles_unchanged", 0)),
        non_articles=int(stats.get("newsarchive/non_articles", 0)),
        failures=int(stats.get("newsarchive/failures", 0)),
        failures_by_reason={
            key.removeprefix(prefix): int(value)
            for key, value in stats.items()
            if key.startswith(prefix)
        },
        stats={key: _jsonable(value) for key, value in stats.items()},
    )


def decide_outcome(
    summary: RunSummary, stats: Mapping[str, Any], *, crashed: bool, outlets: int
) -> str:
    """failed: nothing usable or data not written; partial: some fetches failed; else ok."""
    if crashed or stats.get("newsarchive/database_errors"):
        return FAILED
    if outlets and not stats.get("newsarchive/listings_ok"):
        return FAILED
    if summary.failures:
        return PARTIAL
    return OK


def _jsonable(value: Any) -> Any:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)
