"""One crawl run from start to finish: record it, lock its outlets, run Scrapy, check coverage,
decide how it went.

Order matters for a scheduler's trust: the run row exists (and its advisory lock is held) before
anything is fetched, so an overlapping or killed run is always visible; batches spooled while the
database was away are written before new work and again after it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess
from sqlalchemy import Engine

from newsarchive.fetch.browser import split_browser_outlets
from newsarchive.fetch.database import CrawlDatabase
from newsarchive.fetch.failures import NETWORK_REASONS
from newsarchive.fetch.scaleout import redis_problem
from newsarchive.fetch.settings import crawl_settings
from newsarchive.fetch.spider import OutletSpider
from newsarchive.logs import brief
from newsarchive.registry import Outlet
from newsarchive.settings import load_settings
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.database import DatabaseUrl, make_engine
from newsarchive.store.locks import RUN_LOCK_NAMESPACE, RunLocks
from newsarchive.store.monitors import LISTINGS_FAILED, check_run, monitor_settings
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow
from newsarchive.store.runs import RunSummary, abandon_stale_runs, finish_run, start_run
from newsarchive.store.spool import ReplayResult, Spool
from newsarchive.store.structure import assign_strays, assign_urls

log = logging.getLogger(__name__)

OK, PARTIAL, FAILED = "ok", "partial", "failed"


@dataclass(frozen=True)
class CrawlResult:
    run_id: int
    outcome: str
    summary: RunSummary
    seconds: float
    skipped_outlets: Sequence[str] = ()
    alerts: Sequence[dict[str, str]] = ()
    spooled: int = 0  # batches waiting on disk for the database
    notes: Sequence[str] = field(default_factory=tuple)

    @property
    def offline(self) -> bool:
        """Nothing answered and every failure was the network's: the machine is likely offline."""
        s = self.summary
        return (
            s.pages_fetched == 0
            and bool(s.failures_by_reason)
            and set(s.failures_by_reason) <= NETWORK_REASONS
            and bool(self.alerts)
            and all(alert.get("check") == LISTINGS_FAILED for alert in self.alerts)
        )

    def describe(self) -> str:
        """The summary printed at the end of a run: one line, then one per thing to act on."""
        s = self.summary
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(s.failures_by_reason.items()))
        lines = [
            f"crawl run {self.run_id}: {self.outcome} in {self.seconds:.0f}s - "
            f"{s.pages_fetched} pages, {s.articles_new} new, {s.articles_updated} updated, "
            f"{s.articles_unchanged} unchanged, {s.non_articles} non-articles, "
            f"{s.failures} failures" + (f" ({reasons})" if reasons else "")
        ]
        if self.offline:
            # Every alert would say the same thing; one line says what it means.
            return "\n".join(
                [OFFLINE, *lines, f"  the listings of {len(self.alerts)} outlets failed"]
            )
        if self.skipped_outlets:
            lines.append(
                "  skipped (another run is crawling them): " + ", ".join(self.skipped_outlets)
            )
        for alert in self.alerts:
            where = f"{alert['outlet']}: " if alert.get("outlet") else ""
            lines.append(f"  alert {where}{alert['check']} - {alert['detail']}")
        if self.spooled:
            lines.append(
                f"  {self.spooled} batches wait in the spool for the database; "
                "the next run writes them"
            )
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


OFFLINE = "no outlet could be reached: is this machine online?"


def run_crawl(
    outlets: Sequence[Outlet],
    database_url: str,
    *,
    backfill: bool = False,
    max_articles: int | None = None,
    overrides: Mapping[str, Any] | None = None,
    spool_dir: Path | None = None,
    redis_url: str | None = None,
) -> CrawlResult:
    """Crawl the outlets once into the database; the run is recorded whatever happens."""
    started = time.monotonic()
    environment = load_settings()
    spool = Spool(spool_dir or environment.home / "spool")
    if redis_url is None:
        redis_url = environment.redis_url
    notes: list[str] = []
    outlets = _crawlable(outlets, notes)
    engine = make_engine(database_url)
    writer = ArticleWriter(engine)
    ids = sync_outlets(engine, outlets)
    run_id = start_run(engine, [outlet.slug for outlet in outlets])
    with RunLocks(engine) as locks:
        locked, skipped = _claim(locks, engine, run_id, outlets, ids, notes)
        before = _replay(spool, writer, notes)
        crashed = _shared_frontier_down(redis_url, notes)
        if crashed:
            locked, redis_url = [], None
        stats: dict[str, Any] = {}
        # With a shared Redis frontier a process that locked nothing still works the queue.
        if locked or redis_url:
            job = _CrawlJob(outlets, locked, backfill, max_articles, redis_url)
            stats, crashed = _crawl(job, engine, database_url, run_id, spool, overrides or {})
        after = _replay(spool, writer, notes)
        _sweep_strays(engine, notes)
        summary = summarise(stats)
        alerts = _check_coverage(engine, run_id, locked, overrides or {}, notes)
        outcome = decide_outcome(
            summary, stats, crashed=crashed, outlets=len(locked), shared_frontier=bool(redis_url)
        )
        if outcome == OK and alerts:
            outcome = PARTIAL
        if outcome != FAILED and (before.left or after.left):
            outcome = FAILED  # the database is not taking writes: say so
        outcome = _record_end(engine, run_id, summary, outcome, skipped, alerts)
    engine.dispose()
    return CrawlResult(
        run_id,
        outcome,
        summary,
        time.monotonic() - started,
        skipped_outlets=skipped,
        alerts=alerts,
        spooled=len(spool.pending()),
        notes=notes,
    )


def _crawlable(outlets: Sequence[Outlet], notes: list[str]) -> list[Outlet]:
    """The outlets this process can crawl; those that need a browser it lacks are named once."""
    crawlable, unrendered, problem = split_browser_outlets(outlets)
    if unrendered:
        names = ", ".join(outlet.slug for outlet in unrendered)
        # Named once, in the run's summary: every hourly run would otherwise repeat a warning.
        notes.append(f"not crawled, they need a browser ({problem}): {names}")
    return crawlable


def _shared_frontier_down(redis_url: str | None, notes: list[str]) -> bool:
    """A shared frontier (REDIS_URL) was asked for and does not answer: the run crawls nothing."""
    problem = redis_problem(redis_url) if redis_url else None
    if problem:
        log.error("the shared frontier (REDIS_URL) does not answer: %s", problem)
        notes.append(f"not crawled: REDIS_URL does not answer ({problem})")
    return bool(problem)


def _claim(
    locks: RunLocks,
    engine: Engine,
    run_id: int,
    outlets: Sequence[Outlet],
    ids: Mapping[str, int],
    notes: list[str],
) -> tuple[list[str], list[str]]:
    """Hold the run's lock, fail runs whose process died, and lock the outlets no other run has.

    Returns the slugs locked for this run and those skipped because another run has them.
    """
    locks.hold_run(run_id)
    abandoned = abandon_stale_runs(engine, RUN_LOCK_NAMESPACE)
    if abandoned:
        notes.append(
            "marked failed: earlier runs that ended without finishing "
            + ", ".join(str(i) for i in abandoned)
        )
    locked, skipped = locks.lock_outlets((o.slug, ids[o.slug]) for o in outlets)
    if skipped:
        log.warning("skipping outlets another run is crawling: %s", ", ".join(skipped))
    return locked, skipped


@dataclass(frozen=True)
class _CrawlJob:
    """What one Scrapy crawl is asked to do."""

    outlets: Sequence[Outlet]
    seed: Sequence[str]  # the outlets whose listings this process requests (those it locked)
    backfill: bool
    max_articles: int | None
    redis_url: str | None


def _crawl(
    job: _CrawlJob,
    engine: Engine,
    database_url: str,
    run_id: int,
    spool: Spool,
    overrides: Mapping[str, Any],
) -> tuple[dict[str, Any], bool]:
    """Run Scrapy over the job with the process's one engine; return its stats and whether it
    stopped on an unexpected error."""
    settings = crawl_settings(
        database_url=DatabaseUrl(database_url),
        run_id=run_id,
        outlets=job.outlets,
        overrides={"NEWSARCHIVE_SPOOL_DIR": str(spool.directory), **overrides},
        redis_url=job.redis_url,
    )
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(OutletSpider)
    CrawlDatabase.attach(crawler, engine)  # one pool for the whole process
    process.crawl(
        crawler,
        outlets=job.outlets,
        seed=job.seed,
        backfill=job.backfill,
        max_articles=job.max_articles,
    )
    crashed = False
    try:
        process.start()
    except Exception:
        log.exception("the crawl stopped on an unexpected error")
        crashed = True
    return (dict(crawler.stats.get_stats()) if crawler.stats else {}), crashed


def _record_end(
    engine: Engine,
    run_id: int,
    summary: RunSummary,
    outcome: str,
    skipped: Sequence[str],
    alerts: Sequence[dict[str, str]],
) -> str:
    """Record the run's end; a run whose end cannot be recorded has failed."""
    try:
        finish_run(engine, run_id, summary, outcome, skipped_outlets=skipped, alerts=alerts)
    except Exception as error:
        log.error("could not record the end of run %d: %s", run_id, brief(error))
        return FAILED
    return outcome


def _replay(spool: Spool, writer: ArticleWriter, notes: list[str]) -> ReplayResult:
    """Write batches spooled while the database was away (by this or an earlier run)."""
    if not spool.pending():
        return ReplayResult()

    def store_and_assign(
        run: int | None, articles: Sequence[ArticleRow], pages: Sequence[PageRow]
    ) -> object:
        # As the pipeline does: the batch's new articles join their stories once stored. The
        # batch is stored either way: if assigning fails, its articles wait for a later run's
        # sweep (_sweep_strays), and the spool file must not be kept or set aside for it.
        result = writer.store_batch(run, articles, pages)
        found = {a.url: a.analysis.structure for a in articles if a.analysis.structure}
        try:
            assign_urls(writer.engine, result.new_urls, found)
        except Exception as error:
            log.error("could not assign stories to a replayed batch: %s", brief(error))
        return result

    try:
        result = spool.replay(store_and_assign)
    except Exception as error:  # the spool stays; the next run tries again
        log.error("could not replay the spool: %s", brief(error))
        return ReplayResult(left=len(spool.pending()))
    if result.replayed:
        notes.append(f"wrote {result.articles} articles from {result.replayed} spooled batches")
    if result.rejected:
        notes.append(f"{result.rejected} spooled batches were set aside (see the log)")
    return result


def _sweep_strays(engine: Engine, notes: list[str]) -> None:
    """Give a story to articles an earlier run stored without one (its story assignment
    failed after the commit): every stored article belongs to exactly one story."""
    try:
        swept = assign_strays(engine)
    except Exception as error:  # they stay story-less; the next run sweeps again
        log.error("could not assign stories to stored articles: %s", brief(error))
        notes.append(f"stories could not be assigned: {brief(error)}")
        return
    if swept:
        notes.append(f"assigned stories to {swept} articles stored without one")


def _check_coverage(
    engine: Engine,
    run_id: int,
    outlets: Sequence[str],
    overrides: Mapping[str, Any],
    notes: list[str],
) -> list[dict[str, str]]:
    """Coverage monitors over what this run stored (see crawl.monitors)."""
    if not outlets:
        return []
    try:
        alerts = check_run(engine, run_id, outlets, **monitor_settings(overrides))
        return [alert.as_json() for alert in alerts]
    except Exception as error:
        log.error("coverage monitors could not run: %s", brief(error))
        notes.append(f"coverage monitors could not run: {brief(error)}")
        return []


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
    summary: RunSummary,
    stats: Mapping[str, Any],
    *,
    crashed: bool,
    outlets: int,
    shared_frontier: bool = False,
) -> str:
    """failed: nothing usable or data not written; partial: some fetches failed; else ok.

    A run whose outlets were all locked by another run did nothing and failed at nothing: ok.
    """
    if crashed or stats.get("newsarchive/database_errors"):
        return FAILED
    # On a shared frontier another process may have read every listing this one seeded; the
    # coverage monitors (listings_failed) judge listings across processes instead.
    if outlets and not shared_frontier and not stats.get("newsarchive/listings_ok"):
        return FAILED
    if summary.failures:
        return PARTIAL
    return OK


def _jsonable(value: Any) -> Any:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)
