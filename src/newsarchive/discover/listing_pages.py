"""Article links on an HTML index page (section front, press-release list) told from navigation.

Many official sites publish no feed and no sitemap: only an HTML page listing their press
releases, often paginated. Such a page links to far more than articles (menus, language
switchers, footers, "related" boxes), so every link is weighed on two kinds of evidence:

- the URL's shape: a dated path (`/2026/03/12/`, `/20260312/`), a numeric id (`/content_4021.htm`,
  `?id=4021`, `/news/4021`), or a long slug (`/minister-meets-chinese-counterpart`) look like
  articles; short one-word paths (`/about`, `/contact`) and taxonomy paths (`/tag/`, `/page/2`)
  do not;
- where the link sits: inside `nav`, `header`, `footer`, `aside` (or their ARIA roles, or a
  container classed as a menu, breadcrumb or sidebar) it is navigation; inside `main`,
  `article`, a list item or a table row it may be an entry.

The outlet's include/exclude rules override both. A date printed next to a link in its list item
(`<time datetime>`, a "date" element, or plain text such as "12 March 2026") is kept as evidence.
Pagination ("next" links) is reported separately for the crawler to follow to a set depth.

Pure: bytes and the page's URL in, records out; no clock (the latest plausible date is passed in).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
from htmldate.extractors import try_date_expr
from lxml import etree

from newsarchive.discover.listings import ListedArticle

LISTED_IN = "listing_page"

NAV_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menubar", "menu"})
NAV_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|header|breadcrumbs?|sidebar|"
    r"social|share|skip|lang|language|languages|topbar|masthead)(?:$|[\s_-])",
    re.I,
)
CONTENT_TAGS = frozenset({"main", "article", "li", "tr", "dd", "dt"})
CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:list|item|items|news|press|release|releases|results?|teaser|card|entry|"
    r"entries|row|post|posts|story|stories|content|views)(?:$|[\s_-])",
    re.I,
)
PAGER_CLASS = re.compile(r"(?:^|[\s_-])(?:pager|pagination|paging|pages|page-numbers)(?:$|[\s_-])")
NEXT_TEXT = re.compile(
    r"^(?:next(?:\s+page)?|older(?:\s+(?:posts|entries|news))?|more|[›»>→]|next\s*[›»>→]|"
    r"下一页|下页|次へ|次のページ|다음|следующая|далее|بعدی|التالي|sonraki|suivant|weiter)\W*$",
    re.I,
)
DATED_PATH = re.compile(r"/(?:19|20)\d\d(?:[/_-]?[01]\d(?:[/_-]?[0-3]\d)?)?(?:/|[_-]|$)")
NUMERIC_ID = re.compile(r"(?:^|[/_=-])(?:[a-z]*?)\d{3,}(?:\.s?html?|\.aspx?|\.php)?/?$", re.I)
ID_PARAMS = frozenset({"id", "p", "article", "articleid", "newsid", "nid", "aid", "item", "docid"})
NOT_ARTICLE_SEGMENTS = frozenset(
    {
        "tag",
        "tags",
        "category",
        "categories",
        "topic",
        "topics",
        "author",
        "authors",
        "page",
        "search",
        "login",
        "register",
        "subscribe",
        "contact",
        "contacts",
        "about",
        "sitemap",
        "rss",
        "feed",
        "archive",
        "archives",
        "privacy",
        "terms",
        "accessibility",
        "cookies",
    }
)
BINARY_SUFFIX = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp[34]|avi)$", re.I)
DATE_CLASS = re.compile(r"date|time|posted|published|meta", re.I)
# "12 March 2026", "2026-03-12", "12.03.2026", "March 12, 2026", "2026年3月12日".
DATE_TEXT = re.compile(
    r"\d{4}[-./年]\s?\d{1,2}[-./月]\s?\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|"
    r"\d{1,2}\s+[^\W\d]{3,}\.?,?\s+\d{4}|[^\W\d]{3,}\.?\s+\d{1,2},?\s+\d{4}"
)


@dataclass(frozen=True)
class ListingPage:
    """What an HTML index page links to: article entries, and the next page(s) of the index."""

    articles: tuple[ListedArticle, ...]
    next_pages: tuple[str, ...]


@dataclass
class _Link:
    url: str
    title: str
    element: etree._Element
    score: int
    published_at: datetime | None


def parse_listing_page(
    body: bytes | str,
    url: str,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    latest: datetime | None = None,
) -> ListingPage:
    """Article links (with list-item dates) and pagination links of an HTML page fetched at `url`.

    `include`/`exclude` are the outlet's URL rules (regular expressions): an excluded URL is
    never an article, and when `include` is given only matching URLs are. Links to other hosts
    are left out. `latest` bounds plausible list-item dates (a crawl passes now; dates after it
    are misreadings); without it any date up to 2100 is taken.
    """
    if not body or (isinstance(body, bytes) and not body.strip()):
        return ListingPage((), ())
    root = _parse(body)
    if root is None:
        return ListingPage((), ())
    base = url
    for href in root.xpath("//base/@href"):
        base = urljoin(url, str(href).strip())
        break
    etree.strip_elements(root, "script", "style", "template", "noscript", with_tail=False)
    latest = (latest or datetime(2100, 1, 1, tzinfo=UTC)) + timedelta(days=1)
    next_pages = _next_pages(root, base, url, urlsplit(url).netloc.lower())
    rules = _LinkRules(url, [re.compile(p) for p in include], [re.compile(p) for p in exclude])
    links = _article_links(root, base, next_pages, rules)
    articles = tuple(
        ListedArticle(
            url=link.url,
            title=link.title or None,
            published_at=_item_date(link.element, set(links), base, latest),
            modified_at=None,
            listed_in=LISTED_IN,
        )
        for link in links.values()
    )
    return ListingPage(articles, tuple(next_pages))


@dataclass(frozen=True)
class _LinkRules:
    """Which link targets of the page at `page` may be articles: same host, not the page itself
    nor a file, and within the outlet's include/exclude rules."""

    page: str
    including: list[re.Pattern[str]]
    excluding: list[re.Pattern[str]]

    def verdict(self, target: str) -> bool | None:
        """None: never an article; else whether an include rule matched (a strong sign)."""
        if urlsplit(target).netloc.lower() != urlsplit(self.page).netloc.lower():
            return None
        if _same_page(target, self.page) or BINARY_SUFFIX.search(urlsplit(target).path):
            return None
        if any(p.search(target) for p in self.excluding):
            return None
        included = bool(self.including) and any(p.search(target) for p in self.including)
        if self.including and not included:
            return None
        return included


def _article_links(
    root: etree._Element, base: str, next_pages: Sequence[str], rules: _LinkRules
) -> dict[str, _Link]:
    """The page's links that look like article entries, by URL, in page order, each scored on
    its URL, its place on the page and its text (navigation is never an entry)."""
    links: dict[str, _Link] = {}
    for anchor in root.iter("a"):
        target = _absolute(anchor.get("href"), base)
        if target is None or target in next_pages:
            continue
        included = rules.verdict(target)
        if included is None:
            continue
        region = _region(anchor)
        if region == "nav":
            continue
        title = _text(anchor) or (anchor.get("title") or "").strip()
        score = _url_score(target) + (2 if region == "content" else 0) + (3 if included else 0)
        if len(title.split()) >= 4 or len(title) >= 24:
            score += 1
        if score < 2:
            continue
        previous = links.get(target)
        if previous is not None:
            # An image link and a headline link to the same entry: keep the headline.
            if len(title) > len(previous.title):
                previous.title, previous.element = title, anchor
            continue
        links[target] = _Link(target, title, anchor, score, None)
    return links


def _parse(body: bytes | str) -> etree._Element | None:
    """The document; UTF-8 bytes are read as such whatever the page declares (or fails to)."""
    if isinstance(body, bytes):
        # Not UTF-8: lxml reads the <meta> charset (GBK, windows-1256 ministry pages).
        with contextlib.suppress(UnicodeDecodeError):
            body = body.decode("utf-8")
    try:
        return lxml.html.document_fromstring(body)
    except ValueError:  # a str with an XML encoding declaration
        if isinstance(body, str):
            return _parse(re.sub(r"^\s*<\?xml[^>]*\?>", "", body))
        return None
    except etree.ParserError:
        return None


def _absolute(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts._replace(fragment="").geturl()


def _same_page(target: str, url: str) -> bool:
    a, b = urlsplit(target), urlsplit(url)
    return (a.netloc, a.path.rstrip("/"), a.query) == (b.netloc, b.path.rstrip("/"), b.query)


def _classes(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _region(anchor: etree._Element) -> str:
    """'nav' when any ancestor is navigation, else 'content' when one is an entry, else ''."""
    region = ""
    for element in anchor.iterancestors():
        tag = element.tag if isinstance(element.tag, str) else ""
        role = (element.get("role") or "").lower()
        classes = _classes(element)
        if tag in NAV_TAGS or role in NAV_ROLES or NAV_CLASS.search(classes):
            return "nav"
        if PAGER_CLASS.search(classes):
            return "nav"
        if tag in CONTENT_TAGS or role == "main" or CONTENT_CLASS.search(classes):
            region = "content"
    return region


def _url_score(url: str) -> int:
    """How much the URL alone looks like one article: 2 clearly, 1 maybe, 0 or less not."""
    parts = urlsplit(url)
    path = parts.path
    segments = [s for s in path.split("/") if s]
    if any(s.lower() in NOT_ARTICLE_SEGMENTS for s in segments[:-1]) or (
        segments and segments[-1].lower() in NOT_ARTICLE_SEGMENTS
    ):
        return -2
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if "page" in query or ("p" in query and not query["p"].isdigit()):
        return -2
    if DATED_PATH.search(path) or NUMERIC_ID.search(path):
        return 2
    if any(k in ID_PARAMS and v.isdigit() for k, v in query.items()):
        return 2
    last = re.sub(r"\.\w+$", "", segments[-1]) if segments else ""
    if len(re.split(r"[-_]", last)) >= 4:
        return 2
    if len(segments) >= 2 and len(last) >= 12:
        return 1
    return 0 if segments else -2


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _next_pages(root: etree._Element, base: str, url: str, host: str) -> list[str]:
    """Links to the following page of the index: rel=next, a "Next"/"›" link, or page+1."""
    found: list[str] = []

    def add(href: str | None) -> None:
        target = _absolute(href, base)
        if (
            target is not None
            and urlsplit(target).netloc.lower() == host
            and not _same_page(target, url)
            and target not in found
        ):
            found.append(target)

    for element in root.xpath("//link[@rel] | //a[@rel]"):
        if "next" in (element.get("rel") or "").lower().split():
            add(element.get("href"))
    for anchor in root.iter("a"):
        label = _text(anchor) or (anchor.get("aria-label") or anchor.get("title") or "")
        classes = _classes(anchor)
        if NEXT_TEXT.match(label.strip()) or re.search(r"(?:^|[\s_-])next(?:$|[\s_-])", classes):
            add(anchor.get("href"))
    if not found:
        current = _page_number(url) or 1
        for anchor in root.iter("a"):
            target = _absolute(anchor.get("href"), base)
            if target is not None and _page_number(target) == current + 1:
                add(target)
                break
    return found


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in ("page", "pg", "paged", "start_page") and value.isdigit():
            return int(value)
    match = re.search(r"/page/(\d+)/?$|[_-](\d+)\.s?html?$", parts.path)
    if match:
        return int(match.group(1) or match.group(2))
    return None


def _item_date(
    anchor: etree._Element, article_urls: set[str], base: str, latest: datetime
) -> datetime | None:
    """The date printed in the link's own list item, if any (aware UTC, midnight for a day).

    The item is the nearest ancestor that holds no other article link: going higher would take
    a neighbour's date.
    """
    item: etree._Element | None = None
    own = _absolute(anchor.get("href"), base)
    for element in anchor.iterancestors():
        others = {
            target
            for a in element.iter("a")
            if (target := _absolute(a.get("href"), base)) in article_urls and target != own
        }
        if others:
            break
        item = element
        if element.tag in ("body", "html"):
            break
    if item is None:
        return None
    for value in item.xpath(".//time/@datetime"):
        parsed = _iso(str(value))
        if parsed is not None and parsed <= latest:
            return parsed
    dated = [
        e
        for e in item.iter()
        if isinstance(e.tag, str) and e is not anchor and DATE_CLASS.search(_classes(e))
    ]
    texts = [_text(e) for e in dated] + [_text_outside(item, anchor), _text(anchor)]
    for text in texts:
        for match in DATE_TEXT.finditer(text):
            day = try_date_expr(
                match.group(0), "%Y-%m-%d", False, datetime(1990, 1, 1), latest.replace(tzinfo=None)
            )
            if day:
                return datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC)
    return None


def _text_outside(item: etree._Element, anchor: etree._Element) -> str:
    """The item's text without the link's own (a headline may mention another date)."""
    inside = set(anchor.iter())
    parts: list[str] = []
    for element in item.iter():
        if element not in inside and element.text:
            parts.append(element.text)
        inner = element in inside and element is not anchor
        if element is not item and not inner and element.tail:
            parts.append(element.tail)
    return " ".join(" ".join(parts).split())


def _iso(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.year < 1990:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
