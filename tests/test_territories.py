"""CLDR's country names as the analysis reads them: territories.tsv, generated from Babel so
that no pool worker loads Babel's whole locales (bench/build_territories.py)."""

from __future__ import annotations

from newsarchive.analysis.actors import state_actor
from newsarchive.analysis.countries import country_code
from newsarchive.analysis.territories import english_name, territory_names
from tests.support import fresh_process_prints, generator_check


def test_names_per_language_are_cldr_names() -> None:
    names = territory_names(["fr", "ru", "xx"])
    assert sorted(names) == ["fr", "ru", "xx"]
    assert names["fr"]["DE"] == "Allemagne"
    assert names["ru"]["CN"] == "Китай"
    assert names["xx"] == {}
    assert "001" not in names["fr"]  # regions (World) are not countries


def test_english_name_falls_back_to_the_code() -> None:
    assert english_name("ID") == "Indonesia"
    assert english_name("Q1") == "Q1"
    assert state_actor("ID").name == "Indonesia"


def test_the_gazetteer_reads_every_language_of_the_table() -> None:
    assert country_code("Allemagne") == "DE"
    assert country_code("Индонезия") == "ID"
    assert country_code("Indonésie") == "ID"


def test_the_shipped_table_is_what_the_generator_writes() -> None:
    status, output = generator_check("build_territories.py")
    assert status == 0, output


def test_a_warmed_pool_worker_loads_no_babel_locale() -> None:
    # courlan (trafilatura's) imports Babel; what costs ~22 MiB is a locale's data loaded.
    code = (
        "from babel import localedata\n"
        "from newsarchive.analysis.pool import warm_up\n"
        "warm_up()\n"
        "print(sorted(localedata._cache))\n"
    )
    assert fresh_process_prints(code) == "[]"
