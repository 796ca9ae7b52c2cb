"""Mojibake repair: text that was decoded with the wrong charset somewhere upstream of us.

Decoding the page right is `decoding.py`'s job; this catches what the outlet itself stored
double-encoded ("Iranâ€™s", "cafÃ©"), which no charset choice can undo. Only ftfy's encoding
repair runs, so quotes, dashes and ligatures the outlet meant stay exactly as written.
"""

from __future__ import annotations

import re

from ftfy import fix_encoding
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad

#: Characters of which ftfy's mojibake pattern (`ftfy.badness.BADNESS_RE`) needs at least one
#: in every match: each of its alternatives holds a class drawn from these categories or one of
#: these letters (‚ of "‚Ä", Ђ of "вЂ", the Cyrillic and Greek capitals that open its
#: Windows-1251 and -1253 triples, Ù of its Arabic quadruples). Typographic quotes, dashes and
#: ellipses are not among them, so most bodies, English ones above all, have none, and one
#: scan for them replaces ftfy's pattern (about 1.5 ms of CPU on an AEB article).
#: tests/test_extract.py checks the premise against the installed ftfy.
MOJIBAKE_SIGNS = re.compile(
    "["
    + "".join(
        MOJIBAKE_CATEGORIES[name]
        for name in (
            "c1",
            "bad",
            "upper_accented",
            "lower_accented",
            "currency",
            "box",
            "numeric",
            "law",
        )
    )
    + "\u201aЂВГРСΒΓΞΟÙ]"
)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """The text with mojibake undone, and whether anything was."""
    if not MOJIBAKE_SIGNS.search(text) or not is_bad(text):
        return text, False
    fixed = "\n".join(fix_encoding(line) for line in text.split("\n"))
    return fixed, fixed != text
