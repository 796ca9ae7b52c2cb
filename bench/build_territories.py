"""Write src/newsarchive/analysis/territories.tsv, CLDR's country names in each language the
country gazetteer reads (English and countries.toml's [languages] codes), from Babel.

Why a generated file: Babel answers `Locale(language).territories` by unpickling the whole
locale (calendars, units, number formats...) and keeps it cached; the gazetteer needs the
territory names of 19 languages and nothing else, yet loading them left ~22 MiB in every
extraction worker for good (clearing Babel's caches frees the objects but not the pages: the
names kept pin the heap). The table is 5,000 lines. tests/test_territories.py checks it against
the installed Babel, so an upgrade whose CLDR renames a country fails there until it is
regenerated (a change of what analysis finds, so of EXTRACTOR_VERSION).

One name a line, tab-separated, in Babel's own order per language (the gazetteer's first
spelling wins, so the order is kept):

    language  code  name

Only ISO 3166-1 alpha-2 codes (two letters): the gazetteer reads no other.

    python bench/build_territories.py          # rewrites the shipped file
    python bench/build_territories.py --check  # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from babel import Locale

ANALYSIS = Path(__file__).resolve().parent.parent / "src" / "newsarchive" / "analysis"
TABLE = ANALYSIS / "territories.tsv"


def languages() -> list[str]:
    """English, then countries.toml's languages, in its order."""
    data = tomllib.loads((ANALYSIS / "countries.toml").read_text("utf-8"))
    return ["en", *data["languages"]["codes"]]


def table_text(codes: list[str]) -> str:
    """The table for these languages, as Babel names their countries."""
    lines = []
    for language in codes:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                lines.append(f"{language}\t{code}\t{name}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs")
    args = parser.parse_args()
    text = table_text(languages())
    if args.check:
        same = TABLE.exists() and TABLE.read_text("utf-8") == text
        print(f"{TABLE.name}: {'up to date' if same else 'differs from Babel'}")
        sys.exit(0 if same else 1)
    TABLE.write_text(text, "utf-8")
    print(f"wrote {TABLE} ({text.count(chr(10))} names)")


if __name__ == "__main__":
    main()
