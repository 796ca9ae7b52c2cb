"""Events an article reports: who visited, met or called whom, where and on which day.

A pure function of the title, the text and the article's own publication day (`published_on`,
passed in: relative days such as "yesterday" or "on Wednesday" are resolved against it, never
against the clock). An event is only reported when its day is known and its main actor is a
named person: "the recent visit of the Iranian Defense Minister" with no day is commentary, not
an event. Sentences about the same event in one article (the visit announced in the lede, its
place two paragraphs later) make one event, filled field by field.

Kinds handled: visit, meeting, call (their main actor a named person), arms_transfer (a state
that bought or took delivery of weapons, `recipient`, from another, `supplier`) and sanction
(who imposed it, `participant`, on whom, `target`: a person, body or state). Parties of arms
transfers and sanctions are any actor or country the sentence names ("France", "South Korean",
"Washington"). Summit (the body whose summit it is, then the people and states the sentence
names, all `participant`), exercise (the armed forces and states of a sentence that says it is
military, `participant`, and the city or region it is held in) and agreement (two or more states
or bodies, else people, `signatory`) are read in any language events.toml has words for. All of
them, and their days, are read in French, German and Spanish too (the words are in events.toml;
country names in other languages in countries.toml).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from newsarchive.analysis.actors import (
    Actor,
    Mention,
    country_of,
    find_actors,
    find_title_references,
    office_matches,
    state_actor,
)
from newsarchive.analysis.countries import (
    _SENTENCE_END,
    CJK_LETTERS,
    country_code,
    country_mentions,
)
from newsarchive.analysis.phrases import grouped, screened

KINDS = ("visit", "meeting", "call", "summit", "exercise", "agreement", "arms_transfer", "sanction")
ROLES = ("visitor", "host", "participant", "signatory", "supplier", "recipient", "target")

#: An article's undated sentence takes the first day the article names within this many days
#: before its publication: news reports what happened in the last days, and an older day
#: ("Israel's June 13 attack") is background.
RECENT_DAYS = 7

_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip


@cache
def _vocabulary() -> dict[str, Any]:
    """events.toml: weapons, days, months and the non-English trigger words."""
    document = files("newsarchive.analysis").joinpath("events.toml").read_text("utf-8")
    return tomllib.loads(document)


#: Arabic writes the article, "and", "in/with" and "for" onto the word (القمة, بالقمة, وصل ->
#: ووصل) and possessives after it (زيارته, "his visit"): an Arabic trigger takes them all.
_ARABIC_BEFORE = "(?:[وف]?(?:بال|لل|ال|[بل])|[وف])?"
_ARABIC_AFTER = "(?:ه|ها|هما|هم)?"
_ARABIC_WORD = screened("^[\u0621-\u064a]")
#: Hebrew writes "and", "the", "in", "to", "from", "that" onto the word: "ובביקור", "והגיע".
_HEBREW_BEFORE = "(?:[ובלהמש]{1,2})?"
_HEBREW_WORD = screened("^[\u05d0-\u05ea]")
_DEVANAGARI_WORD = screened("^[\u0900-\u097f]")


def _words(kind: str) -> str:
    """events.toml's trigger words of `kind` as one alternation, Arabic and Hebrew ones with
    their clitics."""
    return "|".join(
        f"{_ARABIC_BEFORE}(?:{word}){_ARABIC_AFTER}"
        if _ARABIC_WORD.match(word)
        else f"{_HEBREW_BEFORE}(?:{word})"
        if _HEBREW_WORD.match(word)
        else word
        for word in _vocabulary()["triggers"][kind]
    )


@cache
def _weekdays() -> dict[str, int]:
    """Weekday word (any language) -> Monday-based index."""
    return {w: i for words in _vocabulary()["weekdays"].values() for i, w in enumerate(words)}


@cache
def _months() -> dict[str, int]:
    """Month word or English abbreviation -> month number."""
    months = {w: i + 1 for words in _vocabulary()["months"].values() for i, w in enumerate(words)}
    return months | _MONTH_ABBREVIATIONS


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """ "Apr 27, 2022", "27 April", "le 27 avril", "am 27. April", "el 27 de abril", Hebrew
    "27 באפריל" ("in April"), Vietnamese "27 tháng 4", and day and month in digits after the
    words events.toml's [numeric_dates] lists ("Chiều 10/9", "Rabu (29/6/2022)")."""
    names = sorted(_months(), key=len, reverse=True)
    month = r"(?P<month>(?i:" + _grouped_words(names) + r"))\.?"
    numeric = "|".join(_vocabulary()["numeric_dates"]["before"])
    return (
        screened(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"),
        screened(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+|ב-?)?{month}"
            rf"(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?(?!\w)"
        ),
        screened(
            rf"(?i:(?<!\w)(?:{numeric})\s*)(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})"
            r"(?:/(?P<year>\d{4}))?(?![\d/])"
        ),
        screened(
            r"(?<!\d)(?P<day>\d{1,2})\s+(?i:tháng)\s+(?P<month>\d{1,2})"
            r"(?:(?:\s+(?i:năm)|,)\s+(?P<year>\d{4}))?(?!\d)"
        ),
    )


@cache
def _relative() -> re.Pattern[str]:
    words = [*_weekdays(), *(w for ws in _vocabulary()["relative"].values() for w in ws)]
    alternatives = _grouped_words(sorted(words, key=len, reverse=True))
    return screened(rf"{_START}(?P<word>{alternatives}){_END}", re.I)


def _grouped_words(words: Sequence[str]) -> str:
    """Words as a case-insensitive alternation tried in the order given, grouped under their
    first letters: re tries each alternative in turn at every position, and these patterns run
    over every sentence of every article."""
    return grouped(((w[0], re.escape(w[1:])) for w in words), ignore_case=True)


#: Chinese, Japanese and Korean characters: words of these scripts are not spaced, so a word
#: boundary is only wanted against a letter of another script ("访问" inside "来华访问的").
_CJK = CJK_LETTERS
#: Word boundaries that let a word touch CJK characters and digits ("峰会7月11日").
_START = rf"(?<![^\W\d{_CJK}])"
_END = rf"(?![^\W\d{_CJK}])"
_HAS_CJK = screened(f"[{_CJK}]")
#: Scripts of languages that name a visit's destination before its verb: Japanese, Korean and
#: Hindi ("जापान की राजधानी टोक्यो पहुंचे", arrived in Tokyo, the capital of Japan).
_VERB_LAST = screened(f"[{_CJK}\u0900-\u097f]")
#: A CJK date: "2024年10月18日", "6月5日", Korean "6월 5일".
_CJK_DATE = screened(
    r"(?<!\d)(?:(?:(?P<year>\d{4})\s*[年년]\s*)?(?P<month>\d{1,2})\s*[月월]\s*)?"
    r"(?P<day>\d{1,2})\s*[日일](?!間|间|以上|后|後)"
)

#: A capital letter, Latin or Cyrillic: what a place name starts with.
_CAPITAL = "[A-ZÀ-ÖØ-ÞА-ЯЁ]"

_VISIT_EN = (
    r"visit(?:s|ed|ing)?|trip|tour|travel(?:l)?ed to|[Tt]ravel to|arrived in|arrives in|landed in|"
    r"paid (?:a |an )?(?:courtesy |farewell )?call on|"
    r"left(?=\s+[A-Z])|"
    r"fl(?:ew|ies|ying) (?:back )?(?:in)?to|return(?:ed|s) to(?= [A-Z])|fl(?:ew|own) in(?!\w)|"
    r"head(?:ed|s|ing) to|arrival(?= (?:in|of|to) [A-Z])"
)
_NOT_HAPPENED = screened(r"\b(?:to|will|would|plans?|planned|could|may|might)\s+(?:\w+\s+)?$", re.I)
_MEETING_EN = (
    r"met|meets|[Mm]eeting with|h(?:e|o)ld(?:s)? (?:[\w-]+ ){0,4}?talks|talks with|"
    r"talks (?:(?:in|at) (?:the )?[A-Z][\w-]+ (?:[A-Z][\w-]+ )?)?between|"
    r"spent (?:[\w-]+ ){1,4}?with|(?<=their )(?:[\w-]+ ){0,3}?(?:meeting|talks)"
)
_CALL_EN = (
    r"(?:tele)?phone (?:call|talks|conversation)|(?:by|on the|over the) (?:tele)?phone|"
    r"phoned|telephoned|[Cc]all with|(?:in|during|on) (?:(?:a|an|the|their) )?(?:[\w-]+ ){0,2}call|"
    r"(?:by|via|over) video(?: link|conference| conference)?|video ?(?:call|conference|link)s?|"
    r"videoconference"
)


@cache
def _trigger(kind: str) -> re.Pattern[str]:
    """The words that report a visit, meeting or call: English here, other languages in
    events.toml's [triggers]."""
    english = {"visit": _VISIT_EN, "meeting": _MEETING_EN, "call": _CALL_EN}[kind]
    other = _words(kind)
    if kind == "visit":
        other += "|" + "|".join(map(re.escape, _visit_to()))
    # Other languages' words in any case: "Телефонный разговор" opens a sentence.
    return screened(rf"{_START}(?:{english}|(?i:{other})){_END}")


@cache
def _visit_to() -> dict[str, str]:
    """A visit's word that names its country ("방한", "訪米", "访华") -> ISO code (events.toml)."""
    table: dict[str, list[str]] = _vocabulary()["visit_to"]
    return {word: code for code, words in table.items() for word in words}


@cache
def _destination_pattern() -> re.Pattern[str]:
    """The place after a visit trigger: "to Tehran", "arrived in Cairo", "s'est rendu mercredi
    à Téhéran", "zu einem Besuch in Peking", and Romance names joined by "de", "del", "do"
    ("visita de Putin a Corea del Norte", "chegou ao Rio de Janeiro")."""
    to = "|".join(_vocabulary()["triggers"]["to"])
    joined = rf"\s+(?:(?:{_NAME_JOINS})\s+)?{_CAPITAL}[\w'\-]+"
    return screened(
        rf"^\W*(?:(?:\w+\s+){{0,3}}?(?:{to})\s+(?:the\s+)?)?"
        rf"(?P<place>{_CAPITAL}[\w'\-]+(?:{joined}){{0,2}})"
    )


#: The lower-case words Romance languages join a place's name with: "Corea del Norte", "Rio de
#: Janeiro", "Costa do Marfim".
_NAME_JOINS = "de|del|do|da|dos|das|du|des|di"


# Arms transfers. A buyer's verb has the recipient for subject ("Indonesia has signed a contract
# to buy 42 Rafale jets from France"), a seller's verb the supplier ("the United States delivered
# F-16s to Ukraine"); the other party follows the verb.
_BUYS_EN = (
    r"t(?:ook|akes|aking) delivery of|received|receives|bought|buys|buy|purchased|"
    r"ordered|orders|acquired|acquires|imported|chose|chosen|picked|picks|selected|"
    r"signed (?:a |an )?(?:[\w$€£.,-]+ ){0,3}?(?:contract|deal|agreement)s?(?: [\w.]+){0,2}? "
    r"(?:to (?:buy|purchase|acquire)|for)"
)
_SELLS_EN = (
    r"delivered|delivers|sold|sells|supplied|exported|transferred|shipped|handed over|"
    r"deliver(?:y|ies) of|send|sends|sent|deliver|supply|sell|sales? (?:of|to)|"
    r"provide|provides|provided|pledged|pledges"
)
#: Words before a seller's verb that leave the transfer undecided ("plans to send", "could
#: supply", "refused to deliver"). A decision is the news: "Germany will send 14 Leopard 2 tanks
#: to Ukraine", "Estados Unidos enviará", "approved the delivery of" report the transfer.
_UNDECIDED = screened(
    r"(?i)\b(?:plans?|planned|could|may|might|hopes?|wants?|asked|urged|refused|refuses|"
    r"considering|considers|weighs|weighing|if|not|no|for|over)\s+(?:\w+\s+){0,2}$"
)
#: The same for a buyer's verb: "Germany will buy 35 F-35s" and the headline's "Germany to buy"
#: report a decision, "Poland plans to buy", "Cairo is seeking to acquire" do not.
_BUY_UNDECIDED = screened(
    r"(?i)\b(?:would|plans?|planned|could|may|might)\s+(?:\w+\s+)?$|"
    r"\b(?:wants?|hopes?|hoping|seeks?|seeking|considering|considers|weighs|weighing|expected|"
    r"interested|negotiating|talks|asked|urged|refused|refuses|if|not|no)\s+(?:\w+\s+){0,2}$"
)


@cache
def _arms_trigger(buys: bool) -> re.Pattern[str]:
    """A buyer's (`buys`) or a seller's verb, English here, others from events.toml."""
    english, key = (_BUYS_EN, "buy") if buys else (_SELLS_EN, "sell")
    other = _words(key)
    return screened(rf"{_START}(?:{english}|{other}){_END}")


_OTHER_PARTY = screened(r"\b(?:from|with|to|by)\s+(?:the\s+)?$")
# Sanctions: "imposed new sanctions on", "sanctioned", "blacklisted", the headline verb
# "US sanctions Iranian drone makers".
_SANCTION_EN = (
    r"\b(?:impos(?:e|ed|es|ing)|announced|announces|slapped|slaps|levied|adopt|adopted|adopts|"
    r"unveiled|unveils)\s+(?:\S+\s+){0,4}?sanctions\b|\bsanction(?:ed|ing)\b|\bblacklist(?:ed|s)\b|"
    r"\bsanctions(?=\s+(?:[A-Z0-9]|a\b|an\b|two\b|three\b|more\b|several\b|dozens\b))|"
    # Asset freezes, entry bans and listings are sanctions too: "froze the assets of Roman
    # Abramovich", "barred 500 Americans ... from entering", "added Lockheed Martin to its
    # unreliable entity list".
    r"\b(?:froze|freezes|frozen)\s+(?:the\s+)?assets\s+of\b|"
    r"\b(?:barred|bars|banned|bans)\b(?=[^.;]{0,160}?\bfrom\s+entering\b)|"
    r"\badded\b(?=[^.;]{0,80}?\bto\s+(?:its|the|a)\s+(?:[\w\"“”'’-]+\s+){0,3}?(?:black)?list\b)"
)
#: A decision reported: "China said on Monday it would impose sanctions on Rubio", "Switzerland
#: said on the same day that it would adopt the European Union's sanctions".
_DECIDED = screened(
    r"(?i)\b(?:said|announced|decided)\s+(?:on\s+(?:\w+\s+){1,3}?)?(?:that\s+)?(?:it|they)\s+"
    r"would\s+$|\b(?:agreed|decided)\s+(?:on\s+\w+\s+)?to\s+$"
)


@cache
def _sanction_trigger() -> re.Pattern[str]:
    """The words that report a sanction: English here, others from events.toml."""
    other = _words("sanction")
    return screened(rf"{_SANCTION_EN}|{_START}(?:{other}){_END}")


_PASSIVE = screened(r"\b(?:was|were|been|be|is|are)\s+(?:\w+\s+)?$")
#: A passive anywhere before a verb at the end of its clause: "Modi wurde von Merz empfangen".
_PASSIVE_ANY = screened(r"(?i)(?<!\w)(?:wurden?|worden|von|was|were|by|par|por|fue)(?!\w)")
#: A verb that ends its clause (what follows is punctuation or nothing).
_CLAUSE_END = screened(r"[ \t]*(?:[.,;:!?।]|$)")
_BACKGROUND = screened(
    r"\b(?:previously|already|earlier|long|once|lift(?:ed|s)?|eas(?:ed|es|e)|remov(?:ed|es|e)|"
    r"waiv(?:ed|es|e))\s+(?:\w+\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class EventActor:
    actor: Actor
    role: str


@dataclass(frozen=True)
class Event:
    """One event as one article reports it; `evidence` is the sentence that says it happened."""

    kind: str
    occurred_on: date
    place: str | None
    country: str | None
    actors: tuple[EventActor, ...]
    evidence: str

    @property
    def main_actor(self) -> Actor:
        """The visitor (visits) or first participant: what reports of one event share."""
        return self.actors[0].actor


@dataclass
class _Draft:
    kind: str
    main: Actor
    evidence: str = ""
    occurred_on: date | None = None
    place: str | None = None
    country: str | None = None
    others: dict[Actor, str] = field(default_factory=dict)
    #: Whether a sentence of the event named where it was, known to the rules or not.
    somewhere: bool = False
    #: Whether `occurred_on` is the day of arrival a sentence names (see _ARRIVED).
    arrived: bool = False


@cache
def _weapons() -> re.Pattern[str]:
    """Words that make a purchase or delivery an arms transfer (events.toml)."""
    words: list[str] = _vocabulary()["weapons"]
    return screened(r"(?<!\w)(?:" + _grouped_words(words) + ")", re.I)


class _Place(NamedTuple):
    """What a spelling of a place stands for; one tuple shared by all spellings of a city."""

    name: str  # the city's stored name
    code: str  # its ISO country
    scanned: bool  # looked for anywhere a sentence puts something, not only after a visit


@dataclass(frozen=True)
class _Places:
    """The gazetteer of places: places.tsv (generated from GeoNames by bench/build_places.py)
    read with places.toml's hand-kept entries over it. A spelling ending in * stands for any
    ending of its stem: Russian and Ukrainian decline city names ("Тегеран*": в Тегеране)."""

    # One dict for 46,000 spellings, not one each for code, name and tier: each pool worker
    # holds it, and a dict or set of that size takes ~2.5 MiB beside the strings.
    spellings: dict[str, _Place]
    starts: frozenset[str]  # lower-case first words of spellings ("the" Kremlin, "la" Maison)
    cjk: frozenset[str]  # scanned CJK spellings, found without spaces or prepositions
    cjk_lengths: dict[
        str, tuple[int, ...]
    ]  # first character -> lengths of its spellings, longest first


@cache
def _place_table() -> _Places:
    """Read once per process: 46,000 spellings, a few MB in each pool worker."""
    analysis = files("newsarchive.analysis")
    spellings: dict[str, _Place] = {}
    shared: dict[_Place, _Place] = {}  # one tuple per city and tier, not one per spelling
    # Line by line: the whole file's text and its 46,000 lines at once would leave the worker's
    # heap fragmented by a few MiB more than the table itself.
    with analysis.joinpath("places.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            spelling, city, code, tier = line.rstrip("\n").split("\t")
            # GeoNames writes "Xi’an", the press and the labelled sets "Xi'an".
            place = _Place(city.replace("’", "'"), code, tier == "scan")
            spellings[spelling] = shared.setdefault(place, place)
    hand = tomllib.loads(analysis.joinpath("places.toml").read_text("utf-8"))
    for code, cities in hand["places"].items():
        for city in cities:
            spellings[city] = _Place(city, code, True)
    for city, variants in hand["place_spellings"].items():
        for spelling in variants:
            spellings[spelling] = spellings[city]._replace(scanned=True)
    scan = [s for s, place in spellings.items() if place.scanned]
    cjk = frozenset(s for s in scan if _HAS_CJK.search(s))
    lengths: dict[str, set[int]] = {}
    for spelling in cjk:
        if len(spelling) > 1:  # one character alone is too often part of another word
            lengths.setdefault(spelling[0], set()).add(len(spelling))
    return _Places(
        spellings,
        frozenset(s.split()[0] for s in scan if s[0].islower()),
        cjk,
        {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()},
    )


def _spelling(phrase: str, known: Container[str]) -> str | None:
    """The spelling `phrase` is written in: itself, or the longest declined stem it extends."""
    if phrase in known:
        return phrase
    # Only the last word declines: "Тегеране прошли" is no spelling of Tehran.
    last = max(2, phrase.rfind(" "))
    stems = (phrase[:end] + "*" for end in range(len(phrase), last, -1))
    return next((stem for stem in stems if stem in known), None)


def _scanned(phrase: str) -> str | None:
    """The spelling of a place looked for anywhere that `phrase` is written in: none if the
    phrase is rather a town's only known where a place follows ("Самарканд" is no "Самар*")."""
    table = _place_table().spellings
    spelling = _spelling(phrase, table)
    return spelling if spelling is not None and table[spelling].scanned else None


def _place_code(phrase: str) -> str | None:
    """The country of a city as written: exactly, or by a declined stem ("Тегеране")."""
    table = _place_table().spellings
    spelling = _spelling(phrase, table)
    return table[spelling].code if spelling else None


def place_name(spelling: str) -> str:
    """The name a city is stored under: "Téhéran", "Teheran" and "Тегеране" are "Tehran"."""
    table = _place_table().spellings
    known = _spelling(spelling, table)
    return table[known].name if known else spelling


def resolve_dates(sentence: str, published_on: date) -> list[date]:
    """Days a sentence names, explicit dates first, relative ones resolved on `published_on`."""
    found: list[date] = []
    # The date patterns all need a day's digits: most sentences have none and are not searched.
    for pattern in _date_patterns() if _DIGIT.search(sentence) else ():
        for match in pattern.finditer(sentence):
            written = match.group("month")
            month = int(written) if written.isdigit() else _months().get(written.lower())
            if month is None or _not_the_day(sentence, match.start()):
                continue
            if _UNTIL_AFTER.match(sentence, match.end()):
                continue
            year = int(match.group("year") or published_on.year)
            try:
                day = date(year, month, int(match.group("day")))
            except ValueError:
                continue
            if match.group("year") is None and day > published_on + timedelta(days=1):
                day = day.replace(year=year - 1)  # "Dec 30" in a January article
            found.append(day)
    if _HAS_CJK.search(sentence):
        for match in _CJK_DATE.finditer(sentence):
            year = int(match.group("year") or published_on.year)
            # "10日" alone is the 10th of the publication's month (Japanese and Chinese news).
            month = int(match.group("month") or published_on.month)
            try:
                day = date(year, month, int(match.group("day")))
            except ValueError:
                continue
            if match.group("month") is None and day > published_on + timedelta(days=1):
                try:  # the 28th in an article of the 2nd: last month's
                    day = (day.replace(day=1) - timedelta(days=1)).replace(day=day.day)
                except ValueError:
                    continue
            elif match.group("year") is None and day > published_on + timedelta(days=1):
                day = day.replace(year=year - 1)
            found.append(day)
    relative = _vocabulary()["relative"]
    for match in _relative().finditer(sentence):
        if _not_the_day(sentence, match.start()):
            continue
        word = match.group("word").lower()
        if word in _EVE_WORDS and _EVE_OF.match(sentence, match.end()):
            continue  # "накануне визита": on the eve of the visit, not the day before
        if word in relative["yesterday"]:
            found.append(published_on - timedelta(days=1))
        elif word in relative["today"]:
            found.append(published_on)
        else:
            back = (published_on.weekday() - _weekdays()[word]) % 7
            found.append(published_on - timedelta(days=back))
    if "ier" in sentence and _HIER.search(sentence) and _french(sentence):
        found.append(published_on - timedelta(days=1))
    if "कल" in sentence and _KAL.search(sentence) and not _HINDI_AHEAD.search(sentence):
        found.append(published_on - timedelta(days=1))
    return found


#: Hindi "कल" is both yesterday and tomorrow: yesterday in a sentence told in the past ("कल शाम
#: काठमांडू पहुंचे", "कल रात ... बात की"), tomorrow beside a future ("पहुंचेंगे", "करेगी") or the
#: present ("है", "होने वाली").
_KAL = screened(r"(?<!\w)कल(?!\w)")
_HINDI_AHEAD = screened(r"(?:गा|गी|गे|ंगे|ेंगे)(?!\w)|(?<!\w)(?:है|हैं|वाला|वाली|वाले|रहा|रही|रहे)(?!\w)")


#: Words before the day something lasts until, not the day it happened: "drills will run until
#: September 7", "qui durera jusqu'au 24 octobre", "который продлится до 24 октября".
_UNTIL = screened(
    r"(?i)(?<!\w)(?:until|till|through|bis(?: zum)?|jusqu'(?:au|à)|hasta(?: el)?|до|do|עד|"
    r"đến(?: ngày)?|hingga|sampai(?: dengan)?)\s+(?:ב-?)?$"
)
#: Hindi says "until" after the day: "18 अक्टूबर तक चलने वाले" (running until 18 October).
_UNTIL_AFTER = screened(r"\s*तक(?!\w)")
#: A day something is counted from: "Merz's first visit since taking office on Tuesday".
_SINCE = screened(r"(?i)(?<!\w)since\s+(?:[\w'’-]+\s+){0,4}?(?:on\s+)?$")


#: Russian "накануне" and Ukrainian "напередодні" are "the day before" alone, and "on the eve
#: of" before an event's noun ("Накануне поездки Путин дал интервью"): no day of its own.
_EVE_WORDS = frozenset({"накануне", "напередодні"})
_EVE_OF = screened(
    r"(?i)\s+(?:(?:своего|его|её|ее|их|свого|своєї|його|її)\s+)?(?:поездк|визит|саммит|встреч|"
    r"переговор|заседани|выбор|турне|приезд|праздник|поїздк|візит|саміт|зустріч|засідан|"
    r"вибор|приїзд|свят)\w*"
)


def _not_the_day(sentence: str, at: int) -> bool:
    """Whether the day named at `at` is one something lasts until or is counted from."""
    return bool(_UNTIL.search(sentence, 0, at) or _SINCE.search(sentence, 0, at))


#: French "hier" (yesterday) is German "hier" (here): it counts in a French sentence only.
_HIER = screened(r"(?<!\w)[Hh]ier(?!\w)")
_DIGIT = screened(r"\d")
#: "Macron et Scholz se sont parlé hier au téléphone" has none of the articles: "et", "sont"
#: and "au" are French too (none is a German word).
_FRENCH_WORDS = screened(
    r"(?<!\w)(?:le|la|les|des|du|est|a|ont|s'est|à|avec|pour|et|sont|au|une)(?!\w)"
)
_GERMAN_WORDS = screened(r"(?<!\w)(?:der|die|das|und|ist|hat|nach|mit|für|sich|den|dem)(?!\w)")


def _french(sentence: str) -> bool:
    """Whether a sentence reads as French rather than German (by their commonest words)."""
    return len(_FRENCH_WORDS.findall(sentence)) > len(_GERMAN_WORDS.findall(sentence))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _person_mentions(text: str, actors: Sequence[Mention]) -> list[Mention]:
    """Named people (of `actors`, the text's actor mentions) plus unnamed titled references
    resolved to a named person of the article."""
    mentions = [m for m in actors if m.actor.kind == "person"]
    people = list(dict.fromkeys(m.actor for m in mentions))
    for ref in find_title_references(text):
        same = [p for p in people if p.country == ref.country and office_matches(p, ref.office)]
        if len(same) == 1:
            mentions.append(Mention(same[0], ref.start, ref.end))
    return sorted(mentions, key=lambda m: m.start)


def _party_mentions(text: str, actors: Sequence[Mention]) -> list[Mention]:
    """Every actor the text names (`actors`), and every country it names as that country's
    state."""
    mentions = list(actors)
    taken = [(m.start, m.end) for m in mentions]
    for code, start, end in country_mentions(text):
        if all(end <= s or start >= e for s, e in taken):
            mentions.append(Mention(state_actor(code), start, end))
    return sorted(mentions, key=lambda m: m.start)


def _arms_draft(
    sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention], buys: bool
) -> _Draft | None:
    """Recipient and supplier of a purchase or delivery; both must be named."""
    parties = [m for m in ms if m.actor.kind != "person"]
    subject = [m for m in parties if m.end <= start + trigger.start()]
    alone = not any(m.start >= start + trigger.end() for m in parties)
    if not subject:
        # "Администрация Джо Байдена ... объявила о передаче": a leader or minister before the
        # verb stands for their state.
        people = [m for m in ms if m.actor.kind == "person" and m.actor.country]
        subject = [
            Mention(state_actor(m.actor.country), m.start, m.end)
            for m in people
            if m.end <= start + trigger.start()
        ][-1:]
    objects = [m for m in parties if m.start >= start + trigger.end()]
    if _CLAUSE_END.match(sentence, trigger.end()):
        # A verb ending its clause leaves what follows to another clause: "USA liefern, Berlin
        # hält sich raus" (Berlin is not the recipient).
        objects = []
    marks = {_marker(sentence, start, m): m.actor for m in reversed(objects)}
    if not subject and "to" in marks and ("from" in marks or "by" in marks):
        # "were delivered to Poland by South Korea", "delivery of S-400 from Russia to Turkey"
        recipient, supplier = marks["to"], marks.get("from") or marks["by"]
        if recipient != supplier:
            draft = _Draft("arms_transfer", recipient, sentence.strip(), country=recipient.country)
            draft.others[supplier] = "supplier"
            return draft
    if not objects and len(subject) >= 2 and _CLAUSE_END.match(sentence, trigger.end()):
        # A verb at the end of its clause has both parties before it: "Polen hat ... Panzer aus
        # Südkorea erhalten" (German perfect), Turkish and Persian word order.
        subject, objects = subject[:1], subject[1:]
    if buys and alone and not objects and len({m.actor for m in subject}) == 1:
        # A state buying from a maker, not a state: "Finland announced on 10 December that it
        # has selected the Lockheed Martin F-35A", "Germany will buy up to 35 F-35s". The
        # recipient is the news; the supplier goes unnamed.
        recipient = subject[-1].actor
        return _Draft("arms_transfer", recipient, sentence.strip(), country=recipient.country)
    if not subject or not objects:
        return None
    first = subject[-1].actor
    others = [m for m in objects if m.actor != first and m.actor.country != first.country]
    # "... from France", "... to Ukraine" before a demonym in the object ("South Korean tanks").
    marked = [m for m in others if _marker(sentence, start, m)]
    if not others:
        return None
    chosen = (marked or others)[0]
    recipient, supplier = (first, chosen.actor) if buys else (chosen.actor, first)
    draft = _Draft("arms_transfer", recipient, sentence.strip(), country=recipient.country)
    draft.others[supplier] = "supplier"
    return draft


def _marker(sentence: str, start: int, mention: Mention) -> str | None:
    """The preposition right before a mention ("from", "with", "to", "by"), if any."""
    found = _OTHER_PARTY.search(sentence[: mention.start - start])
    return found.group().split()[0] if found else None


#: Chinese marks a sanction's target with "对" before the verb ("欧盟…对中国有关个人和实体实施
#: 制裁", the EU imposed sanctions on Chinese people and entities); Japanese and Korean with
#: "に対する" and "에 대한" after the target ("ロシアに対する制裁", "러시아에 대한 제재").
_TARGET_AFTER = screened("[对對](?=[^对對]*$)")
_TARGET_BEFORE = screened(r"(?:に対(?:する|し|して)|에[ \t]?대(?:한|해))(?!.*(?:に対|에[ \t]?대))")


def _marked_target(
    head: str, start: int, before: Sequence[Mention]
) -> tuple[list[Mention], list[Mention]] | None:
    """(imposers, target) named before a CJK sanction's word, split at the word that marks the
    target (_TARGET_AFTER, _TARGET_BEFORE); None when the words before it mark none."""
    marker = _TARGET_AFTER.search(head)
    if marker:
        at, end = start + marker.start(), start + marker.end()
        imposers = [m for m in before if m.end <= at]
        targets = [m for m in before if m.start >= end][:1]
    else:
        marker = _TARGET_BEFORE.search(head)
        if not marker:
            return None
        marked = [m for m in before if m.end <= start + marker.start()]
        imposers, targets = marked[:-1], marked[-1:]
    return (imposers, targets) if imposers and targets else None


#: The European Union's measures are its own, not a member state's: the labelled sets (and ISO
#: 3166-1, which reserves the code) give them the country "EU".
_UNION_BODIES = {"European Union": "EU", "Council of the European Union": "EU"}


def _sanction_drafts(
    sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention]
) -> list[_Draft]:
    """Who imposed a sanction (`participant`) and on whom (`target`); both must be named. States
    that impose it together ("Britain, Canada, Australia, New Zealand and Norway on Tuesday
    imposed sanctions") each impose their own."""
    before = [m for m in ms if m.end <= start + trigger.start()]
    after = [m for m in ms if m.start >= start + trigger.end()]
    head = sentence[: trigger.start()]
    active = trigger.group().endswith("ing")  # "OFAC is sanctioning Rosneft"
    if _PASSIVE.search(head) and not active:  # "X was sanctioned by Y"
        by = [m for m in after if re.search(r"\bby\s+(?:the\s+)?$", sentence[: m.start - start])]
        if not before or not by:
            return []
        imposer, target = by[0].actor, before[-1].actor
        group = _coordinated(sentence, start, after, by[0])
    else:
        if not after and len(before) >= 2 and _CLAUSE_END.match(sentence, trigger.end()):
            # "Deutschland hat gegen Iran Sanktionen verhängt": the verb ends the clause.
            before, after = before[:1], before[1:]
        sides = _marked_target(head, start, before)
        if sides:
            before, after = sides
        if not before or not after:
            return []
        imposer = before[-1].actor
        group = _coordinated(sentence, start, before, before[-1])
        targets = [m for m in after if m.actor != imposer]
        if not targets:
            return []
        # "on Iran's Revolutionary Guards": the body, not the state that owns it.
        owner = sentence[targets[0].end - start : targets[0].end - start + 2] in ("'s", "’s")
        target = targets[1 if owner and len(targets) > 1 else 0].actor
    drafts = []
    for side in (*(a for a in group if a != target), imposer):
        country = side.country or _UNION_BODIES.get(side.name)
        draft = _Draft("sanction", side, sentence.strip(), country=country)
        draft.others[target] = "target"
        drafts.append(draft)
    return drafts


#: An English visit noun after "the" or "this" refers back to a visit the article tells
#: elsewhere ("Ukraine's foreign ministry said the visit had not been agreed", "Sullivan said
#: ... during the trip"): its visitor is not the person named before it, unless the words after
#: it name them ("the visit by Modi", "the arrival in Moscow of Modi").
_THE_VISIT = screened(r"(?i)(?<!\w)(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$")
_VISIT_NOUNS = frozenset({"visit", "visits", "trip", "tour", "arrival"})
_NAMES_VISITOR = screened(
    rf"(?:\s+(?:to|in)\s+(?:the\s+)?{_CAPITAL}[\w'\-]+(?:\s+{_CAPITAL}[\w'\-]+)*)?\s+(?:by|of)\b"
)


def _refers_back(sentence: str, trigger: re.Match[str]) -> bool:
    """Whether a visit's word is "the visit" told elsewhere (see _THE_VISIT)."""
    return (
        trigger.group() in _VISIT_NOUNS
        and bool(_THE_VISIT.search(sentence, 0, trigger.start()))
        and not _NAMES_VISITOR.match(sentence, trigger.end())
    )


#: What a sentence recalls as the context of its news: "Raisi arrived in Moscow ..., a day after
#: the Russian leader visited the United Arab Emirates", "The exercises come weeks after
#: Hegseth visited Manila". The words from here on tell another, earlier event.
_CONTEXT_SPAN = screened(
    r"(?i)(?<!\w)(?:(?:a|one|two|three|four|five|six|several|a few|\d+)\s+)?"
    r"(?:days?|weeks?|months?|hours?)\s+(?:after|before)(?!\w)"
)


def _person_drafts(sentence: str, start: int, ms: Sequence[Mention]) -> list[_Draft]:
    """The visit, or else the call or meeting, a sentence naming people reports."""
    for trigger in _trigger("visit").finditer(sentence):
        if _not_held(sentence[: trigger.start()]) or _refers_back(sentence, trigger):
            continue
        if _PROSPECT_AFTER.match(sentence, trigger.end()) or _SUITE.search(
            sentence, 0, trigger.start()
        ):
            continue
        drafts = _visit_draft(sentence, start, trigger, ms)
        if drafts:
            return drafts
    if not _trigger("call").search(sentence):  # "Zelensky received a call from Macron"
        for trigger in _host_trigger().finditer(sentence):
            draft = _hosted_draft(sentence, start, trigger, ms)
            if draft:
                return [draft]
    for kind in ("call", "meeting"):
        triggers = _trigger(kind).finditer(sentence)
        unplanned = (t for t in triggers if not _PROSPECT_AFTER.match(sentence, t.end()))
        held = any(not _not_held(sentence[: t.start()]) for t in unplanned)
        if held or (kind == "call" and _spoke_with(sentence, start, ms)):
            draft = _talk_draft(kind, sentence, ms)
            if draft:
                return [draft]
    return []


#: English news and readouts say "spoke with" of a call: "President Biden spoke with Turkish
#: President Recep Tayyip Erdogan on Friday", "the Prime Minister spoke to President Zelenskyy
#: this afternoon". Not to reporters, and not where the sentence puts the two together.
_SPOKE = screened(r"(?<!\w)(?:spoke|speaks|talked|has spoken|have spoken)\s+(?:with|to)\s")
_TOGETHER = screened(
    r"(?i)(?<!\w)(?:sidelines?|margins?|summit|visit|trip|met|meeting|talks|dinner|lunch|"
    r"news conference|press conference)(?!\w)"
)
#: How far after "spoke with" the person spoken to is named: "spoke to the Ukrainian president",
#: "spoke with Turkish President Recep Tayyip Erdogan".
_SPOKEN_TO_REACH = 40


def _spoke_with(sentence: str, start: int, ms: Sequence[Mention]) -> bool:
    """Whether the sentence tells a call by "spoke with" a person named right after it (see
    _SPOKE), told as done and placed nowhere."""
    spoke = _SPOKE.search(sentence)
    if spoke is None or _not_held(sentence[: spoke.start()]) or _TOGETHER.search(sentence):
        return False
    if _city_in(sentence)[0] is not None:
        return False
    at = start + spoke.end()
    return any(0 <= m.start - at <= _SPOKEN_TO_REACH for m in ms)


#: Chinese names a leader's suite with "陪同" (accompanying) before the visit's word, in the same
#: sentence: "陪同习近平出访的有蔡奇、王毅等" (accompanying Xi were Cai Qi and Wang Yi),
#: "蔡奇、王毅等陪同人员同机抵达" (arrived on the same plane). They travel with the visit, not as
#: visitors.
_SUITE = screened("(?:陪同|同机|同機)[^。]*$")


#: Words right before a visit or talks that call them off or leave them a prospect: "cancelled
#: his trip", "shelved a planned meeting", "weighs a visit to the island", "if Pelosi visits".
_CALLED_OFF = screened(
    r"(?i)(?<!\w)(?:cancell?ed|cancels?|postponed|postpones?|shelved|shelves|called off|"
    r"calls off|scrapped|scraps|abandoned|weighs|weighing|considers|considering|mulls|mulling|"
    r"proposed|possible|potential|upcoming|planned|if|unless|whether)\s+(?:\w+\s+){0,2}$"
)


#: A plan in the clause before a visit's or talks' word: "Biden will fly to Tokyo on Sunday for
#: talks with Kishida", "Von der Leyen ... is to join Macron and Xi for three-way talks",
#: "invited him to make a state visit to Moscow".
_PLANNED = screened(
    r"(?i)(?<!\w)(?:will|(?:is|are|was|were)\s+(?:due|expected|set|scheduled)\s+to|(?:is|are)\s+to|"
    r"plans?\s+to|to\s+(?:make|pay|undertake|go\s+on))(?!\w)[^,;:]*$"
)


#: An event something is counted from: "the first call since their November summit".
_SINCE_EVENT = screened(r"(?i)(?<!\w)since\s+(?:[\w'’-]+\s+){0,3}$")


#: Korean and Japanese name a prospect after the visit's or talks' word: "깜짝 회동 가능성" (the
#: possibility of a surprise meeting), "회담 예정", "会談の予定", "訪問の可能性".
_PROSPECT_AFTER = screened(r"[ \t]?(?:을|를|의|の)?[ \t]?(?:가능성|可能性|예정|予定|계획|計画)")


def _not_held(head: str) -> bool:
    """Whether the words before a visit's or talks' word say they did not take place (or took
    place before what the sentence tells: "since")."""
    return bool(
        _NOT_HAPPENED.search(head)
        or _CALLED_OFF.search(head)
        or _PLANNED.search(head)
        or _SINCE_EVENT.search(head)
        or _RUSSIAN_PROSPECT.search(head)
    )


#: Russian words before talks or a visit that leave them a wish or a prospect: "не хочет
#: «пустой» встречи" (does not want an empty meeting), "предстоящие консультации" (the coming
#: consultations), "может состояться визит", "планирует визит", "готов к встрече".
_RUSSIAN_PROSPECT = screened(
    r"(?i)(?<!\w)(?:хоч\w*|хотел\w*|хотят|намерен\w*|может|могут|возможн\w*|предстоящ\w*|"
    r"планиру\w*|запланирован\w*|готов\w*)\s+(?:\S+\s+){0,3}$"
)


#: The words of a host receiving a visitor: "Aliyev received Guler", "Xi hosted Putin", "a
#: reçu", "empfing", "recibió", "принял". The subject is the host, the person after the visitor.
_HOST_EN = r"received|receives|hosted|hosts|welcomed|welcomes"
#: ...unless the person received lives there: an ambassador presenting credentials.
_ENVOY = screened(
    r"(?i)(?:ambassador|envoy|ambassadeur|Botschafter|embajador|посл[аоу]?м?)\W+(?:\w+\W+){0,3}$"
)


#: What may stand before a verb that opens its sentence: nothing, or a dateline ("الرياض - ").
_OPENS = screened(r"\s*(?:[^\W\d]+(?:[ \t][^\W\d]+)?[ \t]*[-–—][ \t]*)?")


#: A relative clause whose subject is a thing, right before a host's verb.
_WHICH = screened(r"(?<!\w)(?:that|which)\s+(?:\w+\s+)?$")


@cache
def _host_trigger() -> re.Pattern[str]:
    other = _words("host")
    return screened(rf"{_START}(?:{_HOST_EN}|{other}){_END}")


def _hosted_draft(
    sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention]
) -> _Draft | None:
    """A visit told from the host's side: the host named before the verb, the visitor (a person
    of another country) after it; the visit is in the host's country."""
    at = start + trigger.start()
    hosts = [m.actor for m in ms if m.end <= at and m.actor.country]
    after = [m for m in ms if m.start >= start + trigger.end()]
    if not hosts and _OPENS.fullmatch(sentence[: trigger.start()]) and after[0:1]:
        # The verb opens the sentence (Arabic is verb-first: "استقبل ولي العهد ... الرئيس
        # دونالد ترمب", the crown prince received President Trump): host, then visitor, after it.
        hosts, after = [m.actor for m in after[:1] if m.actor.country], after[1:]
    if _PASSIVE.search(sentence[: trigger.start()]):  # "was received by", "was welcomed in"
        return _welcomed(sentence, start, trigger, ms)
    if not hosts:
        return None
    if re.match(r"\s+by\b", sentence[trigger.end() :]):  # "a ceremony hosted by Trump"
        return None
    before = [m for m in ms if m.end <= at]
    if not after and _CLAUSE_END.match(sentence, trigger.end()):
        # "Merz hat ... Modi in Berlin empfangen", "Erdoğan, ... Arakçi'yi ... kabul etti": the
        # verb ends the clause, the host is named first and the visitor after.
        hosts, after = [m.actor for m in before[:1] if m.actor.country], before[1:]
        if not hosts or _PASSIVE_ANY.search(sentence[: trigger.start()]):
            return None
    host = hosts[-1]
    guests = [m for m in after if m.actor.country not in (None, host.country)]
    if not guests or _ENVOY.search(sentence[: guests[0].start - start]):
        return None
    if _WHICH.search(sentence, 0, trigger.start()):
        return None  # "the same gathering that welcomed Assad": not the person before it
    if len({m.actor.country for m in guests}) >= 3:
        return None  # hosting the leaders of a summit is the summit ("hosted Biden, Sunak, ...")
    city, country, _ = _city_in(sentence)
    if country not in (None, host.country):
        city = None
    draft = _Draft("visit", guests[0].actor, sentence.strip(), place=city, country=host.country)
    draft.others[host] = "host"
    return draft


def _welcomed(
    sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention]
) -> _Draft | None:
    """A guest told in the passive ("Herzog was welcomed with a military ceremony in Ankara",
    "Lavrov was received by Modi"): the person named last before the verb visits the city the
    sentence puts something in, else the country of the host named after it; never their own."""
    at = start + trigger.start()
    before = [m.actor for m in ms if m.end <= at and m.actor.kind == "person" and m.actor.country]
    if not before:
        return None
    guest = before[-1]
    after = [m.actor for m in ms if m.start >= start + trigger.end()]
    hosts = [a for a in after if a.country not in (None, guest.country)]
    city, country, _ = _city_in(sentence)
    if country is None and hosts:
        country = hosts[0].country
    if country in (None, guest.country):
        return None
    draft = _Draft("visit", guest, sentence.strip(), place=city, country=country)
    for host in hosts:
        if host.country == country:
            draft.others.setdefault(host, "host")
    return draft


def _received_by(sentence: str, start: int, ms: Sequence[Mention]) -> list[Actor]:
    """People a sentence says received someone unnamed ("He was received by President Ilham
    Aliyev", "его принял Си Цзиньпин"): hosts of the article's visit to their country."""
    found = []
    for trigger in _host_trigger().finditer(sentence):
        found += [m.actor for m in ms if m.start >= start + trigger.end()]
    return found


#: A Chinese clause giving the cause of a measure: "鉴于" (in view of), "所谓" (so-called, of
#: the other side's sanctions), up to the sanction's word with no clause break between.
_CHINESE_CAUSE = screened("(?:鉴于|鑒於|所谓|所謂)[^，,；;]*$")


def _party_drafts(sentence: str, start: int, ms: Sequence[Mention]) -> list[_Draft]:
    """The sanction, or else the arms transfer, a sentence reports as done (not planned or
    lifted). A sanction comes first: in "sanctions on firms that supplied drones to Russia" the
    sale is the charge, not the news."""
    # A sanction needs two parties: a sentence naming one is searched for arms words only.
    for trigger in _sanction_trigger().finditer(sentence) if len(ms) >= 2 else ():
        head = sentence[: trigger.start()]
        if (_NOT_HAPPENED.search(head) and not _DECIDED.search(head)) or _BACKGROUND.search(head):
            continue
        if _CHINESE_CAUSE.search(head):
            continue  # "鉴于美方无理制裁…": the other side's sanctions, the cause of this news
        drafts = _sanction_drafts(sentence, start, trigger, ms)
        if drafts:
            return drafts
    if not _weapons().search(sentence):
        return []
    for buys in (True, False):
        for trigger in _arms_trigger(buys).finditer(sentence):
            head = sentence[: trigger.start()]
            undecided = _BUY_UNDECIDED if buys else _UNDECIDED
            if undecided.search(head) and not _DECIDED.search(head):
                continue  # "plans to buy", but "agreed to buy 80 Rafale warplanes" is the deal
            draft = _arms_draft(sentence, start, trigger, ms, buys)
            if draft:
                return [draft]
    return []


@cache
def _gathering_trigger(kind: str) -> re.Pattern[str]:
    """The words that report a summit, an exercise or an agreement (events.toml)."""
    words = _words(kind)
    return screened(rf"(?i){_START}(?:{words}){_END}")  # "Strategic Mutual Defence Agreement"


#: An exercise is military only when the sentence says so (or names an armed force): "exercise"
#: alone is also restraint, and "drills" oil wells.
_MILITARY = screened(
    r"(?i)(?<!\w)(?:joint|military|naval|navy|air force|army|troops|forces|warships?|militär\w*|"
    r"militaires?|navales?|conjunt[oa]s?|militares|commun(?:e|es)?|gemeinsam\w*|военн\w*|"
    r"совместн\w*|militari|militare|congiunt[aei]|عسكري\w*|مشترك\w*|marine\w*|морск\w*|"
    r"військов\w*|спільн\w*|wojskow\w*|wspóln\w*|marynark\w*|morsk\w*|militer|gabungan|"
    r"angkatan laut|quân sự|hải quân|צבאי\w*|משותף|משותפים|ימי|सैन्य|संयुक्त|नौसेना\w*|सेना\w*)"
    r"(?!\w)|联合|军事|海军|空军|自衛隊|合同|軍事|군사|연합"
)
#: A region an exercise is held in, when it is not a known city: "in the Sea of Japan", "off
#: Crimea", "in the Gulf of Oman".
_REGION = screened(
    r"(?<!\w)(?:in|off|near|en|dans|im|in der)\s+(?:the\s+|la\s+|le\s+|el\s+|der\s+)?"
    r"(?P<place>[A-Z][\w'\-]+(?:\s+(?:of\s+|de\s+|du\s+|del\s+)?[A-Z][\w'\-]+){0,3})"
)


#: The capitalised name of an exercise right before its word ("the Freedom Shield exercise").
_NAMED = screened(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w-]+(?: [A-Z][\w-]+){0,2} $")
#: A preposition and a name after an exercise's word: somewhere named, known or not ("в
#: Японском море").
_SOMEWHERE = screened(rf"(?<!\w)(?:in|off|near|en|dans|im|vor|в|во|у|на|близ)\s+{_CAPITAL}")
#: Words before a gathering that put it ahead or make it a wish: "will attend the BRICS summit",
#: "ahead of the NATO summit", "agreed to expand joint exercises", "to exercise restraint".
_AHEAD_BEFORE = screened(
    r"(?i:(?<!\w)(?:will|would|plans?|planned|ahead of|upcoming|hopes?|wird|werden|va|vont)(?!\w))|"
    # Russian and Ukrainian futures: "отправится в Ашхабад, где примет участие в саммите".
    r"(?i:(?<!\w)(?:отправится|примет участие|примут участие|пройд[её]т|состоится|"
    r"відбудеться|візьме участь)(?!\w))|"
    r"(?<!\w)to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]+"
)
#: ...and words right after it: "the summit next week".
_AHEAD_AFTER = screened(
    r"(?i)^.{0,30}?(?<!\w)(?:next (?:week|month|year)|later this|prochaine?s?|nächste\w*|"
    r"próxim[oa]s?)(?!\w)"
)


#: A clause of what was done before, between a plan and a gathering's word: "Turkey agreed on
#: Tuesday to lift its veto ..., after the three countries signed a memorandum".
_DONE_BEFORE = screened(r"(?i)(?<!\w)(?:after|once|when)(?!\w)")


def _ahead(head: str) -> bool:
    """Whether the words before a gathering's word put it ahead (_AHEAD_BEFORE), unless a clause
    of what was done before comes between ("agreed to lift ..., after ... signed")."""
    ahead = _AHEAD_BEFORE.search(head)
    while ahead is not None:
        if not _DONE_BEFORE.search(head, ahead.end()):
            return True
        ahead = _AHEAD_BEFORE.search(head, ahead.end())
    return False


#: Words before a gathering that make it the backdrop of talks, not the news: "held talks on
#: the sidelines of the BRICS summit", "en marge du sommet", "am Rande des Gipfels".
_SIDELINES = screened(
    r"(?i)(?<!\w)(?:sidelines? of|margins? of|en marge d[ue]s?|en marge de l'|am Rande d\w+|"
    r"al margen de(?:l| la| los| las)?|на полях)\s+(?:\S+\s+){0,3}$"
)


def _gathering_drafts(sentence: str, start: int, ms: Sequence[Mention]) -> list[_Draft]:
    """The agreement, summit or exercise a sentence reports as done (not planned); an agreement
    signed at a summit the sentence tells ("signed a declaration on Monday ..., at a summit in
    the Red Sea resort of Sharm el-Sheikh") and the summit."""
    found: list[_Draft] = []
    for kind in ("agreement", "summit", "exercise"):
        if found and (kind != "summit" or found[0].kind != "agreement"):
            break
        for trigger in _gathering_trigger(kind).finditer(sentence):
            head = sentence[: trigger.start()]
            if _ahead(head) or _AHEAD_AFTER.match(sentence[trigger.end() :]):
                continue
            if _SIDELINES.search(head) or _SINCE_EVENT.search(head):
                continue
            draft = _gathering_draft(kind, sentence, start, trigger, ms)
            if draft and kind == "agreement" and _about_weapons(sentence):
                return _arms_deal(draft)
            if draft:
                found.append(draft)
                break
    return found


#: An embargo on weapons is no deal for them: "a memorandum addressing Ankara's concerns over
#: Kurdish militants and arms embargoes".
_EMBARGO = screened(r"(?i)\s+embargo(?:es|s)?(?!\w)")


def _about_weapons(sentence: str) -> bool:
    """Whether a sentence names weapons other than in an embargo on them."""
    return any(not _EMBARGO.match(sentence, m.end()) for m in _weapons().finditer(sentence))


def _arms_deal(agreement: _Draft) -> list[_Draft]:
    """A signed deal for weapons is an arms transfer, not an agreement ("India and France signed
    an inter-governmental agreement for 26 Rafale Marine fighters"): to its first state party
    from the next one. Signed by people, it is left to the sale's own verbs."""
    states = [a for a in (agreement.main, *agreement.others) if a.kind == "state"]
    if len(states) < 2:
        return []
    recipient, supplier = states[0], states[1]
    draft = _Draft("arms_transfer", recipient, agreement.evidence, country=recipient.country)
    draft.others[supplier] = "supplier"
    return [draft]


def _gathering_draft(
    kind: str, sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention]
) -> _Draft | None:
    """Who took part (summit, exercise: `participant`) or signed (agreement: `signatory`).

    A summit belongs to the body whose summit it is (the one named nearest the word: "the SCO
    summit", "le sommet de l'OTAN"), its participants the people and states the sentence names.
    An exercise needs a military word and one party; its main actor is the first party. An
    agreement needs two signatories: the states and bodies the sentence names, else its people.
    """
    place, country, where = _city_in(sentence)
    region = _REGION.search(sentence, trigger.end()) if kind == "exercise" else None
    if region and place is None:
        where = region.span()
    # "Japan" in "the Sea of Japan", "Washington" in "a summit in Washington": where, not who.
    ms = [m for m in ms if not start + where[0] <= m.start < start + where[1]]
    actors = list(dict.fromkeys(m.actor for m in ms))
    bodies = [a for a in actors if a.kind != "person"]
    people = [a for a in actors if a.kind == "person"]
    role = "signatory" if kind == "agreement" else "participant"
    if kind == "summit":
        organisations = [m for m in ms if m.actor.kind == "organisation"]
        if not organisations:
            states = _summit_of_states(sentence, start, trigger, ms, place, country)
            return states or _summit_in_city(sentence, trigger, people, bodies)
        at = start + trigger.start()
        main = min(organisations, key=lambda m: abs(m.start - at)).actor
        members = [main, *people, *(a for a in bodies if a != main)]
    elif kind == "exercise":
        # "the Freedom Shield exercise", "Vostok-2022 drills": a named exercise is military.
        named_exercise = _NAMED.search(sentence, 0, trigger.start())
        military = (
            any(a.kind == "armed_force" for a in actors)
            or _MILITARY.search(sentence)
            or named_exercise
        )
        if not military or not bodies:
            return None
        members = bodies
    else:
        members = bodies if len(bodies) >= 2 else people
        if len(members) < 2:
            return None
    if kind == "summit" and place is None:
        # "Beim Nato-Gipfel in der litauischen Hauptstadt Vilnius": the city the sentence names.
        place, country, _ = _city_in(sentence, bare=True)
    if kind == "exercise" and place is None and region is None:
        country = _held_in_country(sentence) or country
    if place is None and region:
        phrase = region.group("place")
        if _place_code(phrase):
            place, country = place_name(phrase), _place_code(phrase)
        else:
            country = country_code(phrase)
            place = None if country else phrase
    draft = _Draft(kind, members[0], sentence.strip(), place=place, country=country)
    draft.somewhere = bool(place or region or country or _SOMEWHERE.search(sentence, trigger.end()))
    for other in members[1:]:
        draft.others.setdefault(other, role)
    return draft


#: CJK "in" around a country's name: Chinese "在菲律宾" before it, Japanese "フィリピンで" and
#: Korean "필리핀에서" after it.
_IN_BEFORE = screened("[在於于]$")
_IN_AFTER = screened("(?:国内)?で|(?:[ \t]?국내)?에서")


def _held_in_country(sentence: str) -> str | None:
    """The country a CJK sentence puts something in ("美菲联合军事演习21日在菲律宾开幕", the
    exercise opened in the Philippines), for an exercise named with no city: one held by
    several states is in the one it is held in, not its first party's."""
    if not _HAS_CJK.search(sentence):
        return None
    for code, start, end in country_mentions(sentence):
        if _IN_BEFORE.search(sentence, 0, start) or _IN_AFTER.match(sentence, end):
            return code
    return None


_THEIR = screened(r"(?<!\w)their\s+(?:[\w-]+\s+){0,2}$")


def _summit_of_states(
    sentence: str,
    start: int,
    trigger: re.Match[str],
    ms: Sequence[Mention],
    place: str | None,
    country: str | None,
) -> _Draft | None:
    """A summit no body's name goes with: of three or more states named before it ("Leaders of
    the United States, Japan, India and Australia ... at a summit in Tokyo", a trilateral
    summit), or else two leaders' meeting, whatever the press calls it ("Trump and Kim ...
    opening their second summit"). A city standing for its state ("Hanoi's Metropole hotel") is
    not a side."""
    before = [
        m
        for m in ms
        if m.end <= start + trigger.start()
        and not _place_code(sentence[m.start - start : m.end - start])
    ]
    sides = list(dict.fromkeys(m.actor.country for m in before if m.actor.country))
    people = list(dict.fromkeys(m.actor for m in before if m.actor.kind == "person"))
    if len(sides) >= 3:
        states = [state_actor(code) for code in sides]
        draft = _Draft("summit", states[0], sentence.strip(), place=place, country=country)
        for other in (*states[1:], *people):
            draft.others.setdefault(other, "participant")
        return draft
    theirs = sentence[max(0, trigger.start() - 40) : trigger.start()]
    if len(sides) == 2 and len(people) >= 2 and _THEIR.search(theirs):
        draft = _Draft("meeting", people[0], sentence.strip(), place=place, country=country)
        for other in people[1:]:
            draft.others.setdefault(other, "participant")
        return draft
    return None


#: Two leaders' summit, a meeting whatever the press calls it: "for a summit with South Korean
#: President Yoon", "at start of second summit", "his second informal summit with Modi".
_BILATERAL = screened(r"(?i)\b(?:their|his|her|second|third|informal|bilateral)\s+(?:\w+\s+)?$")
_WITH = screened(r"(?i)\s+(?:with|avec|mit|con|с|ile)\s")
#: How far from a summit's word the city it is in may be named: "a summit of Arab leaders in
#: Jeddah", "Caspian summit ... in Ashgabat", "vertice per la pace convocato al Cairo".
_SUMMIT_CITY_REACH = 60


def _summit_in_city(
    sentence: str, trigger: re.Match[str], people: Sequence[Actor], others: Sequence[Actor] = ()
) -> _Draft | None:
    """A summit no body's name goes with, nor three states, placed in a city named near its word
    ("Biden told a summit of Arab leaders in Jeddah on Saturday"): the host state's summit, with
    the people the sentence names. The same summit told by other papers has the same host."""
    if _BILATERAL.search(sentence, 0, trigger.start()) or _WITH.match(sentence, trigger.end()):
        return None
    if _trigger("visit").search(sentence):
        return None  # "arrived in Riyadh for the summit": the visit is the news
    place, country, (at, end) = _city_in(sentence, bare=True)
    if place is None or country is None:
        return None
    if at - trigger.end() > _SUMMIT_CITY_REACH or trigger.start() - end > _SUMMIT_CITY_REACH:
        return None
    sides = {p.country for p in people}
    if len(people) == 2 and len(sides) == 2 and country not in sides and not others:
        # Two leaders' summit away from both their capitals is their meeting, whatever the press
        # calls it: "Biden, Putin agree to return ambassadors after 'constructive' Geneva summit".
        draft = _Draft("meeting", people[0], sentence.strip(), place=place, country=country)
        draft.others[people[1]] = "participant"
        return draft
    draft = _Draft("summit", state_actor(country), sentence.strip(), place=place, country=country)
    draft.somewhere = True
    for person in people:
        draft.others.setdefault(person, "participant")
    return draft


def _destination(after: str) -> tuple[str | None, str | None]:
    """(city, country) of "to Tehran" / "in Qingdao, China" / "to China" after a trigger."""
    match = _destination_pattern().match(after)
    if not match:
        return None, None
    words = match.group("place").split()
    # "to the United Arab Emirates and then", "in Qingdao, China": the longest name first.
    return _where(" ".join(words[:end]) for end in range(len(words), 0, -1))


def _where(phrases: Iterable[str]) -> tuple[str | None, str | None]:
    """(city, country) of the first phrase that names a known city, or else a country."""
    for phrase in phrases:
        city = _place_code(phrase)
        if city:
            return place_name(phrase), city
        code = country_of(phrase)
        if code:
            return None, code
    return None, None


#: The words after a visit's word before its visitor: "the visit by Modi", "la visita de Putin",
#: "la visite du président", "der Besuch von Scholz", "la visita di Meloni", "a visita de Lula".
_VISIT_OF = screened(
    rf"\s+(?:by|from|of|de|du|des|di|del|della|da|do|von)\b|{_NAMES_VISITOR.pattern}"
)


#: A city named right before a visit's noun: "during Berlin visit", "on first Kyiv visit".
_CITY_BEFORE = screened(
    rf"(?<![\w'’])(?P<place>{_CAPITAL}[\w\-]+(?:[ \t]{_CAPITAL}[\w\-]+)?)[ \t]+$"
)


#: Visit verbs of a second trip, of a trip home, or of an arrival (see _visit_draft).
_RETURN = screened(r"return|fl\w+ back|fl\w+ in$")


def _visit_draft(
    sentence: str, start: int, trigger: re.Match[str], ms: Sequence[Mention]
) -> list[_Draft]:
    """The visit (or the visits of a list of visitors) a visit's word reports."""
    at = start + trigger.start()
    city, country = _destination(sentence[trigger.end() :])
    if city is None and country is None:
        country = _visit_to().get(trigger.group())  # "바이든 대통령 방한": a visit to Korea
    after = [m for m in ms if m.start >= start + trigger.end()]
    before = [m for m in ms if m.end <= at]
    if city is None and country is None and trigger.group() in _VISIT_NOUNS:
        named = _CITY_BEFORE.search(sentence, 0, trigger.start())  # "during Berlin visit"
        if named and _place_code(named.group("place")):
            city, country = place_name(named.group("place")), _place_code(named.group("place"))
    visitor: Actor | None = None
    group: list[Actor] = []
    head = sentence[trigger.end() : trigger.end() + 40]
    if _RETURN.match(trigger.group()):
        # "Trump flew back to Washington" goes home; "Macron flew back to Beirut" comes again:
        # either way the traveller is the one named right before the verb, as in "Witkoff flew
        # in on Friday", whose words after the verb name no destination.
        if trigger.group().endswith(" in"):
            city = country = None
        if not before or before[-1].actor.country in (None, country):
            return []
        visitor = before[-1].actor
    elif after and (
        _VISIT_OF.match(head)
        or head.startswith("的")
        or _VISITING.match(head)
        or _VISITED_WHO.match(head)
    ):
        # "the visit by X"; Chinese "来华访问的英国外交大臣拉米" (the visiting British foreign
        # secretary Lammy), Turkish "resmi ziyarette bulunan ... Miçotakis'i" (Mitsotakis, on
        # an official visit), Korean "방한한 기시다 후미오 일본 총리" (Kishida, who visited
        # Korea): the visitor follows.
        visitor = after[0].actor
    elif before and sentence[before[-1].end - start : trigger.start()].strip() in ("'s", "’s"):
        visitor = before[-1].actor
    else:
        foreign = [m for m in before if country is None or m.actor.country != country]
        if country is None and len(foreign) > 1:
            # A verb closing its clause has the destination before it ("Merkel ist ... zu
            # Gesprächen mit Präsident Wladimir Putin nach Moskau gereist"): the host named there
            # is no visitor.
            bound = _city_in(sentence[: trigger.start()])[1]
            foreign = [m for m in foreign if m.actor.country != bound] or foreign
        if foreign:
            visitor = foreign[-1].actor
            group = _coordinated(sentence, start, before, foreign[-1])
        elif not before:
            # The visit opens the sentence and its visitor follows: "Mit einem überraschenden
            # Besuch in Kiew hat US-Präsident Joe Biden ...", "En visite hier à Athènes, le
            # président turc Recep Tayyip Erdogan ...", Arabic "وصل الرئيس الفرنسي ... إلى
            # الرياض" (verb first).
            if city is None and country is None and not sentence[: trigger.start()].strip():
                # The verb opens it; the city may follow "the airport of" ("إلى مطار شرم الشيخ").
                city, country, _ = _city_in(sentence[trigger.end() :])
                if city is None:
                    city, country, _ = _city_in(sentence[trigger.end() :], bare=True)
            elif city is None and country is None:
                # Russian and Polish put the destination first when the visitor ends the
                # sentence: "В тот же день в Вашингтон прибыл премьер-министр Японии".
                city, country, _ = _city_in(sentence[: trigger.start()])
            guests = [m for m in after if m.actor.country not in (None, country)]
            visitor = guests[0].actor if guests and (city or country) else None
    if visitor is None:
        return []
    if country == visitor.country:  # "ties with Washington and Moscow": not where Putin went
        city = country = None
    hosts = [
        m.actor for m in ms if m.actor != visitor and m.actor.country not in (None, visitor.country)
    ]
    if country is None and hosts:
        country = hosts[0].country
    if city is None and country is None:  # "in Qingdao" later on, "visitó el jueves Pyongyang"
        after_trigger = sentence[trigger.end() :]
        city, country, _ = _city_in(after_trigger)
        if city is None:
            city, country, _ = _city_in(after_trigger, bare=True)
        if country == visitor.country:
            city = country = None
    if city is None and country is None:
        city, country = _turkish_destination(sentence[: trigger.start()])
    if city is None and country is None and _VERB_LAST.search(sentence):
        city, country = _cjk_destination(sentence[: trigger.start()], visitor)
    if city is None:
        city, country = _city_before(sentence[: trigger.start()], visitor, country)
    drafts = []
    for guest in (*(a for a in group if a.country != country), visitor):
        draft = _Draft("visit", guest, sentence.strip(), place=city, country=country)
        for host in hosts:
            if host.country == country and host not in (visitor, *group):
                draft.others.setdefault(host, "host")
        drafts.append(draft)
    return drafts


def _city_before(head: str, visitor: Actor, country: str | None) -> tuple[str | None, str | None]:
    """(city, country) of a visit whose city the words before its verb put it in: German and
    Dutch end the clause with the verb ("ist am Sonntag in Berlin eingetroffen", "nach Moskau
    gereist"), Spanish and Italian often name the city before the visit ("aterrizó en París
    para una visita de Estado"). Not the visitor's own city, nor one outside the country the
    visit is already known to be in; with no city, the country the words put it in ("nach
    China gereist", "in Frankreich eingetroffen"), the last before the verb."""
    city, code, _ = _city_in(head)
    if city is not None and code != visitor.country and country in (None, code):
        return city, code
    if country is None:
        for named, start, _ in reversed(country_mentions(head)):
            if named != visitor.country and _put_in().search(head, max(0, start - 12), start):
                return None, named
    return None, country


#: What joins the names of a list, titles included: "French President Emmanuel Macron, German
#: Chancellor Olaf Scholz and Italian Prime Minister Mario Draghi arrived", "Britain, Canada,
#: Australia, New Zealand and Norway on Tuesday imposed sanctions".
_LIST_JOIN = screened(
    r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
    r"(?:(?:[A-Z][\w.'’\-]*|of|the|for)[ \t]+)*"
)


def _coordinated(
    sentence: str, start: int, mentions: Sequence[Mention], last: Mention
) -> list[Actor]:
    """The actors listed with `last` (the last name of a list that ends with it), before it."""
    group: list[Actor] = []
    index = mentions.index(last)
    while index > 0:
        previous = mentions[index - 1]
        between = sentence[previous.end - start : mentions[index].start - start]
        if not _LIST_JOIN.fullmatch(between):
            break
        if previous.actor not in group and previous.actor != last.actor:
            group.insert(0, previous.actor)
        index -= 1
    return group


#: Korean and Japanese make the visit a clause before its visitor: "방한한 기시다 총리" (Prime
#: Minister Kishida, who visited Korea), "来日したモディ首相". Not "방한 중인", "来日中の" (who is
#: visiting): the sentence's day is their talks', the visit began before.
_VISITED_WHO = screened(r"한[ \t]|した(?![\s。、，,」）)])")

#: Turkish makes the visit a clause before its visitor: "Türkiye'ye resmi ziyarette bulunan
#: Yunanistan Başbakanı", "Resmi ziyaret için Türkiye'de bulunan Polonya Cumhurbaşkanı".
_VISITING = screened(r"\w*(?:\s+\S+){0,3}?\s+(?:bulunan|gelen)(?!\w)")

#: A Turkish place with the case ending of where to or where in, after an apostrophe:
#: "Yunanistan'a ... ziyaret gerçekleştirdi", "Atina'da görüştü". Turkish puts the destination
#: before the visit's word, so it is read from the words before it.
_TURKISH_WHERE = screened(
    r"(?<!\w)(?P<place>[A-ZÇÖÜŞİ][\w\-]+(?:[ \t][A-ZÇÖÜŞİ][\w\-]+)?)['’]"
    r"(?:y?[ae]|[dt][ae])(?!\w)"
)


def _turkish_destination(head: str) -> tuple[str | None, str | None]:
    """(city, country) of the last place the words before a visit's word put it in or send it
    to, Turkish-fashion ("perşembe günü Yunanistan'a resmi bir ziyaret")."""
    return _where(m.group("place") for m in reversed(list(_TURKISH_WHERE.finditer(head))))


#: Delegations, in the registry's languages: talks between them are the states' meeting.
_DELEGATIONS = screened(
    r"(?i)(?<!\w)(?:delegations?|délégations?|Delegation(?:en)?|delegaci(?:ón|ones)|"
    r"delegazion[ei]|delegaç(?:ão|ões)|делегаци\w*|сторон(?:ой|ами|ы)|heyet\w*|وفد\w*)(?!\w)|"
    r"代表团|代表団|대표단"
)


#: Russian names the two sides of talks in one compound adjective: "российско-американские
#: консультации" (Russian-American consultations). Held in a third country, they are the two
#: states' meeting; at one side's home (the Kremlin's readouts), a visit's talks.
_PAIRED_SIDES = screened(
    r"(?i)(?<!\w)[а-яё]+о-[а-яё]+(?:ие|их|ими|ая|ой|ую)\s+(?:переговор|консультаци|встреч)"
)


def _delegation_talks(sentence: str, ms: Sequence[Mention]) -> list[_Draft]:
    """ "Russian and Ukrainian delegations held talks in Istanbul": a meeting of two states
    whose people the sentence does not name."""
    paired = False
    if not _DELEGATIONS.search(sentence):
        paired = _PAIRED_SIDES.search(sentence) is not None
        if not paired:
            return []
    triggers = _trigger("meeting").finditer(sentence)
    if not any(not _not_held(sentence[: t.start()]) for t in triggers):
        return []
    place, country, _ = _city_in(sentence)
    # "консультации прошли в Женеве": Geneva is where, not Switzerland a side.
    states = list(
        dict.fromkeys(m.actor for m in ms if m.actor.kind == "state" and m.actor.country != country)
    )
    if len(states) < 2:
        return []
    draft = _Draft("meeting", states[0], sentence.strip(), place=place, country=country)
    for other in states[1:]:
        draft.others[other] = "participant"
    if draft.country in {s.country for s in states}:
        draft.place = draft.country = None  # "in Moscow" is a side's home: a visit, not this
    if paired and draft.country is None:
        return []  # "В Кремле состоялись российско-индонезийские переговоры": a visit's talks
    return [draft]


def _cjk_destination(head: str, visitor: Actor) -> tuple[str | None, str | None]:
    """(city, country) last named before a visit's verb, not the visitor's own: Japanese,
    Korean and Hindi put the destination first ("ウクライナの首都キーウを訪問した")."""
    table = _place_table()
    best: tuple[int, str | None, str] | None = None
    for at, spelling in _named_places(head):
        place = table.spellings[spelling]
        if _VERB_LAST.search(spelling) and place.code != visitor.country:
            best = (at, place.name, place.code)
    for code, start, _ in country_mentions(head):
        if code != visitor.country and (best is None or start > best[0]):
            best = (start, None, code)
    return (best[1], best[2]) if best else (None, None)


def _talk_draft(kind: str, sentence: str, ms: Sequence[Mention]) -> _Draft | None:
    people = list(dict.fromkeys(m.actor for m in ms))
    if len(people) < 2:
        return None
    draft = _Draft(kind, people[0], sentence.strip())
    for other in people[1:]:
        draft.others[other] = "participant"
    draft.place, draft.country, _ = _city_in(sentence)
    return draft


#: English words before a city beyond a preposition: "at Hanoi's Metropole hotel", "in the
#: Chinese city of Tianjin", "at the port of Visakhapatnam", "at the Tower of London".
_PLACE_LEAD = (
    r"at |(?:in|at|to|into) the (?:[\w'’-]+ ){0,3}?(?:city|capital|port|resort|town|province|"
    r"region|village) of |(?:in|at) the (?:[A-Z][\w'’-]+ ){1,4}(?:of|in) |"
    # German puts the country's adjective before the city ("im russischen Kasan"), Romance
    # languages name the city after "the city" ("en la ciudad rusa de Kazán", "dans la ville
    # russe de Kazan", "nella città russa di Kazan").
    r"(?:im|ins|in|nach) [a-zäöü]+(?:ischen|ische|isches) |"
    r"(?:la|na|nella) (?:ciudad|ville|città|cidade) (?:[a-zéèíóúàãõç]+ )?(?:de|di|d')[ ]?"
)
#: A capital named by its country's adjective: "arrived in the Saudi capital on Tuesday".
#: Other languages put the adjective after the noun or decline it: "прибыл в индийскую
#: столицу", "in der indischen Hauptstadt", "dans la capitale indienne", "nella capitale russa",
#: "en la capital saudí". One group per language; the match's last group is the adjective.
_THE_CAPITAL = screened(
    r"(?:(?<!\w)(?:in|to|at|into) |^\s*)the (?P<en>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital"
    r"(?![ \t]+[A-Z])(?!\w)"
    r"|(?<!\w)(?:в|во|у|до) (?P<ru>[а-яёіїєґ]+) столиц[аеуыію](?!\w)"
    r"|(?<!\w)(?:in|nach) (?:der|die) (?P<de>[a-zäöü]+) Hauptstadt(?!\w)"
    r"|(?<!\w)(?:à la|dans la|en la|a la|nella|alla|na|em|en) capitale? "
    r"(?P<rom>[a-zéèêëàâçíóúãõ]+)(?!\w)"
)
#: Words of _THE_CAPITAL, to skip the search in a sentence that has none of them.
_CAPITAL_WORDS = ("capital", "столиц", "Hauptstadt")
#: Vowel signs and points, which are no word characters to re: Devanagari "दिल्ली", Arabic
#: harakat, Hebrew points, combining accents.
_MARK = (
    "[\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0610-\u061a\u064b-\u065f\u05b0-\u05c7]"
)
#: A word a place name is made of: letters of a spaced script, with apostrophes and hyphens
#: ("Xi'an", "Тель-Авиве"); CJK is searched apart, by its spellings.
_NAME_WORD = screened(
    rf"[^\W\d_{_CJK}](?:[^\W{_CJK}'’\-]|{_MARK})*(?:['’\-](?:[^\W{_CJK}'’\-]|{_MARK})+)*"
)
#: Turkish says "in" and "to" with a case ending after an apostrophe: "Washington'da".
_TURKISH_CASE = screened(r"['’](?:y?[ae]|[dt][ae])$")
#: Arabic writes "in" onto the city: "بالرياض" is "في الرياض"; Hebrew "in", "to" and "from"
#: too: "בקייב", "לוושינגטון".
_ARABIC_IN = screened(r"^[وف]?ب(?=[\u0621-\u064a])|^ו?[בלמ]-?(?=[\u05d0-\u05ea])")
#: The Hindi postpositions after a place: in, of, from, to ("दिल्ली में", "बीजिंग की यात्रा").
_HINDI_AFTER = screened(r" (?:में|की|के|का|से|को|पहुं|पहुँ)")
_NEXT_NAME = screened(rf"[ \t]+{_CAPITAL}")
#: The country after a town's name, as wire copy places a town readers may not know: "in Siem
#: Reap, Cambodia", "at Watford, England" (up to three capitalized words).
_COMMA_COUNTRY = screened(
    rf",[ \t]+(?P<country>{_CAPITAL}[\w'’\-]*(?:[ \t]{_CAPITAL}[\w'’\-]*){{0,2}})"
)


def _country_follows(sentence: str, end: int, code: str) -> bool:
    """Whether the words after a town's name at `end` name its own country ("Siem Reap,
    Cambodia"): that makes a town of the named tier, known elsewhere only after a visit's word,
    a place the sentence puts something in."""
    match = _COMMA_COUNTRY.match(sentence, end)
    if not match:
        return False
    words = match.group("country").split()
    return any(country_of(" ".join(words[:n])) == code for n in range(len(words), 0, -1))


@cache
def _put_in() -> re.Pattern[str]:
    """The words that put something in a place, right before its name: "in ", "à ", "nach "."""
    to = "|".join(_vocabulary()["triggers"]["to"])
    return screened(rf"(?<!\w)(?:(?:{to}) |{_PLACE_LEAD})$")


#: How far before a name _put_in looks: "in the Chinese city of " and the like fit.
_PUT_IN_REACH = 80


def _cjk_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, spelling) of each scanned CJK place in `text`, longest spelling first at
    each position: CJK writes no spaces, so every position is tried against the table, but only
    with the lengths of the spellings that begin with its character (trying every length up to
    the longest spelling cost about 30 ms on a long Chinese article)."""
    table = _place_table()
    found: list[tuple[int, int, str]] = []
    at = 0
    while at < len(text):
        for size in table.cjk_lengths.get(text[at], ()):
            end = at + size
            if end <= len(text) and text[at:end] in table.cjk:
                found.append((at, end, text[at:end]))
                at = end
                break
        else:
            at += 1
    return found


#: _city_in's answers for the last sentences and bodies asked about: the rules of one sentence
#: ask it of the same sentence several times, and the end of find_events of the whole body (for
#: summits, talks and signings placed nowhere else, and the dateline's check).
@lru_cache(maxsize=32)
def _city_in(sentence: str, bare: bool = False) -> tuple[str | None, str | None, tuple[int, int]]:
    """(city, country, span of its name) of the first known city the sentence puts something
    in ("in Tehran", "à Pékin", "nach Moskau", "Tahran'da", "بالرياض", "在北京"); `bare`: the
    first it names at all, not as part of a longer name ("the Shanghai Cooperation
    Organization").

    The sentence's capitalized words, one to five in a row, are looked up in the table (the
    longest first), so the cost does not grow with the gazetteer: most sentences have a few
    such words and name no city."""
    table = _place_table()
    found: tuple[str | None, str | None, tuple[int, int]] = (None, None, (0, 0))
    if _HAS_CJK.search(sentence):
        cjk = _cjk_places(sentence)
        if cjk:
            start, end, spelling = cjk[0]
            city = table.spellings[spelling]
            found = (city.name, city.code, (start, end))
    words = list(_NAME_WORD.finditer(sentence))
    for i, word in enumerate(words):
        if found[0] is not None and word.start() >= found[2][0]:
            break
        if word.group()[0].islower() and word.group() not in table.starts:
            continue  # names start with a capital, or are of a script without case
        for end in _phrase_ends(sentence, words, i):
            place = _place_at(sentence, word.start(), end, bare)
            if place:
                found = place
                break
        if found[0] is not None:
            break
    if not bare and any(word in sentence for word in _CAPITAL_WORDS):
        for match in _THE_CAPITAL.finditer(sentence):
            group = match.lastgroup or "en"
            named = country_code(match.group(group))
            capitals = _capitals().get(named or "", ())
            if named and capitals and (found[0] is None or match.start() < found[2][0]):
                found = (capitals[0], named, match.span(group))
                break
    return found


def _named_places(text: str) -> list[tuple[int, str]]:
    """(start, spelling) of every scanned place `text` names, wherever it stands, in order:
    CJK by its spellings, other scripts by their capitalized words (longest name first)."""
    named = [(start, spelling) for start, _, spelling in _cjk_places(text)]
    words = list(_NAME_WORD.finditer(text))
    skip_to = 0
    for i, word in enumerate(words):
        if word.start() < skip_to or word.group()[0].islower():
            continue
        for end in _phrase_ends(text, words, i):
            phrase = text[word.start() : end]
            spelling = _scanned(phrase) or _scanned(_TURKISH_CASE.sub("", phrase))
            if spelling:
                named.append((word.start(), spelling))
                skip_to = end
                break
    return sorted(named)


def _phrase_ends(text: str, words: Sequence[re.Match[str]], first: int) -> list[int]:
    """Where the phrases of one to five words from `words[first]` end, the longest first: the
    words a place name can be made of, one space apart ("Rio de Janeiro", "Kuala Lumpur")."""
    last = first
    while last + 1 < len(words) and last - first < 4:
        if text[words[last].end() : words[last + 1].start()] != " ":
            break
        last += 1
    return [words[j].end() for j in range(last, first - 1, -1)]


def _place_at(
    sentence: str, start: int, end: int, bare: bool
) -> tuple[str, str, tuple[int, int]] | None:
    """The scanned place `sentence[start:end]` names where it is put in (after "in", with a
    Turkish case ending, an Arabic "bi-"), or anywhere when `bare`; None if it is none."""
    phrase = sentence[start:end]
    if _DEVANAGARI_WORD.match(phrase):
        # Hindi says "in" after the city ("विशाखापत्तनम में"), and has no capitals to tell a
        # city from the start of a longer name ("शंघाई सहयोग संगठन", the SCO).
        put = bool(_HINDI_AFTER.match(sentence, end))
    else:
        put = bare or bool(_put_in().search(sentence, max(0, start - _PUT_IN_REACH), start))
    spelling = _scanned(phrase) if put else None
    if spelling is None and put:
        known = _spelling(phrase, _place_table().spellings)
        if known and _country_follows(sentence, end, _place_table().spellings[known].code):
            spelling = known
    if spelling is None:
        turkish = _TURKISH_CASE.search(phrase)
        arabic = _ARABIC_IN.match(phrase)
        if turkish:
            end = start + turkish.start()
        elif arabic:
            start += arabic.end()
        else:
            return None
        spelling = _scanned(sentence[start:end])
    if spelling is None or (bare and _NEXT_NAME.match(sentence, end)):
        return None
    place = _place_table().spellings[spelling]
    return place.name, place.code, (start, end)


#: Words that put what a sentence tells in the past, whatever day it was said on: "Xi's visit
#: to Moscow last year", "Lavrov, who visited Pyongyang in October, said on Thursday", "many
#: times before the war".
_PAST = screened(
    r"(?i)(?<!\w)(?:last (?:year|month|summer|autumn|fall|winter|spring)|earlier this (?:year|"
    r"month)|many times|in the past|years ago|months ago|who (?:\w+ )?(?:visited|met|travell?ed)|"
    r"в прошлом (?:году|месяце)|l'an dernier|l'année dernière|le mois dernier|letztes Jahr|"
    r"im (?:vergangenen|letzten) Jahr|el año pasado|el mes pasado|geçen (?:yıl|ay))(?!\w)"
)
_IN_YEAR = screened(r"(?<!\w)(?:in|en|im|в|au cours de) ((?:19|20)\d\d)(?!\w)")


#: "The same day" names the day the article last named: "On the same day, ... signed".
_SAME_DAY = screened(
    r"(?i)(?<!\w)(?:(?:on )?the same day|le même jour|am (?:selben|gleichen) Tag|el mismo día|"
    r"lo stesso giorno|no mesmo dia|в тот же день|aynı gün)(?!\w)|同日|同じ日|当天|当日"
)


def _other_year(sentence: str, published_on: date) -> bool:
    """Whether the sentence puts what it tells in a year before the publication's ("received
    the S-400s in 2019")."""
    return any(int(y) < published_on.year for y in _IN_YEAR.findall(sentence))


def _past(sentence: str, published_on: date) -> int | None:
    """Where a sentence starts telling of visits, talks or calls before the days it names (a
    year before the publication's, "last year", "who visited", "im Juli" in an August article):
    background, not the news. None if it does not."""
    starts = [m.start() for m in _PAST.finditer(sentence)]
    starts += [
        m.start() for m in _IN_YEAR.finditer(sentence) if int(m.group(1)) < published_on.year
    ]
    starts += [
        m.start()
        for m in _in_month().finditer(sentence)
        if _months()[m.group("month").lower()] != published_on.month
    ]
    return min(starts, default=None)


#: A clause break: what comes after it may recall the past without undoing the news before it.
_CLAUSE_BREAK = screened(r"[,;]\s")


def _news_before_past(sentence: str, at: int, published_on: date) -> int | None:
    """The end of the news a sentence tells before a later clause recalls the past ("Kishida
    arrived in Seoul on Sunday for a summit with Yoon, reciprocating Yoon's visit to Tokyo in
    March"): the last clause break before `at`, if the words before it name a recent day."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    if not breaks:
        return None
    days = resolve_dates(sentence[: breaks[-1]], published_on)
    recent = [d for d in days if published_on - timedelta(days=RECENT_DAYS) <= d <= published_on]
    return breaks[-1] if recent else None


@cache
def _in_month() -> re.Pattern[str]:
    """A month named without its day ("im Juli", "in July", "en juillet", "в июле" is not here:
    Russian uses the prepositional): when something happened, a month back, not a day."""
    names = sorted(
        _vocabulary()["months"]["en"]
        + [w for lang in ("fr", "de", "es", "it", "pt") for w in _vocabulary()["months"][lang]],
        key=len,
        reverse=True,
    )
    month = "|".join(map(re.escape, names))
    return screened(
        rf"(?<!\w)(?i:in|im|en|a|em|nel|di)\s+(?P<month>(?i:{month}))(?![ \t]*\d)(?!\w)"
    )


#: Korean and Japanese news tell what happened in the past tense ("판문점에서 만났다", "会談した")
#: and what is scheduled in the non-past: "정상회담은 30일 열린다" (the summit is held on the
#: 30th), "방문할 예정이다" (is to visit), "会談する予定だ", "首脳会合に臨む" (will attend).
_KOREAN_PLAN = screened(r"(?:예정|계획|방침|전망)이다$")
_JAPANESE_PLAN = screened(
    r"(?:予定|見通し|方針|方向)(?:だ|です)?$|(?<!い)(?<!あ)[うくすつぬむゆるぐぶ]$"
)
_KANA = screened("[\u3040-\u30ff]")
_JAPANESE_STOP = screened("(?<=。)")
_SENTENCE_CLOSE = screened(r"[\s。.!?！？]+$")
#: The past tense's final consonant (ㅆ) in a Hangul syllable, as an index of its finals.
_HANGUL_SSANG_SIOT = 20


def _told_ahead(sentence: str) -> bool:
    """Whether a Korean or Japanese sentence ends in the non-past: a schedule, not news. Not a
    copula ("5년 만이다", the first in five years), a state ("방한 중이다", "滞在している", "ある"),
    nor a quote closing the sentence (what someone said, in any tense). Japanese sentences run
    on without a space after "。": each must end in the non-past."""
    parts = [p for p in _JAPANESE_STOP.split(sentence) if p.strip()]
    return bool(parts) and all(_ends_ahead(p) for p in parts)


def _ends_ahead(sentence: str) -> bool:
    """_told_ahead for one sentence."""
    end = _SENTENCE_CLOSE.sub("", sentence)
    if len(end) < 2:
        return False
    if "\uac00" <= end[-1] <= "\ud7a3":
        if _KOREAN_PLAN.search(end):
            return True
        before = end[-2]
        past = (ord(before) - 0xAC00) % 28 == _HANGUL_SSANG_SIOT
        return end[-1] == "다" and "\uac00" <= before <= "\ud7a3" and not past and before != "이"
    return bool(_KANA.search(end) and _JAPANESE_PLAN.search(end))


#: The sentences of an article's lead: its headline and first sentence.
_LEAD = 2
_TALKS = ("visit", "meeting", "call")
#: What a readout's lead tells on the day it is published when the article names no day at all:
#: talks, and the text signed at them ("Подписан Договор о ... партнёрстве между Россией и
#: Ираном", the Kremlin's headline).
_READOUT = (*_TALKS, "agreement")


def find_events(
    title: str, text: str, published_on: date, actors: Sequence[Mention] | None = None
) -> list[Event]:
    """The visits, meetings, calls, arms transfers, sanctions, summits, exercises and agreements
    an article reports, one per event; `actors` are the actor mentions of `f"{title}\n{text}"`
    when the caller has found them already (find_structure), so they are not looked for twice."""
    body = f"{title}\n{text}"
    if actors is None:
        actors = find_actors(body)
    mentions = _person_mentions(body, actors)
    parties = _party_mentions(body, actors)
    spans = _sentences(body)
    # Each sentence's days, resolved once and only when wanted (resolving is a dozen regular
    # expressions per sentence): for a sentence that reports something, or that may report a
    # gathering or delegations' talks, for the sentence before "the same day", and for the
    # article's recent days should an event have no day of its own.
    named: list[list[date] | None] = [None] * len(spans)
    # An agency's dateline names the day it files ("МОСКВА, 16 августа.", "OULAN-BATOR, 3 sept
    # (AFP) -"): the day of the news is the one its sentence names after it ("прошедшие накануне",
    # "est arrivé lundi soir"), if any.
    dateline = len(title) + 1 + _dated_dateline_end(text)

    def named_days(index: int) -> list[date]:
        days = named[index]
        if days is None:
            start, end = spans[index]
            days = resolve_dates(body[start:end], published_on)
            if start < dateline < end and len(days) > 1:
                days = resolve_dates(body[dateline:end], published_on) or days
            named[index] = days
        return days

    def own_days(index: int) -> list[date]:
        return [d for d in named_days(index) if d <= published_on]

    def sentence_days(index: int) -> list[date]:
        days = own_days(index)
        if not days and _SAME_DAY.search(body[spans[index][0] : spans[index][1]]):
            # "On the same day, ... signed the Agreement": the last days a sentence named.
            earlier = (own_days(i) for i in range(index - 1, -1, -1))
            days = next((d for d in earlier if d), [])
        return days

    mention_starts = [m.start for m in mentions]
    party_starts = [m.start for m in parties]
    drafts: dict[tuple[str, Actor], _Draft] = {}
    received: list[Actor] = []

    # A readout or agency lead names no day at all ("Путин провел в Кремле переговоры с ...",
    # "Erdoğan, ... Steinmeier ile bir araya geldi"): the visit or talks its headline and first
    # sentence tell were on the day it was published. Not a sale or a sanction: "Modi's
    # government buys arms from Russia" is a habit.
    def undated() -> bool:
        return not any(named_days(index) for index in range(len(spans)))

    for index, (start, end) in enumerate(spans):
        sentence = body[start:end]
        context = _CONTEXT_SPAN.search(sentence)
        if context:  # what follows recalls an earlier event
            end = start + context.start()
            sentence = sentence[: context.start()]
        ms = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        in_sentence = parties[bisect_left(party_starts, start) : bisect_left(party_starts, end)]
        # A sentence naming nobody reports nothing whatever its words, but a summit held in a
        # city ("В Ашхабаде прошел VI Каспийский саммит"): its host is the city's state.
        nameless = not ms and not in_sentence
        if nameless and not _gathering_trigger("summit").search(sentence):
            continue
        past = _past(sentence, published_on)
        news = _news_before_past(sentence, past, published_on) if past else None
        if news is not None:  # the news first, then a clause recalling the past
            end = start + news
            sentence = sentence[:news]
            past = None
        background = past is not None
        # A schedule, in a Korean or Japanese sentence (a headline's non-past is its news): an
        # exercise alone may be told in the non-past, running on ("21일부터 31일까지 진행된다").
        ahead = start > 0 and _told_ahead(sentence)
        found = _person_drafts(sentence, start, ms) if ms and not background and not ahead else []
        if ms and not found and not background:
            received += _received_by(sentence, start, ms)
        # A gathering needs its own day: "joint naval drills in recent years" is background;
        # a headline's is the news of the article's days ("Sommet de l'OTAN : ...").
        headline = bool(title) and start == 0
        # Sanctions need two parties; arms transfers a buyer at least, gatherings one.
        party = _party_drafts(sentence, start, in_sentence) if in_sentence else []
        # A signing or summit of another year is background too ("una convención que España
        # firmó en 2008" beside the news of the day).
        dated = (in_sentence or nameless) and (headline or sentence_days(index))
        if not dated or _other_year(sentence, published_on):
            # A buyer alone is news only on a day of its own: "the first of 42 Rafale fighters
            # it ordered in 2022", "Ankara's wish to buy Eurofighter jets" are not.
            party = [d for d in party if d.kind != "arms_transfer" or d.others]
        if not party and dated and not (background and _IN_YEAR.search(sentence)):
            party = _gathering_drafts(sentence, start, in_sentence)
        if ahead:
            party = [draft for draft in party if draft.kind == "exercise"]
        found += party
        if not found and not background and len(in_sentence) >= 2 and dated:
            found += _delegation_talks(sentence, in_sentence)
        if found:
            days = sentence_days(index)
            for draft in found:
                draft.occurred_on = days[0] if days else None
                if draft.kind == "visit":
                    _arrival_day(draft, sentence, published_on)
                if index < _LEAD and draft.kind in _READOUT and undated():
                    draft.occurred_on = published_on
                _merge(drafts, draft)
    if any(draft.occurred_on is None for draft in drafts.values()):
        recent = [
            day
            for index in range(len(spans))
            for day in named_days(index)
            if published_on - timedelta(days=RECENT_DAYS) <= day <= published_on
        ]
    else:
        recent = []
    _merge_signings(drafts)
    _summit_opening(list(drafts.values()), body, spans, published_on)
    _place_by_dateline(list(drafts.values()), text)
    home = _dateline(text)[1]
    for draft in drafts.values():
        if draft.kind == "call":
            # A call is made from afar: "their meeting in Moscow" and "officials in Taipei"
            # in its sentence are not where it was.
            draft.place = draft.country = None
        if draft.kind == "summit" and draft.place is None:
            # "Sommet de l'OTAN" above "Réunis mardi à Vilnius, les dirigeants...": a summit
            # the article places nowhere else is in the first city it puts something in.
            city, code, _ = _city_in(body)
            if draft.country in (None, code):
                draft.place, draft.country = city, code
        if draft.kind == "exercise" and draft.country is None and not draft.somewhere:
            # "Russia began exercises in its Far East", "South Korea and the United States began
            # their drills": with nowhere named, an exercise is on its first party's soil, or
            # on the soil of the party whose country the article is datelined in ("SEOUL -").
            sides = [draft.main.country, *(a.country for a in draft.others)]
            draft.country = home if home in sides else draft.main.country
    _home_ground_visits(drafts, body)
    for draft in drafts.values():
        if draft.kind == "visit" and draft.country:
            for host in received:
                if host.country == draft.country and host != draft.main:
                    draft.others.setdefault(host, "host")
    _visit_from_talks(list(drafts.values()))
    _drop_visit_talks(drafts)
    _visits_by_dateline(list(drafts.values()), text)
    _borrow_visit_place(list(drafts.values()))
    for draft in drafts.values():
        if draft.kind == "meeting" and draft.country is None:
            # Talks placed nowhere else, nor by a visit of one of their people, were in the first
            # city the article puts something in ("Treffen in Riad: ... Rubio traf Lawrow").
            draft.place, draft.country, _ = _city_in(body)
        elif draft.kind == "agreement" and draft.country is None:
            # A signing placed nowhere else was in the first city the article puts something in,
            # when that is a signatory's ("la France a signé un traité ... Macron et Sánchez
            # l'ont paraphé à Barcelone"): another's is a visit or talks told beside it.
            city, code, _ = _city_in(body)
            if code in {draft.main.country, *(a.country for a in draft.others)}:
                draft.place, draft.country = city, code
    events = []
    for draft in drafts.values():
        day = draft.occurred_on or (recent[0] if recent else None)
        if day is None:
            continue
        if draft.kind == "visit" and draft.country and draft.country == draft.main.country:
            continue  # the host at home ("Erdoğan, Türkiye'ye ... bulunan ... karşıladı")
        place = draft.place
        if place is None and draft.kind in ("visit", "meeting", "call"):
            place = _first_city(body, draft.country)  # where the visit and its talks were
        main_role = _MAIN_ROLE.get(draft.kind, "participant")
        others = (EventActor(a, r) for a, r in draft.others.items())
        parties_of = (EventActor(draft.main, main_role), *others)
        events.append(Event(draft.kind, day, place, draft.country, parties_of, draft.evidence))
    return events


def _merge_signings(drafts: dict[tuple[str, Actor], _Draft]) -> None:
    """One signing told by its signatories' names (the headline's "بوتين وبزشكيان يوقعان", Putin
    and Pezeshkian sign) and by their states (the lede's "الرئيس الروسي ... ونظيره الإيراني", the
    Russian president and his Iranian counterpart) is one agreement: a draft signed by people
    only is folded into one of the same day whose states are all of theirs."""
    signings = [(key, d) for key, d in drafts.items() if d.kind == "agreement"]
    for key, draft in signings:
        people = (draft.main, *draft.others)
        if any(a.kind != "person" or a.country is None for a in people):
            continue
        countries = {a.country for a in people}
        for _, other in signings:
            if other is draft or other.kind != "agreement":
                continue
            states = {a.country for a in (other.main, *other.others) if a.kind == "state"}
            days = {draft.occurred_on, other.occurred_on}
            if countries <= states and (None in days or len(days) == 1):
                del drafts[key]
                for name in ("occurred_on", "place", "country"):
                    if getattr(other, name) is None:
                        setattr(other, name, getattr(draft, name))
                other.somewhere |= draft.somewhere
                draft.kind = "merged"  # folded: not a signing to fold another into
                break


#: A summit's opening told apart from the day the article dates it by: "The summit, which
#: opened on Friday, was overshadowed by ...", in a wrap of its last day.
_SUMMIT_OPENED = re.compile(
    r"(?i)(?<!\w)summit,?\s+(?:which|that)\s+(?:opened|began|started)(?!\w)"
)


def _summit_opening(
    drafts: Sequence[_Draft], body: str, spans: Sequence[tuple[int, int]], published_on: date
) -> None:
    """Date the article's one summit by the opening day a sentence names (a summit's day is its
    first), when it tells one summit only."""
    summits = [d for d in drafts if d.kind == "summit"]
    if len(summits) != 1:
        return
    for start, end in spans:
        opened = _SUMMIT_OPENED.search(body, start, end)
        if opened is None:
            continue
        after = body[opened.start() : min(end, opened.end() + _ARRIVAL_REACH)]
        days = [d for d in resolve_dates(after, published_on) if d <= published_on]
        if days:
            summits[0].occurred_on = days[0]
            return


#: The role of an event's main actor (the one reports of the same event are matched on).
_MAIN_ROLE = {"visit": "visitor", "arms_transfer": "recipient", "agreement": "signatory"}


#: English words of a visitor's arrival, or of a visit's start, with the day after them: "Ishiba,
#: who arrived in Washington on Thursday afternoon, said", "during a state visit that began on
#: Monday", "began a three-day state visit on Sunday". A visit's day is its arrival's, even when
#: the article leads with the talks of a later day ("Trump hosted Ishiba ... on Friday").
_ARRIVED = screened(
    r"(?<!\w)(?:arrived|arriving|landed|touched down|(?:visit|trip|tour)\s+(?:that|which)\s+"
    r"(?:began|started|opened)|began\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|tour))(?!\w)"
)
#: How far after the words of an arrival its day may be named: "arrived in the Indonesian
#: capital Jakarta late on Friday" fits.
_ARRIVAL_REACH = 60


def _arrival_day(draft: _Draft, sentence: str, published_on: date) -> None:
    """Date a visit by the arrival its sentence tells, if it names the arrival's day."""
    arrival = _ARRIVED.search(sentence)
    if arrival is None:
        return
    after = sentence[arrival.start() : arrival.end() + _ARRIVAL_REACH]
    days = [d for d in resolve_dates(after, published_on) if d <= published_on]
    if days:
        draft.occurred_on, draft.arrived = days[0], True


def _merge(drafts: dict[tuple[str, Actor], _Draft], draft: _Draft) -> None:
    """Fold a sentence's draft into the article's draft of the same kind and main actor; a
    visit's day is the arrival's a sentence tells, when earlier than the day the article gave
    it (the talks of the visit's second day)."""
    key = (draft.kind, draft.main)
    known = drafts.get(key)
    if known is None:
        drafts[key] = draft
        return
    if (
        draft.arrived
        and not known.arrived
        and draft.occurred_on is not None
        and known.occurred_on is not None
        and draft.occurred_on < known.occurred_on <= draft.occurred_on + timedelta(RECENT_DAYS)
    ):
        known.occurred_on, known.arrived = draft.occurred_on, True
    if known.country is not None and draft.country not in (None, known.country):
        draft.place = None  # "Biden will fly to Tokyo" does not place his visit to South Korea
    for name in ("occurred_on", "place", "country"):
        if getattr(known, name) is None and getattr(draft, name) is not None:
            setattr(known, name, getattr(draft, name))
            if name == "place":
                known.evidence = draft.evidence  # the sentence that says where is the better one
    for actor, role in draft.others.items():
        known.others.setdefault(actor, role)
    known.somewhere |= draft.somewhere


#: Offices whose holders travel as their state: a leader's talks abroad are a visit, a
#: minister's a meeting ("Nakatani met Marles in Tokyo").
_LEADER = screened(
    r"(?<![Vv]ice )(?<![Vv]ice-)(?<!Deputy )\b(?:President|Prime Minister|Chancellor|King|"
    r"Premier|Emir|Crown Prince|Supreme Leader|Sultan)\b"
)


def _leader(actor: Actor) -> bool:
    return (
        actor.kind == "person" and actor.office is not None and bool(_LEADER.search(actor.office))
    )


#: A wire dateline: "MOSCOW (Atlas Wire) -", "KAZAN, Russia (Reuters) -", "RIYADH —", the
#: Indian press's "NEW DELHI:", the first city of "BRUSSELS/LONDON (Reuters) -", and the
#: agencies' city with its day: TASS's "МОСКВА. 15 июня. -" and "АСТАНА, 28 ноября.", AFP's
#: "OULAN-BATOR, 3 sept (AFP) -".
_DATELINE = screened(
    r"^\s*(?P<city>[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'.\-]+(?:[ \t][A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'.\-]+)*)"
    r"(?:/[A-Z][A-Z'.\- ]+)?"
    r"(?:(?:,[ \t]+(?P<country>[A-Z][\w .]+?))?[ \t]*(?:\(|[—–]|-[ \t]|:[ \t])"
    r"|[,.][ \t]+\d{1,2}[ \t]+[^\W\d]+\.?[ \t]*(?:\(|[—–-]|(?<=\.)))"
)
#: Datelines of scripts without capitals (CJK ones name a city the text's scan finds anyway):
#: the Hindi press's "नई दिल्ली।" and "कोयंबटूर, 6 अगस्त।", the Arabic agencies' "جدة - ".
_SCRIPT_DATELINE = screened(
    r"^\s*(?P<city>[\u0900-\u097f]+(?: [\u0900-\u097f]+)?)(?:, [^।\n]{1,25})?।"
    r"|^\s*(?P<arabic>[\u0621-\u064a]+(?: [\u0621-\u064a]+)?)[ \t]*[-–—][ \t]"
)


@lru_cache(maxsize=4)  # asked of the same text three times per article
def _dateline(text: str) -> tuple[str | None, str | None]:
    """(city, country) of the wire dateline the text opens with: a known city, or one the
    gazetteer lacks with the country the dateline names ("ANTALYA, Turkey (Reuters) -"), spelled
    as the text spells it ("SHARM EL-SHEIKH, Egypt" ... "the resort of Sharm el-Sheikh")."""
    match = _DATELINE.match(text)
    if not match:
        return _script_dateline(text)
    city = match.group("city").title()
    country = _place_code(city)
    if country:
        return place_name(city), country
    named = match.group("country")
    country = country_code(named.strip()) if named else None
    if country is None:
        return None, None
    written = re.compile(rf"(?i)(?<!\w){re.escape(city)}(?!\w)").search(text, match.end())
    return (written.group() if written and written.group()[0].isupper() else city), country


def _dated_dateline_end(text: str) -> int:
    """Where a wire dateline that names its day ends in `text` ("МОСКВА, 16 августа."), else 0."""
    match = _DATELINE.match(text)
    return match.end() if match and _DIGIT.search(match.group()) else 0


def _script_dateline(text: str) -> tuple[str | None, str | None]:
    """(city, country) of a Hindi or Arabic dateline (_SCRIPT_DATELINE) naming a known city."""
    match = _SCRIPT_DATELINE.match(text)
    phrase = match and (match.group("city") or match.group("arabic"))
    code = _place_code(phrase) if phrase else None
    return (place_name(phrase), code) if phrase and code else (None, None)


def _visits_by_dateline(drafts: Sequence[_Draft], text: str) -> None:
    """A visit the article places nowhere, by a visitor from another country, is where the
    article is datelined ("WASHINGTON (Reuters) - ... during a state visit that began on
    Monday"); a visit to the dateline's country is in the dateline's city ("PYEONGTAEK, South
    Korea - Biden arrived in South Korea"), not in the first city the text names."""
    city, country = _dateline(text)
    if country is None:
        return
    for draft in drafts:
        if draft.kind != "visit" or draft.place is not None:
            continue
        if draft.country is None and draft.main.country not in (None, country):
            draft.country = country
        if draft.country == country:
            draft.place = city


def _place_by_dateline(drafts: Sequence[_Draft], text: str) -> None:
    """Talks, a summit or a signing the article places nowhere happened where it is datelined
    ("RIYADH (Gulf Wire) - Saudi Arabia and Pakistan signed a pact"). Not calls (from afar),
    visits (they name where they go) or exercises (held far from the newsroom). A summit brings
    the press to its city, talks less often: talks may be told from the agency's home ("МОСКВА,
    16 августа. Переговоры, прошедшие накануне в Анкоридже"), so a text that first puts
    something in a city of another country does not place them by its dateline."""
    city, country = _dateline(text)
    if city is None or country is None:
        return
    for draft in drafts:
        if draft.place is not None or draft.country not in (None, country):
            continue
        # Where the text first puts something (a search of the whole text) only for talks.
        if draft.kind in ("summit", "agreement") or (
            draft.kind == "meeting" and _city_in(text)[1] in (None, country)
        ):
            draft.place, draft.country = city, country


@cache
def _capitals() -> dict[str, tuple[str, ...]]:
    """ISO code -> its capitals' names as places are stored (countries.toml [capitals])."""
    document = files("newsarchive.analysis").joinpath("countries.toml").read_text("utf-8")
    capitals = tomllib.loads(document)["capitals"]
    return {code: tuple(place_name(c) for c in names) for code, names in capitals.items()}


def _home_ground_visits(drafts: dict[tuple[str, Actor], _Draft], body: str) -> None:
    """A head of state or government's talks in another side's country are a visit there:
    "Scholz met Putin in the Kremlin", "Macron ist in Moskau mit Putin zusammengetroffen". A
    meeting whose country is that of some of its people (the hosts) and not of a leader among
    the others (the visitor) becomes the leader's visit, folded into the visit the article
    already tells, if any. Talks where nobody is at home (Modi and Xi at a summit in Kazan),
    ministers' talks (Nakatani and Marles in Tokyo) and leaders' talks away from the capital in
    an article about a summit (Biden and Xi in Woodside beside APEC, Trump and Putin's Anchorage
    summit, Biden and Scholz at Elmau) stay a meeting."""
    # Whether the article is about a summit is asked only of talks that would become a visit:
    # the search over the whole body was a tenth of the cost of an article's structure.
    summit: bool | None = None
    travelled: bool | None = None
    for key, draft in list(drafts.items()):
        if draft.kind != "meeting" or draft.country is None:
            continue
        people = [draft.main, *draft.others]
        hosts = [p for p in people if p.kind == "person" and p.country == draft.country]
        away = [p for p in people if p.kind == "person" and p.country not in (None, draft.country)]
        guests = [p for p in away if _leader(p)]
        if not guests and len({p.country for p in away}) == 1:
            # A minister or envoy's talks are a visit when the article tells of travel ("the
            # first British defence secretary to visit Moscow since 2013", "первый визит
            # главы Госдепартамента в Беларусь"); without it ministers meet ("Nakatani met
            # Marles in Tokyo"), and talks of two other states' people at a third's (Lavrov and
            # Kuleba in Antalya) are hosted, not a visit.
            if travelled is None:
                travelled = _trigger("visit").search(body) is not None
            guests = away[:1] if travelled else []
        if not hosts or not guests:
            continue
        if summit is None:
            summit = _gathering_trigger("summit").search(body) is not None
        if summit and draft.place not in _capitals().get(draft.country, ()):
            continue
        del drafts[key]
        visit = _Draft(
            "visit", guests[0], draft.evidence, draft.occurred_on, draft.place, draft.country
        )
        for host in hosts:
            visit.others[host] = "host"
        _merge(drafts, visit)


def _drop_visit_talks(drafts: dict[tuple[str, Actor], _Draft]) -> None:
    """ "He held talks with Raisi and Bagheri": a meeting only of the visited country's people
    (and the visitor: "Putin met Xi, who is in Russia on a state visit"), on the day of a visit
    to it, is the visitor's talks, not another event.
    """
    visits = [d for d in drafts.values() if d.kind == "visit" and d.country]
    for key, draft in list(drafts.items()):
        if draft.kind != "meeting":
            continue
        people = (draft.main, *draft.others)
        for visit in visits:
            same_day = None in (draft.occurred_on, visit.occurred_on) or (
                draft.occurred_on == visit.occurred_on
            )
            if same_day and all(p.country == visit.country or p == visit.main for p in people):
                del drafts[key]
                break


def _visit_from_talks(drafts: list[_Draft]) -> None:
    """A visit the article places nowhere ("on his first visit to Asia") is where its visitor
    held talks that day with people of another country ("Hegseth met Teodoro in Manila")."""
    for visit in drafts:
        if visit.kind != "visit" or visit.country is not None:
            continue
        for talks in drafts:
            people = (talks.main, *talks.others)
            same_day = talks.occurred_on in (None, visit.occurred_on)
            if (
                talks.kind == "meeting"
                and same_day
                and talks.country not in (None, visit.main.country)
                and visit.main in people
            ):
                visit.place, visit.country = talks.place, talks.country
                for other in people:
                    if other != visit.main and other.country == talks.country:
                        visit.others.setdefault(other, "host")
                break


def _borrow_visit_place(drafts: list[_Draft]) -> None:
    """A meeting with a visitor during their visit happens where the visit does. Not a call: it
    is made from afar, even from the visit ("On the flight home, he spoke by phone with Sisi")."""
    visits = [d for d in drafts if d.kind == "visit"]
    for draft in drafts:
        if draft.kind in ("visit", "call") or draft.country is not None:
            continue
        for visit in visits:
            same_day = draft.occurred_on in (None, visit.occurred_on)
            if same_day and visit.main in (draft.main, *draft.others):
                draft.place, draft.country = visit.place, visit.country
                break


def _first_city(body: str, country: str | None) -> str | None:
    """The first city of the event's country the article names: where a visit took place."""
    if country is None:
        return None
    table = _place_table().spellings
    named = (s for _, s in _named_places(body) if table[s].code == country)
    return next((table[s].name for s in named), None)


__all__ = ["KINDS", "ROLES", "Event", "EventActor", "find_events", "resolve_dates"]
