"""One regular expression for many phrases, fast enough to run on every article.

Python's `re` tries the branches of an alternation one by one at every position, so 500 phrases
cost 500 attempts per character. Grouping the branches under their first character lets the
engine reject a position after one comparison per distinct first character.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def alternation(phrases: Iterable[str], rest_regex: Callable[[str], str]) -> str:
    """A regex (no groups) matching any phrase; the longest phrase wins at a position.

    `rest_regex` turns what follows a phrase's first character into a regex (how spaces,
    hyphens or word endings may vary), so it must accept the empty string and text that starts
    mid-word.
    """
    # Python takes the first branch that matches, not the longest, hence longest first.
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)):
        by_first.setdefault(phrase[0], []).append(rest_regex(phrase[1:]))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items())
    )


def grouped(branches: Iterable[tuple[str, str]], ignore_case: bool = False) -> str:
    """A regex (no groups of its own) of alternatives given as (first character, regex of the
    rest), grouped under their first character but otherwise tried in the order given.

    Unlike `alternation`, the order of preference is the caller's, so a pattern written as a
    plain alternation keeps its meaning exactly: two alternatives whose first characters match
    different characters never match at the same position, and those sharing one keep their
    order. With `ignore_case` (the regex is used under re.IGNORECASE) first characters that
    match alike ("a" and "A") share a group.
    """
    by_first: dict[str, list[str]] = {}
    for first, rest in branches:
        if ignore_case and first not in by_first:
            same = (k for k in by_first if re.fullmatch(re.escape(k), first, re.IGNORECASE))
            first = next(same, first)
        by_first.setdefault(first, []).append(rest)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


def translated(text: str, table: Mapping[int, str]) -> str:
    """`text.translate(table)` for a table of a few characters: str.translate with a dict looks
    every character of the text up (0.2 ms on an article, several times per article), while
    str.replace scans for each character in C. No replacement may itself be in the table.
    """
    for code, replacement in table.items():
        text = text.replace(chr(code), replacement)
    return text


# The parser `re` compiles with: private, so it is imported by name, and any pattern it parses
# in a way this module does not know is compiled as written (screened() only ever speeds up).
_PARSER: Any = importlib.import_module("re._parser")
_CONSTANTS: Any = importlib.import_module("re._constants")


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A regex (a lookahead's body) matching every character a match of `pattern` can start
    with; None when any character may, or when the pattern can match the empty string.

    Zero-width parts (lookarounds, word boundaries) are looked through: they consume nothing,
    so the first character is still the first of what follows them. The classes are written
    with the case-insensitivity of the part of the pattern they come from.
    """
    parsed = _parsed(pattern, flags)
    return None if parsed is None else _first_characters(parsed)


def _parsed(pattern: str, flags: int) -> Any | None:
    """The pattern as `re` parses it, or None if the private parser will not say."""
    try:
        return _PARSER.parse(pattern, flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None


def _first_characters(parsed: Any) -> str | None:
    """first_characters of a parsed pattern."""
    try:
        found = _first_of(parsed.data, parsed.state.flags & re.IGNORECASE)
    except (_Unknown, AttributeError, TypeError, ValueError):
        return None
    if found is None or found[1]:
        return None
    sets: dict[bool, list[str]] = {False: [], True: []}
    for item, ignore_case in found[0]:
        if item not in sets[ignore_case]:
            sets[ignore_case].append(item)
    parts = []
    if sets[False]:
        parts.append(f"[{''.join(sets[False])}]")
    if sets[True]:
        parts.append(f"(?i:[{''.join(sets[True])}])")
    return "|".join(parts)


def screened(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` behind a lookahead on the characters a match can start
    with (first_characters): the same matches, found faster.

    `re` tries the whole pattern at every position of the text, its lookbehinds and the first
    character of each alternative in turn; a lookahead on one character class rejects most
    positions of a text in one test (the summit words of 39 languages searched in an article's
    sentences: 1.56 -> 0.62 ms). A pattern whose first character may be anything is compiled
    as written.
    """
    # Parsed once, for both questions, and compiled once, screened or not (at import, ~100
    # patterns).
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return re.compile(pattern, flags)
    every_flag = parsed.state.flags  # with the pattern's inline global flags, as re.compile's
    first = _first_characters(parsed)
    if first is None or _BROAD.search(first) or _compiler_screens(parsed.data, every_flag):
        return re.compile(pattern, flags)
    # Inline global flags ("(?i)") must open the pattern: they are passed as flags instead.
    body = _GLOBAL_FLAGS.sub("", pattern, count=1)
    return re.compile(f"(?={first})(?:{body})", every_flag)


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
#: Classes that most characters of a text are in: a lookahead on them rejects too few positions
#: to pay for itself.
_BROAD = re.compile(r"\\[wWSD]")


def _compiler_screens(items: Any, flags: int) -> bool:
    """Whether `re` itself skips to the positions a match can start at: a pattern anchored at
    the start ("^") is tried there only, and one that opens with a character, a class or an
    alternation of characters, in one case, is searched with a fast scan for them, which a
    lookahead would only slow down (measured on the AEB articles: a class of capitals, 0.17 ->
    0.22 ms). Not so when it opens with a lookbehind, a word boundary or letters of either case.
    """
    ignore_case = flags & re.IGNORECASE
    while items and str(items[0][0]) == "SUBPATTERN":
        _, add, remove, inner = items[0][1]
        ignore_case = (ignore_case | (add & re.IGNORECASE)) & ~(remove & re.IGNORECASE)
        items = inner.data
    if not items:
        return False
    op, value = items[0]
    if str(op) == "AT":
        return str(value) in ("AT_BEGINNING", "AT_BEGINNING_STRING")
    if ignore_case:
        return False
    if str(op) == "BRANCH":
        return all(branch.data and str(branch.data[0][0]) == "LITERAL" for branch in value[1])
    return str(op) in ("LITERAL", "IN")


class _Unknown(Exception):
    """A part of a parsed pattern first_characters does not reason about."""


#: Category codes of the parser -> the class escapes that write them.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _class_item(op: Any, value: Any) -> str:
    """One member of a character class, written back as class syntax."""
    name = str(op)
    if name == "LITERAL":
        return re.escape(chr(value)) if chr(value) not in "-]\\^" else "\\" + chr(value)
    if name == "RANGE":
        low, high = value
        return f"{_class_item(op='LITERAL', value=low)}-{_class_item(op='LITERAL', value=high)}"
    if name == "CATEGORY" and str(value) in _CATEGORIES:
        return _CATEGORIES[str(value)]
    raise _Unknown(name)


def _first_of(items: Any, ignore_case: int) -> tuple[list[tuple[str, bool]], bool] | None:
    """(class members a sequence's match can start with, whether it can match empty); None
    when its first character may be any."""
    found: list[tuple[str, bool]] = []
    for op, value in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the next part consumes the first character
        if name == "LITERAL":
            found.append((_class_item(op, value), bool(ignore_case)))
            return found, False
        if name == "IN":
            if any(str(o) == "NEGATE" for o, _ in value):
                return None
            found += [(_class_item(o, v), bool(ignore_case)) for o, v in value]
            return found, False
        if name in ("NOT_LITERAL", "ANY"):
            return None
        if name == "BRANCH":
            nullable = False
            for branch in value[1]:
                part = _first_of(branch.data, ignore_case)
                if part is None:
                    return None
                found += part[0]
                nullable = nullable or part[1]
            if not nullable:
                return found, False
            continue
        if name == "SUBPATTERN":
            _, add, remove, inner = value
            case = (ignore_case | (add & re.IGNORECASE)) & ~(remove & re.IGNORECASE)
            part = _first_of(inner.data, case)
        elif name == "ATOMIC_GROUP":
            part = _first_of(value.data, ignore_case)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, inner = value
            part = _first_of(inner.data, ignore_case)
            if part is not None and low == 0:
                part = (part[0], True)
        else:
            raise _Unknown(name)
        if part is None:
            return None
        found += part[0]
        if not part[1]:
            return found, False
    return found, True
