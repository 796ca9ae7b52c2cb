"""Python's cyclic garbage collector, tuned for the crawl process while a crawl runs.

A py-spy of the crawl process (bench/crawl.py) put about a quarter of the reactor thread's busy
samples in the collector: every page allocates hundreds of short-lived containers (requests,
responses, header dicts, Deferreds, asyncio tasks), so the youngest generation fills (700
allocations by default) a few times per page, and each full collection walks everything the
process has loaded (Scrapy, Twisted, SQLAlchemy's metadata, the registry: ~195,000 objects, ~90
ms each). Two changes while the spider is open:

- `gc.freeze()` once the crawl is set up moves the objects start-up made into the permanent
  generation, which collections never walk (they live as long as the process anyway);
- a youngest-generation threshold of YOUNG_THRESHOLD allocations lets most of a page's objects
  die by reference counting before a collection ever looks at them.

Cycles are still collected, only less often: garbage that lives in cycles (a Failure and its
traceback) waits for about YOUNG_THRESHOLD allocations instead of 700. Both are undone when the
spider closes, so whatever runs after the crawl in the same process sees the usual collector.
bench/crawl.py-style crawl of 300 pages, two runs each, same host: crawl process 11.4 / 10.9 ->
10.5 / 9.7 CPU ms per page with CONCURRENT_ITEMS 1 (fetch/settings.py).
"""

from __future__ import annotations

import gc
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler

#: Allocations (net of deallocations) of container objects between youngest-generation
#: collections while crawling; Python's default is 700.
YOUNG_THRESHOLD = 10_000


class CollectorTuning:
    """Freezes start-up's objects and raises the young generation's threshold while crawling."""

    def __init__(self) -> None:
        self.thresholds: tuple[int, int, int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls()
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        if self.thresholds is not None:
            return
        self.thresholds = gc.get_threshold()
        gc.collect()  # start-up's garbage goes now, not into the permanent generation
        gc.freeze()
        gc.set_threshold(max(YOUNG_THRESHOLD, self.thresholds[0]), *self.thresholds[1:])

    def spider_closed(self) -> None:
        if self.thresholds is None:
            return
        gc.unfreeze()
        gc.set_threshold(*self.thresholds)
        self.thresholds = None
