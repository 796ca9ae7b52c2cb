"""The news agency a story credits as its origin, so syndicated copies can be traced back to it.

A credit is a *shape* of text that names an agency, never a bare mention: "Reuters could not
verify the footage" or "a Reuters investigation" credits nobody. The shapes, strongest first
(when several agencies are credited, the strongest shape wins; within one shape, the first found):

1. a dateline: "TEHRAN (Reuters) -", "BEIJING, April 27 (Xinhua) --", "MOSCOW, May 5. /TASS/.";
2. an explicit credit: "Source: arabnews", "With inputs from PTI", "Copyright 2026 The Associated
   Press", a closing "— AFP", a byline, meta author, or JSON-LD author, `sourceOrganization` or
   `provider` that is an agency ("By Reuters", author "AFP", "Jon Gambrell, Associated Press");
3. Reuters' house credit without a name: "(Reporting by ...; Editing by ...)";
4. a "citing" chain in the lead: "The Arab News reported, citing the Associated Press" (the
   innermost agency cited);
5. a plain attribution in the lead: "according to Xinhua", "the Associated Press reported";
6. a JSON-LD `publisher` that is an agency (the agency's own site).

Whatever wins is then followed through the lead's "X, citing Y" chains: a repost marked "Source:
arabnews" whose lead says "The Arab News reported, citing the Associated Press" came from AP.
A dateline is never followed: it is the agency's own reporting.

Attributions count only in the lead (`LEAD_LINES`), where a rewrite names what it rewrites;
deeper in a story "according to Xinhua" attributes one fact, not the story. Closing credits count
only in the last `CLOSING_LINES`. Datelines, copyright lines and Reuters' credit are also read
from the page before pruning, because the body drops credit lines and may drop a dateline that
sits in its own element.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsarchive.extract.page import Page
from newsarchive.extract.tree import author_marks, class_tokens, short_text_of, text_of

#: Canonical agency name -> the names it goes by. A name in capitals only is matched in that case
#: ("AP", "AA", "SPA": an "ap" or a "spa" is not an agency); any other name in any case. Names
#: with a dot are web hosts, matched against the hosts of credited URLs.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters", "reuters.com"),
    "AP": ("AP", "Associated Press", "AP News", "apnews.com"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "afp.com"),
    "Xinhua": ("Xinhua", "Xinhua News Agency", "xinhuanet.com", "news.cn"),
    "TASS": ("TASS", "Tass", "ITAR-TASS", "tass.com", "tass.ru"),
    "RIA Novosti": ("RIA Novosti", "ria.ru"),
    "Sputnik": ("Sputnik", "sputniknews.com"),
    "Interfax": ("Interfax", "interfax.ru"),
    "Anadolu": ("Anadolu Agency", "Anadolu", "AA", "aa.com.tr"),
    "IRNA": ("IRNA", "Islamic Republic News Agency", "irna.ir"),
    "Tasnim": ("Tasnim", "tasnimnews.com"),
    "Fars": ("Fars News Agency", "Fars News", "FNA", "farsnews.ir"),
    "Mehr": ("Mehr News Agency", "Mehr News", "Mehr", "MNA", "mehrnews.com"),
    "ISNA": ("ISNA", "isna.ir"),
    "Yonhap": ("Yonhap", "yna.co.kr"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Jiji": ("Jiji Press", "Jiji"),
    "Bernama": ("Bernama", "bernama.com"),
    "Antara": ("Antara", "antaranews.com"),
    "ANI": ("ANI", "Asian News International", "aninews.in"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "APP": ("APP", "Associated Press of Pakistan", "app.com.pk"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE", "efe.com"),
    "ANSA": ("ANSA", "ansa.it"),
    "Bloomberg": ("Bloomberg", "Bloomberg News", "bloomberg.com"),
    "UPI": ("UPI", "United Press International", "upi.com"),
    "PA Media": ("PA Media", "Press Association"),
    "WAM": ("WAM", "Emirates News Agency", "wam.ae"),
    "SPA": ("SPA", "Saudi Press Agency", "spa.gov.sa"),
    "KUNA": ("KUNA", "Kuwait News Agency", "kuna.net.kw"),
    "QNA": ("QNA", "Qatar News Agency", "qna.org.qa"),
    "BNA": ("BNA", "Bahrain News Agency", "bna.bh"),
    "ONA": ("ONA", "Oman News Agency"),
    "SANA": ("SANA", "Syrian Arab News Agency", "sana.sy"),
    "MENA": ("MENA", "Middle East News Agency"),
    "Petra": ("Petra News Agency", "Jordan News Agency", "petra.gov.jo"),
    "Ukrinform": ("Ukrinform", "ukrinform.net"),
    "Arab News": ("Arab News", "arabnews", "arabnews.com"),
}

LEAD_LINES = 3
CLOSING_LINES = 3


class Shape(IntEnum):
    """How a credit was given; a lower value is a stronger credit."""

    DATELINE = 1
    CREDIT = 2
    HOUSE_CREDIT = 3
    CITING = 4
    ATTRIBUTION = 5
    PUBLISHER = 6


@dataclass(frozen=True)
class Credit:
    shape: Shape
    agency: str  # a key of AGENCIES


def _name_pattern(name: str) -> str:
    words = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", name))
    return words if name.isupper() else f"(?i:{words})"


_NAMES = sorted((n for names in AGENCIES.values() for n in names if "." not in n), key=len)
_AGENCY = (
    r"(?<![\w@/.-])(?:"
    + "|".join(_name_pattern(name) for name in reversed(_NAMES))
    + r")(?![\w-]|\.\w)"
)
_CANONICAL = [
    (re.compile("|".join(_name_pattern(n) for n in names if "." not in n)), canonical)
    for canonical, names in AGENCIES.items()
]
_HOSTS = {name: canonical for canonical, names in AGENCIES.items() for name in names if "." in name}
_ANY_AGENCY = re.compile(_AGENCY)

#: "the state news agency", "China's official news agency", "a report by": words that may stand
#: between a verb and the agency it names. Anything else ("citing officials who spoke to") breaks
#: the shape.
_DESCRIPTION = (
    r"(?:(?i:the|a|an|its|their|state|state-run|state-owned|state-controlled|official|"
    r"semi-official|semiofficial|government|government-run|news|agency|wire|service|report|"
    r"reports|dispatch|by|from|of|in)\s+|[A-Z][\w'’-]*\s+|\w+['’]s\s+){0,6}?"
)
#: "Xinhua news agency", "the Islamic Republic News Agency (IRNA)"
_SUFFIX = r"(?:\s+(?i:news\s+agency|news\s+service|agency))?(?:\s*\([A-Za-z]{2,8}\))?"
#: The agency closes its noun phrase: "according to Reuters," but not "a Reuters investigation".
_PHRASE_END = (
    r"(?=\s*(?:[,.;:!?)\]\"”’']|$)|\s+(?i:reported|reports|said|says|wrote|on|in|at|which|"
    r"that|as|and|quoting|citing|added)\b)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}(?:\s*\[[^\]]{2,30}\])?"
#: "DUBAI, United Arab Emirates", "BEIJING, April 27", "WASHINGTON, Oct. 3, 2026"
_PLACES = rf"{_PLACE}(?:,\s*[\w.'’-]+(?:\s+[\w.'’-]+){{0,3}}){{0,2}}"
_DASH = r"[-–—―]+"

_DATELINES = (
    # "WASHINGTON (AP) —", "BEIJING, April 27 (Xinhua) --", "New Delhi [India], May 2 (ANI):"
    re.compile(rf"^{_PLACES}\s*\((?P<credit>[^()]{{2,60}})\)\s*(?:{_DASH}|:)"),
    # "New Delhi, May 2 (PTI) Defence Minister ...": dated, and no dash after the credit
    re.compile(rf"^{_PLACES},\s*{_DAY}\s*\((?P<credit>[^()]{{2,60}})\)\s+(?=[A-Z“\"‘'])"),
    # "(Reuters) - Iran said ..." on reposts that drop the place
    re.compile(rf"^\((?P<credit>[^()]{{2,60}})\)\s*{_DASH}"),
    # TASS: "MOSCOW, May 5. /TASS/."
    re.compile(rf"^{_PLACES}(?:,\s*{_DAY})?\.?\s*/(?P<credit>[^/]{{2,40}})/"),
    # IRNA: "Tehran, IRNA -- "
    re.compile(rf"^{_PLACES},\s*(?P<credit>{_AGENCY})\s*{_DASH}\s"),
)
_SOURCE_LINE = re.compile(r"^(?i:sources?|courtesy|credits?)\s*[:：\-–—]\s*(?P<credit>.{2,120})$")
_INPUTS_LINE = re.compile(
    r"^\(?\s*(?i:with\s+(?:additional\s+)?inputs?\s+from)\s+(?P<credit>[^()]{2,100})\)?\.?$"
)
_COPYRIGHT_LINE = re.compile(
    r"^(?:(?i:copyright)|©|\((?i:c)\))(?:\s*(?:(?i:copyright)|©|\((?i:c)\)))*\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<credit>[^.©]{2,80})"
)
#: "© REUTERS / POOL", "© AFP 2019 / Jane Doe", "© Photo: AP": a photo's credit, not the story's.
_PHOTO_CREDIT = re.compile(r"/|\b(?i:photo|image|file|picture|video)\b")
#: The story's own copyright carries a year or says so: "Copyright 2026 The Associated Press".
_STORY_COPYRIGHT = re.compile(r"\b\d{4}\b|\b(?i:copyright|rights\s+reserved)\b")
_BYLINE = re.compile(r"^(?i:by)\s+(?P<credit>.{2,100})$")
_SIGN_OFF = re.compile(rf"^(?:{_DASH}\s*(?P<credit>.{{2,40}})|\((?P<paren>[^()]{{2,40}})\)\.?)$")
_HOUSE_CREDIT = re.compile(
    r"^\(?\s*(?i:(?:additional\s+)?reporting\s+by)\b.{0,300}\b(?i:editing|writing)\s+by\b",
)
_CITING = re.compile(
    rf"\b(?i:citing|which\s+cited|who\s+cited|that\s+cited)\s+{_DESCRIPTION}"
    rf"(?P<agency>{_AGENCY}){_SUFFIX}{_PHRASE_END}"
)
_ATTRIBUTIONS = (
    re.compile(
        rf"\b(?i:according\s+to|reported\s+by)\s+{_DESCRIPTION}"
        rf"(?P<agency>{_AGENCY}){_SUFFIX}{_PHRASE_END}"
    ),
    # The agency as the subject: "officials who spoke to Reuters said" is not Reuters saying.
    re.compile(
        r"(?<!\b(?i:to)\s)(?<!\b(?i:told)\s)(?<!\b(?i:with)\s)(?<!\b(?i:for)\s)"
        r"(?<!\b(?i:by)\s)(?<!\b(?i:from)\s)(?<!\b(?i:the)\s)"
        rf"(?:(?i:the)\s+)?(?P<agency>{_AGENCY}){_SUFFIX}\s+(?i:reported|reports|said|says|wrote)\b",
    ),
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-Z“\"])")
_CITER_REACH = 80

#: A credit string lists sources: "Reuters, AFP", "Xinhua | Editor: Li", "Jon Gambrell, AP".
_CREDIT_PARTS = re.compile(r"\s*(?:[,;|/&·•+]|\s[-–—]\s|\b(?i:and|with)\b)\s*")
_CREDIT_NOISE = re.compile(
    r"^(?i:by|the)\s+|\s+(?i:staff|bureau|desk|correspondents?|reporters?|news\s+agency|"
    r"news\s+service|wire|agency|report|\d{4})$"
)
_META_BYLINES = (
    "author",
    "article:author",
    "dc.creator",
    "dc.source",
    "byl",
    "parsely-author",
    "sailthru.author",
    "syndication-source",
    "original-source",
)
_JSON_LD_CREDITS = ("author", "creator", "sourceOrganization", "provider", "copyrightHolder")
_BYLINE_TOKENS = frozenset({"byline", "author", "authors"})
#: Photo credits and quotations are not credits for the story.
_NOT_STORY_TAGS = frozenset({"figure", "figcaption", "caption", "picture", "blockquote", "q"})
_NOT_STORY_TOKENS = frozenset({"caption", "photo", "image", "img", "gallery", "media", "video"})
_BLOCKS = frozenset({"p", "div", "span", "small", "em", "i", "strong", "footer", "address", "li"})
_BLOCK_PARENTS = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "table", "h1", "h2", "h3", "h4", "footer"}
)
_BYLINE_TAGS = frozenset({"span", "a", "div", "p", "address"})
_MAX_BLOCK_CHARS = 400


def page_credits(page: Page) -> tuple[Credit, ...]:
    """Credits the page gives outside the body text; read before the tree is pruned."""
    found: list[Credit] = []
    scope = page.story
    elements = _story_elements(scope) if scope is not None else []
    blocks = _short_blocks(elements)
    paragraphs = (text_of(element) for element in elements if element.tag == "p")
    opening = list(islice((text for text in paragraphs if text), LEAD_LINES))
    datelines = [text for element, text in blocks if "dateline" in class_tokens(element)]
    found += _credits(Shape.DATELINE, (_dateline(line) for line in datelines + opening))
    found += _credits(Shape.CREDIT, (_named_by(value) for value in _declared_bylines(page)))
    if scope is not None:
        found += _credits(Shape.CREDIT, _byline_credits(scope, elements))
    found += _credits(Shape.CREDIT, (_explicit_credit(text) for _, text in blocks))
    if any(_HOUSE_CREDIT.match(text) for _, text in blocks):
        found.append(Credit(Shape.HOUSE_CREDIT, "Reuters"))
    publisher = (page.article_object or {}).get("publisher")
    found += _credits(Shape.PUBLISHER, (_named_by(v) for v in _names_in(publisher)))
    return tuple(found)


def find_wire_source(text: str, credits: Sequence[Credit] = ()) -> str | None:
    """The agency the story credits as its origin (a key of AGENCIES), or None.

    `text` is the extracted body, one paragraph per line; `credits` what `page_credits` read.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lead, closing = lines[:LEAD_LINES], lines[-CLOSING_LINES:]
    found: list[Credit] = []
    found += _credits(Shape.DATELINE, (_dateline(line) for line in lead))
    found += _credits(Shape.CREDIT, (_explicit_credit(line) for line in lead + closing))
    found += _credits(Shape.CREDIT, (_byline(line) for line in lead))
    found += _credits(Shape.CREDIT, (_sign_off(line) for line in closing[-2:]))
    if any(_HOUSE_CREDIT.match(line) for line in closing):
        found.append(Credit(Shape.HOUSE_CREDIT, "Reuters"))
    found += _credits(Shape.CITING, (_canonical(m["agency"]) for m in _matches(_CITING, lead)))
    for pattern in _ATTRIBUTIONS:
        found += _credits(
            Shape.ATTRIBUTION, (_canonical(m["agency"]) for m in _matches(pattern, lead))
        )
    found += credits
    if not found:
        return None
    best = min(found, key=lambda credit: credit.shape)  # min keeps the first of equals
    if best.shape is Shape.DATELINE:
        return best.agency
    return _follow_citations(best.agency, _citations(lead))


def _credits(shape: Shape, agencies: Iterable[str | None]) -> list[Credit]:
    return [Credit(shape, agency) for agency in agencies if agency]


def _matches(pattern: re.Pattern[str], lines: Iterable[str]) -> Iterator[re.Match[str]]:
    for line in lines:
        yield from pattern.finditer(line)


def _canonical(name: str) -> str | None:
    name = " ".join(name.split())
    for pattern, canonical in _CANONICAL:
        if pattern.fullmatch(name):
            return canonical
    return None


def _named_by(value: str) -> str | None:
    """The agency a credit string names as a whole part: "By Reuters", "Jon Gambrell, AP"."""
    value = " ".join(value.split())
    if value.startswith(("http://", "https://", "www.")):
        return _agency_of_host(value)
    for part in _CREDIT_PARTS.split(value):
        part = part.strip(" .:()[]\"'“”")
        while True:
            shorter = _CREDIT_NOISE.sub("", part).strip()
            if shorter == part:
                break
            part = shorter
        agency = _canonical(part) or (_HOSTS.get(part.casefold()) if "." in part else None)
        if agency:
            return agency
    return None


def _agency_of_host(url: str) -> str | None:
    host = urlsplit(url if "//" in url else f"//{url}").netloc.casefold().removeprefix("www.")
    for name, canonical in _HOSTS.items():
        if host == name or host.endswith(f".{name}"):
            return canonical
    return None


def _dateline(line: str) -> str | None:
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match:
            return _named_by(match["credit"])
    return None


def _explicit_credit(line: str) -> str | None:
    for pattern in (_SOURCE_LINE, _INPUTS_LINE):
        match = pattern.match(line)
        if match:
            return _named_by(match["credit"])
    match = _COPYRIGHT_LINE.match(line)
    if match and _STORY_COPYRIGHT.search(line) and not _PHOTO_CREDIT.search(line):
        return _named_by(match["credit"])
    return None


def _byline(line: str) -> str | None:
    match = _BYLINE.match(line)
    return _named_by(match["credit"]) if match else None


def _sign_off(line: str) -> str | None:
    match = _SIGN_OFF.match(line)
    return _named_by(match["credit"] or match["paren"]) if match else None


def _citations(lines: Sequence[str]) -> dict[str, str]:
    """Who cites whom in the lead: "The Arab News reported, citing the Associated Press"."""
    cited_by: dict[str, str] = {}
    for line in lines:
        for match in _CITING.finditer(line):
            before = line[max(0, match.start() - _CITER_REACH) : match.start()]
            sentence = _SENTENCE_END.split(before)[-1]
            citers = [_canonical(m[0]) for m in _ANY_AGENCY.finditer(sentence)]
            cited = _canonical(match["agency"])
            if citers and citers[-1] and cited and citers[-1] != cited:
                cited_by.setdefault(citers[-1], cited)
    return cited_by


def _follow_citations(agency: str, cited_by: dict[str, str]) -> str:
    seen = {agency}
    while agency in cited_by and cited_by[agency] not in seen:
        agency = cited_by[agency]
        seen.add(agency)
    return agency


def _story_elements(scope: HtmlElement) -> list[HtmlElement]:
    """Elements of the story element in page order, without photo credits and quotations."""
    found: list[HtmlElement] = []
    stack = [scope]
    while stack:
        element = stack.pop()
        if element is not scope and (
            element.tag in _NOT_STORY_TAGS or class_tokens(element) & _NOT_STORY_TOKENS
        ):
            continue
        found.append(element)
        stack.extend(reversed([child for child in element if isinstance(child.tag, str)]))
    return found


def _short_blocks(elements: list[HtmlElement]) -> list[tuple[HtmlElement, str]]:
    """Blocks short enough to be a credit line; a block holding other blocks is not one."""
    blocks: list[tuple[HtmlElement, str]] = []
    for element in elements:
        if element.tag not in _BLOCKS or any(child.tag in _BLOCK_PARENTS for child in element):
            continue
        text = short_text_of(element, _MAX_BLOCK_CHARS)
        if text:
            blocks.append((element, text))
    return blocks


def _byline_credits(scope: HtmlElement, elements: list[HtmlElement]) -> Iterator[str | None]:
    for element in author_marks(scope):
        yield _named_by(text_of(element))
    for element in elements:
        if element.tag in _BYLINE_TAGS and class_tokens(element) & _BYLINE_TOKENS:
            text = text_of(element)
            if len(text) <= 100:
                yield _byline(text) or _named_by(text)


_SOURCE_RELS = frozenset({"original-source", "syndication-source"})


def _declared_bylines(page: Page) -> Iterator[str]:
    for name in _META_BYLINES:
        yield from (value for value in page.meta.get(name, ()) if value.strip())
    for link in page.marked:
        # `//link[@rel="original-source" or @rel="syndication-source"]/@href`
        href = link.get("href")
        if link.tag == "link" and href is not None and link.get("rel") in _SOURCE_RELS:
            yield str(href)
    article = page.article_object or {}
    for key in _JSON_LD_CREDITS:
        yield from _names_in(article.get(key))


def _names_in(value: Any) -> Iterator[str]:
    """Names of JSON-LD people or organisations: a string, an object, or a list of either."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, str):
                yield name
            url = item.get("url")
            if isinstance(url, str):
                yield url
