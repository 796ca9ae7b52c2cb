"""Does the page mark its story as (partly) behind a paywall? Then the archived text may be cut.

Three kinds of evidence, any one is enough:

- the publisher says so: JSON-LD `"isAccessibleForFree": false` on the article or page object or
  on one of its `hasPart` elements (Google's markup for paywalled content), the same as a
  microdata `<meta itemprop="isAccessibleForFree">`, or `article:content_tier` locked/metered;
- a paywall container: an element whose class or id names a paywall (`paywall`, Piano's `piano-`
  and `tp-container-inner`, `meteredContent`, `subscriber-only`, `premium-content`) wrapping the
  story or part of its paragraphs, or a paywall prompt (`paywall`, `tp-container-inner`, a Piano
  offer) inside the story element;
- a paywall notice in the page text: "Subscribe to continue reading", "This article is for
  subscribers only", "You have reached your limit of free articles".

A newsletter box ("Subscribe to our newsletter") is on every outlet's pages and is no evidence:
elements that name a newsletter or a sign-up are ignored, and the notices all speak of reading
*this* article.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from newsarchive.extract.page import Page
from newsarchive.extract.tree import class_string, class_tokens, visible_text

_LOCKED_TIERS = frozenset({"locked", "metered"})
#: Class or id words of a container of paywalled text: evidence when it wraps the story's prose.
_PAYWALL_NAMES = (
    "paywall",
    "piano-",
    "tp-container-inner",
    "meteredcontent",
    "metered-content",
    "subscriber-only",
    "subscribers-only",
    "premium-content",
    "subscriber-content",
    "members-only",
)
_PAYWALL_CLASS = re.compile("|".join(re.escape(name) for name in _PAYWALL_NAMES))
#: Those that name the paywall prompt itself: evidence anywhere inside the story element too.
#: Piano's classes are on all its widgets ("piano-article-overlay", "sticky-piano-widget" on
#: pages that are free), so only its offer container and piano- names of an offer or wall count.
_PROMPT_CLASS = re.compile(
    r"paywall|tp-container-inner|subscribers?-only|"
    r"piano-(?:[a-z]+-)*(?:paywall|offer|meter|barrier|gate|wall)"
)
_FREE_CLASS = re.compile(r"no-?paywall|paywall-?free|free-content")
_NOT_PAYWALL_TOKENS = frozenset({"newsletter", "newsletters", "signup"})
#: Paragraph text a container must hold to be wrapping (part of) the story.
_WRAPPED_PROSE_CHARS = 200
#: Words every notice has, to skip the regular expression on the many pages without any.
_NOTICE_WORDS = (
    "continue reading",
    "keep reading",
    "subscribe to read",
    "subscribe to unlock",
    "subscribers",
    "free article",
    "free stories",
    "complimentary",
)
_NOTICE = re.compile(
    r"\b(?:subscribe(?: now| today)? to (?:continue|keep) reading|"
    r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|become a subscriber)|"
    r"subscribe to (?:read|unlock) (?:the full|the rest of|this) (?:article|story)|"
    r"(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|reserved for|"
    r"exclusive to) (?:our )?(?:paying |premium |digital )?subscribers(?: only)?|"
    r"you(?:'ve| have) reached (?:your|the) (?:limit|maximum) (?:of|on) (?:free|complimentary) "
    r"(?:articles|stories)|"
    r"you have read (?:all )?your (?:free articles|last free article))\b",
    re.IGNORECASE,
)


def is_paywalled(page: Page) -> bool:
    """Read before the tree is pruned: pruning takes subscription boxes out of the page."""
    return (
        _declared_not_free(page)
        or (page.meta_first("article:content_tier") or "").casefold() in _LOCKED_TIERS
        or _has_paywall_container(page)
        or _has_paywall_notice(page)
    )


def _declared_not_free(page: Page) -> bool:
    if any(_is_false(value) for value in page.meta.get("isaccessibleforfree", ())):
        return True
    objects = [obj for obj in (page.article_object, page.page_object) if obj is not None]
    for obj in objects or page.json_ld:
        parts = obj.get("hasPart")
        parts = parts if isinstance(parts, list) else [parts]
        for item in [obj, *parts]:
            if isinstance(item, dict) and _is_false(item.get("isAccessibleForFree")):
                return True
    return False


def _is_false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().casefold() == "false")


def _has_paywall_container(page: Page) -> bool:
    tree = page.tree
    # Every class and id of the page in one string first: most pages name no paywall anywhere,
    # and one search of that string settles it (a name matched there may span two elements'
    # names, or be outside the body; the walk below then decides). The page's nodes are at
    # hand (`Page.nodes`, the tree as parsed, which this reads before pruning): reading their
    # two attributes costs less than an XPath's walk, and a few substring tests less than the
    # pattern's alternation at every character.
    names = " ".join(
        value
        for node in page.nodes or page.tree.iter()
        for value in (node.get("class"), node.get("id"))
        if value
    ).casefold()
    if not any(name in names for name in _PAYWALL_NAMES):
        return False
    for element in tree.xpath("//body//*[@class or @id]"):
        name = class_string(element)
        if not _PAYWALL_CLASS.search(name) or _FREE_CLASS.search(name):
            continue
        if class_tokens(element) & _NOT_PAYWALL_TOKENS:
            continue
        story = page.story  # found only on pages that name a paywall
        if _wraps_story(element, story):
            return True
        if story is not None and _contains(story, element) and _PROMPT_CLASS.search(name):
            return True
    return False


def _wraps_story(element: HtmlElement, story: HtmlElement | None) -> bool:
    """The container holds the story, or paragraphs of it (the part behind the wall)."""
    if story is not None and (element is story or _contains(element, story)):
        return True
    if story is not None and not _contains(story, element):
        return False
    prose = sum(len(p.text_content().strip()) for p in element.iter("p"))
    return prose >= _WRAPPED_PROSE_CHARS


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _has_paywall_notice(page: Page) -> bool:
    body = page.tree.find("body")
    scope = body if body is not None else page.tree
    # All text first (read once per page, scripts included); the visible text only when that
    # has a notice, because a script may hold the notice as a template for pages that are over
    # the limit.
    text = page.body_text.casefold()
    if not any(word in text for word in _NOTICE_WORDS):
        return False
    if not _NOTICE.search(text.replace("’", "'")):
        return False
    return bool(_NOTICE.search(visible_text(scope).replace("’", "'")))
