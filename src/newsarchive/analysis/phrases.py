"""One regular expression for many phrases, fast enough to run on every article.

Python's `re` tries the branches of an alternation one by one at every position, so 500 phrases
cost 500 attempts per character. Grouping the branches under their first character lets the
engine reject a position after one comparison per distinct first character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping


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
