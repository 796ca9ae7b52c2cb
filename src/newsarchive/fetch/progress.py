"""Progress of a crawl: a live status line on a terminal, a plain log line under cron."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Self, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

from newsarchive.fetch.settings import read_float
from newsarchive.logs import STATUS, StatusLine

log = logging.getLogger(__name__)


class ProgressReport:
    """Every few seconds: pages, new articles, non-articles, failures and the page rate."""

    def __init__(
        self,
        stats: StatsCollector,
        interval: float,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        status: StatusLine = STATUS,
    ) -> None:
        # The clock is a parameter so that a test can say how long the run has taken.
        self.stats = stats
        self.interval = interval
        self.stream = stream
        self.live = stream.isatty()
        self.clock = clock
        self.status = status  # shared with the log handler, which redraws it below a record
        self.started = clock()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = read_float(crawler.settings, "NEWSARCHIVE_PROGRESS_INTERVAL")
        if interval <= 0 or crawler.stats is None:
            raise NotConfigured
        # Off a terminal, a line a minute is plenty for a log file.
        if not sys.stderr.isatty():
            interval = max(interval, 60.0)
        extension = cls(crawler.stats, interval, sys.stderr)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.started = self.clock()
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live:
            self.report()
            self.status.text = ""
            self.stream.write("\n")
            self.stream.flush()

    def line(self) -> str:
        value = self.stats.get_value
        pages = value("newsarchive/pages_fetched", 0)
        elapsed = max(self.clock() - self.started, 1e-6)
        return (
            f"listings {value('newsarchive/listings_ok', 0)} | pages {pages} | "
            f"new {value('newsarchive/articles_new', 0)} | "
            f"non-articles {value('newsarchive/non_articles', 0)} | "
            f"failures {value('newsarchive/failures', 0)} | {pages / elapsed:.1f} pages/s"
        )

    def report(self) -> None:
        if self.live:
            self.status.text = self.line()
            self.stream.write("\r\x1b[2K" + self.status.text)
            self.stream.flush()
        else:
            log.info("progress: %s", self.line())
