"""The defence and diplomacy actors an article names: people, bodies, armed forces and states.

Known actors come from actors.toml (a gazetteer of office holders and bodies with their spellings
in several scripts). Names are matched exactly first; a capitalised run of words that is not an
exact name is then compared with the gazetteer's people by edit distance (rapidfuzz), because
outlets transliterate Persian, Arabic, Chinese and Russian names differently and misspell them
("Ashtinai" for Ashtiani). Once a person is named in full, their surname alone counts as a
further mention ("Raisi said"). People the gazetteer lacks are recognised from the title in
front of their name ("Defence Minister X", "Gen. X", "Foreign Minister X of Y"), with the country
the title names.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from babel import Locale
from rapidfuzz import fuzz, process

from newsarchive.analysis.countries import country_code

KINDS = ("person", "organisation", "armed_force", "state")

# Below this rapidfuzz ratio a capitalised phrase is not taken for a gazetteer name: 88 admits
# one transposition or one changed letter in a 3-word name, and rejects different people who
# share a first name ("Mohammad Reza Aref" is not "Mohammad Reza Ashtiani").
FUZZY_CUTOFF = 88.0

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NAME_WORD = r"[A-Z][a-z\u00c0-\u024f'\-]+"
_CAPITALISED_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\b")

# Titles that introduce a person's name; the office is what an unknown person is stored with.
_TITLES = {
    "defence minister": "Defence Minister",
    "defense minister": "Defence Minister",
    "minister of national defense": "Defence Minister",
    "minister of national defence": "Defence Minister",
    "minister of defence": "Defence Minister",
    "minister of defense": "Defence Minister",
    "foreign minister": "Foreign Minister",
    "minister of foreign affairs": "Foreign Minister",
    "foreign secretary": "Foreign Minister",
    "secretary of state": "Foreign Minister",
    "secretary of defense": "Defence Minister",
    "defence secretary": "Defence Minister",
    "president": "President",
    "prime minister": "Prime Minister",
    "premier": "Prime Minister",
    "chief of staff": "Chief of Staff",
    "army chief": "Chief of Staff",
    "major general": "General",
    "brigadier general": "General",
    "lieutenant general": "General",
    "general": "General",
    "gen.": "General",
    "admiral": "Admiral",
    "adm.": "Admiral",
}
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
_PERSON_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
# "[Chinese|China's] Defense Minister Wei Fenghe [of China]", "Gen. Mohammad Bagheri", and the
# apposition "the Brazilian defence minister, Jose Mucio, said".
_TITLED = re.compile(
    rf"(?:\b(?P<adj>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:'s)?\s+)?(?i:(?P<title>{_TITLE_ALT}))"
    rf"(?:\s+|,\s+(?=(?:{_PERSON_NAME}),))(?P<name>{_PERSON_NAME})(?:\s+of\s+(?P<of>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?"
)
# The same in French, German and Spanish, where the adjective is lower case and may follow the
# office: "der indonesische Verteidigungsminister Sjafrie Sjamsoeddin", "le ministre indonésien de
# la Défense, X", "el ministro de Defensa brasileño, X". Office -> its titles.
_LOWER_WORD = r"[a-zäöüßàâçéèêëîïôûùíóúñ\-]+"
_FOREIGN_TITLES = {
    "Defence Minister": (
        rf"(?:Verteidigungs|Armee)minister(?:in)?|ministr[eoa](?:\s+{_LOWER_WORD})?\s+"
        r"(?:de\s+la\s+Défense|des\s+Armées|de(?:\s+la)?\s+Defensa)"
    ),
    "Foreign Minister": (
        rf"Außenminister(?:in)?|canciller|ministr[eoa](?:\s+{_LOWER_WORD})?\s+"
        r"(?:des\s+Affaires\s+étrangères|de\s+(?:Asuntos|Relaciones)\s+Exteriores)"
    ),
    "Prime Minister": r"Premierminister(?:in)?|Ministerpräsident(?:in)?|Premier\s+ministre|"
    r"primer\s+ministro",
    "President": r"Präsident(?:in)?|présidente?|presidente?",
}
_FOREIGN_TITLED = tuple(
    (
        office,
        re.compile(
            rf"(?<!\w)(?:{_LOWER_WORD}\s+)?(?:{titles})(?:\s+{_LOWER_WORD})?,?\s+"
            rf"(?P<name>{_PERSON_NAME})"
        ),
    )
    for office, titles in _FOREIGN_TITLES.items()
)
# "the Chinese defense minister": a titled reference with no name, resolved against the named
# people of the same country and office (events.py uses it).
_TITLE_ONLY = re.compile(
    rf"\b(?P<adj>[A-Z][\w.]*)(?:'s)?\s+(?i:(?P<title>{_TITLE_ALT}))\b(?!\s+{_NAME_WORD})"
)


@dataclass(frozen=True)
class Actor:
    """A gazetteer entry, or a person recognised from their title (`known` False)."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    office: str | None = None
    known: bool = True


@dataclass(frozen=True)
class Mention:
    """Where `actor` is named in the text (character offsets into the text as given)."""

    actor: Actor
    start: int
    end: int


@dataclass(frozen=True)
class TitleReference:
    """An unnamed titled reference ("the Chinese defense minister") and its offsets."""

    country: str
    office: str
    start: int
    end: int


@dataclass(frozen=True)
class Gazetteer:
    actors: tuple[Actor, ...]
    by_phrase: Mapping[str, Actor]
    pattern: re.Pattern[str]
    # Folded full names of people, for fuzzy matching.
    people: Mapping[str, Actor]
    version: str


def fold(name: str) -> str:
    """Lower case without accents, hyphens or apostrophes: what spelling variants share."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s'\-]+", " ", plain).strip()


def load_gazetteer(document: str | None = None) -> Gazetteer:
    """Parse actors.toml (or `document`) into the structures matching needs."""
    if document is None:
        document = files("newsarchive.analysis").joinpath("actors.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(document)
    actors: list[Actor] = []
    by_phrase: dict[str, Actor] = {}
    people: dict[str, Actor] = {}
    for entry in data["actor"]:
        if entry["kind"] not in KINDS:
            raise ValueError(f"actors.toml: {entry['name']}: unknown kind {entry['kind']!r}")
        actor = Actor(
            name=entry["name"],
            kind=entry["kind"],
            country=entry.get("country"),
            aliases=tuple(entry.get("aliases", ())),
            office=entry.get("office"),
        )
        actors.append(actor)
        for phrase in (actor.name, *actor.aliases):
            by_phrase[phrase.translate(_APOSTROPHES)] = actor
            if actor.kind == "person" and " " in phrase:
                people[fold(phrase)] = actor
    phrases = sorted(by_phrase, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
    return Gazetteer(tuple(actors), by_phrase, pattern, people, str(data["version"]))


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def country_of(phrase: str) -> str | None:
    """ISO code of a country name, demonym or capital ("Chinese", "China's", "Tehran")."""
    phrase = phrase.removesuffix("'s")
    code = country_code(phrase)
    if code is None and " " in phrase:  # "the Chinese": the last word carries it
        code = country_code(phrase.rsplit(" ", 1)[1])
    return code


@cache
def state_actor(code: str) -> Actor:
    """The state with ISO code `code`: the gazetteer's entry, else one named as CLDR names it
    ("Indonesia"), so every mention of a country as a party is one actor whatever the spelling
    ("France", "French", "Paris")."""
    for actor in gazetteer().actors:
        if actor.kind == "state" and actor.country == code:
            return actor
    return Actor(Locale("en").territories.get(code, code), "state", code, known=False)


def _surname(actor: Actor) -> str | None:
    """The word a text uses for a person once named: family name (first for Chinese names)."""
    words = actor.name.split()
    if len(words) < 2:
        return None
    if actor.country in ("CN", "KR") and len(words) == 2:
        return words[0]
    return words[-1]


def find_actors(text: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every mention of an actor in `text`, in text order."""
    gaz = gaz or gazetteer()
    text = text.translate(_APOSTROPHES)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(actor: Actor, start: int, end: int) -> None:
        mentions.append(Mention(actor, start, end))
        taken.append((start, end))

    for match in gaz.pattern.finditer(text):
        add(gaz.by_phrase[match.group()], match.start(), match.end())
    for match in _CAPITALISED_RUN.finditer(text):
        if not free(match.start(), match.end()):
            continue
        best = _best_person(match.group(), gaz)
        if best is not None:
            add(best, match.start(), match.end())
    for match in _TITLED.finditer(text):
        start, end = match.span("name")
        if not free(start, end):
            continue
        country = _titled_country(match.group("adj"), match.group("of"))
        office = _TITLES[match.group("title").lower()]
        name = match.group("name")
        if country_of(name) is not None or name in gaz.by_phrase:
            continue
        add(Actor(name, "person", country, office=office, known=False), start, end)
    for office, pattern in _FOREIGN_TITLED:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            name = match.group("name")
            if not free(start, end) or country_of(name) is not None or name in gaz.by_phrase:
                continue
            words = re.findall(r"[\w\-]+", text[match.start() : start])
            country = next((c for c in map(country_of, words) if c), None)
            add(Actor(name, "person", country, office=office, known=False), start, end)
    # In order of first mention, so that when two people share a surname ("Khalid bin Salman",
    # "King Salman") it goes to the first named, the same on every run.
    named = dict.fromkeys(
        m.actor for m in sorted(mentions, key=lambda m: m.start) if m.actor.kind == "person"
    )
    for actor in named:
        surname = _surname(actor)
        if surname is None:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", text):
            if free(match.start(), match.end()):
                add(actor, match.start(), match.end())
    return sorted(mentions, key=lambda m: m.start)


def _best_person(run: str, gaz: Gazetteer) -> Actor | None:
    """The gazetteer person closest to any 2+ word stretch of a capitalised run, if close enough.

    Stretches, because a title or a sentence-initial word often leads the run ("General
    Mohammad Reza Ashtinai").
    """
    words = run.split()
    best: tuple[float, str] | None = None
    names = list(gaz.people)
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            found = process.extractOne(
                fold(" ".join(words[i:j])), names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], found[0])
    return gaz.people[best[1]] if best else None


def _titled_country(adjective: str | None, of: str | None) -> str | None:
    for phrase in (of, adjective):
        if phrase:
            code = country_of(phrase)
            if code:
                return code
    return None


def find_title_references(text: str) -> list[TitleReference]:
    """Unnamed references such as "the Chinese defense minister", with country and office."""
    text = text.translate(_APOSTROPHES)
    found = []
    for match in _TITLE_ONLY.finditer(text):
        country = country_of(match.group("adj"))
        if country:
            office = _TITLES[match.group("title").lower()]
            found.append(TitleReference(country, office, match.start(), match.end()))
    return found


def office_matches(actor: Actor, office: str) -> bool:
    """Whether an actor holds (or held) the office a titled reference names."""
    held = (actor.office or "").lower()
    wanted = office.lower()
    if wanted == "defence minister":
        return any(w in held for w in ("defence", "defense", "armed forces minister"))
    if wanted == "foreign minister":
        return any(w in held for w in ("foreign", "secretary of state", "external affairs"))
    return wanted in held
