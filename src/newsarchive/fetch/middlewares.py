"""Downloader middlewares of our own."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.downloadermiddlewares.retry import RetryMiddleware as ScrapyRetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.robotstxt import RobotParser
from scrapy.settings import Settings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newsarchive.discover.urls import is_private_address, url_host
from newsarchive.fetch.settings import read_float
from newsarchive.registry import Outlet


class PrivateNetworkRefused(IgnoreRequest):
    """A request to a loopback or private address for an outlet that doesn't allow it."""


class PrivateNetworkMiddleware:
    """Refuse non-http(s) URLs, and loopback/private addresses unless the outlet allows them.

    A feed that lists `http://127.0.0.1/...` or `http://10.0.0.5/admin` must not turn the crawler
    into a probe of the machine's own network. Outlets opt in with `allow_private_network`
    (the tests' fixture outlets do). Names are checked as literals here; a public name that
    resolves to a private address is not caught at this layer.
    """

    def __init__(self, outlets: Sequence[Outlet]) -> None:
        self.allowed = [outlet for outlet in outlets if outlet.allow_private_network]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings.getlist("NEWSARCHIVE_OUTLETS"))

    def process_request(self, request: Request) -> None:
        if not request.url.startswith(("http://", "https://")):
            raise PrivateNetworkRefused(f"only http and https are fetched: {request.url}")
        host = url_host(request.url)
        if host is None or not is_private_address(host):
            return
        # robots.txt requests carry no outlet: the URL's owner decides for them too.
        if any(outlet.owns_url(request.url) for outlet in self.allowed):
            return
        raise PrivateNetworkRefused(
            f"refused private address {host} (outlet {request.meta.get('outlet')!r} "
            "does not set allow_private_network)"
        )


class RedirectLoop(IgnoreRequest):
    """A redirect that leads back to a URL already on the same request's redirect chain."""


class RedirectLoopMiddleware:
    """Refuse a redirect back into its own chain, so a loop is recorded instead of lost.

    Scrapy sends each redirect hop through the scheduler, and the duplicate filter drops a hop
    to a URL already requested: a loop `a -> b -> a` then ends without a response, an error or
    any call of the request's errback, so the page vanishes from the run's record. Here every
    request lets its own redirect hops past the duplicate filter (`dont_filter`, which
    RedirectMiddleware copies to the hop), and a hop whose URL is already on its chain fails
    with `RedirectLoop`. Endless chains of fresh URLs (`?hop=1`, `?hop=2`...) still end at
    REDIRECT_MAX_TIMES, which failures.py records as a redirect loop as well.

    The cost: a redirect target that was also fetched on its own in the same run is fetched
    again (its article is stored once, under its key). Place it before robots.txt (100) so a
    looping hop is refused without a robots.txt lookup.
    """

    def process_request(self, request: Request) -> None:
        chain: list[str] = request.meta.get("redirect_urls") or []
        if request.url in chain:
            start = chain.index(request.url)
            loop = " -> ".join([*chain[start:], request.url])
            raise RedirectLoop(f"redirect loop after {len(chain)} redirects: {loop}")
        request.dont_filter = True


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every waiting request checked.

    In Scrapy 2.19, requests that arrive while an origin's robots.txt is still downloading all
    await one shared Deferred; the first waiter's adapter swallows the parser, so the later ones
    see None and are let through unchecked. Each waiter here gets its own Deferred, fed from the
    shared one without consuming its result.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred[RobotParser | None] = Deferred()

        def relay(result: RobotParser | None) -> RobotParser | None:
            waiter.callback(result)
            return result

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)


#: Bytes of a page given to the meta-refresh check: Scrapy reads the first 4,096 characters,
#: which are at most 4 bytes each in UTF-8.
META_REFRESH_HEAD = 4 * 4096


class MetaRefreshMiddleware(ScrapyMetaRefresh):
    """Scrapy's meta-refresh redirects, read from the head of the page only.

    Scrapy 2.19 looks for the tag in the first 4,096 characters of `response.text`, which
    decodes the whole body and keeps the text on the response while it is alive: for the crawl's
    real pages (~170 KB, ~16 in flight) that is a whole-page decode per page in the crawl
    process and ~19 MiB of text nobody reads (the pool decodes the bytes itself). Here the check
    sees a copy of the response cut to the bytes those characters can take, at a UTF-8 character
    boundary; what it returns for the cut copy (no refresh, a refresh too slow to follow) is
    returned for the real response. A head whose bytes never spell "refresh" declares none and
    is passed on with no copy and no decoding at all (w3lib's own test on bytes), unless it has
    NUL bytes: in UTF-16 or UTF-32 the word is not spelled byte by byte.
    """

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if not isinstance(response, HtmlResponse):
            return super().process_response(request, response)
        head = response.body[:META_REFRESH_HEAD]
        if b"\0" not in head and b"refresh" not in head.lower():
            return response
        if len(response.body) <= META_REFRESH_HEAD:
            return super().process_response(request, response)
        cut = META_REFRESH_HEAD
        while cut and response.body[cut] & 0xC0 == 0x80:  # inside a UTF-8 character
            cut -= 1
        result = super().process_response(request, response.replace(body=response.body[:cut]))
        return response if isinstance(result, Response) else result


#: Request meta key under which ReceivedGzipMiddleware keeps a response's body as received.
RECEIVED_GZIP = "newsarchive_received_gzip"


class ReceivedGzipMiddleware:
    """Keeps a gzip-encoded response's body as it came off the wire, for `pages.html_gz`.

    Scrapy's HttpCompressionMiddleware (590) inflates the body and drops the compressed bytes;
    the archive then gzipped the page again (about 1.2 ms of CPU per real page, in the pool).
    Placed at 595, this sees the response just before it is inflated and puts its bytes in the
    request's meta; `received_gzip` hands them over once it has checked that they inflate to
    exactly the body the spider got. Every response sets the key (None when not gzip), so a
    retried request never carries the bytes of an earlier answer.
    """

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        encodings = response.headers.getlist(b"Content-Encoding")
        gzipped = [e.strip().lower() for e in encodings] in ([b"gzip"], [b"x-gzip"])
        request.meta[RECEIVED_GZIP] = response.body if gzipped else None
        return response


def received_gzip(response: Response) -> bytes | None:
    """The response's body as received, when it was one whole gzip member of exactly this body.

    Scrapy's gunzip keeps what it could inflate of a truncated or corrupt stream; such bytes
    would not inflate again when read back. A gzip member ends with the CRC-32 and the length
    (mod 2**32) of what it holds (RFC 1952): both must match the body, which also rules out a
    stream of several members or with bytes after its end.
    """
    received: bytes | None = response.meta.pop(RECEIVED_GZIP, None)
    if received is None or len(received) < 18 or received[:2] != b"\x1f\x8b":
        return None
    crc, size = struct.unpack("<II", received[-8:])
    body = response.body
    if size != len(body) & 0xFFFFFFFF or crc != zlib.crc32(body):
        return None
    return received


class PoliteRetryMiddleware(ScrapyRetryMiddleware):
    """Scrapy's retries, minus the two that only hammer a server that asked us to stop.

    Scrapy retries a 429 or 503 at once, whatever the response says. A response carrying
    `Retry-After` is answered by waiting that long, which a crawl run cannot do for one URL
    without holding up the rest; so it is not retried in this run but recorded, and the URL's
    next attempt (failed_urls.next_attempt_at) is set no sooner than the server asked. A bot
    challenge page is not retried either: asking again only confirms we are a bot. A short
    Retry-After (up to NEWSARCHIVE_RETRY_AFTER_MAX_WAIT seconds, default 10) is within the
    crawl's own pacing, and retried as Scrapy would.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.max_wait = read_float(settings, "NEWSARCHIVE_RETRY_AFTER_MAX_WAIT")

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status in self.retry_http_codes:
            wait = retry_after_seconds(response)
            if (wait is not None and wait > self.max_wait) or _is_challenge(response):
                return response
        return super().process_response(request, response)


def _is_challenge(response: Response) -> bool:
    from newsarchive.fetch.failures import bot_challenge_evidence

    return bot_challenge_evidence(response) is not None


def retry_after_seconds(response: Response) -> float | None:
    """Seconds a 429/503 response asks us to wait (RFC 9110: delay-seconds or an HTTP date)."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
