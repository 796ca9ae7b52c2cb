"""The headline, without the outlet's name that templates glue before or after it."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from newsarchive.extract.page import Page, schema_types
from newsarchive.extract.tree import main_article_element, text_of

#: " – Middle East Monitor", " | Outlet", "Outlet - ": separators need spaces around them, so
#: hyphenated words and "U.S.-led" are never split.
_SEPARATOR = re.compile(r"\s+[|–—:·•»~/-]\s+|\s*\|\s*")
_TRUNCATED = ("...", "…")


def find_title(page: Page, evidence_title: str | None) -> str:
    site_names = site_names_of(page)
    headline = _h1(page)
    candidates = [
        page.meta_first("og:title"),
        _json_ld_headline(page.article_object),
        headline,
        page.meta_first("twitter:title"),
        _title_element(page),
        evidence_title,
    ]
    cleaned = [_clean(c, site_names, headline) for c in candidates if c]
    usable = [c for c in cleaned if c]
    for title in usable:
        if title.endswith(_TRUNCATED) and any(
            other.startswith(title.rstrip(".…").rstrip()) and len(other) > len(title)
            for other in usable
        ):
            continue
        return title
    return ""


def strip_site_name(title: str, site_names: set[str], headline: str | None = None) -> str:
    """Drop a leading or trailing segment that names the outlet."""
    title = " ".join(title.split())
    segments = _SEPARATOR.split(title)
    if len(segments) < 2:
        return title
    if headline:
        # The page's own <h1> shown as one of the segments settles which part is the headline.
        key = _key(headline)
        for separator_free in _joined_runs(title):
            if _key(separator_free) == key:
                return separator_free
    spans = [m.span() for m in _SEPARATOR.finditer(title)]
    start, end = 0, len(title)
    if _names_site(segments[-1], site_names):
        end = spans[-1][0]
    if _names_site(segments[0], site_names) and spans[0][1] < end:
        start = spans[0][1]
    stripped = title[start:end].strip()
    return stripped or title


def _joined_runs(title: str) -> list[str]:
    """Every run of consecutive segments, as the original text (separators kept inside)."""
    cuts = [0]
    for match in _SEPARATOR.finditer(title):
        cuts.extend(match.span())
    cuts.append(len(title))
    starts = cuts[0::2]
    ends = cuts[1::2]
    return [title[s:e].strip() for s in starts for e in ends if e > s]


def _names_site(segment: str, site_names: set[str]) -> bool:
    key = _key(segment).replace(" ", "")
    if not key:
        return False
    # "Arab News" names arabnews.com; "Iran" does not name iranintl.com.
    return any(
        key == name or (len(key) >= 4 and name.startswith(key) and len(key) >= 0.6 * len(name))
        for name in site_names
    )


def _clean(candidate: str, site_names: set[str], headline: str | None) -> str:
    stripped = strip_site_name(candidate, site_names, headline)
    if _key(stripped).replace(" ", "") in site_names:
        return ""  # og:title that is only the outlet's name
    return stripped


def site_names_of(page: Page) -> set[str]:
    names: list[str] = []
    for meta in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
        value = page.meta_first(meta)
        if value:
            names.append(value.lstrip("@"))
    for obj in [page.article_object or {}, *page.json_ld]:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        types = schema_types(obj)
        if ("website" in types or "organization" in types) and isinstance(obj.get("name"), str):
            names.append(obj["name"])
    host = urlsplit(page.url).netloc.casefold().removeprefix("www.").split(":")[0]
    if host:
        names.append(host)  # "arabnews.com"
        names.append(host.rsplit(".", 1)[0])  # "arabnews"
    keys = {_key(n).replace(" ", "") for n in names}
    return {k for k in keys if k}


def _json_ld_headline(obj: dict[str, Any] | None) -> str | None:
    if not obj:
        return None
    for key in ("headline", "name", "alternativeHeadline"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _h1(page: Page) -> str | None:
    scope = main_article_element(page.tree)
    for root in (scope, page.tree):
        if root is None:
            continue
        for h1 in root.iter("h1"):
            text = text_of(h1)
            if text:
                return text
    return None


def _title_element(page: Page) -> str | None:
    element = page.tree.find(".//title")
    return text_of(element) if element is not None else None


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
