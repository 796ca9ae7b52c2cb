"""Countries on the project's seed stories, and the look-alikes that must not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.analysis import find_countries
from newsarchive.analysis.countries import _title_and_text
from tests.fixtureweb.stories import load_story
from tests.test_topics import FOOTBALL, FOOTBALL_TITLE, LIFESTYLE, LIFESTYLE_TITLE

STORIES = Path(__file__).parent / "data" / "pages" / "stories"


def seed(text_file: str, story: str) -> tuple[str, str]:
    """A seed's extracted text, with the headline its fixture story carries."""
    return load_story(story).title, (STORIES / f"{text_file}.txt").read_text(encoding="utf-8")


def test_raisi_and_wei_in_tehran_is_about_china_iran_and_the_us() -> None:
    # Russia, Britain, France and Germany appear once, in a list of the deal's signatories.
    assert find_countries(*seed("raisi_wei_tehran", "raisi_wei_tehran")) == ("CN", "IR", "US")


def test_nasirzadeh_in_qingdao_is_about_china_israel_iran_and_the_us() -> None:
    # Not NL: The Hague is only where NATO met. Not RU: named in SCO member lists. Not IN: the
    # Indian minister comes in the closing background paragraphs.
    title, text = seed("nasirzadeh_qingdao", "nasirzadeh_qingdao")
    assert find_countries(title, text) == ("CN", "IL", "IR", "US")


def test_the_memo_names_the_us_as_the_third_party() -> None:
    title, text = seed("wei_tehran_memo", "china_iran_military_ties")
    assert find_countries(title, text) == ("CN", "IR", "US")


def test_capitals_and_seats_of_power_stand_for_their_countries() -> None:
    text = (
        "Moscow said on Monday that it would respond. The Pentagon said Washington was "
        "watching. The Kremlin warned Kyiv. Kyiv said it was ready."
    )
    assert find_countries("", text) == ("RU", "UA", "US")


@pytest.mark.parametrize("name", ["US", "U.S.", "United States", "America", "USA"])
def test_the_usual_names_of_the_united_states_are_recognised(name: str) -> None:
    assert find_countries("", f"Officials in {name} said so.") == ("US",)


def test_demonyms_name_the_country() -> None:
    text = "Iranian and Chinese officers met. British and Dutch diplomats watched."
    assert find_countries("", text) == ("CN", "GB", "IR", "NL")


def test_porcelain_china_and_the_turkey_bird_are_not_countries() -> None:
    text = "She served the turkey on her best china. The china cabinet came from her aunt."
    assert find_countries("", text) == ()


def test_a_title_case_headline_alone_does_not_make_a_country() -> None:
    assert find_countries("How to Roast a Turkey", "Brine the bird overnight.") == ()


def test_georgia_the_us_state_is_not_the_country() -> None:
    text = "Georgia's governor met voters in Atlanta. Georgia has early voting this year."
    assert find_countries("Georgia votes early", text) == ()


def test_georgia_the_country_is_recognised() -> None:
    text = "Protesters rallied in Tbilisi. Georgia's ruling party refused to talk to them."
    assert find_countries("Georgia protests", text) == ("GE",)


def test_a_newspaper_cited_by_name_is_not_its_country() -> None:
    text = "Iran is enriching more uranium, the Washington Post reported. Iran denied it."
    assert find_countries("", text) == ("IR",)


def test_people_and_clubs_named_like_countries_are_not_countries() -> None:
    text = (
        "Michael Jordan and Chad Smith watched. "
        "Spartak Moscow beat Real Madrid in Paris Saint-Germain's stadium."
    )
    assert find_countries("", text) == ()


def test_jordan_and_chad_as_countries_are_recognised() -> None:
    text = "Jordan and Chad signed a border deal. King Abdullah of Jordan said Chad agreed."
    assert find_countries("", text) == ("JO", "TD")


def test_regions_named_after_countries_are_not_countries() -> None:
    text = "Navies patrol the Indian Ocean. Latin America and the South China Sea were discussed."
    assert find_countries("", text) == ()


def test_a_football_report_names_no_country() -> None:
    # "Jordan Henderson", "Washington Park", the capital of no country named.
    assert find_countries(FOOTBALL_TITLE, FOOTBALL) == ()


def test_a_lifestyle_piece_keeps_only_the_country_it_really_visits() -> None:
    # The Georgian townhouse, the china platter, the turkey and Atlanta, Georgia do not count;
    # the wedding in the South of France and the flea market in Paris do.
    assert find_countries(LIFESTYLE_TITLE, LIFESTYLE) == ("FR",)


def test_a_name_running_from_the_title_into_the_text_is_in_neither() -> None:
    # One scan of the article serves both (and events.py); a name over the line break between
    # title and text is in neither, as when each is scanned alone.
    in_title, in_text = _title_and_text("Envoys of the United\nStates and France met", 20)
    assert in_title == ()
    assert [(f.code, f.start, f.end) for f in in_text] == [("FR", 11, 17)]


def test_the_names_of_the_title_and_the_text_come_from_one_scan() -> None:
    in_title, in_text = _title_and_text("France and Iran\nTehran said Michael Jordan", 15)
    assert [(f.code, f.start, f.end) for f in in_title] == [("FR", 0, 6), ("IR", 11, 15)]
    assert [(f.code, f.start, f.end, f.in_a_name) for f in in_text] == [
        ("IR", 0, 6, False),
        ("JO", 20, 26, True),
    ]
