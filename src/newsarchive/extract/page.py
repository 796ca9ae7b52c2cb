"""A parsed page and what it declares about itself: meta tags, JSON-LD, canonical URL.

Everything here is read once per page and shared by the title, date, author and body rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from newsarchive.extract.tree import join_url, main_article_element

#: schema.org types that describe the story itself (a WebPage or an ItemList never does).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "satiricalarticle",
        "advertisercontentarticle",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "medicalwebpage"})
LISTING_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage"})
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMAS = re.compile(r",\s*([\]}])")
#: XHTML-era templates wrap script bodies in a CDATA section, often behind `//` so that old
#: parsers skip it: `<![CDATA[ {...} ]]>`, `//<![CDATA[ ... //]]>`. The HTML parser keeps the
#: markers as text, and JSON cannot start with them.
_CDATA_OPEN = re.compile(r"^(?://\s*|/\*\s*)?<!\[CDATA\[(?:\s*\*/)?")
_CDATA_CLOSE = re.compile(r"(?://\s*|/\*\s*)?\]\]>(?:\s*\*/)?$")
_JSON_LD_LOWER = str.maketrans("JSONLD", "jsonld")
#: The white space XPath's normalize-space() collapses (Python's split() takes more).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_RDF_DESCRIPTION = re.compile(r"<rdf:Description\b[^>]*>", re.DOTALL)
_RDF_ABOUT = re.compile(r'\brdf:about="([^"]+)"')
_RDF_DATE = re.compile(r'\bdc:date="([^"]+)"')


@dataclass
class Page:
    """A page parsed once: the lxml tree plus its self-description, read before any pruning."""

    url: str
    tree: HtmlElement
    meta: dict[str, list[str]]
    json_ld: list[dict[str, Any]]
    article_object: dict[str, Any] | None
    page_object: dict[str, Any] | None
    canonical_url: str | None
    schema_types: frozenset[str] = field(default_factory=frozenset)
    #: Every node of the tree as parsed, held so that lxml keeps one Python object per node.
    #: lxml makes a node's Python object on demand and frees it with the last reference: each
    #: walk of the tree (and rules walk it dozens of times per page) made them all again, each
    #: with a lookup of its class (~3,500 a page, 3% of extraction when the lookup was a Python
    #: call; see `_use_plain_element_classes`).
    #: While this list lives, every walk hands back the objects made here.
    nodes: list[HtmlElement] = field(default_factory=list, repr=False, compare=False)
    #: The elements of the page as parsed that rules look for anywhere in it (`MARKED_TAGS`, and
    #: any with an attribute of `MARKED_ATTRIBUTES`), in document order, gathered in one pass
    #: over `nodes`. Each question of the whole page ("//link[@rel=...]", "//*[@itemprop=...]")
    #: was an XPath that walked every node of the tree, about as long as parsing a tenth of the
    #: page each, seven of them per page; a question of these few elements is a short loop.
    marked: list[HtmlElement] = field(default_factory=list, repr=False, compare=False)

    @cached_property
    def story(self) -> HtmlElement | None:
        """The story's element (`main_article_element`) of the page as parsed, found once.

        The title, date, author, credit and paywall rules each ask for it before the tree is
        pruned, and finding it walks the page (its `<article>`s, or an XPath for article
        microdata): the answer is the same for all of them. Rules that read the pruned tree
        call `main_article_element` on it instead.
        """
        return main_article_element(self.tree, self.marked or None)

    @cached_property
    def body_text(self) -> str:
        """The text of the page's `<body>` as parsed (of the whole page without one), scripts
        included, read once: the challenge check measures it and the paywall check searches it,
        and each read is a join of every text node of the page."""
        body = self.tree.find("body")
        return str((body if body is not None else self.tree).text_content())

    def meta_first(self, *names: str) -> str | None:
        """The first non-empty content among meta tags `names` (lower-case), in that order."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None


def parse_page(html: str, url: str) -> Page | None:
    # Here, not at the top: the crawl process imports this module (its failure classifier
    # reads challenge pages) and should not load trafilatura until a page needs it.
    from trafilatura import load_html

    _use_plain_element_classes()
    tree = load_html(html)
    if tree is None:
        return None
    nodes = list(tree.iter())  # first, so that the reads below reuse the nodes' objects
    # XPath's "//" starts at the document's root, above `tree` when lxml took the page for a
    # fragment (no leading <html> or doctype) and returned the element that holds it.
    document = tree.getroottree().getroot()
    marked = _marked(nodes if document is tree else list(document.iter()))
    meta = _meta_tags(tree)
    objects = list(_json_ld_objects(marked))
    canonical = _canonical_url(marked, meta, url)
    rdf_date = _trackback_date(html, url, canonical)
    if rdf_date:
        meta["trackback:dc:date"] = [rdf_date]
    article = _pick_object(objects, ARTICLE_TYPES, url, canonical)
    page_object = _pick_object(objects, _PAGE_TYPES, url, canonical)
    types = frozenset(t for obj in objects for t in schema_types(obj))
    types |= frozenset(
        _type_name(value)
        for element in marked
        if element.get("itemscope") is not None and (value := element.get("itemtype"))
    )
    return Page(url, tree, meta, objects, article, page_object, canonical, types, nodes, marked)


@cache
def _use_plain_element_classes() -> None:
    """Give every element of trafilatura's parser lxml.html's plain `HtmlElement` class, chosen
    in C, instead of asking lxml.html's class lookup, a Python method, for each element.

    lxml makes an element's Python object each time a walk of a tree reaches a node no object
    holds (trafilatura copies the tree several times a page): some 2,000 objects a page, each
    through that method (0.58 against 0.25 microseconds a node). Its only other answers are
    the form classes (`<form>`, `<input>`, `<select>`, `<textarea>`, `<label>`), whose extra
    accessors (`.fields`, `.value`, ...) neither trafilatura, its helpers nor these rules read:
    every tree gives the same text. Set once, on the parser `load_html` parses with.
    """
    from trafilatura.utils import HTML_PARSER

    HTML_PARSER.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )


#: What `Page.marked` holds: elements of these tags, and elements with any of these attributes.
MARKED_TAGS = frozenset({"link", "script", "main"})
MARKED_ATTRIBUTES = ("itemprop", "itemscope", "role")


def _marked(nodes: list[HtmlElement]) -> list[HtmlElement]:
    return [
        node
        for node in nodes
        if node.tag in MARKED_TAGS
        or (
            isinstance(node.tag, str)  # not a comment
            # MARKED_ATTRIBUTES spelled out: a generator per node cost as much as the reads
            and (
                node.get("itemprop") is not None
                or node.get("itemscope") is not None
                or node.get("role") is not None
            )
        )
    ]


def schema_types(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [_type_name(v) for v in values if isinstance(v, str)]


def _type_name(value: str) -> str:
    # Types come as "NewsArticle", "schema:NewsArticle" or "http://schema.org/NewsArticle".
    return re.split(r"[/:#]", value.strip())[-1].casefold()


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Meta tags by name, property or itemprop, lower-cased.

    Some templates write the value in `value=` instead of `content=` (`<meta
    name="article:published_time" value="...">`); browsers ignore it, but it is the page's
    statement all the same, and the only one such a page makes.
    """
    meta: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            content = element.get("value")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                meta.setdefault(key.strip().casefold(), []).append(content)
    return meta


def _json_ld_objects(marked: list[HtmlElement]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in marked:
        # `//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]`
        if script.tag != "script" or "ld+json" not in (script.get("type") or "").translate(
            _JSON_LD_LOWER
        ):
            continue
        data = _load_json(script.text_content())
        if data is not None:
            _collect(data, found, depth=0)
    return found


def _load_json(text: str) -> Any:
    text = text.strip()
    if text.startswith(("<![CDATA[", "//", "/*")):
        text = _CDATA_CLOSE.sub("", _CDATA_OPEN.sub("", text).rstrip()).strip()
    if not text:
        return None
    for candidate in (text, _TRAILING_COMMAS.sub(r"\1", _CONTROL_CHARS.sub(" ", text))):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def _collect(data: Any, found: list[dict[str, Any]], depth: int) -> None:
    """Top-level objects, `@graph` members and `mainEntity`: never related items nested deeper."""
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            _collect(item, found, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            found.append(data)
        if "@graph" in data:
            _collect(data["@graph"], found, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            _collect(main, found, depth + 1)


def _pick_object(
    objects: list[dict[str, Any]], types: frozenset[str], url: str, canonical: str | None
) -> dict[str, Any] | None:
    """The object of `types` that describes this URL; failing that, the first one."""
    candidates = [obj for obj in objects if any(t in types for t in schema_types(obj))]
    if not candidates:
        return None
    targets = {_url_key(url)} | ({_url_key(canonical)} if canonical else set())
    for obj in candidates:
        if any(_url_key(u) in targets for u in _object_urls(obj)):
            return obj
    return candidates[0]


def _object_urls(obj: dict[str, Any]) -> list[str]:
    urls: list[str] = []
    for key in ("url", "@id", "mainEntityOfPage"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            urls.append(value)
    return urls


def _url_key(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an invalid host ("[x]"): nothing to compare but the text
        return url.strip()
    host = parts.netloc.casefold().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def _trackback_date(html: str, url: str, canonical: str | None) -> str | None:
    """The dc:date of a trackback RDF block describing this page (old blog engines).

    The block sits in an HTML comment, which the parser drops, so it is read from the source.
    """
    if "rdf:Description" not in html:
        return None
    targets = {_url_key(url)} | ({_url_key(canonical)} if canonical else set())
    for match in _RDF_DESCRIPTION.finditer(html):
        about = _RDF_ABOUT.search(match[0])
        date = _RDF_DATE.search(match[0])
        if about and date and _url_key(about[1]) in targets:
            return date[1]
    return None


def _canonical_url(marked: list[HtmlElement], meta: dict[str, list[str]], url: str) -> str | None:
    for link in marked:
        # `//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href`
        if (
            link.tag != "link"
            or " canonical " not in f" {_XML_SPACE.sub(' ', link.get('rel') or '').strip(' ')} "
        ):
            continue
        href = link.get("href")
        if href is not None and href.strip():
            return join_url(url, href)
    og_url = next((u for u in meta.get("og:url", ()) if u.strip()), None)
    return join_url(url, og_url) if og_url else None
