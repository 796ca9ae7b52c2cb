"""What a feed or sitemap lists: article URLs with the title and date the outlet gave them.

Pure (bytes in, records out). The root element decides what a document is, not its URL or
Content-Type: outlets serve RSS as text/html and sitemaps as application/octet-stream. Feeds go
through feedparser, which copes with the broken XML that real feeds are full of; sitemaps through
lxml with entity resolution and network access off, so an entity-expansion bomb stays inert.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree

GZIP_MAGIC = b"\x1f\x8b"
FEED_ROOTS = {"rss": "rss", "feed": "atom", "RDF": "rdf"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}


@dataclass(frozen=True)
class ListedArticle:
    """One article URL as a listing gives it (not normalised: the crawler does that)."""

    url: str
    title: str | None
    published_at: datetime | None  # aware UTC
    modified_at: datetime | None  # aware UTC
    listed_in: str  # rss | atom | rdf | sitemap | news_sitemap


@dataclass(frozen=True)
class Listing:
    kind: str  # feed | sitemap | sitemap_index
    articles: tuple[ListedArticle, ...]
    sitemaps: tuple[str, ...]


class ListingError(ValueError):
    """A body that is not a usable feed or sitemap; `reason` is a short code for counting."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def parse_listing(body: bytes, url: str, *, max_bytes: int = 50 * 2**20) -> Listing:
    """Parse a feed, sitemap or sitemap index fetched from `url`."""
    body = _decompressed(body, max_bytes)
    if not body.strip():
        raise ListingError("empty_body", f"{url}: empty response")
    root = _root_name(body)
    if root in FEED_ROOTS:
        return _parse_feed(body, url, FEED_ROOTS[root])
    if root in SITEMAP_ROOTS:
        return _parse_sitemap(body, url)
    shown = root or "no XML root element"
    raise ListingError("not_a_listing", f"{url}: not a feed or sitemap ({shown})")


def _decompressed(body: bytes, max_bytes: int) -> bytes:
    """Inflate a raw .xml.gz body, refusing to grow past max_bytes (gzip bombs)."""
    if not body.startswith(GZIP_MAGIC):
        if len(body) > max_bytes:
            raise ListingError("too_large", f"listing larger than {max_bytes} bytes")
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise ListingError("malformed", f"broken gzip data: {error}") from error
    if len(data) > max_bytes or inflater.unconsumed_tail:
        raise ListingError("too_large", f"listing inflates past {max_bytes} bytes")
    return data


_ROOT_RE = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def _root_name(body: bytes) -> str | None:
    """Local name of the first element, skipping the XML declaration, comments and doctype."""
    head = body[:65536]
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>[]*(?:\[.*?\])?\s*>", b"", head, flags=re.S)
    match = _ROOT_RE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _parse_feed(body: bytes, url: str, listed_in: str) -> Listing:
    # Always bytes: given a str that looks like a URL, feedparser would fetch it.
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    articles: dict[str, ListedArticle] = {}
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        absolute = urljoin(url, link.strip())
        if absolute in articles:
            continue
        articles[absolute] = ListedArticle(
            url=absolute,
            title=_clean_text(entry.get("title")),
            # An item whose only date is "updated" (dc:date in RSS 1.0) was published then.
            published_at=_struct_time(_raw(entry, "published_parsed"))
            or _struct_time(_raw(entry, "created_parsed"))
            or _struct_time(_raw(entry, "updated_parsed")),
            modified_at=_struct_time(_raw(entry, "updated_parsed")),
            listed_in=listed_in,
        )
    if not articles and parsed.get("bozo") and not parsed.get("feed"):
        error = parsed.get("bozo_exception")
        raise ListingError("malformed", f"{url}: unreadable feed ({error})")
    return Listing("feed", tuple(articles.values()), ())


def _entry_link(entry: feedparser.FeedParserDict) -> str | None:
    link = entry.get("link")
    if link:
        return str(link)
    for candidate in entry.get("links", []):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"])
    guid = entry.get("id")
    if guid and entry.get("guidislink", False) and str(guid).startswith(("http://", "https://")):
        return str(guid)
    return None


def _raw(entry: feedparser.FeedParserDict, key: str) -> object:
    # dict.get: FeedParserDict.get maps updated_parsed to published_parsed (with a warning).
    return dict.get(entry, key)


def _struct_time(value: object) -> datetime | None:
    # feedparser normalises every date format it knows to a UTC struct_time.
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _clean_text(value: object) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    recover=True,
    remove_comments=True,
    remove_pis=True,
    load_dtd=False,
)


def _parse_sitemap(body: bytes, url: str) -> Listing:
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as error:
        raise ListingError("malformed", f"{url}: unreadable sitemap ({error})") from error
    if root is None:
        raise ListingError("malformed", f"{url}: unreadable sitemap")
    if etree.QName(root).localname == "sitemapindex":
        children = []
        seen: set[str] = set()
        for element in root:
            if _local(element) != "sitemap":
                continue
            loc = _child_text(element, "loc")
            if loc:
                absolute = urljoin(url, loc)
                if absolute not in seen:
                    seen.add(absolute)
                    children.append(absolute)
        return Listing("sitemap_index", (), tuple(children))

    articles: dict[str, ListedArticle] = {}
    for element in root:
        if _local(element) != "url":
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        absolute = urljoin(url, loc)
        if absolute in articles:
            continue
        news = next((child for child in element if _local(child) == "news"), None)
        articles[absolute] = ListedArticle(
            url=absolute,
            title=_clean_text(_child_text(news, "title")) if news is not None else None,
            published_at=parse_w3c_date(_child_text(news, "publication_date"))
            if news is not None
            else None,
            modified_at=parse_w3c_date(_child_text(element, "lastmod")),
            listed_in="news_sitemap" if news is not None else "sitemap",
        )
    return Listing("sitemap", tuple(articles.values()), ())


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def parse_w3c_date(text: str | None) -> datetime | None:
    """W3C datetime (sitemaps), bare dates and RFC 822 dates as aware UTC; None if unreadable.

    A date-time without an offset is taken as UTC, a bare date as midnight UTC.
    """
    if not text:
        return None
    text = text.strip()
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


__all__ = ["ListedArticle", "Listing", "ListingError", "parse_listing", "parse_w3c_date"]
