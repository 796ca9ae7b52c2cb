"""Quality flags: facts about a record that an analyst filters on, never reasons to drop it.

- "thin": a body under `THIN_WORDS` words (a brief, a video caption, a paywall teaser).
- "no_date": no publication date from any source.
- "mojibake_repaired": the outlet's own text was double-encoded and has been repaired.
- "garbled": the text of a scraped or spun copy, with letters swapped for look-alikes
  ("relies.Ĭhinese", "įollowing"): words of an unaccented language starting with a Latin
  Extended letter, and sentences glued together without a space.
- "generic": search-engine filler rather than reporting ("Hey guys, let's dive into..."): many
  stock phrases of such posts, and no attribution (no quotes, nobody "said" anything).
"""

from __future__ import annotations

import re
from datetime import datetime

THIN_WORDS = 150

#: Languages written without Latin Extended letters: in these, "Ĭhinese" is damage, not spelling.
_PLAIN_LATIN_LANGUAGES = frozenset(
    {"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "id", "ms"}
)
_ODD_LETTER_WORD = re.compile(r"(?<!\w)[\u0100-\u024f][a-z]{2,}")
_GLUED_SENTENCE = re.compile(r"[a-z]{2}[.!?][\u0100-\u024fA-Z][a-z]")
_GARBLED_WORDS = 3

_FILLER = re.compile(
    r"\b(?:let'?s dive in(?:to)?|hey (?:guys|folks|everyone)|well,? guys|grab a (?:coffee|cup)|"
    r"buckle up|let'?s get started|without further ado|in this article,? we|"
    r"we'?ll (?:explore|break down|dive)|in today'?s (?:fast-paced|world|digital)|"
    r"it'?s (?:important|worth) (?:to note|noting)|a testament to|delve|ever-evolving|"
    r"multifaceted|plays? a (?:crucial|pivotal|vital) role|pivotal|game-changer|shrouded in|"
    r"navigat(?:e|ing) (?:the )?(?:complex|challenges)|the (?:geopolitical )?landscape|"
    r"so,? what does (?:this|it all) mean|stay tuned|in a nutshell|power move)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|stated|announced|quoted)\b|[“”\"]",
    re.IGNORECASE,
)
#: Per 1,000 words. Real news pages (the 181 of the AEB benchmark) stay under 3 stock phrases;
#: a filler post runs at 6 and quotes nobody.
_FILLER_RATE = 4.0
_FILLER_RATE_UNATTRIBUTED = 2.0
_ATTRIBUTION_RATE = 3.0
_GENERIC_MIN_WORDS = 300


def quality_flags(
    text: str,
    size: int,
    published_at: datetime | None,
    language: str | None,
    mojibake_repaired: bool,
) -> tuple[str, ...]:
    """`size` is the body's length in words (CJK characters counted two to a word)."""
    flags: set[str] = set()
    if size < THIN_WORDS:
        flags.add("thin")
    if published_at is None:
        flags.add("no_date")
    if mojibake_repaired:
        flags.add("mojibake_repaired")
    if is_garbled(text, language):
        flags.add("garbled")
    if is_generic(text):
        flags.add("generic")
    return tuple(sorted(flags))


def is_garbled(text: str, language: str | None) -> bool:
    if language not in _PLAIN_LATIN_LANGUAGES:
        return False
    odd = len(_ODD_LETTER_WORD.findall(text))
    glued = len(_GLUED_SENTENCE.findall(text))
    return odd >= _GARBLED_WORDS or (odd >= 1 and glued >= 2)


def is_generic(text: str) -> bool:
    words = len(text.split())
    if words < _GENERIC_MIN_WORDS:
        return False
    filler = 1000 * len(_FILLER.findall(text)) / words
    if filler >= _FILLER_RATE or filler < _FILLER_RATE_UNATTRIBUTED:
        return filler >= _FILLER_RATE
    # Counted only for the few texts it decides: a search of the whole body per article.
    attribution = 1000 * len(_ATTRIBUTION.findall(text)) / words
    return attribution < _ATTRIBUTION_RATE
