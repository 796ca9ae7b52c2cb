"""What a feed or sitemap lists: article URLs with the title and dates the outlet gave them.

Pure (bytes in, records out). The root element decides what a document is, not its URL or
Content-Type: outlets serve RSS as text/html and sitemaps as application/octet-stream, and
`.xml.gz` sitemaps arrive still compressed. Feeds go through feedparser, which copes with the
broken XML real feeds are full of. Sitemaps go through lxml with entity resolution and network
access off, after two repairs libxml2's recovery would otherwise make silently and wrongly: a
bare `&` in a URL (libxml2 drops it with the name after it: `?a=1&b=2` became `?a=1=2`) and
HTML entities such as `&nbsp;` in news titles. A sitemap has no use for a DTD, so its DOCTYPE is
dropped unread: an entity-expansion bomb is left as literal text.
"""

from __future__ import annotations

import contextlib
import html.entities
import re
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
from lxml import etree

GZIP_MAGIC = b"\x1f\x8b"
FEED_ROOTS = {"rss": "rss", "feed": "atom", "RDF": "rdf"}
SITEMAP_ROOTS = {"urlset": "sitemap", "sitemapindex": "sitemap_index"}


@dataclass(frozen=True)
class ListedArticle:
    """One article URL as a listing gives it (not normalised: the crawler does that)."""

    url: str  # absolute http(s)
    title: str | None
    published_at: datetime | None  # aware UTC
    modified_at: datetime | None  # aware UTC
    listed_in: str  # rss | atom | rdf | sitemap | news_sitemap


@dataclass(frozen=True)
class Listing:
    """A parsed feed, sitemap or sitemap index; an index lists child sitemaps, not articles."""

    kind: str  # feed | sitemap | sitemap_index
    articles: tuple[ListedArticle, ...]
    sitemaps: tuple[str, ...]  # absolute URLs of an index's child sitemaps


class ListingError(ValueError):
    """A body that is not a usable feed or sitemap.

    `reason` is a short code for counting failures: malformed, not_a_listing, too_large or
    empty_body.
    """

    reason: str

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def parse_listing(body: bytes, url: str, *, max_bytes: int = 50 * 2**20) -> Listing:
    """Parse a feed, sitemap or sitemap index fetched from `url`.

    `max_bytes` caps the body after decompression. Repeated URLs are listed once (the first
    occurrence wins), and an item cut off by a truncated download is left out.
    """
    body = _inflated(body, max_bytes, url)
    if not body or body.isspace():
        raise ListingError("empty_body", f"{url}: empty response")
    body = _utf8(body)
    if body[:1].isspace():
        body = body.lstrip()  # an XML declaration must come first
    root, doctype, start = _sniff(body)
    body = body[start:]
    if root in FEED_ROOTS:
        return _parse_feed(body, url, FEED_ROOTS[root])
    if root in SITEMAP_ROOTS:
        if doctype is not None:
            body = body[: doctype[0]] + body[doctype[1] :]
        return _parse_sitemap(body, url, SITEMAP_ROOTS[root])
    shown = f"root element <{root}>" if root else "no XML root element"
    raise ListingError("not_a_listing", f"{url}: not a feed or sitemap ({shown})")


def _inflated(body: bytes, max_bytes: int, url: str) -> bytes:
    """Inflate a raw .xml.gz body, never producing more than max_bytes (gzip bombs)."""
    if not body.startswith(GZIP_MAGIC):
        if len(body) > max_bytes:
            raise ListingError("too_large", f"{url}: listing larger than {max_bytes} bytes")
        return body
    inflated = bytearray()
    rest = body
    # A .gz file may hold several gzip members back to back; each inflates on its own.
    while rest.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            inflated += inflater.decompress(rest, max_bytes + 1 - len(inflated))
        except zlib.error as error:
            raise ListingError("malformed", f"{url}: broken gzip data ({error})") from error
        if len(inflated) > max_bytes or inflater.unconsumed_tail:
            raise ListingError("too_large", f"{url}: listing inflates past {max_bytes} bytes")
        rest = inflater.unused_data
    # A truncated download inflates to a truncated document, which the parsers cope with.
    return bytes(inflated)


def _utf8(body: bytes) -> bytes:
    """A UTF-16 document (BOM first) as UTF-8, so byte-level sniffing and repairs apply."""
    if not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body
    text = body.decode("utf-16", errors="replace")
    # The declaration would still say UTF-16.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8")


_PROLOG_ITEM = re.compile(
    rb"\s+|<\?.*?\?>|<!--.*?-->|(<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE
)
_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])")
_SNIFF_BYTES = 65536


def _sniff(body: bytes) -> tuple[str | None, tuple[int, int] | None, int]:
    """The root element's local name, the span of a DOCTYPE before it, and where the document
    starts: after anything a broken site printed ahead of its XML declaration."""
    root, doctype = _root(body, 3 if body.startswith(b"\xef\xbb\xbf") else 0)
    if root in FEED_ROOTS or root in SITEMAP_ROOTS:
        return root, doctype, 0
    # WordPress sites print PHP warnings (as HTML) ahead of the feed; the XML declaration after
    # them is where the document starts. An HTML page has no such declaration after its start.
    declaration = body.find(b"<?xml", 1, _SNIFF_BYTES)
    if declaration > 0:
        later, later_doctype = _root(body, declaration)
        if later in FEED_ROOTS or later in SITEMAP_ROOTS:
            if later_doctype is not None:
                later_doctype = (later_doctype[0] - declaration, later_doctype[1] - declaration)
            return later, later_doctype, declaration
    return root, doctype, 0


def _root(body: bytes, position: int) -> tuple[str | None, tuple[int, int] | None]:
    """The local name of the first element at or after `position`, and the DOCTYPE's span."""
    doctype = None
    while position < _SNIFF_BYTES and (item := _PROLOG_ITEM.match(body, position)):
        if item.group(1):
            doctype = item.span()
        position = item.end()
    element = _ELEMENT.match(body, position)
    return (element.group(1).decode("ascii") if element else None), doctype


def _parse_feed(body: bytes, url: str, listed_in: str) -> Listing:
    # Always bytes: given a str that looks like a URL, feedparser would fetch it.
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if parsed.bozo and entries and _last_left_open(body, rb"item|entry"):
        entries.pop()
    if parsed.bozo and not entries and not parsed.feed:
        error = parsed.get("bozo_exception")
        raise ListingError("malformed", f"{url}: unreadable feed ({error})")
    articles: dict[str, ListedArticle] = {}
    for entry in entries:
        link = _entry_link(entry, listed_in)
        absolute = _absolute(url, link) if link else None
        if absolute is None or absolute in articles:
            continue
        published = _entry_date(entry, "published") or _entry_date(entry, "created")
        modified = _entry_date(entry, "updated")
        if published is None and listed_in != "atom":
            # feedparser files dc:date (how RSS 1.0 and many RSS 2.0 feeds date items) under
            # "updated"; in Atom, <updated> is only the last edit.
            published = modified
        articles[absolute] = ListedArticle(
            url=absolute,
            title=_entry_title(entry),
            published_at=published,
            modified_at=modified,
            listed_in=listed_in,
        )
    return Listing("feed", tuple(articles.values()), ())


def _entry_link(entry: feedparser.FeedParserDict, listed_in: str) -> str | None:
    """The item's link, else its Atom rel=alternate link, else an RSS permalink guid."""
    link = _text(entry.get("link"))
    guid = _text(entry.get("id"))
    # feedparser copies a guid into `link` when the item has no link of its own (and, for
    # Atom, any URL-shaped <id>): only an RSS guid that is an absolute URL is a permalink.
    from_guid = bool(entry.get("guidislink")) and link == guid
    if link and not from_guid:
        return link
    for candidate in entry.get("links") or []:
        href = _text(candidate.get("href"))
        if href and candidate.get("rel", "alternate") == "alternate":
            return href
    if from_guid and listed_in != "atom" and link and link.startswith(("http://", "https://")):
        return link
    return None


def _entry_title(entry: feedparser.FeedParserDict) -> str | None:
    title = _text(entry.get("title"))
    detail = entry.get("title_detail") or {}
    if title and detail.get("type") in ("text/html", "application/xhtml+xml"):
        # sanitize_html is off, so an HTML title arrives as markup.
        with contextlib.suppress(ValueError, etree.ParserError):
            title = lxml.html.fragment_fromstring(title, create_parent="div").text_content()
    return _clean_text(title)


def _entry_date(entry: feedparser.FeedParserDict, key: str) -> datetime | None:
    # dict.get: FeedParserDict.get maps updated_parsed to published_parsed (with a warning).
    parsed = dict.get(entry, f"{key}_parsed")
    if isinstance(parsed, time.struct_time):
        # feedparser turns every date format it knows into a UTC struct_time.
        try:
            return datetime(*parsed[:6], tzinfo=UTC)
        except ValueError:
            return None
    return parse_w3c_date(_text(dict.get(entry, key)))


def _parse_sitemap(body: bytes, url: str, kind: str) -> Listing:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
        load_dtd=False,
    )
    try:
        root = etree.fromstring(_repair_references(body), parser=parser)
    except etree.XMLSyntaxError as error:
        raise ListingError("malformed", f"{url}: unreadable sitemap ({error})") from error
    if root is None:
        raise ListingError("malformed", f"{url}: unreadable sitemap")

    urls = [element for element in root if _local(element) == "url"]
    children = [element for element in root if _local(element) == "sitemap"]
    if len(parser.error_log):
        for elements, name in ((urls, rb"url"), (children, rb"sitemap")):
            if elements and _last_left_open(body, name):
                elements.pop()

    sitemaps: dict[str, None] = {}
    for element in children:
        loc = _absolute(url, _text_of(_children(element).get("loc")))
        if loc is not None:
            sitemaps.setdefault(loc)
    articles: dict[str, ListedArticle] = {}
    for element in urls:
        fields = _children(element)
        loc = _absolute(url, _text_of(fields.get("loc")))
        if loc is None or loc in articles:
            continue
        news = _children(fields["news"]) if "news" in fields else None
        articles[loc] = ListedArticle(
            url=loc,
            title=_clean_text(_text_of(news.get("title"))) if news else None,
            published_at=parse_w3c_date(_text_of(news.get("publication_date"))) if news else None,
            modified_at=parse_w3c_date(_text_of(fields.get("lastmod"))),
            listed_in="sitemap" if news is None else "news_sitemap",
        )
    return Listing(kind, tuple(articles.values()), tuple(sitemaps))


_REFERENCE = re.compile(
    rb"(<!\[CDATA\[.*?\]\]>)|&(#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9._-]*;)?", re.DOTALL
)
_XML_ENTITIES = {b"amp;", b"lt;", b"gt;", b"quot;", b"apos;"}


def _repair_references(body: bytes) -> bytes:
    """Escape bare ampersands; HTML named entities become character references.

    CDATA sections are left as they are. An unknown name (`?a=1&b;c`) is taken literally.
    """

    def repair(match: re.Match[bytes]) -> bytes:
        cdata, reference = match.groups()
        if cdata:
            return cdata
        if reference is None:
            return b"&amp;"
        if reference.startswith(b"#") or reference in _XML_ENTITIES:
            return match.group(0)
        chars = html.entities.html5.get(reference.decode("ascii"))
        if chars is None:
            return b"&amp;" + reference
        return "".join(f"&#{ord(char)};" for char in chars).encode("ascii")

    return _REFERENCE.sub(repair, body)


_TAIL_BYTES = 2**20


def _last_left_open(body: bytes, names: bytes) -> bool:
    """Whether the last <names> element of a document is never closed (a truncated download).

    Only the tail is searched: one item is never near a megabyte.
    """
    tail = body[-_TAIL_BYTES:]
    opened = closed = -1
    for match in re.finditer(rb"<(?:[\w.-]+:)?(?:" + names + rb")(?=[\s/>])", tail):
        opened = match.start()
    for match in re.finditer(rb"</(?:[\w.-]+:)?(?:" + names + rb")\s*>", tail):
        closed = match.start()
    return opened > closed


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    # `{namespace}news` normally; `news:news` when a sloppy sitemap never declared the prefix.
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _children(element: etree._Element) -> dict[str, etree._Element]:
    """An element's children by local name; the first of a name wins."""
    children: dict[str, etree._Element] = {}
    for child in element:
        children.setdefault(_local(child), child)
    return children


def _text_of(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return "".join(element.itertext()).strip() or None


def _absolute(base: str, link: str | None) -> str | None:
    """`link` resolved against the listing's URL, if it is then an http(s) URL."""
    if not link:
        return None
    try:
        absolute = link.strip()
        parts = urlsplit(absolute)
        if not parts.scheme:
            # urljoin also rewrites absolute URLs (a trailing `;` goes): only join relative ones.
            absolute = urljoin(base, absolute)
            parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return absolute


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _clean_text(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


_YEAR_OR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
_SPACED_OFFSET = re.compile(r"\s+(?=[+-]\d\d:?\d\d$)")


def parse_w3c_date(text: str | None) -> datetime | None:
    """A sitemap or feed date as aware UTC; None when unreadable.

    Reads W3C datetimes (ISO 8601 profile, including a bare year or year-month), plain dates
    and RFC 822 dates. A date-time without an offset is taken as UTC, a bare date as midnight
    UTC.
    """
    if not text:
        return None
    text = text.strip()
    value: datetime | None
    try:
        # Some CMSs put a space before the offset: "2025-06-26 14:05:27 +03:00".
        value = datetime.fromisoformat(_SPACED_OFFSET.sub("", text))
    except ValueError:
        value = _year_or_month(text) or _rfc822(text)
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # year 1 with a positive offset, year 9999 with a negative one
        return None


def _year_or_month(text: str) -> datetime | None:
    match = _YEAR_OR_MONTH.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime(int(match.group(1)), int(match.group(2) or 1), 1)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


__all__ = ["ListedArticle", "Listing", "ListingError", "parse_listing", "parse_w3c_date"]
