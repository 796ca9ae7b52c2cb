"""Scale-out on scrapy-redis: crawl processes sharing one Redis frontier and one Postgres.

Needs a Redis server at 127.0.0.1:6379 (skipped with a reason where there is none). Every test
works under a key prefix of its own and deletes only its own keys.
"""

from __future__ import annotations

import os
import pickle
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.test import get_crawler

from newsarchive.extract import Evidence
from newsarchive.fetch.scaleout import (
    PREFIX_ENV,
    FrontierKeys,
    SharedFrontier,
    loads,
    redis_settings,
)
from newsarchive.fetch.settings import BASE_SETTINGS
from newsarchive.fetch.spider import OutletSpider
from newsarchive.registry import Outlet, load_registry
from tests.fixtureweb import FixtureWeb, RequestRecord
from tests.support import FAST, query, run_cli

REDIS_URL = "redis://127.0.0.1:6379/0"


def _redis() -> Any:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError:
        return None
    return client


@dataclass
class Frontier:
    """A Redis client and a key prefix nobody else uses."""

    redis: Any
    prefix: str

    @property
    def keys(self) -> FrontierKeys:
        return FrontierKeys(
            requests=f"{self.prefix}:outlets:requests",
            dupefilter=f"{self.prefix}:outlets:dupefilter",
            workers=f"{self.prefix}:outlets:workers",
            busy=f"{self.prefix}:outlets:busy",
        )

    def our_keys(self) -> list[bytes]:
        return list(self.redis.scan_iter(match=f"{self.prefix}:*"))


@pytest.fixture
def frontier() -> Iterator[Frontier]:
    client = _redis()
    if client is None:
        pytest.skip(f"no Redis server at {REDIS_URL}: the scale-out tests need one")
    prefix = f"newsarchive-test-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        yield Frontier(client, prefix)
    finally:
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)
        client.close()


def _crawler_settings(frontier: Frontier, **extra: Any) -> dict[str, Any]:
    settings = dict(BASE_SETTINGS)
    settings.update(redis_settings(REDIS_URL, base=settings, environ={PREFIX_ENV: frontier.prefix}))
    settings.update(extra)
    return settings


def _outlet() -> Outlet:
    return load_registry().select()[0]


def _open_scheduler(frontier: Frontier, outlet: Outlet) -> tuple[Any, OutletSpider]:
    """One crawl process's scheduler, as scrapy-redis builds it from our settings."""
    from scrapy_redis.scheduler import Scheduler

    crawler = get_crawler(OutletSpider, _crawler_settings(frontier))
    spider = OutletSpider.from_crawler(crawler, outlets=[outlet])
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


def test_redis_settings_keep_shared_state_and_put_keys_under_the_prefix() -> None:
    base = dict(BASE_SETTINGS)
    settings = redis_settings(REDIS_URL, base=base, environ={PREFIX_ENV: "fleet-a"})
    assert settings["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings["SCHEDULER_PERSIST"] is True
    assert settings["SCHEDULER_FLUSH_ON_START"] is False
    assert settings["SCHEDULER_QUEUE_KEY"] == "fleet-a:%(spider)s:requests"
    assert settings["SCHEDULER_DUPEFILTER_KEY"] == "fleet-a:%(spider)s:dupefilter"
    # Our own extensions stay on beside the scale-out one.
    assert set(base["EXTENSIONS"]) < set(settings["EXTENSIONS"])
    assert "scrapy_redis.pipelines.RedisPipeline" not in str(settings)
    assert redis_settings(REDIS_URL, environ={})["NEWSARCHIVE_REDIS_PREFIX"] == "newsarchive"
    with pytest.raises(ValueError, match="NEWSARCHIVE_REDIS_PREFIX"):
        redis_settings(REDIS_URL, environ={PREFIX_ENV: "50%(spider)s"})


def test_requests_cross_processes_with_callbacks_and_evidence(frontier: Frontier) -> None:
    outlet = _outlet()
    first, seeding_spider = _open_scheduler(frontier, outlet)
    second, working_spider = _open_scheduler(frontier, outlet)
    evidence = Evidence(
        title="Navies meet", published_at=datetime(2026, 11, 20, 6, 30, tzinfo=UTC), listed_in="rss"
    )
    url = "https://example.org/2026/11/20/navies-meet"
    assert first.enqueue_request(seeding_spider._article_request(outlet, url, url, evidence))

    request = second.next_request()

    assert request is not None and request.url == url
    assert request.callback == working_spider.parse_article
    assert request.errback == working_spider.article_failed
    assert request.meta["evidence"] == evidence
    assert request.meta["outlet"] == outlet.slug


def test_the_duplicate_filter_is_shared_and_listings_always_get_through(
    frontier: Frontier,
) -> None:
    outlet = _outlet()
    first, spider_a = _open_scheduler(frontier, outlet)
    second, spider_b = _open_scheduler(frontier, outlet)
    url = "https://example.org/2026/11/20/one-story"

    assert first.enqueue_request(spider_a._article_request(outlet, url, url, Evidence()))
    assert not second.enqueue_request(spider_b._article_request(outlet, url, url, Evidence()))
    [feed] = outlet.feeds[:1] or ["https://example.org/feed/"]
    assert first.enqueue_request(spider_a._listing_request(outlet, feed, "feed", depth=0))
    assert second.enqueue_request(spider_b._listing_request(outlet, feed, "feed", depth=0))

    # One process closing (SCHEDULER_PERSIST) leaves the queue and the filter to the other.
    first.close("finished")
    assert frontier.redis.exists(frontier.keys.requests, frontier.keys.dupefilter) == 2
    assert second.next_request() is not None


def test_the_frontier_refuses_to_unpickle_anything_but_request_data() -> None:
    request = {"url": "https://example.org/", "meta": {"evidence": Evidence(title="x")}}
    assert loads(pickle.dumps(request))["meta"]["evidence"] == Evidence(title="x")
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        loads(pickle.dumps({"url": "https://example.org/", "meta": {"path": Path("/tmp")}}))


def _extension(frontier: Frontier, idle_seconds: float) -> SharedFrontier:
    crawler = get_crawler(
        OutletSpider, _crawler_settings(frontier, NEWSARCHIVE_REDIS_IDLE_SECONDS=idle_seconds)
    )
    extension = SharedFrontier.from_crawler(crawler)
    extension.keys = frontier.keys
    return extension


def test_an_idle_crawler_stays_until_no_crawler_has_had_work_for_the_idle_time(
    frontier: Frontier,
) -> None:
    spider = OutletSpider()
    busy = frontier.keys.busy
    crawler = _extension(frontier, idle_seconds=5)
    crawler.opened_at = time.time() - 3600

    frontier.redis.zadd(busy, {"other-host:1234:abc": time.time() - 1})
    with pytest.raises(DontCloseSpider):  # another one still parses, downloads or stores
        crawler.spider_idle(spider)

    # Quiet for longer than the idle time, or killed that long ago: nobody holds it up.
    frontier.redis.zadd(busy, {"other-host:1234:abc": time.time() - 6})
    crawler.spider_idle(spider)

    # A process that has just started waits for a seeding process to fill the frontier.
    crawler.opened_at = time.time()
    with pytest.raises(DontCloseSpider):
        crawler.spider_idle(spider)


def test_the_last_crawler_off_a_drained_frontier_ends_the_round(frontier: Frontier) -> None:
    spider = OutletSpider()
    keys = frontier.keys
    first, second = _extension(frontier, 0), _extension(frontier, 0)
    frontier.redis.sadd(keys.dupefilter, "fingerprint")
    for crawler in (first, second):
        frontier.redis.zadd(keys.workers, {crawler.worker: time.time()})

    first.spider_closed(spider, "finished")
    assert frontier.redis.exists(keys.dupefilter)  # the second one is still crawling

    second.spider_closed(spider, "finished")
    assert frontier.our_keys() == []  # the next run's failed URLs are not filtered out


def test_a_crawler_leaving_queued_requests_keeps_the_round(frontier: Frontier) -> None:
    keys = frontier.keys
    extension = _extension(frontier, 0)
    frontier.redis.sadd(keys.dupefilter, "fingerprint")
    frontier.redis.zadd(keys.requests, {"a request": 0})

    extension.spider_closed(OutletSpider(), "shutdown")

    assert frontier.redis.exists(keys.dupefilter, keys.requests) == 2


class ArticleGate:
    """Holds every article response until three article requests have arrived: a process with
    CONCURRENT_REQUESTS=2 has at most two out, so the third is the second process's, and both
    processes fetch articles whatever the timing."""

    def __init__(self, timeout: float = 90.0) -> None:
        self.timeout = timeout
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.arrived = 0

    def __call__(self, record: RequestRecord) -> None:
        if not _is_article(record):
            return
        with self.lock:
            self.arrived += 1
            if self.arrived >= 3:
                self.released.set()
        self.released.wait(self.timeout)


def _is_article(record: RequestRecord) -> bool:
    return not record.path.endswith((".xml", ".atom", "/feed/", ".txt"))


def _start_crawl(registry: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsarchive",
            "crawl",
            "--registry",
            str(registry),
            *FAST,
            "-s",
            "CONCURRENT_REQUESTS=2",
            # Held at the gate until the other process starts, however slow the machine.
            "-s",
            "DOWNLOAD_TIMEOUT=120",
            "-s",
            "NEWSARCHIVE_REDIS_IDLE_SECONDS=1",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_two_crawl_processes_share_the_frontier_and_store_each_article_once(
    tmp_path: Path, database_url: str, frontier: Frontier
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        PREFIX_ENV: frontier.prefix,
        "NEWSARCHIVE_HOME": str(tmp_path),
    }
    gate = ArticleGate()
    with FixtureWeb() as web:
        web.on_request(gate)
        registry = web.write_registry(tmp_path / "outlets.toml")
        first = _start_crawl(registry, env)
        second: subprocess.Popen[str] | None = None
        try:
            # The first process locks the outlets and seeds; the second starts once article
            # requests wait on the frontier, as a pure worker.
            _wait_for(
                lambda: (
                    frontier.redis.zcard(frontier.keys.requests) >= 3 or first.poll() is not None
                ),
                timeout=60,
                what="article requests on the shared frontier",
            )
            second = _start_crawl(registry, env)
            outputs = [first.communicate(timeout=180), second.communicate(timeout=180)]
        finally:
            for process in (first, second):
                if process is not None and process.poll() is None:
                    process.kill()
        requests = web.requests

    for process, (stdout, stderr) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, stdout + stderr[-3000:]
    assert gate.released.is_set(), "the second process never fetched an article"

    expected = sorted(a.url for a in web.expected_articles)
    assert sorted(r.url for r in query(database_url, "SELECT url FROM articles")) == expected
    assert query(database_url, "SELECT url FROM articles GROUP BY url HAVING count(*) > 1") == []
    fetched = Counter(r.path for r in requests if _is_article(r) and r.method == "GET")
    assert fetched and set(fetched.values()) == {1}, fetched  # no page fetched by both

    runs = query(database_url, "SELECT id, pages_fetched, outcome FROM crawl_runs ORDER BY id")
    assert len(runs) == 2
    assert all(run.pages_fetched > 0 for run in runs), runs  # both processes did work
    assert sum(run.pages_fetched for run in runs) == sum(fetched.values())
    assert frontier.our_keys() == []  # the last process ended the round


def test_an_unreachable_redis_fails_the_run_with_one_clear_line(
    database_url: str, tmp_path: Path
) -> None:
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        result = run_cli(
            "crawl",
            "--registry",
            str(registry),
            env={
                "DATABASE_URL": database_url,
                "NEWSARCHIVE_HOME": str(tmp_path),
                "REDIS_URL": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            },
        )
        assert web.requests == []
    assert result.returncode == 1, result.stderr[-2000:]
    assert "REDIS_URL does not answer" in result.stdout
    assert "Traceback" not in result.stderr
    [run] = query(database_url, "SELECT outcome FROM crawl_runs")
    assert run.outcome == "failed"
