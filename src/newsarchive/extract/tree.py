"""Small questions asked of lxml elements by several rules (class names, link text, the story)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_UNSEEN = ("script", "style", "noscript")


def class_tokens(element: HtmlElement) -> frozenset[str]:
    """Words of an element's class and id: "post-related_links" gives {"post", "related", ...}.

    Most elements of a page have neither (rules ask this of every element of the story): they
    cost two attribute reads, not a split and a set.
    """
    names = element.get("class")
    id_ = element.get("id")
    if not names and not id_:
        return _NO_TOKENS
    raw = f"{names or ''} {id_ or ''}".casefold()
    return frozenset(token for token in _TOKEN_SPLIT.split(raw) if token)


_NO_TOKENS: frozenset[str] = frozenset()


def class_string(element: HtmlElement) -> str:
    names = element.get("class")
    id_ = element.get("id")
    if not names and not id_:
        return " "
    return f"{names or ''} {id_ or ''}".casefold()


def text_content(element: HtmlElement) -> str:
    """`element.text_content()`, read without lxml's XPath when the element has no children.

    `text_content()` evaluates XPath's string(), a few microseconds of set-up per call, and
    rules ask it of hundreds of elements a page, most of them leaves (links, headings, short
    paragraphs: 57% of the calls on the AEB pages). A leaf's only text node is its `.text`
    (its tail is not its content; `len()` counts comments and processing instructions too).
    """
    if not len(element):
        return element.text or ""
    return str(element.text_content())


def text_of(element: HtmlElement) -> str:
    return " ".join(text_content(element).split())


def short_text_of(element: HtmlElement, limit: int) -> str | None:
    """`text_of(element)` if it is at most `limit` characters long, else None.

    Rules that only read short texts ask this of every block of a page, wrappers of the whole
    story among them: splitting stops at the word that proves the text too long, instead of
    normalising tens of thousands of characters to measure them. n words make at least
    2n - 1 characters, so `(limit + 1) // 2 + 1` words are always too many.
    """
    return short_text(text_content(element), limit)


def short_text(text: str, limit: int) -> str | None:
    """`short_text_of` for a text already read (`Page.body_text`)."""
    too_many = (limit + 1) // 2 + 1
    words = text.split(None, too_many - 1)
    if len(words) >= too_many:
        return None
    text = " ".join(words)
    return text if len(text) <= limit else None


def visible_text(element: HtmlElement) -> str:
    """Text a reader sees: scripts stay in the tree (htmldate reads them) but are not counted.

    The text of the element with its scripts, styles and noscripts emptied (their tails kept):
    the same text nodes as `.//text()[not(ancestor::script or ...)]`, in a fraction of that
    XPath's time, because lxml joins in C where the XPath tests each text node's ancestors.
    They are emptied in place for the one read and given back their text and children after
    it (tails travel with the children): a copy of the element, as this once made, cost more
    than the read itself when the element is the whole page.
    """
    if element.tag in _UNSEEN or any(a.tag in _UNSEEN for a in element.iterancestors()):
        return ""
    unseen = [(node, node.text, list(node)) for node in element.iter(*_UNSEEN)]
    if not unseen:
        return text_of(element)
    try:
        for node, _text, children in unseen:
            node.text = None
            for child in children:
                node.remove(child)
        return text_of(element)
    finally:
        for node, text, children in reversed(unseen):
            node.text = text
            node.extend(children)


def author_marks(scope: HtmlElement) -> list[HtmlElement]:
    """Elements inside `scope` marked as its author: `.//*[@rel="author" or @itemprop="author"]`,
    read in Python over nodes whose objects the page holds, which costs less than the XPath's
    walk in libxml2."""
    return [
        element
        for element in scope.iterdescendants()
        if element.get("rel") == "author" or element.get("itemprop") == "author"
    ]


def link_text_length(element: HtmlElement) -> int:
    return sum(len(" ".join(text_content(a).split())) for a in element.iter("a"))


def main_article_element(
    tree: HtmlElement, marked: list[HtmlElement] | None = None
) -> HtmlElement | None:
    """The element holding the story: the `<article>` with the headline or the most prose.

    `marked` is `Page.marked` when `tree` is the page as parsed: the items of article
    microdata are then among those elements, and no XPath walks the page for them.
    """
    articles = [
        a for a in tree.iter("article") if not any(p.tag == "article" for p in a.iterancestors())
    ]
    if not articles and marked is not None:
        articles = [  # the XPath below, over the marked elements
            element
            for element in marked
            if element.get("itemscope") is not None
            and ("Article" in (itemtype := element.get("itemtype") or "") or "Posting" in itemtype)
        ]
    elif not articles:
        articles = tree.xpath(
            '//*[@itemscope][contains(@itemtype, "Article") or contains(@itemtype, "Posting")]'
        )
    if articles:
        with_headline = [a for a in articles if a.find(".//h1") is not None]
        pool = with_headline or articles
        if len(pool) == 1:  # the usual page: no need to measure its prose
            return pool[0]
        return max(pool, key=lambda a: sum(len(p.text_content()) for p in a.iter("p")))
    h1 = tree.find(".//h1")
    if h1 is None:
        return None
    parent = h1.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return grandparent if grandparent is not None else parent


class StoryLinks:
    """Which links of a page go to other stories of the same outlet, resolved once per href.

    A link stays on the outlet when its host is the page's host once "www." is ignored; a story
    link is such a link to a path other than the page's own and the site's front page.
    """

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url
        here = urlsplit(page_url)
        self._host = here.netloc.casefold().removeprefix("www.")
        self._path = here.path.rstrip("/")
        self._seen: dict[str, str | None] = {}
        # Where a path from the root lands: urljoin puts it behind the page's scheme and host.
        plain_base = here.scheme in ("http", "https") and _PLAIN_HOST.fullmatch(here.netloc)
        self._origin = f"{here.scheme}://{here.netloc}" if plain_base else None
        self._origin_host = here.netloc

    def target(self, href: str) -> str | None:
        """The absolute URL of a story link, None for any other link."""
        if href not in self._seen:
            self._seen[href] = self._resolve(href)
        return self._seen[href]

    def _resolve(self, href: str) -> str | None:
        plain = self._plain(href.strip())
        if plain is not None:
            absolute, host, path = plain
            if not self._on_outlet(host.casefold().removeprefix("www.")):
                return None
            path = path.rstrip("/")
            return absolute if path and path != self._path else None
        joined = join_url(self.page_url, href)
        if joined is None:
            return None
        target = urlsplit(joined)
        if target.scheme not in ("http", "https"):
            return None
        if not self._on_outlet(target.netloc.casefold().removeprefix("www.")):
            return None
        path = target.path.rstrip("/")
        return joined if path and path != self._path else None

    def _on_outlet(self, host: str) -> bool:
        return host == self._host

    def _plain(self, href: str) -> tuple[str, str, str] | None:
        """(absolute URL, host, path) of a link urljoin would take as it is or put behind the
        page's origin; None for any other, which goes through urljoin.

        Nearly every link of a news page is an absolute http(s) URL or a path from the root,
        and `urljoin` with its `urlsplit` checks cost about 2 ms a page (a hundred distinct
        links). For links of plain ASCII with no params (";"), no empty "?" or "#", no port,
        user or IPv6 host, and for root paths no "." or ".." segment, urljoin's answer is the
        link itself or the origin followed by it: tests/test_tree_questions.py compares both
        ways on such links and their near misses.
        """
        absolute = _PLAIN_ABSOLUTE.fullmatch(href)
        if absolute is not None:
            return href, absolute["host"], absolute["path"]
        if self._origin is None:
            return None
        rooted = _PLAIN_ROOTED.fullmatch(href)
        if rooted is None or _DOT_SEGMENT.search(rooted["path"]):
            return None
        return self._origin + href, self._origin_host, rooted["path"]


_PATH_CHARS = r"[A-Za-z0-9._~%!$&'()*+,=:@/-]"
_AFTER_PATH = r"(?:\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]+)?(?:#[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]+)?"
_PLAIN_HOST = re.compile(r"[A-Za-z0-9.-]+")
_PLAIN_ABSOLUTE = re.compile(
    rf"https?://(?P<host>[A-Za-z0-9.-]+)(?P<path>(?:/{_PATH_CHARS}*)?){_AFTER_PATH}"
)
_PLAIN_ROOTED = re.compile(rf"(?P<path>/(?!/){_PATH_CHARS}*){_AFTER_PATH}")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$)")


def host_key(netloc: str) -> str:
    """A link's host as the outlet's pages compare it: case-folded and without "www."
    (`WWW.BBC.com`, `bbc.com`), as outlets link their own pages both ways."""
    return netloc.casefold().removeprefix("www.")


def same_host(netloc: str, other: str) -> bool:
    """Two links' hosts name one site once case and "www." are ignored."""
    return host_key(netloc) == host_key(other)


def join_url(base: str, href: str) -> str | None:
    """`href` made absolute against `base`, or None when it is no URL at all.

    Real pages carry links such as `https://[ccpa-preferences]/` (a consent tool's placeholder),
    on which `urljoin` raises ValueError: such a link points nowhere, and must cost the page
    nothing.
    """
    try:
        absolute = urljoin(base, href.strip())
        urlsplit(absolute).port  # noqa: B018 - validates the host and port, raising ValueError
    except ValueError:
        return None
    return absolute
