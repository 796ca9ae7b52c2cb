"""Which defence and diplomacy topics an article is about, and how much it is about them at all.

The terms and weights are data (taxonomy.toml) so analysts can review and tune them without
reading code; this module only turns them into one regular expression and scores the matches.
It runs in the extraction workers for every article, so the taxonomy is compiled once per
process and an article costs one regex pass over its title and one over its text.

Scoring, documented for analysts in docs/taxonomy.md:
  - evidence for a topic is the sum of the weights of the *distinct* terms found, so a long
    article that repeats "drone" forty times does not outweigh one that names six drone terms;
  - a term found in the title counts `title_factor` times its weight, one found only in the
    text's last third (background, by the inverted pyramid) `tail_factor` times;
  - "general" terms ("troops", "defence ministry") count for relevance but name no topic;
  - a topic is assigned when its evidence reaches `topic_threshold`;
  - relevance = 1 - exp(-k * E / sqrt(max(words, W) / W)) where E is the evidence of all
    distinct terms (a term shared by two topics counted once) and W is `reference_words`:
    evidence is diluted by the square root of length beyond W words, so a long piece on another
    subject that mentions a summit in passing stays low.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from newsarchive.analysis.phrases import alternation, translated

# The taxonomy section whose terms count for relevance only.
GENERAL = "general"
# Curly apostrophes and primes as outlets type them; terms are written with the straight one.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
# Turkish capital İ casefolds to "i" plus a combining dot, which no term has ("İstihbarat" must
# match "istihbarat*"); one character for one keeps match offsets valid.
_TURKISH_DOTTED_I = str.maketrans({"\u0130": "i"})
_SEPARATORS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Topics:
    """Topic ids (sorted) whose evidence passed the threshold, and relevance in 0..1."""

    topics: tuple[str, ...]
    relevance: float

    def is_relevant(self, threshold: float | None = None) -> bool:
        """Whether the article is about defence or diplomacy; the default is RELEVANCE_THRESHOLD."""
        return self.relevance >= (RELEVANCE_THRESHOLD if threshold is None else threshold)


@dataclass(frozen=True)
class Scoring:
    title_factor: float
    tail_start: float
    tail_factor: float
    topic_threshold: float
    relevance_k: float
    reference_words: int
    relevance_threshold: float


@dataclass(frozen=True)
class Taxonomy:
    version: str
    scoring: Scoring
    descriptions: Mapping[str, str]
    # Term as written in the taxonomy -> every (topic, weight) it is evidence for.
    terms: Mapping[str, tuple[tuple[str, float], ...]]


@dataclass(frozen=True)
class _Matcher:
    """The taxonomy's terms compiled: one pattern for folded text, one for case-sensitive terms.

    The patterns have no groups (hundreds of named groups make `re` ten times slower), so a
    match is traced back to its term through `whole` (terms without *), `stems` (a * at the end
    only) and `inflected` (a * inside the phrase too, as "exercice* militaire*" needs).
    """

    folded: re.Pattern[str]
    exact: re.Pattern[str]
    # Normalised phrase -> term as written; for stems the phrase is the part before the *.
    whole: Mapping[str, str]
    stems: Mapping[str, str]
    # First character -> (pattern, term) of terms with a * inside (all have two words or more).
    inflected: Mapping[str, tuple[tuple[re.Pattern[str], str], ...]]


def load_taxonomy(document: str | None = None) -> Taxonomy:
    """Parse taxonomy.toml (or the given TOML text, for tests of the format)."""
    if document is None:
        document = files(__package__).joinpath("taxonomy.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(document)
    raw = data["scoring"]
    scoring = Scoring(
        title_factor=float(raw["title_factor"]),
        tail_start=float(raw["tail_start"]),
        tail_factor=float(raw["tail_factor"]),
        topic_threshold=float(raw["topic_threshold"]),
        relevance_k=float(raw["relevance_k"]),
        reference_words=int(raw["reference_words"]),
        relevance_threshold=float(raw["relevance_threshold"]),
    )
    descriptions: dict[str, str] = {}
    terms: dict[str, list[tuple[str, float]]] = {}
    sections = {GENERAL: data["general"], **data["topics"]}
    for topic, spec in sections.items():
        descriptions[topic] = str(spec["description"])
        for term, weight in spec["terms"].items():
            terms.setdefault(term, []).append((topic, float(weight)))
    return Taxonomy(
        version=str(data["version"]),
        scoring=scoring,
        descriptions=descriptions,
        terms={term: tuple(evidence) for term, evidence in terms.items()},
    )


def _normalised(phrase: str) -> str:
    return _SEPARATORS.sub(" ", phrase.translate(_APOSTROPHES))


def _rest_regex(rest: str) -> str:
    # Every word may end in * ("военн* учени*": Russian and Romance endings agree in a phrase).
    words = _SEPARATORS.split(rest)
    return r"[\s-]+".join(
        re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in words
    )


def _is_case_sensitive(term: str) -> bool:
    return any(char.isupper() for char in term)


@cache
def _matcher() -> _Matcher:
    whole: dict[str, str] = {}
    stems: dict[str, str] = {}
    inflected: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    folded: list[str] = []
    exact: list[str] = []
    # Longest first, like the pattern, so that of two terms written alike the pattern's wins.
    for term in sorted(TAXONOMY.terms, key=lambda term: (-len(term), term)):
        key = term if _is_case_sensitive(term) else term.casefold()
        (exact if _is_case_sensitive(term) else folded).append(key)
        if "*" in key.rstrip("*"):
            phrase = _normalised(key)
            pattern = re.compile(re.escape(phrase[0]) + _rest_regex(phrase[1:]))
            inflected.setdefault(phrase[0], []).append((pattern, term))
        elif key.endswith("*"):
            stems.setdefault(_normalised(key.rstrip("*")), term)
        else:
            whole.setdefault(_normalised(key), term)
    # The lookarounds are word boundaries that also hold next to apostrophes and hyphens.
    return _Matcher(
        folded=re.compile(rf"(?<!\w)(?:{alternation(folded, _rest_regex)})(?!\w)"),
        exact=re.compile(rf"(?<!\w)(?:{alternation(exact, _rest_regex)})(?!\w)"),
        whole=whole,
        stems=stems,
        inflected={first: tuple(terms) for first, terms in inflected.items()},
    )


def _term_of(matcher: _Matcher, surface: str) -> str | None:
    """The term a match came from: the longest one written that way, as the pattern chose."""
    phrase = _normalised(surface)
    candidates = [matcher.whole[phrase]] if phrase in matcher.whole else []
    last_word = phrase.rfind(" ") + 1
    candidates += (
        matcher.stems[phrase[:end]]
        for end in range(last_word + 1, len(phrase) + 1)
        if phrase[:end] in matcher.stems
    )
    if " " in phrase:  # a term with a * inside has two words or more
        inflected = matcher.inflected.get(phrase[0], ())
        candidates += (term for pattern, term in inflected if pattern.fullmatch(phrase))
    return min(candidates, key=lambda term: (-len(term), term), default=None)


def _found_terms(text: str) -> dict[str, float]:
    """Each term found, with where it first occurs as a fraction of the text (0 = start)."""
    matcher = _matcher()
    text = translated(text, _APOSTROPHES)
    length = max(len(text), 1)
    found: dict[str, float] = {}
    folded = translated(text, _TURKISH_DOTTED_I).casefold()
    for pattern, haystack in ((matcher.exact, text), (matcher.folded, folded)):
        for match in pattern.finditer(haystack):
            term = _term_of(matcher, match.group())
            if term is not None:
                found.setdefault(term, match.start() / length)
    return found


def classify_topics(title: str, text: str) -> Topics:
    """Topics and relevance of one article; pure, deterministic, about a millisecond per page."""
    scoring = TAXONOMY.scoring
    factors: dict[str, float] = {}
    for term, position in _found_terms(text).items():
        factors[term] = 1.0 if position < scoring.tail_start else scoring.tail_factor
    for term in _found_terms(title):
        factors[term] = scoring.title_factor
    evidence: dict[str, float] = {}
    overall = 0.0
    for term, factor in factors.items():
        for topic, weight in TAXONOMY.terms[term]:
            evidence[topic] = evidence.get(topic, 0.0) + weight * factor
        overall += max(weight for _, weight in TAXONOMY.terms[term]) * factor
    words = len(title.split()) + len(text.split())
    dilution = math.sqrt(max(words, scoring.reference_words) / scoring.reference_words)
    relevance = 1.0 - math.exp(-scoring.relevance_k * overall / dilution)
    passed = (
        topic
        for topic, score in evidence.items()
        if topic != GENERAL and score >= scoring.topic_threshold
    )
    return Topics(topics=tuple(sorted(passed)), relevance=round(relevance, 4))


TAXONOMY = load_taxonomy()
TAXONOMY_VERSION: str = TAXONOMY.version
RELEVANCE_THRESHOLD: float = TAXONOMY.scoring.relevance_threshold
