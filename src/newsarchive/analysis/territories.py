"""CLDR's names of countries in the languages the analysis reads, from territories.tsv.

The table is generated from Babel by bench/build_territories.py: asking Babel itself unpickles
each whole locale and caches it, ~22 MiB that every extraction worker kept for 5,000 names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files


def territory_names(languages: Iterable[str]) -> dict[str, dict[str, str]]:
    """Language -> ISO 3166-1 alpha-2 code -> CLDR's name of it, in Babel's order; a language
    the table lacks maps to an empty dict."""
    wanted = set(languages)
    names: dict[str, dict[str, str]] = {language: {} for language in wanted}
    table = files(__package__).joinpath("territories.tsv")
    with table.open(encoding="utf-8") as lines:
        for line in lines:
            language, code, name = line.rstrip("\n").split("\t")
            if language in wanted:
                names[language][code] = name
    return names


def english_name(code: str) -> str:
    """CLDR's English name of a country ("ID": "Indonesia"); the code itself if it has none."""
    return _english_names().get(code, code)


@cache
def _english_names() -> dict[str, str]:
    """The English names, read once: caching english_name per code reread territories.tsv (all
    its ~5,000 lines) for each new code."""
    return territory_names(["en"])["en"]
