"""The story's own publication date, with where it was found.

Sources are tried from the most to the least trustworthy: the article's JSON-LD object, the
page's article meta tags, a `<time>` inside the article element, what the feed or sitemap said,
a date in the URL, and last htmldate's heuristics. Dates of related stories, sidebar widgets and
copyright lines are never looked at by the first four; htmldate is told to prefer original dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement

from newsarchive.extract.page import ARTICLE_TYPES, Page
from newsarchive.extract.record import Evidence
from newsarchive.extract.tree import class_tokens, main_article_element

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
#: A page may run ahead of our clock by a time zone or two; a day more is a wrong date.
FUTURE_TOLERANCE = timedelta(days=1)

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "trackback:dc:date",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "cxenseparse:recs:publishtime",
    "date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
)
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
_TEXT_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%d %B %Y %H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
)
_MODIFIED_HINTS = ("updat", "modif", "edited", "revised")
_PUBLISHED_HINTS = ("publish", "pubdate", "posted", "created", "date-pub")


@dataclass(frozen=True)
class DateFinding:
    value: datetime  # as the page states it (its own offset kept; naive when it gives none)
    source: str

    @property
    def utc(self) -> datetime:
        return to_utc(self.value)


def find_published(page: Page, evidence: Evidence | None, now: datetime) -> DateFinding | None:
    """The first plausible date from the page's markup, the evidence or the URL.

    Call before the tree is pruned; when this finds nothing, `guess_published` runs htmldate
    on the pruned tree, where related stories and sidebars can no longer lend it their dates.
    """
    article = page.article_object or {}
    stages: list[tuple[str, Any]] = [
        ("json_ld", lambda: _json_ld_date(article, "datePublished", "dateCreated")),
        ("meta", lambda: _meta_date(page, _PUBLISHED_META)),
        ("meta", lambda: _itemprop_date(page, "datePublished")),
        ("time_element", lambda: _time_element_date(page)),
        ("json_ld", lambda: _json_ld_date(page.page_object or {}, "datePublished")),
        (_evidence_source(evidence), lambda: evidence.published_at if evidence else None),
        ("url", lambda: _url_date(page.url)),
    ]
    for source, find in stages:
        value = find()
        if value is not None and plausible(value, now):
            return DateFinding(value, source)
    return None


def find_modified(page: Page, now: datetime) -> datetime | None:
    article = page.article_object or {}
    for value in (
        _json_ld_date(article, "dateModified"),
        _meta_date(page, _MODIFIED_META),
        _itemprop_date(page, "dateModified"),
        _time_element_date(page, modified=True),
    ):
        if value is not None and plausible(value, now):
            return to_utc(value)
    return None


def plausible(value: datetime, now: datetime) -> bool:
    utc = to_utc(value)
    return EARLIEST <= utc <= now + FUTURE_TOLERANCE


def to_utc(value: datetime) -> datetime:
    """Aware UTC; a value without an offset is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_datetime(text: str) -> datetime | None:
    """A date or date-time as pages write them in markup: ISO 8601, RFC 2822, a few plain forms."""
    text = " ".join(text.split())
    if not text or len(text) > 64:
        return None
    iso = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    iso = re.sub(r"\.(\d{6})\d+", r".\1", iso)  # Python accepts at most microseconds
    try:
        return _sane(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        return _sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text).replace("Sept ", "Sep ")
    for pattern in _TEXT_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    return None


def _sane(value: datetime) -> datetime | None:
    # fromisoformat reads a bare "2022" or "20221" as something; only real years are dates.
    return value if value.year >= 1900 else None


def _evidence_source(evidence: Evidence | None) -> str:
    if evidence is not None and evidence.listed_in in ("sitemap", "news_sitemap"):
        return "sitemap"
    return "feed"


def _json_ld_date(obj: dict[str, Any], *keys: str) -> datetime | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str):
            parsed = parse_datetime(value)
            if parsed is not None:
                return parsed
    return None


def _meta_date(page: Page, names: tuple[str, ...]) -> datetime | None:
    for name in names:
        for value in page.meta.get(name, ()):
            parsed = parse_datetime(value)
            if parsed is not None:
                return parsed
    return None


def _itemprop_date(page: Page, prop: str) -> datetime | None:
    """Microdata on any element, unless it belongs to an item other than the article."""
    for element in page.tree.xpath(f'//*[@itemprop="{prop}"][not(self::meta)]'):
        if not _belongs_to_article(element):
            continue
        raw = element.get("datetime") or element.get("content") or element.text_content()
        parsed = parse_datetime(raw or "")
        if parsed is not None:
            return parsed
    return None


def _belongs_to_article(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            itemtype = (ancestor.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
            return itemtype.casefold() in ARTICLE_TYPES | {"webpage", ""}
    return True


def _time_element_date(page: Page, modified: bool = False) -> datetime | None:
    """A `<time>` (or hAtom `abbr.published`/`abbr.updated`) in the story's own article element.

    For the publication date, times marked as updates are skipped; for the modification date,
    only those are taken.
    """
    scope = main_article_element(page.tree)
    if scope is None:
        return None
    candidates: list[tuple[int, datetime]] = []
    for element in scope.xpath(".//time | .//abbr[@title]"):
        if _inside_other_story(element, scope):
            continue
        hints = " ".join([*class_tokens(element), (element.get("itemprop") or "").casefold()])
        if element.tag == "abbr" and not ({"published", "updated"} & class_tokens(element)):
            continue
        if any(hint in hints for hint in _MODIFIED_HINTS) != modified:
            continue
        raw = element.get("datetime") or element.get("title") or element.text_content()
        parsed = parse_datetime(raw or "")
        if parsed is None:
            continue
        rank = 0 if any(hint in hints for hint in _PUBLISHED_HINTS) else 1
        candidates.append((rank, parsed))
        if rank == 0:
            break
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _inside_other_story(element: HtmlElement, scope: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is scope:
            return False
        if ancestor.tag in ("aside", "article", "footer", "nav"):
            return True
        tokens = class_tokens(ancestor)
        if tokens & {"related", "popular", "sidebar", "widget", "comments", "comment", "teaser"}:
            return True
    return False


def _url_date(url: str) -> datetime | None:
    match = _URL_DATE.search(url)
    if match is None:
        return None
    try:
        return datetime(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def guess_published(tree: HtmlElement, url: str, now: datetime) -> DateFinding | None:
    """htmldate's heuristics, preferring original over updated dates: the last resort.

    `tree` should be the pruned page, so sidebars and related stories cannot lend their dates.
    When htmldate's extensive search finds only a year (a copyright line, "in 2021" in the
    text) it answers January 1st; a January 1st that its strict search does not confirm is
    therefore no date at all.
    """
    found = find_date(tree, url=url, original_date=True)
    if found and found.endswith("-01-01"):
        strict = find_date(tree, url=url, original_date=True, extensive_search=False)
        found = found if strict == found else None
    if not found:
        return None
    value = datetime.strptime(found, "%Y-%m-%d")
    return DateFinding(value, "htmldate") if plausible(value, now) else None
