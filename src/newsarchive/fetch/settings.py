"""Scrapy settings for archive crawls, in one place.

Defaults are chosen for an hourly job over dozens of outlets on one machine: polite per domain,
bounded in time and memory per request (Scrapy's own defaults allow 1 GiB bodies and ~9 minute
retries per dead host, see docs), and quiet enough for cron.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from scrapy.settings import BaseSettings, default_settings

from newsarchive.analysis import RELEVANCE_THRESHOLD
from newsarchive.fetch.browser import browser_settings
from newsarchive.registry import Outlet
from newsarchive.settings import USER_AGENT
from newsarchive.store.frontier import RetryPolicy


@dataclass(frozen=True)
class Option:
    """One NEWSARCHIVE_* Scrapy setting: its key, type and default, declared here and only here."""

    key: str
    kind: type[int] | type[float]
    default: int | float
    meaning: str


_RETRY = RetryPolicy()  # the store's retry defaults, expressed in the settings' units

#: Every numeric NEWSARCHIVE_* setting a crawl component reads. The run's context
#: (NEWSARCHIVE_DATABASE_URL, _RUN_ID, _OUTLETS, _SPOOL_DIR, _REDIS_PREFIX) is set by
#: `crawl_settings` and the scale-out settings, not defaulted.
OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("NEWSARCHIVE_STORE_BATCH", int, 50, "pages written per database transaction"),
        Option("NEWSARCHIVE_EXTRACT_WORKERS", int, 0, "extraction processes; 0: one per CPU"),
        Option("NEWSARCHIVE_PROGRESS_INTERVAL", float, 5.0, "seconds between progress lines"),
        Option("NEWSARCHIVE_LISTING_HORIZON_DAYS", float, 0, "skip older entries; 0: keep all"),
        Option("NEWSARCHIVE_LISTING_URL_CAP", int, 1000, "article URLs taken from one listing"),
        Option("NEWSARCHIVE_RECHECK_AFTER_HOURS", float, 24, "re-fetch an article after; 0: no"),
        Option("NEWSARCHIVE_RECHECK_WITHIN_DAYS", float, 3, "re-check articles this recent"),
        Option("NEWSARCHIVE_RETRY_AFTER_MAX_WAIT", float, 10.0, "longest Retry-After honoured"),
        Option(
            "NEWSARCHIVE_RETRY_BACKOFF_MINUTES",
            float,
            _RETRY.backoff / timedelta(minutes=1),
            "first wait before a failed URL is retried by a later run",
        ),
        Option(
            "NEWSARCHIVE_RETRY_MAX_BACKOFF_HOURS",
            float,
            _RETRY.max_backoff / timedelta(hours=1),
            "longest wait between retries",
        ),
        Option(
            "NEWSARCHIVE_RETRY_MAX_ATTEMPTS", int, _RETRY.max_attempts, "attempts before giving up"
        ),
        Option(
            "NEWSARCHIVE_RELEVANCE_THRESHOLD",
            float,
            RELEVANCE_THRESHOLD,
            "relevance from which an article counts as on-topic",
        ),
        Option("NEWSARCHIVE_REDIS_IDLE_SECONDS", float, 10.0, "idle time before a worker stops"),
        Option("NEWSARCHIVE_REDIS_ROUND_TTL", int, 600, "seconds a shared round's keys live"),
    )
}


def read_float(settings: BaseSettings, key: str) -> float:
    """A float setting, with the default from OPTIONS when the crawl did not set it."""
    option = OPTIONS[key]
    assert option.kind is float, key
    return settings.getfloat(key, option.default)


def read_int(settings: BaseSettings, key: str) -> int:
    """An int setting, with the default from OPTIONS when the crawl did not set it."""
    option = OPTIONS[key]
    assert option.kind is int, key
    return settings.getint(key, int(option.default))


def read_retry_policy(settings: BaseSettings) -> RetryPolicy:
    """The crawl's RetryPolicy: the NEWSARCHIVE_RETRY_* settings, in the units their keys name
    (the same units OPTIONS expresses RetryPolicy's defaults in)."""
    return RetryPolicy(
        backoff=timedelta(minutes=read_float(settings, "NEWSARCHIVE_RETRY_BACKOFF_MINUTES")),
        max_backoff=timedelta(hours=read_float(settings, "NEWSARCHIVE_RETRY_MAX_BACKOFF_HOURS")),
        max_attempts=read_int(settings, "NEWSARCHIVE_RETRY_MAX_ATTEMPTS"),
    )


BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "newsarchive",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    # Scrapy 2.19 starts an HTTP control server by default; an unattended crawler needs none.
    "REMOTE_CONTROL_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    # Scrapy starts this many asyncio tasks for the output of every response, however little
    # it yields (the default 100 made 100 tasks per page, bench/profile_pages.py). Our spider's
    # callbacks and errbacks yield at most one item per response (a page, a listing or a
    # failure; a listing's requests are only scheduled), so one task does the same work.
    "CONCURRENT_ITEMS": 1,
    "DOWNLOAD_DELAY": 0.5,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
    "DOWNLOAD_TIMEOUT": 30,
    "RETRY_TIMES": 2,
    # News pages are rarely over a few MiB; the same cap applies to decompressed bodies.
    "DOWNLOAD_MAXSIZE": 20 * 2**20,
    "DOWNLOAD_WARNSIZE": 5 * 2**20,
    "REDIRECT_MAX_TIMES": 10,
    "DNS_TIMEOUT": 20,
    "LOG_LEVEL": "INFO",
    # The newsarchive command configures logging once for everything; Scrapy adds no handler.
    "LOG_INSTALL_ROOT_HANDLER": False,
    "LOGSTATS_INTERVAL": 60.0,
    # gzip only (Scrapy's HttpCompressionMiddleware would also offer deflate, br and zstd): a
    # gzip body is stored as received (fetch.middlewares.ReceivedGzipMiddleware); any other
    # encoding costs a compression of the page in the pool.
    "DEFAULT_REQUEST_HEADERS": {
        **default_settings.DEFAULT_REQUEST_HEADERS,
        "Accept-Encoding": "gzip",
    },
    "DOWNLOADER_MIDDLEWARES": {
        # Before robots.txt (100) so a refused address is never even asked for its robots.txt.
        "newsarchive.fetch.middlewares.PrivateNetworkMiddleware": 50,
        # A redirect back to a URL already fetched is a loop to record, not a duplicate to drop.
        "newsarchive.fetch.middlewares.RedirectLoopMiddleware": 60,
        # Scrapy's own, with the 2.19 race fixed (see the class); same place in the chain.
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "newsarchive.fetch.middlewares.RobotsTxtMiddleware": 100,
        # Scrapy's retries, except for responses that asked us to wait or are bot walls.
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "newsarchive.fetch.middlewares.PoliteRetryMiddleware": 550,
        # Scrapy's meta refresh, reading the page's head only instead of decoding it all.
        "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
        "newsarchive.fetch.middlewares.MetaRefreshMiddleware": 580,
        # Just before Scrapy's HttpCompressionMiddleware (590) inflates a body: keeps the gzip
        # bytes as received, so the archive stores them instead of compressing the page again.
        "newsarchive.fetch.middlewares.ReceivedGzipMiddleware": 595,
    },
    "ITEM_PIPELINES": {
        "newsarchive.fetch.pipelines.ExtractionPipeline": 100,
        "newsarchive.fetch.pipelines.StorePipeline": 900,
    },
    "EXTENSIONS": {
        "newsarchive.fetch.progress.ProgressReport": 500,
        # Python's garbage collector walks start-up's objects less and pages' objects less
        # often while the spider is open (see the module).
        "newsarchive.fetch.collector.CollectorTuning": 510,
    },
    **{key: option.default for key, option in OPTIONS.items()},
}


def crawl_settings(
    *,
    database_url: str,
    run_id: int,
    outlets: Sequence[Outlet],
    overrides: Mapping[str, Any] | None = None,
    redis_url: str | None = None,
) -> dict[str, Any]:
    """The settings of one crawl run: our defaults, the run's context, then operator overrides."""
    settings = dict(BASE_SETTINGS)
    settings.update(
        NEWSARCHIVE_DATABASE_URL=database_url,
        NEWSARCHIVE_RUN_ID=run_id,
        NEWSARCHIVE_OUTLETS=list(outlets),
        DOWNLOAD_SLOTS=outlet_slots(outlets),
    )
    settings.update(browser_settings(outlets))
    if redis_url:
        from newsarchive.fetch.scaleout import redis_settings

        settings.update(redis_settings(redis_url, base=settings))
    settings.update(overrides or {})
    return settings


def outlet_slots(outlets: Sequence[Outlet]) -> dict[str, dict[str, Any]]:
    """Scrapy's per-slot settings for outlets with their own download_delay or concurrency.

    The spider puts those outlets' requests in a slot named after the outlet (request meta
    `download_slot`); a key left out falls back to DOWNLOAD_DELAY / CONCURRENT_REQUESTS_PER_DOMAIN
    as for every other outlet.
    """
    slots: dict[str, dict[str, Any]] = {}
    for outlet in outlets:
        if outlet.download_slot is None:
            continue
        slot: dict[str, Any] = {}
        if outlet.download_delay is not None:
            slot["delay"] = outlet.download_delay
        if outlet.concurrency is not None:
            slot["concurrency"] = outlet.concurrency
        slots[outlet.download_slot] = slot
    return slots
