"""`registry check --probe`: fetch each outlet's listings once and say what a crawl would find.

An operator adding an outlet wants to see it work before cron does: whether its feeds, sitemaps
and listing pages answer, what they are, how many entries they list and how fresh the newest is,
and whether robots.txt lets us fetch the articles. The listings are parsed by `discover`, as in a
crawl, and robots.txt by Protego, the parser Scrapy's middleware uses, so the answer is the
crawl's. Plain HTTP (urllib) with a timeout and our User-Agent, no Scrapy: a probe is a few
requests. Politeness: one request at a time per outlet (its robots.txt first, then its listings
in order), a few outlets at once, each URL asked once.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from protego import Protego

from newsarchive.discover.listing_pages import parse_listing_page
from newsarchive.discover.listings import ListedArticle, ListingError, parse_listing
from newsarchive.discover.urls import is_private_address, url_host
from newsarchive.registry import Outlet
from newsarchive.settings import USER_AGENT

#: A listing bigger than this is not read further (the crawl's cap is of the same order).
MAX_BODY = 50 * 2**20
DEFAULT_TIMEOUT = 20.0
#: Outlets probed at once; each outlet's own requests go one after another.
DEFAULT_WORKERS = 4


class FetchFailed(Exception):
    """A URL that gave no usable body; str() is the short reason an operator reads."""


@dataclass(frozen=True)
class Fetched:
    status: int
    body: bytes


Fetch = Callable[[str, Outlet], Fetched]


@dataclass
class ListingProbe:
    """What one feed, sitemap or listing page answered."""

    url: str
    source: str  # feed | sitemap | archive_sitemap | listing_page
    ok: bool = False
    problem: str | None = None  # why it gave nothing usable (unreachable, HTTP 404, not a feed)
    kind: str | None = None  # rss | atom | rdf | sitemap | news_sitemap | sitemap_index | html
    entries: int = 0  # articles listed (child sitemaps for an index)
    kept: int = 0  # of those, URLs the outlet's domains and include/exclude rules accept
    newest: datetime | None = None  # newest published (or modified) date of an entry
    robots_allowed: int = 0  # of the kept URLs, those robots.txt lets us fetch
    robots_example: str | None = None  # one kept URL robots.txt forbids
    skipped: str | None = None  # why it was not fetched though nothing is wrong with it


@dataclass
class OutletProbe:
    slug: str
    listings: list[ListingProbe] = field(default_factory=list)
    robots: str = ""  # how robots.txt answered for the outlet's listing host(s)

    @property
    def reachable(self) -> bool:
        return any(listing.ok for listing in self.listings)

    @property
    def probed(self) -> bool:
        """Whether any of its listings was fetched (not all drawn by JavaScript)."""
        return any(listing.skipped is None for listing in self.listings)

    @property
    def problems(self) -> list[str]:
        """What an operator should look at: failing or empty listings, articles robots forbids."""
        found = []
        for listing in self.listings:
            if listing.skipped is not None:
                continue
            if listing.problem is not None:
                found.append(f"{listing.url}: {listing.problem}")
            elif listing.kind != "sitemap_index" and listing.kept == 0:
                found.append(f"{listing.url}: no article of the outlet listed")
            elif listing.kept and listing.robots_allowed == 0:
                found.append(f"{listing.url}: robots.txt forbids every article")
        return found


def probe_outlets(
    outlets: Sequence[Outlet],
    *,
    now: datetime,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    fetch: Fetch | None = None,
) -> list[OutletProbe]:
    """Probe every outlet's listings (several outlets at once), in the outlets' order."""
    get = fetch or HttpFetch(timeout)
    robots = _RobotsCache(get)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(outlets)))) as pool:
        return list(pool.map(lambda outlet: _probe_outlet(outlet, get, robots, now), outlets))


def _sources(outlet: Outlet) -> list[tuple[str, str]]:
    """(url, source) of every listing the outlet has, archive sitemaps too, minus disabled ones."""
    return [
        (url, source)
        for urls, source in (
            (outlet.feeds, "feed"),
            (outlet.sitemaps, "sitemap"),
            (outlet.archive_sitemaps, "archive_sitemap"),
            (outlet.listing_pages, "listing_page"),
        )
        for url in outlet.active(urls)
    ]


def _probe_outlet(outlet: Outlet, fetch: Fetch, robots: _RobotsCache, now: datetime) -> OutletProbe:
    probe = OutletProbe(outlet.slug)
    notes: list[str] = []
    queue = _sources(outlet)
    while queue:
        url, source = queue.pop(0)
        listing = ListingProbe(url, source)
        probe.listings.append(listing)
        if outlet.renders_in_browser(url):
            # The crawl draws it in Chromium; over plain HTTP it would look empty.
            listing.skipped = "drawn by JavaScript (render = browser): not probed over plain HTTP"
            continue
        rules, note = robots.rules_for(url, outlet)
        if note not in notes:
            notes.append(note)
        child = _probe_listing(listing, outlet, fetch, robots, rules, now)
        if child is not None:
            # An index's sitemaps are what the crawl reads: open its first one to show them.
            queue.insert(0, (child, "sitemap_in_index"))
    probe.robots = "; ".join(notes)
    return probe


def _probe_listing(
    listing: ListingProbe,
    outlet: Outlet,
    fetch: Fetch,
    robots: _RobotsCache,
    rules: Protego | None,
    now: datetime,
) -> str | None:
    """Fill in what one listing answered; the first child sitemap of an index to open, if any."""
    url = listing.url
    if rules is not None and not rules.can_fetch(url, USER_AGENT):
        listing.problem = "robots.txt forbids this listing: the crawl will not read it"
        return None
    try:
        fetched = fetch(url, outlet)
    except FetchFailed as error:
        listing.problem = str(error)
        return None
    articles, children = _read_listing(listing, fetched.body, outlet, now)
    if articles is None:
        return None
    listing.ok = True
    kept = [article for article in articles if outlet.wants_url(article.url)]
    listing.kept = len(kept)
    dates = [d for a in articles for d in (a.published_at, a.modified_at) if d is not None]
    listing.newest = max(dates, default=None)
    forbidden = [a.url for a in kept if not robots.allows(a.url, outlet)]
    listing.robots_allowed = len(kept) - len(forbidden)
    listing.robots_example = forbidden[0] if forbidden else None
    owned = [child for child in children if outlet.owns_url(child)]
    return owned[0] if owned and listing.source != "sitemap_in_index" else None


def _read_listing(
    listing: ListingProbe, body: bytes, outlet: Outlet, now: datetime
) -> tuple[tuple[ListedArticle, ...] | None, tuple[str, ...]]:
    """The entries (None: unreadable) and child sitemaps of a listing; sets its kind and count."""
    if listing.source == "listing_page":
        page = parse_listing_page(
            body, listing.url, include=outlet.include, exclude=outlet.exclude, latest=now
        )
        listing.kind = "html"
        listing.entries = len(page.articles)
        return page.articles, ()
    try:
        parsed = parse_listing(body, listing.url, max_bytes=MAX_BODY)
    except ListingError as error:
        listing.problem = f"not a feed or sitemap ({error.reason})"
        return None, ()
    if parsed.kind == "sitemap_index":
        listing.kind = "sitemap_index"
        listing.entries = len(parsed.sitemaps)
        return (), parsed.sitemaps
    listing.kind = parsed.articles[0].listed_in if parsed.articles else parsed.kind
    listing.entries = len(parsed.articles)
    return parsed.articles, ()


class _RobotsCache:
    """robots.txt of each origin, fetched once whichever outlet asks first (thread-safe)."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._lock = threading.Lock()
        self._origins: dict[str, tuple[threading.Lock, list[tuple[Protego | None, str]]]] = {}

    def rules_for(self, url: str, outlet: Outlet) -> tuple[Protego | None, str]:
        """The origin's parsed rules (None: everything allowed) and how robots.txt answered."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock, done = self._origins.setdefault(origin, (threading.Lock(), []))
        with lock:
            if not done:
                done.append(self._read(origin, outlet))
            return done[0]

    def allows(self, url: str, outlet: Outlet) -> bool:
        rules, _ = self.rules_for(url, outlet)
        return rules is None or bool(rules.can_fetch(url, USER_AGENT))

    def _read(self, origin: str, outlet: Outlet) -> tuple[Protego | None, str]:
        # As Scrapy's middleware does: an unreadable robots.txt forbids nothing.
        try:
            fetched = self._fetch(f"{origin}/robots.txt", outlet)
        except FetchFailed as error:
            return None, f"not read from {origin} ({error}): nothing forbidden"
        if fetched.status != 200:
            return None, f"{origin} has none (HTTP {fetched.status}): nothing forbidden"
        text = fetched.body.decode("utf-8", errors="replace")
        return Protego.parse(text), f"read from {origin}"


class HttpFetch:
    """GET with our User-Agent and a timeout; private addresses only for outlets that allow them.

    Redirects are followed (urllib's limit), each hop checked like the first URL. A 4xx/5xx
    answer of robots.txt is returned (it means "no rules"); of anything else it is a failure.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def __call__(self, url: str, outlet: Outlet) -> Fetched:
        _refuse_private(url, outlet)
        opener = urllib.request.build_opener(_CheckedRedirects(outlet))
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return Fetched(response.status, read_capped(response))
        except urllib.error.HTTPError as error:
            if url.endswith("/robots.txt"):
                return Fetched(error.code, b"")
            raise FetchFailed(f"HTTP {error.code}") from error
        except urllib.error.URLError as error:
            raise FetchFailed(network_reason(error.reason, self.timeout)) from error
        except OSError as error:
            raise FetchFailed(network_reason(error, self.timeout)) from error


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, outlet: Outlet) -> None:
        self.outlet = outlet

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        _refuse_private(newurl, self.outlet)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _refuse_private(url: str, outlet: Outlet) -> None:
    """The crawl's rule (fetch/middlewares.py): no private address unless the outlet allows it."""
    host = url_host(url)
    if host is not None and is_private_address(host) and not outlet.allow_private_network:
        raise FetchFailed(f"refused private address {host} (allow_private_network is not set)")


def read_capped(response: IO[bytes]) -> bytes:
    body = response.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        raise FetchFailed(f"larger than {MAX_BODY // 2**20} MiB")
    return body


def network_reason(reason: object, timeout: float) -> str:
    """A socket-level failure as the operator would say it."""
    if isinstance(reason, socket.gaierror):
        return "DNS lookup failed (no such host, or this machine is offline)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, OSError):
        return reason.strerror or type(reason).__name__
    return str(reason)


def render_text(probes: Sequence[OutletProbe], now: datetime) -> str:
    """One header line per outlet (reachable or why not), then a line per listing."""
    lines = []
    for probe in probes:
        if probe.reachable:
            state = "reachable" if not probe.problems else "reachable, with problems"
        elif not probe.probed:
            state = "not probed (its listings are drawn by JavaScript: render = browser)"
        else:
            reason = probe.listings[0].problem if probe.listings else "nothing to probe"
            state = f"UNREACHABLE: {reason}"
        lines.append(f"{probe.slug}: {state}")
        for listing in probe.listings:
            lines.append(f"  {listing.source:<16} {listing.url}")
            lines.append(f"    {_describe(listing, now)}")
        if probe.reachable:
            lines.append(f"  robots.txt: {probe.robots}")
    reachable = sum(probe.reachable for probe in probes)
    flagged = sum(bool(probe.problems) for probe in probes)
    unprobed = sum(not probe.probed for probe in probes)
    skipped = f", {unprobed} not probed (render = browser)" if unprobed else ""
    lines.append(
        f"{len(probes)} outlet{'' if len(probes) == 1 else 's'}: {reachable} reachable{skipped}, "
        f"{flagged} with something to look at"
    )
    if unprobed < len(probes) and not reachable:
        lines.append("no outlet could be reached: is this machine online?")
    return "\n".join(lines)


def _describe(listing: ListingProbe, now: datetime) -> str:
    if listing.skipped is not None:
        return listing.skipped
    if listing.problem is not None:
        return listing.problem
    if listing.kind == "sitemap_index":
        return f"sitemap index of {listing.entries} sitemaps (the crawl reads each; first below)"
    text = f"{listing.kind}, {listing.entries} entries"
    if listing.kept != listing.entries:
        text += f" ({listing.kept} on the outlet's domains and rules)"
    text += f", newest {_when(listing.newest, now)}"
    if listing.kept:
        if listing.robots_allowed == listing.kept:
            text += "; robots.txt allows them all"
        else:
            text += (
                f"; robots.txt allows {listing.robots_allowed} of {listing.kept}"
                f" (forbids e.g. {listing.robots_example})"
            )
    return text


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "undated"
    hours = (now - moment).total_seconds() / 3600
    age = f"{hours:.0f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC ({age})"


def render_json(probes: Sequence[OutletProbe]) -> str:
    """The same as JSON for scripts: one object per outlet, its listings and problems."""

    def plain(probe: OutletProbe) -> dict[str, Any]:
        data = asdict(probe)
        for listing in data["listings"]:
            newest = listing["newest"]
            listing["newest"] = newest.isoformat() if newest is not None else None
        data["reachable"] = probe.reachable
        data["probed"] = probe.probed
        data["problems"] = probe.problems
        return data

    return json.dumps({"outlets": [plain(probe) for probe in probes]}, indent=2)
