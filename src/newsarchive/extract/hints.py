"""An outlet's extraction hints (registry CSS selectors) applied to one parsed page.

Pure data in, tree edits and findings out: the registry validated the selectors, so a selector
here always compiles; one that matches nothing leaves the general rules in charge.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from newsarchive.extract.dates import DateFinding, parse_datetime, plausible
from newsarchive.extract.record import ExtractionHints

#: `published_source` of a date read where the outlet's `date_selector` points.
HINT_SOURCE = "hint"


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def select(tree: HtmlElement, selector: str) -> list[HtmlElement]:
    """The elements of `tree` a CSS selector matches, in document order."""
    return [element for element in _compiled(selector)(tree) if isinstance(element, HtmlElement)]


def hinted_title(tree: HtmlElement, hints: ExtractionHints) -> str | None:
    """The text of the first element `title_selector` matches, whitespace-normalised."""
    if hints.title_selector is None:
        return None
    for element in select(tree, hints.title_selector):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def hinted_date(
    tree: HtmlElement, hints: ExtractionHints, now: datetime | None
) -> DateFinding | None:
    """The first plausible date where `date_selector` points: its `datetime` or `content`
    attribute (a `<time>` or `<meta>`), else its text."""
    if hints.date_selector is None:
        return None
    for element in select(tree, hints.date_selector):
        for text in (element.get("datetime"), element.get("content"), element.text_content()):
            value = parse_datetime(text) if text else None
            if value is not None and plausible(value, now):
                return DateFinding(value, HINT_SOURCE)
    return None


def narrow_body(tree: HtmlElement, hints: ExtractionHints) -> None:
    """Drop what `exclude_selectors` match, then keep only what `body_selector` matches.

    Runs after the page's self-description is read and before the body is extracted, so the
    narrowing shapes the body alone.
    """
    for selector in hints.exclude_selectors:
        for element in select(tree, selector):
            if element.getparent() is not None:  # the root cannot be dropped
                element.drop_tree()
    if hints.body_selector is None:
        return
    kept = select(tree, hints.body_selector)
    body = tree.find("body") if tree.tag != "body" else tree
    if not kept or body is None:
        return
    outermost = [e for e in kept if not any(a in kept for a in e.iterancestors())]
    for element in outermost:
        element.tail = None
    body.text = None
    body[:] = outermost  # lxml moves each element out of its old place
