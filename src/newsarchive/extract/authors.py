"""Author names as a clean list: no "By", no e-mail addresses, no biographies, no outlet names."""

from __future__ import annotations

import re
from typing import Any

from newsarchive.extract.page import Page
from newsarchive.extract.tree import class_tokens, main_article_element, text_of

_PREFIX = re.compile(
    r"^(?:(?:(?:written|posted|reported|reporting|edited|compiled|published|story|text)\s+)?"
    r"(?:by|von|par|por|di|door)\b\s*:?|(?:text|author|autor|auteur|текст|автор)\s*:)\s*",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\s/\s|(?<=[a-z]{2})\.\s)\s*",
    re.IGNORECASE,
)
#: A job title or a desk rather than a person: "AP Auto Writer", "News Nation Bureau".
_ROLE = re.compile(
    r"\b(?:writer|correspondent|editor|reporter|columnist|contributor|staff|bureau|desk|"
    r"producer|newsroom|admin\w*|\w*admin)\b|\.(?:com|net|org|co|in|ru)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_NOT_A_NAME = re.compile(
    r"^(?:about the author|staff|staff writer|admin|administrator|editor|editors|editorial|"
    r"newsroom|news desk|web desk|desk|team|guest|anonymous|unknown|contributor|correspondent|"
    r"more|follow|email|twitter|facebook|view all posts|all posts)\b",
    re.IGNORECASE,
)
_MAX_WORDS = 5
_BYLINE_TOKENS = frozenset({"author", "byline", "authors", "writer"})


def find_authors(page: Page, site_names: set[str]) -> tuple[str, ...]:
    for raw in (
        _json_ld_authors(page.article_object),
        _meta_authors(page),
        _byline_authors(page),
    ):
        names = clean_authors(raw, site_names)
        if names:
            return names
    return ()


def clean_authors(raw: list[str], site_names: set[str]) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    for value in raw:
        if re.match(r"^\s*about the author", value, re.IGNORECASE):
            continue
        value = _URL.sub(" ", _EMAIL.sub(" ", value))
        value = _PREFIX.sub("", " ".join(value.split()))
        for part in _SPLIT.split(value):
            name = _clean_name(part, site_names)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return tuple(names)


def _clean_name(part: str, site_names: set[str]) -> str | None:
    name = _PREFIX.sub("", part.strip()).strip(" .:-–—|·•\"'()[]")
    if not name or name.startswith("@") or any(ch.isdigit() for ch in name):
        return None
    if len(name.split()) > _MAX_WORDS or _NOT_A_NAME.match(name) or _ROLE.search(name):
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    if _names_outlet(name, site_names):
        return None
    if name.isupper() and len(name) > 4:
        name = name.title()  # "JOHN SMITH" bylines; short all-caps are agencies ("AFP")
    return name


def _names_outlet(name: str, site_names: set[str]) -> bool:
    """ "Middle East Monitor" on middleeastmonitor.com; "Sputnik International" on sputniknews."""
    words = re.findall(r"\w+", name.casefold())
    if "".join(words) in site_names:
        return True
    first = words[0] if words else ""
    return len(first) >= 5 and any(site.startswith(first) for site in site_names)


def _json_ld_authors(obj: dict[str, Any] | None) -> list[str]:
    if not obj:
        return []
    found: list[str] = []
    for key in ("author", "creator"):
        value = obj.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict) and item.get("@type") != "Organization":
                name = item.get("name")
                if isinstance(name, str):
                    found.append(name)
        if found:
            return found
    return found


def _meta_authors(page: Page) -> list[str]:
    for name in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
        values = [v for v in page.meta.get(name, ()) if v.strip() and not _URL.match(v.strip())]
        if values:
            return values
    byl = page.meta_first("byl")
    return [byl] if byl else []


def _byline_authors(page: Page) -> list[str]:
    scope = main_article_element(page.tree)
    if scope is None:
        scope = page.tree
    found: list[str] = []
    for element in scope.xpath('.//*[@rel="author" or @itemprop="author"]'):
        name_element = element.find('.//*[@itemprop="name"]')
        text = text_of(name_element if name_element is not None else element)
        if text and len(text) <= 80:
            found.append(text)
    if found:
        return found
    for element in scope.iter("span", "a", "div", "p", "address"):
        if class_tokens(element) & _BYLINE_TOKENS:
            text = text_of(element)
            if text and len(text) <= 80:
                found.append(text)
    return found
