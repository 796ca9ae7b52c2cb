"""The body's language, from the text itself: `lang` attributes are template defaults too often."""

from __future__ import annotations

import py3langid

#: Below this many letters the classifier's guess is noise.
MIN_LETTERS = 40
#: A few thousand characters settle the language; the rest of a long article only costs time.
_SAMPLE_CHARS = 6000


def detect_language(text: str) -> str | None:
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return None
    language, _score = py3langid.classify(text[:_SAMPLE_CHARS])
    return str(language)
