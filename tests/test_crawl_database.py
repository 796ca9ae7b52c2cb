"""One engine (connection pool) per crawl process, shared by the spider and the store pipeline."""

from __future__ import annotations

from scrapy import signals
from scrapy.utils.test import get_crawler
from sqlalchemy import Engine

from newsarchive.fetch.database import CrawlDatabase
from newsarchive.fetch.pipelines import StorePipeline
from newsarchive.fetch.spider import OutletSpider


def test_spider_and_store_pipeline_share_the_crawlers_one_engine(database_url: str) -> None:
    crawler = get_crawler(OutletSpider, {"NEWSARCHIVE_DATABASE_URL": database_url})
    spider = OutletSpider.from_crawler(crawler, outlets=[])
    pipeline = StorePipeline.from_crawler(crawler)

    assert spider.frontier is not None
    assert spider.frontier.engine is pipeline.writer.engine
    assert CrawlDatabase.for_crawler(crawler).engine is pipeline.writer.engine
    pool = pipeline.writer.engine.pool
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert pipeline.writer.engine.pool is not pool  # disposed when the crawl's engine stopped


def test_an_engine_handed_to_the_crawler_is_used_and_left_to_its_owner(engine: Engine) -> None:
    crawler = get_crawler(OutletSpider, {"NEWSARCHIVE_DATABASE_URL": "postgresql://unused/x"})
    CrawlDatabase.attach(crawler, engine)
    spider = OutletSpider.from_crawler(crawler, outlets=[])
    pipeline = StorePipeline.from_crawler(crawler)

    assert spider.frontier is not None
    assert spider.frontier.engine is engine and pipeline.writer.engine is engine
    pool = engine.pool
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert engine.pool is pool  # the runner disposes it, once, after the run is recorded
