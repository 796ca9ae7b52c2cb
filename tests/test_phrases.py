"""Patterns made cheaper must match exactly what they matched before (analysis/phrases.py
`screened`, analysis/actors.py `_title_matches`)."""

from __future__ import annotations

import re

from newsarchive.analysis import events
from newsarchive.analysis.actors import _TITLED, _title_matches
from newsarchive.analysis.phrases import first_characters, screened

# A wire story's opening, with what the patterns look for in several languages and scripts.
_TEXT = (
    "TEHRAN, Iran (AP) — Chinese Defense Minister Wei Fenghe arrived in Tehran on Tuesday for a "
    "three-day visit, weeks after the SCO summit in Samarkand, Iran's state media said. The "
    "British Defence Secretary  Ben Wallace  spoke by phone with his counterpart. Vicepresident "
    "Kamala Harris met Prime Minister Narendra Modi of India on 27 April 2023.\n"
    "Le ministre indonésien de la Défense, Prabowo Subianto, s'est rendu mercredi à Pékin. "
    "Президент Турции Реджеп Тайип Эрдоган провёл телефонный разговор. 习近平主席10月18日访问。"
    "İstanbul'da Cumhurbaşkanı Erdoğan, Gen. Mohammad Bagheri ile görüştü."
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_first_characters_look_through_lookarounds_and_optional_parts() -> None:
    assert first_characters(r"(?i)(?<!\w)(?:ab|c[de]\w*|(?-i:X)?y)(?=q)") == "[X]|(?i:[acy])"
    assert first_characters(r"\b(?:a|one|\d+)?\s*x") == r"[ao\d\sx]"
    assert first_characters(r"[\-\]a-c]z") == r"[\-\]a-c]"
    # Anything may start these: no lookahead.
    assert first_characters(r"[^a]b") is None
    assert first_characters(r"a?") is None
    assert first_characters(r".x") is None


def test_screened_patterns_match_as_written() -> None:
    patterns = [v for v in vars(events).values() if isinstance(v, re.Pattern)]
    patterns += [events._trigger(kind) for kind in ("visit", "meeting", "call")]
    patterns += [events._gathering_trigger(k) for k in ("summit", "exercise", "agreement")]
    patterns += [events._relative(), events._sanction_trigger(), *events._date_patterns()]
    assert len(patterns) > 70
    for pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        again = screened(pattern.pattern, pattern.flags)
        assert _found(again, _TEXT) == _found(plain, _TEXT), pattern.pattern
    summit = events._gathering_trigger("summit")
    assert summit.pattern.startswith("(?=(?i:[")  # screened, behind its first letters
    assert [m.group() for m in summit.finditer(_TEXT)] == ["summit"]


def test_titles_found_where_they_start() -> None:
    assert list(map(str, _title_matches(_TITLED, _TEXT))) == list(map(str, _TITLED.finditer(_TEXT)))
    assert [
        (m.group("adj"), m.group("title"), m.group("name"))
        for m in _title_matches(_TITLED, _TEXT.replace("İstanbul", "Istanbul"))
    ] == [
        ("Chinese", "Defense Minister", "Wei Fenghe"),
        ("The British", "Defence Secretary", "Ben Wallace"),
        (None, "president", "Kamala Harris"),
        (None, "Prime Minister", "Narendra Modi"),
        (None, "Gen.", "Mohammad Bagheri"),
    ]
