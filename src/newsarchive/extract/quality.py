"""Quality flags: facts about a record that an analyst filters on, never reasons to drop it."""

from __future__ import annotations

from datetime import datetime

#: A body shorter than this is a brief, a video caption or a paywall teaser.
THIN_WORDS = 150


def quality_flags(size: int, published_at: datetime | None) -> tuple[str, ...]:
    """`size` is the body's length in words (CJK characters counted two to a word)."""
    flags: set[str] = set()
    if size < THIN_WORDS:
        flags.add("thin")
    if published_at is None:
        flags.add("no_date")
    return tuple(sorted(flags))
