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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from newsarchive.analysis.countries import country_code
from newsarchive.analysis.phrases import grouped, translated
from newsarchive.analysis.territories import english_name

KINDS = ("person", "organisation", "armed_force", "state")

# Below this rapidfuzz ratio a capitalised phrase is not taken for a gazetteer name: 88 admits
# one transposition or one changed letter in a 3-word name, and rejects different people who
# share a first name ("Mohammad Reza Aref" is not "Mohammad Reza Ashtiani").
FUZZY_CUTOFF = 88.0

# Characters compared as one: curly and straight apostrophes; and the Arabic-script letters
# Persian and Arabic write differently in the same names (Persian "ی", "ک" for Arabic "ي", "ك";
# "ى" for a final "ي" in Egyptian copy; alef with or without hamza or madda: "إبراهيم رئيسي" is
# "ابراهیم رئیسی"). One character for one, so offsets into the text stay valid.
_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u06cc": "\u064a",
        "\u06a9": "\u0643",
        "\u0649": "\u064a",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
    }
)
# Letters Hebrew and Arabic write onto the word before a name ("ו" and, "ל" to, "ב" in; Arabic
# "و", "ب", "ل", "ف"): a name's prefixed forms are names too ("לשולץ", "ومنظمة التعاون").
_PREFIXES = {
    "HEBREW": ("ו", "ה", "ב", "ל", "מ", "ש", "כ", "וב", "ול", "ומ", "וה", "שב", "של", "שה"),
    "ARABIC": ("و", "ب", "ل", "ف", "وب", "ول"),
}
# Chinese, Japanese and Korean letters: a Latin name or acronym set in their text has one of them
# next to it with no space ("G7サミット", "NATO는"), which is no part of the name.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef"
_LETTER = rf"[^\W{_CJK}]"
# A capitalised word; hyphenated parts may be capitalised too ("Kosiniak-Kamysz", "Jean-Pierre").
# A capital inside after Mc, Mac, De, La, Di counts too ("McCarthy", "MacArthur", "DeSantis").
_NAME_WORD = (
    r"(?:Ma?c|De|La|Di)?[A-Z][a-z\u00c0-\u024f']+(?:-[A-Za-z\u00c0-\u024f][a-z\u00c0-\u024f']*)*"
)
# A run of capitalised words, however long: in "Polish Foreign Minister Radoslaw Sikorksi" the
# name is looked for in the run's stretches of two to four words.
# A middle initial may sit inside it ("Antony J. Blinken"); the name is compared without it.
_CAPITALISED_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD})+\b")
_LONGEST_NAME = 4
_REGNAL_NUMBER = re.compile(r"[IVX]+")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_KOREAN_PARTICLES = "은는이가을를의와과도에께측"
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
# The same in Cyrillic: Russian copy names foreign people in its own spelling, declined
# ("с президентом Франции Эммануэлем Макроном").
_CYRILLIC_WORD = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'\-]+"
_CYRILLIC_RUN = re.compile(rf"(?<!\w){_CYRILLIC_WORD}(?:[ \t]+{_CYRILLIC_WORD}){{1,6}}(?!\w)")
_HAS_CYRILLIC = re.compile("[а-яёА-ЯЁіїєґІЇЄҐ]")
# Russian case endings of names, longest first: what a declined name adds to its stem
# ("Хрениным", "Белоусова", "Зеленского"). A stem keeps at least three letters.
_RU_ENDINGS = (
    *("ого", "его", "ому", "ему", "ыми", "ими", "ий", "ый", "ой", "ей", "ом", "ем", "ём"),
    *("ым", "им", "ою", "ею", "а", "я", "у", "ю", "е", "и", "ы", "ь", "й", "о"),
    # Ukrainian ("Зеленським", "Сійярто", "Гарріс": "і", "ові", "ою").
    *("ові", "ів", "і", "ї"),
)
# Two romanisations: the press's (Шойгу: Shoigu, Эрдоган: Erdogan) and a scholarly one
# (Shoygu, Khrenin); a name is compared in both.
_ROMAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "",
}  # fmt: skip
_ROMAN_LOOSE = _ROMAN | {"й": "i", "х": "h", "ю": "u", "я": "a", "ж": "j", "є": "e"}
# Ukrainian writes "г" for h ("Гарріс": Harris): the loose spelling of a word with a letter
# only Ukrainian has reads it so.
_ROMAN_UKRAINIAN = _ROMAN_LOOSE | {"г": "h"}
_UKRAINIAN_LETTER = re.compile("[іїєґІЇЄҐ]")

# Titles that introduce a person's name; the office is what an unknown person is stored with.
_TITLES: dict[str, str | None] = {
    "defence minister": "Defence Minister",
    "defense minister": "Defence Minister",
    "minister of national defense": "Defence Minister",
    "minister of national defence": "Defence Minister",
    "minister of defence": "Defence Minister",
    "minister of defense": "Defence Minister",
    "minister for defence": "Defence Minister",
    "minister for defense": "Defence Minister",
    "minister for foreign affairs": "Foreign Minister",
    "foreign affairs minister": "Foreign Minister",
    "deputy prime minister": "Deputy Prime Minister",
    "vice president": "Vice President",
    "chief of the general staff": "Chief of Staff",
    "chief of general staff": "Chief of Staff",
    "chief of the defence staff": "Chief of Staff",
    "chief of defence staff": "Chief of Staff",
    "chief of the defense staff": "Chief of Staff",
    "crown prince": "Crown Prince",
    "chancellor": "Chancellor",
    "emir": "Emir",
    "sultan": "Sultan",
    # "his Belarusian counterpart Viktor Khrenin": an office like the subject's, unnamed here.
    "counterpart": None,
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
    # Those who speak for a government or chair a parliament are named by their title too.
    "secretary of the treasury": "Finance Minister",
    "treasury secretary": "Finance Minister",
    "spokesman": "Spokesperson",
    "spokeswoman": "Spokesperson",
    "spokesperson": "Spokesperson",
    "house speaker": "Speaker",
    "speaker": "Speaker",
}
#: Words of titles (lower case): a capitalised word before a surname that is one of these is a
#: title ("Minister Lavrov"), not someone else's first name.
_TITLE_WORDS = {w for t in _TITLES for w in t.split()} | {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "министр",
    "президент",
    "глава",
    "генерал",
}
# Grouped under first letters (all lower case ASCII): re tries the alternatives of one letter
# only, where a plain alternation tried all 47 at every position of every text.
_TITLE_ALT = grouped((t[0], re.escape(t[1:])) for t in sorted(_TITLES, key=len, reverse=True))
# On one line: a heading's last words and the next paragraph's first are not a name.
_PERSON_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}"
# "[Chinese|China's] Defense Minister Wei Fenghe [of China]", "Gen. Mohammad Bagheri", and the
# apposition "the Brazilian defence minister, Jose Mucio, said".
# A match starts at a capital (the adjective) or at a title's first letter, in any case: the
# lookahead spares trying the 47 titles at every other position (it halves the search).
_TITLE_STARTS = "".join(sorted({t[0] for t in _TITLES}))
_TITLED = re.compile(
    rf"(?=[A-Z]|(?i:[{_TITLE_STARTS}]))"
    rf"(?:\b(?P<adj>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:'s)?\s+)?(?i:(?P<title>{_TITLE_ALT}))"
    rf"(?:[ \t]+|,[ \t]+(?=(?:{_PERSON_NAME}),))(?P<name>{_PERSON_NAME})"
    r"(?:\s+of\s+(?P<of>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?"
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
    # "Regierungssprecher Steffen Hebestreit", "la porte-parole Maria Zakharova".
    "Spokesperson": r"Regierungssprecher(?:in)?|porte-parole|portavoz|portavoce",
    # "son homologue biélorusse, X", "seinem belarussischen Amtskollegen X", "su homólogo X".
    "": r"homologue|(?:Amts)?[Kk]olleg(?:e|en|in)|homólog[oa]",
}
# Words one of whose texts each office's titles hold (case as written): a text holding none of
# an office's is not searched for it (most texts are English, and the search was a fifth of
# the cost of finding actors).
_FOREIGN_CLUES = {
    "Defence Minister": ("Verteidigungs", "Armeeminister", "Défense", "Armées", "Defensa"),
    "Foreign Minister": ("Außenminister", "canciller", "Affaires", "Exteriores"),
    "Prime Minister": ("Premierminister", "Ministerpräsident", "Premier", "primer"),
    "President": ("Präsident", "résident", "president"),
    "Spokesperson": ("Regierungssprecher", "porte-parole", "portavo"),
    "": ("homologue", "olleg", "homólog"),
}
_FOREIGN_TITLED = tuple(
    (
        office,
        _FOREIGN_CLUES[office],
        re.compile(
            rf"(?<!\w)(?:{_LOWER_WORD}\s+)?(?:{titles})(?:\s+{_LOWER_WORD})?,?[ \t]+"
            rf"(?P<name>{_PERSON_NAME})"
        ),
    )
    for office, titles in _FOREIGN_TITLES.items()
)
# "the Chinese defense minister": a titled reference with no name, resolved against the named
# people of the same country and office (events.py uses it).
# Its titles grouped under their first letters as _TITLED's: a plain alternation tried all of
# them after every capitalised word (a tenth of the cost of an article's structure).
_TITLE_ONLY = re.compile(
    r"\b(?P<adj>[A-Z][\w.]*)(?:'s)?\s+(?i:(?P<title>"
    + grouped(
        (t[0], re.escape(t[1:])) for t in sorted(_TITLES, key=len, reverse=True) if _TITLES[t]
    )
    + rf"))\b(?!\s+{_NAME_WORD})"
)

# Characters re.IGNORECASE matches with an ASCII letter that str.lower() does not lower to it
# ("İ", "ı" and "ſ": checked over every code point): in a text holding one, titles are looked
# for by the patterns alone.
_CASE_APART = re.compile("[\u0130\u0131\u017f]")


def _title_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for _TITLED (or a pattern like it), tried only where a match
    can start.

    _TITLED may start at nearly every letter (a capital, or a title's first letter in either
    case), so `re` tried it at each: 0.75 ms of an AEB article, the dearest pattern of finding
    actors; this way 0.18 ms. Each match holds a title, found here by str.find in the lowered
    text, and starts at the title or at a capital of the one or two words before it (the
    adjective: "Chinese", "U.S."): trying the pattern there, leftmost first and past the end
    of the last match, finds what finditer finds.
    """
    lower = text.lower()
    if len(lower) != len(text) or _CASE_APART.search(text):
        yield from pattern.finditer(text)
        return
    starts: set[int] = set()
    for title in _TITLES:
        at = lower.find(title)
        while at >= 0:
            starts.add(at)
            starts.update(_capitals_before(text, at))
            at = lower.find(title, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                end = match.end()


def _capitals_before(text: str, at: int) -> list[int]:
    """Where an adjective before a title at `at` may start: the capitals of the two words (runs
    of anything but spaces, one space apart) before the spaces before it."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == at:
        return []  # the title's adjective is followed by a space
    last = i
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    if i > 0 and i > 1 and not text[i - 2].isspace():
        i -= 1  # one space, then the word before
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return [j for j in range(i, last) if "A" <= text[j] <= "Z"]


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
    # Cyrillic names and aliases, declined: (regex, actor), longest first.
    declined: tuple[tuple[re.Pattern[str], Actor], ...] = ()
    # A surname that names one gazetteer person only, and may name them alone ("Lavrov").
    surnames: Mapping[str, Actor] = field(default_factory=dict)


def fold(name: str) -> str:
    """Lower case without accents, hyphens or apostrophes: what spelling variants share."""
    if name.isascii():  # most names: nothing to decompose (fold runs on every stretch of names)
        plain = name.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s'\-]+", " ", plain).strip()


def romanise(text: str, loose: bool = False) -> str:
    """Latin letters for Cyrillic ones ("Хренин" -> "Khrenin"; loose: "Hrenin"); "дж" is "j"
    in the loose spelling (Реджеп: Recep, Rejep)."""
    table = _ROMAN_LOOSE if loose else _ROMAN
    if loose and _UKRAINIAN_LETTER.search(text):
        table = _ROMAN_UKRAINIAN
    if loose:
        text = text.replace("дж", "j").replace("Дж", "J")
    out = []
    for char in text:
        low = char.lower()
        latin = table.get(low)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != low else latin)
    return "".join(out)


def ru_stem(word: str) -> str:
    """A Russian name without its case ending: "Хрениным", "Хренина" and "Хренин" share
    "Хренин"; "Сергей" and "Сергея" share "Серге"."""
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _declined(phrase: str) -> str:
    """A Cyrillic alias as a regex that also matches its declined forms: each word's stem and
    up to three letters of ending ("Андрей Белоусов": Андрея Белоусова, Андреем Белоусовым)."""
    return r"\s+".join(re.escape(ru_stem(word)) + r"[а-яёіїєґ]{0,3}" for word in phrase.split())


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
    for phrase, actor in list(by_phrase.items()):
        for prefix in _PREFIXES.get(unicodedata.name(phrase[0], "?").split()[0], ()):
            by_phrase.setdefault(prefix + phrase, actor)
    phrases = sorted(by_phrase, key=len, reverse=True)
    cyrillic = [p for p in phrases if _HAS_CYRILLIC.search(p)]
    alternatives = [_declined(p) if p in cyrillic else re.escape(p) for p in phrases]
    # Chinese and Japanese leave no space around a name ("习近平主席", "高市早苗首相"): a phrase
    # in Han or kana matches with no word boundary. A Korean name may carry a particle
    # ("이재명은", "조태열과"), but another syllable makes another name ("박진영" is not 박진).
    spaced = [
        (p, a)
        for p, a in zip(phrases, alternatives, strict=True)
        if not (_HAN_KANA.fullmatch(p) or _HANGUL.fullmatch(p))
    ]
    unspaced = [re.escape(p) for p in phrases if _HAN_KANA.fullmatch(p)]
    korean = [re.escape(p) for p in phrases if _HANGUL.fullmatch(p)]
    # The lookahead on the phrases' first letters spares trying every alternative (re tries
    # them one by one) at most words: words are mostly lower case, and few phrases start so.
    first_letters = "".join(sorted({re.escape(p[0]) for p in phrases}))
    # Grouped under their first letters, in the same order: re then tries the few alternatives
    # of the letter at hand, not a thousand (two thirds of the cost of finding actors).
    # Each kind behind a lookahead on its own first letters: a word starting "a", "e" or "t"
    # ("al-Assad", "the Taliban") is then not compared with a hundred Chinese names.
    spaced_alt = grouped((p[0], a[len(re.escape(p[0])) :]) for p, a in spaced)
    spaced_first = "".join(sorted({re.escape(p[0]) for p, _ in spaced}))
    unspaced_first = "".join(sorted({p[0] for p in unspaced}))
    korean_first = "".join(sorted({p[0] for p in korean}))
    pattern = re.compile(
        rf"(?=[{first_letters}])(?:(?<!{_LETTER})(?=[{spaced_first}])(?:{spaced_alt})(?!{_LETTER})"
        + (f"|(?=[{unspaced_first}])(?:{'|'.join(unspaced)})" if unspaced else "")
        + (
            rf"|(?<!\w)(?=[{korean_first}])(?:{'|'.join(korean)})"
            rf"(?=[{_KOREAN_PARTICLES}]|(?!\w))"
            if korean
            else ""
        )
        + ")"
    )
    declined = tuple((re.compile(_declined(p)), by_phrase[p]) for p in cyrillic)
    surnames = _lone_surnames(actors, data.get("surnames", {}).get("not_alone", ()))
    return Gazetteer(
        tuple(actors), by_phrase, pattern, people, str(data["version"]), declined, surnames
    )


def _lone_surnames(actors: list[Actor], excluded: Sequence[str]) -> dict[str, Actor]:
    """Surnames that may name their person alone: of one gazetteer person only (not "Salman":
    King Salman, Mohammed bin Salman), not a Chinese or Korean family name (Wang, Li, Kim: many
    people), at least four letters, not a country or a place, and not in actors.toml's
    [surnames] not_alone (surnames that are also common words or first names)."""
    owners: dict[str, set[Actor]] = {}
    for actor in actors:
        if actor.kind != "person" or actor.country in ("CN", "KR", "KP"):
            continue
        for phrase in (actor.name, *actor.aliases):
            words = phrase.split()
            if len(words) >= 2 and not words[-1].endswith("."):
                owners.setdefault(words[-1], set()).add(actor)
    skip = set(excluded)
    return {
        surname: next(iter(found))
        for surname, found in owners.items()
        if len(found) == 1
        and len(surname) >= 4
        and surname not in skip
        and surname[0].isupper()
        # "Zelensky" stands for Ukraine in countries.toml too: a metonym of their own state.
        and country_code(surname) in (None, next(iter(found)).country)
    }


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
    return Actor(english_name(code), "state", code, known=False)


def _surname(actor: Actor) -> str | None:
    """The word a text uses for a person once named: family name (first for Chinese names).

    Chinese and Korean names put the family name first however they are spelt ("Yoon Suk
    Yeol" is Yoon), and so does a two-word name whose second word is a hyphenated given name,
    wherever it comes from ("Lai Ching-te", "Kim Jong-un"). A regnal number is no surname
    ("Felipe VI" is not "VI").
    """
    words = actor.name.split()
    if len(words) < 2 or _REGNAL_NUMBER.fullmatch(words[-1]):
        return None
    if actor.country in ("CN", "KR") or (
        len(words) == 2 and _HYPHENATED_GIVEN_NAME.fullmatch(words[1])
    ):
        return words[0]
    return words[-1]


def find_actors(text: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every mention of an actor in `text`, in text order (a fresh list: callers may add to it).

    The fuzzy person matching is the dearest part of an article's analysis: a caller that needs
    the actors of one text for several purposes (find_structure: the actor links, then the
    people and the parties of the events) finds them once and passes them on.
    """
    return _find_actors(text, gaz or gazetteer())


def _find_actors(text: str, gaz: Gazetteer) -> list[Mention]:
    text = translated(text, _APOSTROPHES)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(actor: Actor, start: int, end: int) -> None:
        mentions.append(Mention(actor, start, end))
        taken.append((start, end))

    for match in gaz.pattern.finditer(text):
        add(_phrase_actor(match.group(), gaz), match.start(), match.end())
    declines = _SLAVIC_LETTER.search(text) is not None
    runs = [(m, _stretches(m.group(), declines=declines)) for m in _CAPITALISED_RUN.finditer(text)]
    scores = _closest_people([c for _, found in runs for c, _, _ in found], gaz)
    for match, stretches in runs:
        found = _best_stretch(stretches, gaz, scores)
        if found is not None:
            # The mention is the stretch that names the person, not the title before it.
            actor, first, last = found
            spans = [w.span() for w in re.finditer(r"\S+", match.group())]
            start, end = match.start() + spans[first][0], match.start() + spans[last][1]
            if free(start, end):
                add(actor, start, end)
    if _HAS_CYRILLIC.search(text):
        runs = [(m, _stretches(m.group(), cyrillic=True)) for m in _CYRILLIC_RUN.finditer(text)]
        scores = _closest_people([c for _, found in runs for c, _, _ in found], gaz)
        for match, stretches in runs:
            if free(match.start(), match.end()):
                found = _best_stretch(stretches, gaz, scores)
                if found is not None:
                    # Only the words that name the person: "Франции Эммануэлем Макроном".
                    actor, first, last = found
                    spans = [w.span() for w in re.finditer(r"\S+", match.group())]
                    add(actor, match.start() + spans[first][0], match.start() + spans[last][1])
    for match in _title_matches(_TITLED, text):
        start, end = match.span("name")
        if not free(start, end):
            continue
        country = _titled_country(match.group("adj"), match.group("of"))
        office = _TITLES[match.group("title").lower()]
        name = match.group("name")
        if "'s " in name:  # "President Biden's Call with ...": a possessive, not a name
            continue
        if country_of(name) is not None or name in gaz.by_phrase:
            continue
        add(Actor(name, "person", country, office=office, known=False), start, end)
    for office, clues, pattern in _FOREIGN_TITLED:
        if not any(clue in text for clue in clues):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("name")
            name = match.group("name")
            if not free(start, end) or country_of(name) is not None or name in gaz.by_phrase:
                continue
            words = re.findall(r"[\w\-]+", text[match.start() : start])
            country = next((c for c in map(country_of, words) if c), None)
            add(Actor(name, "person", country, office=office or None, known=False), start, end)
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
    for actor, start, end in _lone_surname_mentions(text, gaz):
        if free(start, end):
            add(actor, start, end)
    return sorted(mentions, key=lambda m: m.start)


def _phrase_actor(found: str, gaz: Gazetteer) -> Actor:
    """The actor of a phrase the gazetteer pattern matched (a declined Cyrillic form included)."""
    actor = gaz.by_phrase.get(found)
    if actor is not None:
        return actor
    return next(a for pattern, a in gaz.declined if pattern.fullmatch(found))


_LONE_WORD = re.compile(
    r"(?<![\w.'\-])(?:[A-Z][a-z\u00c0-\u024f'\-]{3,}|[А-ЯЁІЄ][а-яёіїєґ\-]{3,})(?![\w'\-])"
)
_INITIAL = re.compile(r"[A-Z]\.")
_WORD_BEFORE = re.compile(r"([\w.]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-ZА-ЯЁІЄ][a-zа-яёіїє]")


def _lone_surname_mentions(text: str, gaz: Gazetteer) -> list[tuple[Actor, int, int]]:
    """A gazetteer person named by surname alone ("Lavrov and Wang Yi met", "Белоусов прибыл
    в Минск"), also in Russian spelling, declined. Not when the word before is another
    capitalised name ("Nawaz Sharif", "Ali Bagheri Kani": someone else); a title before it is
    fine ("Minister Lavrov")."""
    found = []
    for match in _LONE_WORD.finditer(text):
        word = match.group()
        # A case ending after an apostrophe is no part of the name (Turkish "Netanyahu'nun").
        keys = [word, word.split("'")[0]] if "'" in word else [word]
        if _HAS_CYRILLIC.match(word):
            keys = [romanise(w, loose) for w in (word, ru_stem(word)) for loose in (False, True)]
        actor = next((gaz.surnames[k] for k in keys if k in gaz.surnames), None)
        if actor is None:
            continue
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        previous = before.group(1) if before else ""
        # A capitalised word before it is another name, unless it ends a sentence; a middle
        # initial does not ("Gary R. Gantz" is not Benny Gantz).
        named = previous[:1].isupper() and (
            not previous.endswith(".") or _INITIAL.fullmatch(previous) is not None
        )
        if named and previous.lower() not in _TITLE_WORDS:
            continue
        if _NAME_AFTER.match(text, match.end()):  # "Bagheri Kani": another person's name
            continue
        found.append((actor, match.start(), match.end()))
    return found


def _stretches(
    run: str, cyrillic: bool = False, declines: bool = False
) -> list[tuple[str, int, int]]:
    """(folded candidate, first word, last word) of each stretch of two to four words of a run,
    in the order _best_stretch weighs them.

    A Cyrillic run is compared in Latin letters, as written and without case endings, in both
    romanisations ("Эммануэлем Макроном": Emmanuel Makron, close to Emmanuel Macron). In a text
    of a language that declines names in Latin letters (`declines`), a stretch is compared
    without their case endings too ("Friedrichem Merzem").
    """
    words = run.split()
    found: list[tuple[str, int, int]] = []
    for i in range(len(words)):
        for j in range(i + 2, min(i + _LONGEST_NAME, len(words)) + 1):
            stretch = words[i:j]
            if cyrillic:
                candidates = {
                    fold(romanise(" ".join(map(stem, stretch)), loose))
                    for stem in (str, ru_stem)
                    for loose in (False, True)
                }
            else:
                plain = [w for w in stretch if not _INITIAL.fullmatch(w)]
                candidates = {fold(" ".join(plain))}
                if declines:
                    candidates.add(fold(" ".join(map(_undeclined, plain))))
            found += ((candidate, i, j - 1) for candidate in candidates)
    return found


# Case endings Polish, Czech and the South Slavic languages put on foreign names written in Latin
# letters ("z kanclerzem Friedrichem Merzem", "Donalda Trumpa", "s Putinom"), longest first.
_LATIN_ENDINGS = ("owi", "iem", "em", "om", "a", "u")
_CONSONANT = re.compile(r"[bcdfghjklmnprstvwxzł]")
# Letters of Polish, Czech, Slovak and the South Slavic languages: a text holding none is not
# compared without case endings (English copy has none, and the extra candidates cost).
_SLAVIC_LETTER = re.compile("[łąęśżźćńčšžřěůđŁŚŻŹĆČŠŽŘĐ]")


def _undeclined(word: str) -> str:
    """A Latin-script name word without a Slavic case ending: "Merzem" -> "Merz", "Trumpa" ->
    "Trump"; the word itself when its stem would be under three letters or end in a vowel."""
    for ending in _LATIN_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and _CONSONANT.fullmatch(stem[-1]):
            return stem
    return word


def _closest_people(
    candidates: Sequence[str], gaz: Gazetteer
) -> dict[str, tuple[float, str] | None]:
    """Each candidate's closest gazetteer person (score, folded name) at FUZZY_CUTOFF or above.

    One rapidfuzz `cdist` call for all of an article's candidates: calling `extractOne` per
    stretch converted the 800-odd names again for each of the hundred-odd stretches an article
    has, which was most of the cost of finding its actors. It compares them with the names
    that may score so (_PeopleIndex.within_reach), in gazetteer order, so the first name of
    the highest score wins, as with `extractOne` over them all.
    """
    # Imported here, not with the module: the crawl process imports this module (to read the
    # actors the pool found) but never matches names, and numpy with rapidfuzz is ~14 MiB of
    # its RSS (tests/test_pool_work.py).
    import numpy
    from rapidfuzz import fuzz, process

    unique = list(dict.fromkeys(candidates))
    if not unique:
        return {}
    index = _people_index(gaz)
    names = index.within_reach(unique)
    closest: dict[str, tuple[float, str] | None] = dict.fromkeys(unique)
    if not names:
        return closest
    matrix = process.cdist(
        unique, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, dtype=numpy.float64
    )
    best = matrix.argmax(axis=1)
    for row, candidate in enumerate(unique):
        score = float(matrix[row, best[row]])
        closest[candidate] = (score, names[best[row]]) if score >= FUZZY_CUTOFF else None
    return closest


class _PeopleIndex:
    """The gazetteer's people's folded names with what bounds their edit distance to a
    candidate from below, cheaply: their lengths and the letters they hold.

    fuzz.ratio is 100 * (1 - d / (a + b)) for names of a and b letters d insertions and
    deletions apart, so a name scores FUZZY_CUTOFF only if d <= s * (a + b), s = 1 - cutoff
    / 100. d is at least the difference of the lengths, so b lies within a * (1 -+ s) / (1 +- s);
    and at least the number of letters one holds and the other does not (each is inserted or
    deleted once at least), so that number is at most s * (a + the longest such b). A name
    outside either bound cannot score, and is not compared (cdist compared all 1,472: 0.39 ms
    of an AEB article, 0.25 ms with the 180 within reach).
    """

    def __init__(self, names: Sequence[str]) -> None:
        import numpy

        self.names = list(names)
        self.lengths = numpy.array([len(n) for n in self.names], dtype=numpy.int16)
        self.letters = _letter_masks(self.names)

    def within_reach(self, candidates: Sequence[str]) -> list[str]:
        """The names (in gazetteer order) that some candidate may be FUZZY_CUTOFF close to."""
        import numpy

        share = 1 - FUZZY_CUTOFF / 100
        # Half a letter more than the bounds allow: the score is compared in floating point.
        lengths = numpy.array([len(c) for c in candidates], dtype=numpy.float64)[:, None]
        shortest = numpy.ceil((lengths * (1 - share) - 0.5) / (1 + share)).astype(numpy.int16)
        longest = numpy.floor((lengths * (1 + share) + 0.5) / (1 - share)).astype(numpy.int16)
        unshared = numpy.floor(share * (lengths + longest) + 0.5).astype(numpy.uint8)
        letters = _letter_masks(candidates)[:, None]
        near = (
            (numpy.bitwise_count(letters ^ self.letters) <= unshared)
            & (self.lengths >= shortest)
            & (self.lengths <= longest)
        )
        return [self.names[i] for i in numpy.flatnonzero(near.any(axis=0))]


def _letter_masks(names: Sequence[str]) -> Any:
    """The letters each name holds as bits of a uint64 (a letter's code point
    modulo 64): two names' masks differ in no more bits than there are letters one holds and
    the other does not. One numpy pass over all the names (a loop over each name's letters was
    a fifth of the cost of comparing an article's candidates)."""
    import numpy

    text = "".join(names).encode("utf-32-le", "surrogatepass")
    codes = numpy.frombuffer(text, dtype=numpy.uint32)
    bits = numpy.left_shift(numpy.uint64(1), (codes & 63).astype(numpy.uint64))
    lengths = numpy.array([len(n) for n in names], dtype=numpy.int64)
    masks = numpy.zeros(len(names), dtype=numpy.uint64)
    held = lengths > 0  # reduceat would give an empty name the next name's first letter
    if bits.size:
        masks[held] = numpy.bitwise_or.reduceat(bits, (numpy.cumsum(lengths) - lengths)[held])
    return masks


#: Each gazetteer's people index, built on first use (numpy stays out of the crawl process),
#: by the gazetteer's id, the gazetteer kept with it so the id is not reused.
_PEOPLE_INDEXES: dict[int, tuple[Gazetteer, _PeopleIndex]] = {}


def _people_index(gaz: Gazetteer) -> _PeopleIndex:
    built = _PEOPLE_INDEXES.get(id(gaz))
    if built is None:
        built = _PEOPLE_INDEXES[id(gaz)] = (gaz, _PeopleIndex(list(gaz.people)))
    return built[1]


def _best_stretch(
    stretches: Sequence[tuple[str, int, int]],
    gaz: Gazetteer,
    closest: Mapping[str, tuple[float, str] | None],
) -> tuple[Actor, int, int] | None:
    """(person, first word, last word) of the stretch of a run closest to a gazetteer person.

    Stretches of two to four words (_stretches), because titles and sentence-initial words
    often lead the run ("Polish Foreign Minister Radoslaw Sikorksi", "General Mohammad Reza
    Ashtinai"); `closest` holds each stretch's closest person (_closest_people).
    """
    best: tuple[float, str, int, int] | None = None
    for candidate, first, last in stretches:
        found = closest[candidate]
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], found[1], first, last)
    return (gaz.people[best[1]], best[2], best[3]) if best else None


def _titled_country(adjective: str | None, of: str | None) -> str | None:
    for phrase in (of, adjective):
        if phrase:
            code = country_of(phrase)
            if code:
                return code
    return None


def find_title_references(text: str) -> list[TitleReference]:
    """Unnamed references such as "the Chinese defense minister", with country and office."""
    text = translated(text, _APOSTROPHES)
    found = []
    for match in _TITLE_ONLY.finditer(text):
        country = country_of(match.group("adj"))
        if country:
            office = _TITLES[match.group("title").lower()] or ""
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
