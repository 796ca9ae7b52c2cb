"""Author names as a clean list: no "By", no e-mail addresses, no biographies, no outlet names.

A news agency is a credit, not an author: "ROBERT SOTO Associated Press", "By JOHN DOE, Associated
Press", "Jane Roe | Reuters" and "JOHN SMITH AP" give the person alone, and a byline that names
only an agency ("By Reuters", "The Associated Press", "Reuters Staff") gives no author at all;
`credits.py` reads the agency into `wire_source`. Desks and teams of the outlet itself are kept
unless they are job titles or generic ("CNN Business" stays, "Editorial Team" and "Staff" go).

Names written in capitals only ("ROBERT SOTO", "ABDULLAH AL-SHAMMARI") are put in normal case;
name particles inside a name are lower-cased as most style books write them ("Ludwig van
Beethoven", "Abdullah al-Shammari", "Maria de la Cruz"). Names in mixed case stay as written.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from newsarchive.extract.credits import AGENCIES
from newsarchive.extract.page import Page
from newsarchive.extract.tree import author_marks, class_tokens

_PREFIX = re.compile(
    r"^(?:(?:(?:written|posted|reported|reporting|edited|compiled|published|story|text|"
    r"analysis|opinion|commentary|review|interview)\s+)?"
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
#: Degrees and post-nominals written after a name with a comma ("Ilana Muhlstein, MS, RDN"):
#: split on the comma, they would pass for names of their own.
_POST_NOMINALS = frozenset(
    [
        "ms",
        "ma",
        "mba",
        "mph",
        "msc",
        "md",
        "phd",
        "dphil",
        "rd",
        "rdn",
        "rn",
        "np",
        "pa",
        "jd",
        "llm",
        "do",
        "dds",
        "dvm",
        "bsc",
        "ba",
        "bs",
        "cfa",
        "cpa",
        "esq",
        "jr",
        "sr",
        "obe",
        "mbe",
        "cbe",
        "kc",
        "qc",
        "frs",
        "ret",
    ]
)
_BYLINE_TOKENS = frozenset({"author", "byline", "authors", "writer"})


def _agency_pattern(name: str) -> str:
    """An agency name in capitals only ("AP", "SPA") matches in that case only; others in any."""
    words = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", name))
    return words if name.isupper() else f"(?i:{words})"


_AGENCY_NAMES = sorted(
    {name for names in AGENCIES.values() for name in names if "." not in name}, key=len
)
_CAPS_AGENCIES = frozenset(name for name in _AGENCY_NAMES if name.isupper())
_AGENCY = "(?:" + "|".join(_agency_pattern(name) for name in reversed(_AGENCY_NAMES)) + ")"
#: A part that is nothing but an agency: "Reuters", "The Associated Press", "AFP News Agency".
_ONLY_AGENCY = re.compile(
    rf"(?i:the\s+)?{_AGENCY}(?:\s+(?i:news\s+agency|news\s+service|agency|wire|news))?"
)
#: A name and the agency it writes for, set apart: "Jane Roe - Reuters", "Jane Roe (AFP)",
#: "Jane Roe/AP", "Jane Roe of The Associated Press".
_NAME_FOR_AGENCY = re.compile(
    r"(?P<name>.+?)(?:\s+[-–—]+\s*|\s*\(\s*|\s*/\s*|\s+(?i:of|for)\s+)"
    rf"(?i:the\s+)?{_AGENCY}\s*\)?"
)
#: A name and an agency with only a space between them: "ROBERT SOTO Associated Press".
_NAME_AGENCY = re.compile(rf"(?P<name>.+?)\s+(?i:the\s+)?(?P<agency>{_AGENCY})")
#: Name particles written in lower case inside a name; "la", "las", "los", "le" only after one
#: of them ("de la Cruz", but "Marine Le Pen").
_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "van", "von"}
    | {"ter", "ten", "bin", "ibn", "al"}
)
_SECOND_PARTICLES = frozenset({"la", "las", "los", "le"})
_PREFIX_PARTICLE = re.compile(r"^(?:al|el)[-‐]", re.IGNORECASE)  # "al-Shammari", "el-Sissi"
_ROMAN = frozenset({"II", "III", "IV", "VI"})
#: Block elements whose text is a separate run: "LAWLESS</div><div>Associated Press".
_BLOCK_TAGS = frozenset(
    {"div", "p", "li", "ul", "ol", "br", "address", "section", "header", "h2", "h3", "h4", "time"}
)


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
    if name.replace(".", "").replace(" ", "").casefold() in _POST_NOMINALS:
        return None
    name = _without_agency(name)
    if not name or not any(ch.isalpha() for ch in name):
        return None
    if len(name.split()) > _MAX_WORDS or _NOT_A_NAME.match(name) or _ROLE.search(name):
        return None
    if _names_outlet(name, site_names):
        return None
    return _normal_case(name)


def _without_agency(name: str) -> str:
    """The person in "ROBERT SOTO Associated Press" or "Jane Roe (AFP)"; "" for an agency alone.

    With only a space before it, an agency of one word ("Reuters", "AP") is cut only where the
    case shows the seam ("JOHN DOE Reuters") or it is an abbreviation in capitals ("JOHN SMITH
    AP"), and two words of name must remain: "Michael R. Bloomberg", "Nazia Tasnim" and "SARA
    MENA" are names.
    """
    if _ONLY_AGENCY.fullmatch(name):
        return ""
    match = _NAME_FOR_AGENCY.fullmatch(name)
    if match:
        return match["name"].strip(" ,")
    match = _NAME_AGENCY.fullmatch(name)
    if match:
        person, agency = match["name"].strip(" ,"), match["agency"]
        if " " in agency or (
            len(person.split()) >= 2
            and (agency in _CAPS_AGENCIES or (person.isupper() and not agency.isupper()))
        ):
            return person
    return name


def _normal_case(name: str) -> str:
    """ "ROBERT SOTO" -> "Robert Soto", "ABDULLAH AL-SHAMMARI" -> "Abdullah al-Shammari".

    Only names of two words or more in capitals only: one capitalised word is more often an
    acronym ("UNICEF") than a person.
    """
    words = name.split()
    if len(words) < 2 or not name.isupper():
        return name
    cased: list[str] = []
    for index, word in enumerate(words):
        inner = 0 < index < len(words) - 1
        lower = word.lower()
        if word in _ROMAN:
            cased.append(word)
        elif inner and (
            lower in _PARTICLES
            or (lower in _SECOND_PARTICLES and cased and cased[-1] in _PARTICLES)
        ):
            cased.append(lower)
        elif index > 0 and _PREFIX_PARTICLE.match(word):
            cased.append(lower[:3] + _capitalised(word[3:]))
        else:
            cased.append(_capitalised(word))
    return " ".join(cased)


def _capitalised(word: str) -> str:
    """ "O'NEIL" -> "O'Neil", "MARY-KATE" -> "Mary-Kate", "MCDONALD" -> "McDonald"."""
    parts = re.split(r"([-‐'’])", word)
    text = "".join(
        part if i % 2 else part[:1].upper() + part[1:].lower() for i, part in enumerate(parts)
    )
    if len(text) > 3 and text.startswith("Mc") and text[2].isalpha():
        text = "Mc" + text[2].upper() + text[3:]
    return text


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
    scope = page.story
    if scope is None:
        scope = page.tree
    found = _bylines_in(scope)
    main = _main_element(page)
    if not found and main is not None and not _holds(main, scope):
        # The story element was guessed from a headline outside the page's main content (a
        # site name in an <h1> of the top bar, as on hosted.ap.org): its byline is in <main>.
        found = _bylines_in(main)
    return found


def _bylines_in(scope: HtmlElement) -> list[str]:
    found: list[str] = []
    for element in author_marks(scope):
        name_element = element.find('.//*[@itemprop="name"]')
        text = _spaced_text(name_element if name_element is not None else element)
        if text and len(text) <= 80:
            found.append(text)
    if found:
        return found
    for element in scope.iter("span", "a", "div", "p", "address"):
        if class_tokens(element) & _BYLINE_TOKENS:
            text = _spaced_text(element)
            if text and len(text) <= 80:
                found.append(text)
    return found


def _main_element(page: Page) -> HtmlElement | None:
    """The page's <main> (or role="main") with the most paragraph text."""
    candidates = [e for e in page.marked if e.tag == "main" or e.get("role") == "main"]
    if not candidates:
        return None
    return max(candidates, key=lambda e: sum(len(p.text_content()) for p in e.iter("p")))


def _holds(outer: HtmlElement, inner: HtmlElement) -> bool:
    return outer is inner or any(ancestor is outer for ancestor in inner.iterancestors())


def _spaced_text(element: HtmlElement) -> str:
    """Text with a space where a block starts or ends, whitespace normalised."""
    chunks: list[str] = []

    def visit(node: HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if block:
            chunks.append(" ")
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            chunks.append(node.text or "")
            for child in node:
                visit(child)
                chunks.append(child.tail or "")
        if block:
            chunks.append(" ")

    visit(element)
    return " ".join("".join(chunks).split())
