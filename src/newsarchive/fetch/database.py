"""The crawl process's one database engine (connection pool), shared by spider and pipelines.

A crawl process talks to PostgreSQL from three places: the runner (run ledger, locks, spool
replay, monitors), the spider (validators, known and due URLs) and the store pipeline (batches).
They share one pool, so the process opens as many connections as it needs and no more, and the
pool is disposed once, by whoever made it: the runner when it hands its engine to the crawler,
else this component when the crawler's engine stops.
"""

from __future__ import annotations

from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from sqlalchemy import Engine

from newsarchive.store.database import make_engine

_ATTRIBUTE = "newsarchive_database"


class CrawlDatabase:
    """One engine per crawler; `for_crawler` returns the same object to every component."""

    def __init__(self, engine: Engine | None, *, owned: bool) -> None:
        self.engine = engine
        self.owned = owned  # True: made here, so disposed here

    @classmethod
    def attach(cls, crawler: Crawler, engine: Engine) -> Self:
        """Give the crawler an engine its caller made (and will dispose)."""
        database = cls(engine, owned=False)
        setattr(crawler, _ATTRIBUTE, database)
        return database

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> CrawlDatabase:
        """The crawler's database, made from NEWSARCHIVE_DATABASE_URL on first use."""
        existing = getattr(crawler, _ATTRIBUTE, None)
        if isinstance(existing, CrawlDatabase):
            return existing
        url = crawler.settings.get("NEWSARCHIVE_DATABASE_URL")
        database = CrawlDatabase(make_engine(url) if url else None, owned=True)
        setattr(crawler, _ATTRIBUTE, database)
        crawler.signals.connect(database.dispose, signal=signals.engine_stopped)
        return database

    def dispose(self) -> None:
        if self.owned and self.engine is not None:
            self.engine.dispose()
