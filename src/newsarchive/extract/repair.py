"""Mojibake repair: text that was decoded with the wrong charset somewhere upstream of us.

Decoding the page right is `decoding.py`'s job; this catches what the outlet itself stored
double-encoded ("Iranâ€™s", "cafÃ©"), which no charset choice can undo. Only ftfy's encoding
repair runs, so quotes, dashes and ligatures the outlet meant stay exactly as written.
"""

from __future__ import annotations

from ftfy import fix_encoding
from ftfy.badness import is_bad


def repair_mojibake(text: str) -> tuple[str, bool]:
    """The text with mojibake undone, and whether anything was."""
    if not is_bad(text):
        return text, False
    fixed = "\n".join(fix_encoding(line) for line in text.split("\n"))
    return fixed, fixed != text
