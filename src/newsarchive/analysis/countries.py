"""The countries an article is about, as ISO 3166-1 alpha-2 codes, from its title and text.

Country names come from CLDR (Babel's territory names, shipped as territories.tsv); the news
vocabulary Babel lacks (U.S., Britain, demonyms, capitals as metonyms, the Kremlin) and the
disambiguation data are in countries.toml. Matching is case-sensitive and whole-word, so "china"
the porcelain and "turkey" the bird do not count. A country is reported only when the article
writes about it enough (see `Salience`): a signatory listed in passing is not what a story is
about. Rules for analysts are in docs/taxonomy.md.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from newsarchive.analysis.phrases import alternation, translated
from newsarchive.analysis.territories import territory_names

# Same characters as topics.py: outlets type curly apostrophes, the data uses straight ones.
# One character for one, so match offsets stay valid in the original text.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})

# A sentence ends at . ! or ? (plus closing quotes) followed by space, unless the dot ends an
# initial ("U.S.", "Donald J.") or a title ("Gen.", "Gov."); a line break always ends one,
# since extracted text puts headings and paragraphs on lines of their own. Hindi ends one with
# a danda (।).
_SENTENCE_END = re.compile(
    r"[.!?।](?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bGen\.)(?<!\bLt\.)"
    r"(?<!\bCol\.)(?<!\bMaj\.)(?<!\bGov\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?<!\bAdm\.)(?<!\bCapt\.)(?<!\b\d\.)(?<!\b\d\d\.)[\"”’')\]]*\s+|\n\s*"
)
_WORD_BEFORE = re.compile(r"([A-Z][\w'.-]*) $")
#: Kana, CJK ideographs and Hangul: scripts written without spaces between words.
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
_CJK = re.compile(f"[{CJK_LETTERS}]")
_WORD_AFTER = re.compile(r" [A-Z]")


@dataclass(frozen=True)
class Salience:
    title_weight: float
    lede_weight: float
    tail_start: float
    tail_weight: float
    list_share: float
    required: float
    sentences_per_mention: int


@dataclass(frozen=True)
class Gazetteer:
    """Every phrase that names a country (or masks a look-alike), compiled into one pattern,
    and one for the names written in unspaced scripts (searched only in text holding them)."""

    # Phrase as matched -> ISO code, or None for a phrase that only looks like a country.
    codes: Mapping[str, str | None]
    pattern: re.Pattern[str]
    unspaced: re.Pattern[str]
    guarded: frozenset[str]
    guard_exceptions: frozenset[str]
    vetoes: Mapping[str, tuple[str, ...]]
    salience: Salience


def _babel_names(name: str) -> set[str]:
    """CLDR's short name as the press writes it ("St. Kitts & Nevis": "Saint Kitts and ...")."""
    if " - " in name:  # "Congo - Kinshasa": the press names come from countries.toml
        return set()
    name = re.sub(r"\s*\(.*?\)", "", name.removesuffix(" SAR China"))
    names = {name, name.replace("&", "and")}
    return names | {"Saint " + n.removeprefix("St. ") for n in names if n.startswith("St. ")}


def _rest_regex(rest: str) -> str:
    # A line break inside "United\nStates" is still the name; a trailing * is any word ending
    # (Russian case endings: "Кита*" is Китай, Китая, Китаю...).
    body = r"\s+".join(re.escape(word) for word in rest.removesuffix("*").split(" "))
    return body + r"\w*" if rest.endswith("*") else body


def _add(codes: dict[str, str | None], phrase: str, code: str | None) -> None:
    phrase = " ".join(phrase.translate(_APOSTROPHES).split())
    known = codes.setdefault(phrase, code)
    if known != code:
        raise ValueError(f"{phrase!r} names both {known} and {code}")


def _by_script(phrases: Iterable[str]) -> str:
    """The phrases' alternation, one per script (Latin, Cyrillic, Hebrew, Devanagari...), each
    behind a lookahead on its own first letters: a word of one script is compared with that
    script's names only, so the languages added cost little on text in the others (measured:
    six more languages and Hebrew's prefixed forms, 0.55 -> 0.73 ms per AEB article without)."""
    scripts: dict[str, list[str]] = {}
    for phrase in phrases:
        script = unicodedata.name(phrase[0], "?").split()[0]
        scripts.setdefault(script, []).append(phrase)
    return "|".join(
        f"(?=[{''.join(sorted({re.escape(p[0]) for p in group}))}])"
        f"(?:{alternation(group, _rest_regex)})"
        for _, group in sorted(scripts.items())
    )


def load_gazetteer(document: str | None = None) -> Gazetteer:
    """Build the gazetteer from Babel and countries.toml (or the given TOML text)."""
    if document is None:
        document = files(__package__).joinpath("countries.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(document)
    not_iso = set(data["not_iso"])
    languages = data["languages"]
    cldr = territory_names(["en", *languages["codes"]])
    codes: dict[str, str | None] = {}
    for code, name in cldr["en"].items():
        if len(code) == 2 and code.isalpha() and code not in not_iso:
            for variant in _babel_names(name):
                _add(codes, variant, code)
    demonyms: list[str] = []
    for section in ("names", "demonyms", "capitals", "institutions"):
        for code, phrases in data[section].items():
            for phrase in phrases:
                _add(codes, phrase, code)
            if section == "demonyms":
                demonyms.extend(phrases)
    for language in languages["codes"]:
        forms = dict(languages[language])
        skip = set(forms.pop("skip"))
        # Letters a language writes onto the word before a name (Hebrew "ו", "ב": "ובריטניה").
        prefixes: list[str] = forms.pop("prefixes", [])
        own: dict[str, str] = {}
        named: dict[str, set[str]] = {}
        for code, name in cldr[language].items():
            if len(code) == 2 and code.isalpha() and code not in not_iso:
                for variant in _babel_names(name) - skip:
                    named.setdefault(variant, set()).add(code)
        # CLDR abbreviates some names alike ("Виргинские о-ва": British and US): leave those out,
        # and a name another language already uses for another country.
        for variant, found in named.items():
            if len(found) == 1 and codes.get(variant, next(iter(found))) in found:
                codes[variant] = own[variant] = next(iter(found))
        for code, phrases in forms.items():
            for phrase in phrases:
                _add(codes, phrase, code)
                own[phrase] = code
        for phrase, code in own.items() if prefixes else ():
            for prefix in prefixes:
                codes.setdefault(prefix + phrase, code)
    masks = list(data["not_countries"]["phrases"])
    # "Russian-speaking Ukrainians", "French-language press": a language, not the country.
    masks += [f"{demonym}-{suffix}" for demonym in demonyms for suffix in ("speaking", "language")]
    for phrase in masks:
        codes.setdefault(" ".join(phrase.translate(_APOSTROPHES).split()), None)
    # The longest phrase wins: "South Sudan" over "Sudan", "Washington Post" over "Washington".
    # Chinese, Japanese and Korean names are not spaced from the words around them ("美国总统",
    # "米国防総省"): they match wherever they stand.
    unspaced = [phrase for phrase in codes if _CJK.search(phrase)]
    names = _by_script(p for p in codes if not _CJK.search(p))
    cjk = alternation(unspaced, _rest_regex)
    capitals = {phrase for phrases in data["capitals"].values() for phrase in phrases}
    return Gazetteer(
        codes=codes,
        pattern=re.compile(rf"(?<![\w.])(?:{names})(?!\w)"),
        # One alternation of both ran five times slower on every text (measured): apart.
        unspaced=re.compile(cjk or "(?!)"),
        guarded=frozenset(data["guard"]["names"]) | capitals,
        guard_exceptions=frozenset(data["guard"]["exceptions"]),
        vetoes={name: tuple(cues) for name, cues in data["vetoes"].items()},
        salience=Salience(**data["salience"]),
    )


@cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def country_code(phrase: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The country a name, demonym or capital stands for: as written, or by the longest stem
    ("Кита*") it extends; None for a look-alike or an unknown phrase."""
    gazetteer = gazetteer or _gazetteer()
    if phrase in gazetteer.codes:
        return gazetteer.codes[phrase]
    stems = (phrase[:end] + "*" for end in range(len(phrase), 0, -1))
    return next((gazetteer.codes[stem] for stem in stems if stem in gazetteer.codes), None)


def _looks_like_a_person(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """ "Jordan Henderson", "Michael Jordan", "Spartak Moscow": the name is part of another name."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1) not in gazetteer.guard_exceptions:
        return True
    return _WORD_AFTER.match(text, end) is not None


class _Found(NamedTuple):
    """A country name found in a text, before any article's vetoes or guard apply."""

    phrase: str
    code: str
    start: int
    end: int
    #: A guarded name ("Jordan") standing inside another name here ("Michael Jordan").
    in_a_name: bool


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[_Found, ...]:
    """Every country name in `text` (apostrophes folded), in text order.

    Cached for the last texts: the pool finds an article's countries (find_countries) and then
    its events' parties (events.py, via country_mentions) in the same title and text, and the
    scan is the dearer half of each (0.4 ms of an AEB article).
    """
    gazetteer = _gazetteer()
    matches = list(gazetteer.pattern.finditer(text))
    if _CJK.search(text):
        matches = sorted([*matches, *gazetteer.unspaced.finditer(text)], key=lambda m: m.start())
    found = []
    for match in matches:
        phrase = " ".join(match.group().split())
        code = country_code(phrase, gazetteer)
        if code is None:
            continue
        start, end = match.span()
        in_a_name = phrase in gazetteer.guarded and _looks_like_a_person(
            gazetteer, text, start, end
        )
        found.append(_Found(phrase, code, start, end, in_a_name))
    return tuple(found)


def _mentions(
    found: Iterable[_Found], vetoed: set[str], *, guard: bool
) -> Iterator[tuple[str, int, int]]:
    """(ISO code, start, end) of each country mention found, except names vetoed for the
    article and, with `guard`, names inside other names."""
    for mention in found:
        if mention.phrase not in vetoed and not (guard and mention.in_a_name):
            yield mention.code, mention.start, mention.end


def country_mentions(text: str) -> list[tuple[str, int, int]]:
    """(ISO code, start, end) of every country a text names ("France", "South Korean",
    "Washington"), in text order: the parties of arms transfers and sanctions (events.py).
    Offsets are into `text` as given (the apostrophe folding keeps lengths)."""
    return list(_mentions(_scan(translated(text, _APOSTROPHES)), set(), guard=True))


def _title_and_text(article: str, cut: int) -> tuple[tuple[_Found, ...], tuple[_Found, ...]]:
    """The names found in an article's title and in its text (offsets into each), from one scan
    of the article (title, line break, text; the title `cut` long) as events.py reads it, which
    then finds it scanned.

    A name in the article's scan is the name a scan of its title or text alone finds (a name
    stops at the line break as it does at the end of a text), unless one runs over the line
    break ("United" ending the title, "States" opening the text): then the two are scanned
    apart.
    """
    found = _scan(article)
    if any(f.start <= cut < f.end for f in found):
        return _scan(article[:cut]), _scan(article[cut + 1 :])
    offset = cut + 1
    in_text = tuple(f._replace(start=f.start - offset, end=f.end - offset) for f in found)
    return tuple(f for f in found if f.end <= cut), tuple(f for f in in_text if f.start >= 0)


def find_countries(title: str, text: str) -> tuple[str, ...]:
    """Sorted ISO 3166-1 alpha-2 codes of the countries the article is about."""
    gazetteer = _gazetteer()
    rules = gazetteer.salience
    title = translated(title, _APOSTROPHES)
    text = translated(text, _APOSTROPHES)
    article = f"{title}\n{text}"
    vetoed = {name for name, cues in gazetteer.vetoes.items() if any(c in article for c in cues)}
    in_title, in_text = _title_and_text(article, len(title))
    starts = [0] + [end.end() for end in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, set[str]] = {}
    for code, offset, _ in _mentions(in_text, vetoed, guard=True):
        by_sentence.setdefault(bisect.bisect_right(starts, offset) - 1, set()).add(code)
    salience: dict[str, float] = {}
    length = max(len(text), 1)
    for sentence, codes in by_sentence.items():
        weight = min(1.0, rules.list_share / len(codes))
        if sentence == 0:
            weight *= rules.lede_weight
        elif starts[sentence] / length >= rules.tail_start:
            weight *= rules.tail_weight
        for code in codes:
            salience[code] = salience.get(code, 0.0) + weight
    # Title case capitalises every word ("How to Roast a Turkey"), so a title mention counts
    # only for a country the text names too, and names next to capitals are not guarded there.
    title_codes = {code for code, _, _ in _mentions(in_title, vetoed, guard=False)}
    for code in title_codes & salience.keys():
        salience[code] += rules.title_weight
    sentences = len(starts)
    required = min(rules.required, max(1.0, sentences / rules.sentences_per_mention))
    return tuple(sorted(code for code, score in salience.items() if score >= required))
