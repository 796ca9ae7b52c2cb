"""A misbehaving news outlet on 127.0.0.1: every fault the crawler must survive, beside good pages.

    with FaultWeb() as web:
        registry = web.write_registry(tmp_path / "faults.toml")
        ...crawl...; check each of web.faults and web.good_pages against the database

One origin serves one outlet, `fault_gazette`. Its main RSS feed lists good articles (real-shaped
pages from the fixture web's newsroom theme, so extraction stores them) beside URLs that fail
in every way a real site does: 500/503 bursts, 429 with Retry-After, a silent server, a dripping
body, a truncated body, redirect loops, mislabelled charsets, binary files served as HTML,
50 MB pages, a gzip bomb and bot challenges. Further feeds and sitemaps of the outlet are faulty
themselves: unreadable, HTML, empty, broken but readable, and entity-expansion and gzip bombs.

Static answers use tests/fixtureweb's Resource; behaviour a fixed response cannot show (fail N
times then succeed, sleep past the client's timeout, send less than Content-Length, stream
50 MB) is a small function of the request handler. Nothing builds the 50 MB or 1 GiB bodies in
memory: the big page is streamed from one 64 KiB block, and the gzip bomb is assembled from
one compressed 1 MiB block repeated (about 1 MB on the wire).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import select
import socket
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

from tests.fixtureweb.listings import Entry, news_sitemap, plain_rss
from tests.fixtureweb.server import QuietHTTPServer, RequestLog, RequestRecord, Resource
from tests.fixtureweb.stories import Block, Story, load_story
from tests.fixtureweb.themes import ArticlePage, Teaser
from tests.fixtureweb.themes.newsroom import NewsroomTheme

SLUG = "fault_gazette"
NAME = "The Fault Gazette"
HTML = "text/html; charset=utf-8"
#: How long the silent and dripping pages keep a connection open at most, whatever the client.
HOLD_SECONDS = 20.0
HUGE_BYTES = 50 * 10**6
BOMB_INFLATED_BYTES = 2**30

#: A paragraph with letters outside ASCII that every charset case must store intact.
CHARSET_PARAGRAPH = (
    "Officials in Zürich and Genève called the “détente” fragile — but said the talks, "
    "held at the Café Lefèvre, would resume in the spring."
)

#: The stories of the fixture web the pages tell (the scraped copy is left out: its text is
#: another story's).
STORIES = (
    "china_iran_military_ties",
    "gulf_patrol_briefing",
    "indonesia_rafale_order",
    "iran_china_visit_explainer",
    "nasirzadeh_qingdao",
    "nato_washington_summit",
    "naval_drill_gulf_of_oman",
    "poland_k2_k9_delivery",
    "raisi_wei_tehran",
    "saudi_iran_restore_ties",
)

Behaviour = Callable[["_FaultHandler"], None]


@dataclass(frozen=True)
class Fault:
    """One faulty URL and what the archive must record for it."""

    name: str
    url: str
    kind: str  # article | feed | sitemap: the pages.kind of its row
    reason: str | None  # the failure reason; None when the page must end up stored or listed
    outcome: str  # pages.outcome: failed, stored or listed
    #: For a redirect chain the recorded URL is the last hop's, so rows are found by prefix.
    match_prefix: bool = False


@dataclass
class GoodPage:
    """An article page the archive must store, with a line of its body to look for."""

    url: str
    title: str
    paragraph: str


@dataclass
class _Site:
    """What the origin serves, filled in by `_build` once the port is known."""

    routes: dict[str, Resource] = field(default_factory=dict)
    behaviours: dict[str, Behaviour] = field(default_factory=dict)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    faults: dict[str, Fault] = field(default_factory=dict)
    good: list[GoodPage] = field(default_factory=list)


class FaultWeb:
    """The fault outlet up on an ephemeral port of 127.0.0.1 while the context is entered."""

    def __init__(self) -> None:
        self.log = RequestLog()
        self.stopping = threading.Event()
        self._http = _FaultServer(self)
        host, port = self._http.server_address[:2]
        self.base_url = f"http://{host!s}:{port}"
        self.netloc = f"{host!s}:{port}"
        self._counts: dict[str, int] = {}
        self._counts_lock = threading.Lock()
        self._site = _build(self.base_url)
        self._thread: threading.Thread | None = None
        gzip_bomb()  # built now, not inside the crawl's download timeout

    @property
    def faults(self) -> dict[str, Fault]:
        return self._site.faults

    @property
    def good_pages(self) -> list[GoodPage]:
        return self._site.good

    @property
    def requests(self) -> list[RequestRecord]:
        return self.log.snapshot()

    def hits(self, path: str) -> int:
        """How many times a path was requested (query strings ignored)."""
        return sum(1 for r in self.requests if urlsplit(r.path).path == path)

    def count(self, path: str) -> int:
        """This request's number among the requests for `path` so far (1 for the first)."""
        with self._counts_lock:
            self._counts[path] = self._counts.get(path, 0) + 1
            return self._counts[path]

    def __enter__(self) -> Self:
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="faultweb",
            daemon=True,
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stopping.set()  # releases handlers that are holding a connection open
        if self._thread is not None:
            self._http.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._http.server_close()

    def write_registry(self, path: Path) -> Path:
        """A registry with the one fault outlet, its feeds and sitemaps (TOML)."""

        def toml_list(values: list[str]) -> str:
            return "[" + ", ".join(json.dumps(value) for value in values) + "]"

        path.write_text(
            "# The fault-injecting outlet served on 127.0.0.1 for this test run "
            "(tests/faultweb.py).\n\n"
            "[[outlet]]\n"
            f"slug = {json.dumps(SLUG)}\n"
            f"name = {json.dumps(NAME)}\n"
            f"domains = [{json.dumps(self.netloc)}]\n"
            'country = "GB"\n'
            'language = "en"\n'
            'kind = "newspaper"\n'
            f"homepage = {json.dumps(self.base_url + '/')}\n"
            f"feeds = {toml_list(self._site.feeds)}\n"
            f"sitemaps = {toml_list(self._site.sitemaps)}\n"
            "allow_private_network = true\n",
            encoding="utf-8",
        )
        return path


# --- the HTTP side --------------------------------------------------------------------------


class _FaultServer(QuietHTTPServer):
    def __init__(self, web: FaultWeb) -> None:
        self.web = web
        super().__init__(_FaultHandler)


class _FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle kept-alive connection is dropped after this many seconds
    server: _FaultServer

    def do_GET(self) -> None:
        site = self.server.web._site
        path = urlsplit(self.path).path
        behaviour = site.behaviours.get(path)
        if behaviour is not None:
            behaviour(self)
            return
        resource = site.routes.get(self.path) or site.routes.get(path)
        if resource is None:
            resource = Resource.text("<!DOCTYPE html><title>Not Found</title>", HTML, status=404)
        self.send_resource(resource)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Called by send_response: every answer, whatever sends it, lands in the request log.
        web = self.server.web
        web.log.append(
            RequestRecord(
                outlet=SLUG,
                method=self.command,
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
                status=int(code) if isinstance(code, int) else 0,
            )
        )

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the request log is the record

    def version_string(self) -> str:
        return "nginx"

    def send_resource(self, resource: Resource) -> None:
        self.send_response(resource.status)
        self.send_header("Content-Type", resource.content_type)
        for name, value in resource.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(resource.body)))
        self.end_headers()
        self.wfile.write(resource.body)

    def hold(self, seconds: float) -> None:
        """Keep the connection open without a word until the client hangs up (or shutdown)."""
        deadline = self.server.web.stopping
        waited = 0.0
        while waited < seconds and not deadline.is_set():
            if _client_gone(self.connection):
                break
            deadline.wait(0.1)
            waited += 0.1
        self.close_connection = True


def _client_gone(connection: socket.socket) -> bool:
    """Whether the peer closed its end (readable with nothing to read)."""
    readable, _, _ = select.select([connection], [], [], 0)
    if not readable:
        return False
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


# --- behaviours a static resource cannot show -----------------------------------------------


def _burst(status: int, failures: int, then: Resource) -> Behaviour:
    """`failures` answers of `status` (with Retry-After: 1), then `then` from there on."""

    def answer(handler: _FaultHandler) -> None:
        number = handler.server.web.count(urlsplit(handler.path).path)
        if number > failures:
            handler.send_resource(then)
            return
        handler.send_resource(
            Resource.text(
                f"<!DOCTYPE html><title>{status} Server Error</title><h1>Try again</h1>",
                HTML,
                status=status,
                headers=(("Retry-After", "1"),),
            )
        )

    return answer


def _silent(handler: _FaultHandler) -> None:
    """Accept the request and never answer: the client's DOWNLOAD_TIMEOUT has to end it."""
    handler.hold(HOLD_SECONDS)


def _drip(handler: _FaultHandler) -> None:
    """Answer at once, then send the body a byte every 0.2 s: a timeout on the body, not the
    headers (Scrapy's DOWNLOAD_TIMEOUT covers the whole download)."""
    body = b"<!DOCTYPE html><html><head><title>Slow</title></head><body>" + b"." * 10_000
    handler.send_response(200)
    handler.send_header("Content-Type", HTML)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    stopping = handler.server.web.stopping
    try:
        for waited, byte in enumerate(body):
            if stopping.is_set() or waited * 0.2 > HOLD_SECONDS:
                break
            handler.wfile.write(bytes([byte]))
            stopping.wait(0.2)
    except OSError:
        pass
    handler.close_connection = True


def _truncated(page: bytes) -> Behaviour:
    """Promise the whole page in Content-Length, send the first third, close the connection."""

    def answer(handler: _FaultHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Content-Length", str(len(page)))
        handler.end_headers()
        handler.wfile.write(page[: len(page) // 3])
        handler.close_connection = True

    return answer


def _redirect(location: Callable[[str], str], status: int = 302) -> Behaviour:
    """A redirect to wherever `location` sends the request target."""

    def answer(handler: _FaultHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location(handler.path))
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def _next_hop(target: str) -> str:
    """`/news/endless-redirect?hop=N` -> `...?hop=N+1`: never the same URL twice."""
    parts = urlsplit(target)
    hop = int(parts.query.removeprefix("hop=") or 0) if parts.query.startswith("hop=") else 0
    return f"{parts.path}?hop={hop + 1}"


@cache
def _filler_block() -> bytes:
    """64 KiB of paragraphs: the unit the 50 MB page is streamed in."""
    paragraph = b"<p>" + b"All work and no play makes a very long page. " * 20 + b"</p>\n"
    return (paragraph * (2**16 // len(paragraph) + 1))[: 2**16]


def _huge(*, declared: bool) -> Behaviour:
    """A 50 MB page streamed from one block: with its Content-Length announced (the client can
    refuse it at the headers), or chunked with no length (it must count and cut it off)."""

    def answer(handler: _FaultHandler) -> None:
        head = b"<!DOCTYPE html><html><head><title>Everything</title></head><body>\n"
        block = _filler_block()
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        if declared:
            handler.send_header("Content-Length", str(HUGE_BYTES))
        else:
            handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        handler.close_connection = True
        stopping = handler.server.web.stopping
        sent = 0
        try:
            while sent < HUGE_BYTES and not stopping.is_set():
                chunk = head if sent == 0 else block[: HUGE_BYTES - sent]
                if declared:
                    handler.wfile.write(chunk)
                else:
                    handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            if not declared:
                handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up, as it should

    return answer


@cache
@cache
def gzip_bomb() -> bytes:
    """A valid gzip member of about 1 MB that inflates to 1 GiB of zeros.

    Built once per test process and before the server starts (its CRC-32 walks 1 GiB): built per
    request on a loaded machine, it took longer than the crawl's download timeout, and the fault
    was recorded as a timeout instead of the size limit.

    Deflate's output for a block after a full flush depends only on that block, so one
    compressed 1 MiB block of zeros is repeated 1024 times; the trailer's CRC-32 is computed
    block by block, never over 1 GiB at once.
    """
    block = bytes(2**20)
    count = BOMB_INFLATED_BYTES // len(block)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeated = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # deflate, no name, mtime 0, max
    trailer = struct.pack("<II", crc, BOMB_INFLATED_BYTES & 0xFFFFFFFF)
    return header + first + repeated * (count - 1) + end + trailer


def _bomb(content_type: str, *, encoded: bool) -> Behaviour:
    """The gzip bomb, declared as Content-Encoding (the client inflates it) or as a .gz file."""

    def answer(handler: _FaultHandler) -> None:
        body = gzip_bomb()
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        if encoded:
            handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        with contextlib.suppress(OSError):  # the client hung up at its size limit
            handler.wfile.write(body)

    return answer


# --- what the outlet serves ----------------------------------------------------------------

CLOUDFLARE_CHALLENGE = (Path(__file__).parent / "data/pages/cloudflare_challenge.html").read_bytes()
DDOS_GUARD_CHECK = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>DDoS-Guard</title></head><body><div class="ddg-container">
<h1>Checking your browser before accessing the site.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<p>DDoS protection by DDoS-Guard</p></div>
<script src="/.well-known/ddos-guard/check?context=free_splash"></script></body></html>"""
PLAIN_FORBIDDEN = b"""<html><head><title>403 Forbidden</title></head><body>
<center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>"""
#: A PNG image (1x1), a PDF and a gzipped page: all served as text/html.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7\x9a"
    b"\xa0\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
    + zlib.compress(b"BT /F1 24 Tf 100 700 Td (Annual report) Tj ET" * 40)
    + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
BILLION_LAUGHS = (
    '<!DOCTYPE {root} [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">\n'
        for n in range(2, 10)
    )
    + "]>\n"
)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _build(base: str) -> _Site:
    """Every route of the outlet at `base`, and the expectations that go with them."""
    site = _Site()
    theme = NewsroomTheme(NAME, base)
    now = _now()
    stories = itertools.cycle(STORIES)  # more pages than stories: two are told twice
    feed_entries: list[Entry] = []

    def article(path: str, *, extra: str | None = None) -> tuple[str, GoodPage, Entry]:
        """A real-shaped article page for `path`: (HTML, expectation, feed entry)."""
        story = load_story(next(stories))
        if extra is not None:
            story = replace(story, blocks=(*story.blocks, Block("paragraph", extra)))
        published = now - timedelta(hours=len(site.good) + len(feed_entries) + 2)
        html = theme.article(_article_page(base, path, story, published))
        url = base + path
        good = GoodPage(url, story.title, extra or story.paragraphs[0])
        entry = Entry(url, story.title, published, published, summary=story.lead)
        return html, good, entry

    def good(path: str, *, listed: bool = True) -> tuple[GoodPage, Entry]:
        html, page, entry = article(path)
        site.routes[path] = Resource.text(html, HTML)
        site.good.append(page)
        if listed:
            feed_entries.append(entry)
        return page, entry

    def fault(
        name: str,
        path: str,
        reason: str | None,
        *,
        kind: str = "article",
        match_prefix: bool = False,
        entry: Entry | None = None,
    ) -> None:
        """Expect `reason` for `path`; an article fault is listed in the main feed."""
        outcome = "failed" if reason else ("stored" if kind == "article" else "listed")
        site.faults[name] = Fault(name, base + path, kind, reason, outcome, match_prefix)
        if kind == "article":
            feed_entries.append(entry or Entry(base + path, f"Fault: {name}", now, now))

    def stored_fault(name: str, path: str, *, extra: str | None = None) -> str:
        """A fault the page must survive: listed with its real title, expected in the archive.
        Returns the page's HTML for the caller to serve its own way."""
        html, page, entry = article(path, extra=extra)
        site.good.append(page)
        fault(name, path, None, entry=entry)
        return html

    # Good pages, listed in the main feed.
    for number in (1, 2, 3):
        good(f"/news/good-story-{number}")

    # 500/503 bursts: shorter than the crawler's retries (the page is stored) and longer.
    for status in (500, 503):
        path = f"/news/burst-{status}-short"
        html = stored_fault(f"burst_{status}_short", path)
        site.behaviours[path] = _burst(status, 2, Resource.text(html, HTML))
    site.behaviours["/news/burst-503-long"] = _burst(503, 1000, Resource.text("", HTML))
    fault("burst_503_long", "/news/burst-503-long", "http_503")

    # Rate limited, with Retry-After.
    site.routes["/news/rate-limited"] = Resource.text(
        "<!DOCTYPE html><title>429 Too Many Requests</title><h1>Slow down</h1>",
        HTML,
        status=429,
        headers=(("Retry-After", "120"),),
    )
    fault("rate_limited", "/news/rate-limited", "http_429")

    # A server that never answers, and one that answers a byte at a time.
    site.behaviours["/news/silent"] = _silent
    fault("silent", "/news/silent", "timeout")
    site.behaviours["/news/drip"] = _drip
    fault("drip", "/news/drip", "timeout")

    # A body shorter than its Content-Length.
    html, _, _ = article("/news/truncated")
    site.behaviours["/news/truncated"] = _truncated(html.encode("utf-8"))
    fault("truncated", "/news/truncated", "truncated")

    # Redirect loops: a -> b -> a, and an endless chain of fresh URLs.
    site.behaviours["/news/loop-a"] = _redirect(lambda _: "/news/loop-b")
    site.behaviours["/news/loop-b"] = _redirect(lambda _: "/news/loop-a", status=301)
    fault("redirect_loop", "/news/loop-a", "redirect_loop")
    site.behaviours["/news/endless-redirect"] = _redirect(_next_hop)
    fault("endless_redirect", "/news/endless-redirect", "redirect_loop", match_prefix=True)

    # Wrong, missing and unknown charsets: stored all the same, with the text intact.
    for name, body_codec, content_type in (
        ("charset_cp1252_as_utf8", "cp1252", "text/html; charset=utf-8"),
        ("charset_utf8_as_latin1", "utf-8", "text/html; charset=iso-8859-1"),
        ("charset_missing", "cp1252", "text/html"),
        ("charset_unknown_label", "utf-8", "text/html; charset=utf-99"),
    ):
        path = "/news/" + name.replace("_", "-")
        html = stored_fault(name, path, extra=CHARSET_PARAGRAPH)
        if name != "charset_cp1252_as_utf8":  # that one's <meta> lies along with its header
            html = html.replace('<meta charSet="utf-8"/>', "")
        site.routes[path] = Resource(html.encode(body_codec), content_type)

    # Binary files served as HTML.
    gzipped_page = zlib.compress(b"<html><body>" + b"<p>compressed twice</p>" * 200, wbits=31)
    for name, body in (("binary_png", PNG), ("binary_pdf", PDF), ("binary_gzip", gzipped_page)):
        path = "/news/" + name.replace("_", "-")
        site.routes[path] = Resource(body, HTML)
        fault(name, path, "binary_content")

    # Too large: 50 MB announced, 50 MB streamed without a length, a 1 GiB gzip bomb.
    site.behaviours["/news/huge-declared"] = _huge(declared=True)
    fault("huge_declared", "/news/huge-declared", "too_large")
    site.behaviours["/news/huge-streamed"] = _huge(declared=False)
    fault("huge_streamed", "/news/huge-streamed", "too_large")
    site.behaviours["/news/gzip-bomb"] = _bomb(HTML, encoded=True)
    fault("gzip_bomb", "/news/gzip-bomb", "too_large")

    # Bot walls: Cloudflare's 403 "Just a moment...", DDoS-Guard's 503, a challenge sent
    # with 200, and for contrast a plain 403 that is the site's own refusal.
    site.routes["/news/challenge-403"] = Resource(
        CLOUDFLARE_CHALLENGE, HTML, status=403, headers=(("Server", "cloudflare"),)
    )
    fault("challenge_403", "/news/challenge-403", "blocked")
    site.routes["/news/challenge-503"] = Resource(DDOS_GUARD_CHECK, HTML, status=503)
    fault("challenge_503", "/news/challenge-503", "blocked")
    site.routes["/news/challenge-200"] = Resource(CLOUDFLARE_CHALLENGE, HTML)
    fault("challenge_200", "/news/challenge-200", "blocked")
    site.routes["/news/forbidden"] = Resource(PLAIN_FORBIDDEN, HTML, status=403)
    fault("plain_403", "/news/forbidden", "http_403")

    # Listings that are faulty themselves; the readable ones list a good page of their own.
    rss = "application/rss+xml; charset=utf-8"
    site.routes["/feeds/unreadable.xml"] = Resource(
        b'<?xml version="1.0"?>\n<rss version="2.0"><chan', rss
    )
    fault("feed_unreadable", "/feeds/unreadable.xml", "listing_malformed", kind="feed")
    site.routes["/feeds/html.xml"] = Resource(
        b"<!DOCTYPE html><html><head><title>Feeds</title></head><body><p>Our feeds have moved."
        b"</p></body></html>",
        rss,
    )
    fault("feed_is_html", "/feeds/html.xml", "listing_not_a_listing", kind="feed")
    site.routes["/feeds/empty.xml"] = Resource(b"", rss)
    fault("feed_empty", "/feeds/empty.xml", "listing_empty_body", kind="feed")

    _, broken_entry = good("/news/listed-in-a-broken-feed", listed=False)
    site.routes["/feeds/broken.xml"] = Resource(_broken_feed(base, broken_entry), rss)
    fault("feed_broken_but_readable", "/feeds/broken.xml", None, kind="feed")

    _, bomb_feed_entry = good("/news/listed-in-the-feed-bomb", listed=False)
    site.routes["/feeds/entity-bomb.xml"] = Resource.text(_feed_bomb(base, bomb_feed_entry), rss)
    fault("feed_entity_bomb", "/feeds/entity-bomb.xml", None, kind="feed")

    _, bomb_sitemap_entry = good("/news/listed-in-the-sitemap-bomb", listed=False)
    site.routes["/sitemaps/entity-bomb.xml"] = Resource.text(
        _sitemap_bomb(bomb_sitemap_entry), "application/xml; charset=utf-8"
    )
    fault("sitemap_entity_bomb", "/sitemaps/entity-bomb.xml", None, kind="sitemap")

    site.behaviours["/sitemaps/gzip-bomb.xml.gz"] = _bomb("application/x-gzip", encoded=False)
    fault("sitemap_gzip_bomb", "/sitemaps/gzip-bomb.xml.gz", "listing_too_large", kind="sitemap")

    site.routes["/feeds/main.xml"] = Resource.text(
        plain_rss(
            site_name=NAME,
            base_url=base,
            description="Everything that can go wrong",
            entries=feed_entries,
        ),
        rss,
    )
    site.routes["/robots.txt"] = Resource.text("User-agent: *\nAllow: /\n", "text/plain")
    site.feeds = [
        base + path
        for path in (
            "/feeds/main.xml",
            "/feeds/unreadable.xml",
            "/feeds/html.xml",
            "/feeds/empty.xml",
            "/feeds/broken.xml",
            "/feeds/entity-bomb.xml",
        )
    ]
    site.sitemaps = [base + "/sitemaps/entity-bomb.xml", base + "/sitemaps/gzip-bomb.xml.gz"]
    return site


def _article_page(base: str, path: str, story: Story, published: datetime) -> ArticlePage:
    teaser = Teaser("Harbour traffic returns to normal", f"{base}/news/harbour", published, "")
    return ArticlePage(
        url=base + path,
        canonical_url=base + path,
        story=story,
        published=published,
        modified=published,
        authors=("Ada Fault",),
        section="World",
        section_url=f"{base}/world",
        promo_urls=tuple(f"{base}/news/promo-{n}" for n in range(len(story.promos))),
        related=(teaser,),
        most_read=teaser,
    )


def _broken_feed(base: str, entry: Entry) -> bytes:
    """Bare ampersands in the channel and a last item cut off mid-way: readable all the same."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Fault Gazette: Politics & Power</title><link>{base}/</link>
<description>Q&A, analysis & comment</description>
<item><title>{entry.title.replace("&", "&amp;")}</title><link>{entry.url}</link>
<pubDate>{entry.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>
<item><title>Cut off mid-way & never closed</title><link>{base}/news/cut""".encode()


def _feed_bomb(base: str, entry: Entry) -> str:
    """An RSS feed whose DTD declares a billion-laughs entity and whose text uses it."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
{BILLION_LAUGHS.format(root="rss")}<rss version="2.0"><channel>
<title>Fault Gazette</title><link>{base}/</link><description>&lol9;</description>
<item><title>{entry.title.replace("&", "&amp;")}</title><link>{entry.url}</link>
<description>&lol9;</description>
<pubDate>{entry.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>
</channel></rss>
"""


def _sitemap_bomb(entry: Entry) -> str:
    """A Google News sitemap whose DTD declares a billion-laughs entity used in a keyword."""
    sitemap = news_sitemap(publication=NAME, entries=[entry])
    declaration, rest = sitemap.split("\n", 1)
    rest = rest.replace("</news:title>", "</news:title>\n<news:keywords>&lol9;</news:keywords>")
    return f"{declaration}\n{BILLION_LAUGHS.format(root='urlset')}{rest}"
