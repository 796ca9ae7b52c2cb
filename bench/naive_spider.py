"""The naive baseline: a plain Scrapy spider that reads a sitemap and calls trafilatura in its
callback, on the reactor, and writes each result as a JSON line (Scrapy's feed exports).

This is what a first attempt looks like; bench/crawl.py runs it beside our crawl with the same
explicit settings (no download delay, no AutoThrottle, 16 requests per host).

    python bench/naive_spider.py SITEMAP_URL OUT.jsonl
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import trafilatura
from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response


class NaiveSpider(Spider):
    name = "naive"

    def __init__(self, sitemap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap = sitemap

    async def start(self) -> Any:
        yield Request(self.sitemap, callback=self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        for url in response.xpath("//*[local-name()='loc']/text()").getall():
            yield Request(url, callback=self.parse_article)

    def parse_article(self, response: Response) -> Iterator[dict[str, str]]:
        result = trafilatura.extract(
            response.text, url=response.url, output_format="json", with_metadata=True
        )
        if result is not None:
            yield {"url": response.url, "article": result}


def main() -> None:
    sitemap, output = sys.argv[1], sys.argv[2]
    process = CrawlerProcess(
        {
            "FEEDS": {output: {"format": "jsonlines"}},
            "LOG_LEVEL": "WARNING",
            "ROBOTSTXT_OBEY": False,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
            "TELNETCONSOLE_ENABLED": False,
            "REMOTE_CONTROL_ENABLED": False,
        }
    )
    process.crawl(NaiveSpider, sitemap=sitemap)
    process.start()


if __name__ == "__main__":
    main()
