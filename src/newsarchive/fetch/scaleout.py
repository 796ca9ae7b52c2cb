"""Scale-out: with REDIS_URL set, every `newsarchive crawl` process works one shared frontier.

The frontier and the duplicate filter are scrapy-redis's (its Scheduler, PriorityQueue and
RFPDupeFilter, not our own queue); its item pipeline is not used, since every process stores
into the same Postgres itself. This module only decides what scrapy-redis cannot know about an
hourly archive crawl: key names, how long state lives, and when a process may stop.

Keys (PREFIX is NEWSARCHIVE_REDIS_PREFIX from the environment, default "newsarchive"; SPIDER is
the spider's name, "outlets"):

- ``PREFIX:SPIDER:requests`` - the frontier, a sorted set by priority (listings before
  articles). It persists when a process exits (SCHEDULER_PERSIST) and is never flushed at start:
  one process closing must not take the queue away from another, and requests left by a crashed
  run are worked by the next one.
- ``PREFIX:SPIDER:dupefilter`` - fingerprints of the requests scheduled in the current *round*,
  i.e. while at least one process is crawling. It keeps two processes from fetching the same
  article URL; it must not outlive the round, because a URL whose fetch failed is rescheduled by
  a later run (listings are requested with dont_filter and always get through). So the last
  process to leave a drained frontier deletes it, and while processes are alive they keep
  re-setting an expiry (NEWSARCHIVE_REDIS_ROUND_TTL, default 10 minutes) that only runs out
  when every process died without closing: the next hourly run then starts a fresh round too.
- ``PREFIX:SPIDER:workers`` and ``PREFIX:SPIDER:busy`` - sorted sets of process ids scored by
  the last time (Redis's clock) each process was alive, and last had work in hand (requests
  queued or downloading, responses or items being processed). An alive stamp older than
  STALE_SECONDS is a process that is gone.

When to stop: Scrapy closes a spider as soon as it has nothing to do, which would end a process
that seeded nothing (its outlets are locked by another run) before the seeding process has
filled the queue, and end every process while one of them is still parsing a sitemap that will
add thousands of requests. The SharedFrontier extension therefore keeps the spider open
(DontCloseSpider) until the frontier is empty and no process of the fleet (itself included) has
had work in hand for NEWSARCHIVE_REDIS_IDLE_SECONDS (default 10), counted at the earliest from
its own start. A killed process's last stamp just ages, so it holds nobody up for longer than
that. Scrapy asks an idle spider again on its 5-second heartbeat, so a process ends up to that
much later than the rule says, and picks up requests that reach the frontier within it.

Requests are stored as pickles (scrapy-redis's format) with callbacks named by spider method;
reading them back only accepts the few types our requests carry (see `loads`), so whoever can
write to the Redis cannot make a crawler run code. Every process must run the same registry:
a request names its outlet by slug and any process may answer it.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import re
import secrets
import socket
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured, ScrapyDeprecationWarning
from scrapy.settings import BaseSettings
from twisted.internet import task

from newsarchive.fetch.settings import read_float, read_int

log = logging.getLogger(__name__)

PREFIX_ENV = "NEWSARCHIVE_REDIS_PREFIX"
DEFAULT_PREFIX = "newsarchive"
#: How often a process stamps itself alive (and busy) in Redis.
HEARTBEAT_SECONDS = 1.0
#: An alive stamp older than this is from a process that is gone.
STALE_SECONDS = 10.0

_PREFIX_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]*")


def redis_settings(
    redis_url: str,
    *,
    base: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The settings that put a crawl on the shared Redis frontier, to apply over `base`.

    `base` is the settings being built (for the extensions already enabled there); the key
    prefix comes from NEWSARCHIVE_REDIS_PREFIX so that separate fleets, or tests, can share one
    Redis without meeting.
    """
    env = os.environ if environ is None else environ
    prefix = env.get(PREFIX_ENV) or DEFAULT_PREFIX
    # scrapy-redis fills the spider name into these keys with %-formatting.
    if not _PREFIX_PATTERN.fullmatch(prefix):
        raise ValueError(f"{PREFIX_ENV} may hold letters, digits and :._- only, not {prefix!r}")
    extensions = dict((base or {}).get("EXTENSIONS") or {})
    extensions["newsarchive.fetch.scaleout.SharedFrontier"] = 600
    return {
        "REDIS_URL": redis_url,
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
        # Never flush the shared state when one process starts or stops (see module docstring).
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "SCHEDULER_SERIALIZER": "newsarchive.fetch.scaleout",
        "EXTENSIONS": extensions,
        "NEWSARCHIVE_REDIS_PREFIX": prefix,
    }


@dataclass(frozen=True)
class FrontierKeys:
    """The Redis keys one spider's fleet shares."""

    requests: str
    dupefilter: str
    workers: str
    busy: str

    @classmethod
    def from_settings(cls, settings: BaseSettings, spider_name: str) -> Self:
        """The same keys the scrapy-redis scheduler derives from these settings."""
        prefix = settings.get("NEWSARCHIVE_REDIS_PREFIX") or DEFAULT_PREFIX
        name = {"spider": spider_name}
        return cls(
            requests=settings.get("SCHEDULER_QUEUE_KEY", f"{prefix}:%(spider)s:requests") % name,
            dupefilter=(
                settings.get("SCHEDULER_DUPEFILTER_KEY", f"{prefix}:%(spider)s:dupefilter") % name
            ),
            workers=f"{prefix}:{spider_name}:workers",
            busy=f"{prefix}:{spider_name}:busy",
        )

    def all(self) -> tuple[str, ...]:
        return (self.requests, self.dupefilter, self.workers, self.busy)


class SharedFrontier:
    """Keeps a process on the shared frontier until the fleet is done; ends the round then.

    See the module docstring for the rules; enabled by `redis_settings`.
    """

    def __init__(
        self, crawler: Crawler, server: Any, *, idle_seconds: float, round_ttl: int
    ) -> None:
        self.crawler = crawler
        self.server = server
        self.idle_seconds = idle_seconds
        self.round_ttl = round_ttl
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.keys: FrontierKeys | None = None
        self.clock_offset = 0.0  # Redis's clock minus ours: stamps compare across machines
        self.opened_at = 0.0
        self.loop: task.LoopingCall | None = None
        self._redis_failing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.get("REDIS_URL"):
            raise NotConfigured("no REDIS_URL")
        from scrapy_redis.connection import get_redis_from_settings

        # scrapy-redis 0.9.1 passes `spider=` to the stats collector, deprecated in Scrapy 2.19
        # (hence scrapy<2.20): one known warning per run is noise in a cron mail.
        warnings.filterwarnings(
            "ignore", category=ScrapyDeprecationWarning, module=r"scrapy_redis\."
        )
        extension = cls(
            crawler,
            get_redis_from_settings(settings),
            idle_seconds=read_float(settings, "NEWSARCHIVE_REDIS_IDLE_SECONDS"),
            round_ttl=max(read_int(settings, "NEWSARCHIVE_REDIS_ROUND_TTL"), 1),
        )
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.keys = FrontierKeys.from_settings(self.crawler.settings, spider.name)
        try:
            seconds, microseconds = self.server.time()
            self.clock_offset = seconds + microseconds / 1e6 - time.time()
        except Exception as error:
            self._redis_error("could not read Redis's clock", error)
        self.opened_at = self._now()
        log.info("crawling the shared frontier %s as %s", self.keys.requests, self.worker)
        self.beat()
        self.loop = task.LoopingCall(self.beat)
        self.loop.start(HEARTBEAT_SECONDS, now=False)

    def beat(self) -> None:
        """Stamp this process alive (and busy, if it is), and keep the round from expiring."""
        if self.keys is None:
            return
        keys, now = self.keys, self._now()
        try:
            pipe = self.server.pipeline(transaction=False)
            pipe.zadd(keys.workers, {self.worker: now})
            if self._has_work():
                pipe.zadd(keys.busy, {self.worker: now})
            for key in (keys.dupefilter, keys.workers, keys.busy):
                pipe.expire(key, self.round_ttl)
            pipe.execute()
        except Exception as error:  # Redis away: the scheduler will say so loudly enough
            self._redis_error("could not stamp this crawler alive in Redis", error)
        else:
            self._redis_failing = False

    def spider_idle(self, spider: Spider) -> None:
        """Refuse to close while the fleet may still add to the frontier (see module).

        Scrapy only calls this when the frontier is empty and this process has nothing to do.
        """
        assert self.keys is not None
        last_busy = 0.0
        try:
            latest = self.server.zrevrange(self.keys.busy, 0, 0, withscores=True)
            last_busy = latest[0][1] if latest else 0.0
        except Exception as error:
            # Without Redis nobody can hand us work: count the wait as quiet.
            self._redis_error("could not ask Redis when the crawlers were last busy", error)
        quiet = self._now() - max(last_busy, self.opened_at)
        if quiet < self.idle_seconds:
            raise DontCloseSpider
        log.info("no crawler has had work for %.0fs: this one stops", quiet)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Leave the fleet; the last process out of a drained frontier ends the round."""
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.keys is None:
            return
        keys = self.keys
        try:
            pipe = self.server.pipeline(transaction=False)
            pipe.zrem(keys.workers, self.worker)
            pipe.zrem(keys.busy, self.worker)
            pipe.execute()
            pipe = self.server.pipeline(transaction=False)
            pipe.zcount(keys.workers, self._now() - STALE_SECONDS, "+inf")
            pipe.zcard(keys.requests)
            alive, queued = pipe.execute()
            if not alive and not queued:
                self.server.delete(keys.dupefilter, keys.workers, keys.busy)
                log.info("last crawler off a drained frontier: the next run starts a new round")
            elif queued:
                log.info("%d requests stay on the shared frontier for the other crawlers", queued)
        except Exception as error:
            self._redis_error("could not leave the shared frontier cleanly", error)

    def _now(self) -> float:
        return time.time() + self.clock_offset

    def _has_work(self) -> bool:
        engine = self.crawler.engine
        try:
            return engine is not None and not engine.spider_is_idle()
        except RuntimeError:  # the engine is between spiders
            return False

    def _redis_error(self, what: str, error: Exception) -> None:
        # Once per outage, not once a second.
        if not self._redis_failing:
            log.warning("%s: %s", what, error)
        self._redis_failing = True


# The frontier's serializer (SCHEDULER_SERIALIZER names this module): scrapy-redis's pickle
# format, read back by an unpickler that only builds the types a request dict of ours holds.
# Dicts, lists, tuples, sets, str, bytes, numbers and None need no lookup at all.
_SAFE_GLOBALS = frozenset(
    {
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "timedelta"),
        ("datetime", "timezone"),
        ("zoneinfo", "ZoneInfo._unpickle"),
        ("newsarchive.extract.record", "Evidence"),
    }
)


class _FrontierUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _SAFE_GLOBALS:
            raise pickle.UnpicklingError(
                f"refusing {module}.{name} in a request from the shared frontier"
            )
        return super().find_class(module, name)


def dumps(request: dict[str, Any]) -> bytes:
    """Serialise a request dict (Request.to_dict) for the Redis frontier."""
    return pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """Read a request dict back from the frontier, building only allowed types."""
    return _FrontierUnpickler(io.BytesIO(data)).load()


def redis_problem(redis_url: str, timeout: float = 5.0) -> str | None:
    """Why the shared frontier can't be used (one line, no credentials), or None if it answers.

    Checked before a run starts, so an unreachable Redis is one clear line and a failed run,
    not a crawl that dies inside the scheduler with tracebacks.
    """
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        client.ping()
    except redis.RedisError as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    finally:
        client.close()
    return None
