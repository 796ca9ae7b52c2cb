"""Topics and relevance on the project's seed stories and on articles that are not defence news."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from newsarchive.analysis import (
    RELEVANCE_THRESHOLD,
    TAXONOMY_VERSION,
    Topics,
    classify_topics,
)
from tests.fixtureweb.stories import load_story

STORIES = Path(__file__).parent / "data" / "pages" / "stories"

# Not defence news, with the words that could trip a keyword matcher.
FOOTBALL_TITLE = "Late Henderson strike seals derby win as Rovers climb to third"
FOOTBALL = (
    "Jordan Henderson's curling strike in the 88th minute settled a bruising derby on "
    "Saturday and lifted Rovers to third in the table, two points behind the leaders.\n"
    "The visitors started brightly and their captain forced a fine save from the "
    "goalkeeper inside five minutes, but the home side's defence held firm through a "
    "frantic opening half.\n"
    "The manager made three changes at the break and the switch to a back three paid off "
    "almost immediately: the wing-backs pushed high, the midfield won the second balls "
    "and the pressure finally told when Henderson met a cut-back on the edge of the area.\n"
    '"It was a real battle out there, a proper clash," the manager said afterwards. "We '
    "knew they would attack us down the flanks, and the lads defended for their lives. "
    'Training this week was all about set pieces and you could see it."\n'
    "The visitors had a penalty appeal turned down after a tangle in the box and their "
    "striker hit the post with a header in stoppage time. Their coach was booked for "
    "protesting and will miss next week's trip to the capital.\n"
    "Rovers have now won four in a row, their best run since promotion, and travel to "
    "Washington Park next Sunday for a fixture that will be broadcast live. Tickets for "
    "the away end sold out within an hour.\n"
    "The club also confirmed that the new home kit, a return to the classic blue and "
    "white hoops, will go on sale in the club shop on Friday, with a new training jersey "
    "to follow later in the month.\n"
    "Attendance: 31,204."
)
LIFESTYLE_TITLE = "Inside the Georgian townhouse where a reality star found her calm"
LIFESTYLE = (
    "The reality star and her partner have finally opened the doors to their restored "
    "Georgian townhouse, and the result is a love letter to soft neutrals, vintage finds "
    "and good light.\n"
    "She fell for the house on a weekend visit to Bath, she says, and spent eighteen "
    'months on the renovation. "I wanted it to feel calm, like a hotel you never want to '
    'leave," she told us over green tea in the kitchen, where shelves of hand-painted '
    "china line the walls.\n"
    "Her favourite piece is a blue-and-white china platter she found at a flea market in "
    "Paris, and the turkey she roasted in the range cooker last Christmas has become a "
    "family legend.\n"
    "Every morning starts with a forty-minute exercise routine in the garden studio, "
    "followed by a smoothie and a walk with the dogs. The couple's wedding, planned for "
    'the summer in the South of France, will be small: "just the people we love, a long '
    'table and a lot of candles."\n'
    "Her new skincare range launches next month, and a second series of the show, filmed "
    "partly in Atlanta, Georgia, arrives on streaming in the autumn. Asked about the "
    'rumours of a feud with her former co-star, she laughs: "There is no war. We are '
    "still friends, we just don't talk every day.\"\n"
    "For stockists of the linen, the lamps and the hand-thrown pottery, see the guide "
    "below."
)


def seed(text_file: str, story: str) -> tuple[str, str]:
    """A seed's extracted text, with the headline its fixture story carries."""
    return load_story(story).title, (STORIES / f"{text_file}.txt").read_text(encoding="utf-8")


def test_the_taxonomy_has_exactly_the_fifteen_agreed_topics() -> None:
    document = files("newsarchive.analysis").joinpath("taxonomy.toml").read_text(encoding="utf-8")
    topics = tomllib.loads(document)["topics"]
    assert sorted(topics) == [
        "arms_transfer", "ceasefire_conflict", "cyber", "defence_industry", "diplomacy_visit",
        "exercises", "intelligence", "maritime", "military_cooperation", "missiles_drones",
        "nuclear", "sanctions", "summit", "terrorism_security", "treaty_agreement",
    ]  # fmt: skip
    assert all(spec["description"] and spec["terms"] for spec in topics.values())
    assert TAXONOMY_VERSION
    assert 0 < RELEVANCE_THRESHOLD < 1


def test_wei_fenghe_in_tehran_is_a_relevant_visit_about_military_cooperation() -> None:
    result = classify_topics(*seed("raisi_wei_tehran", "raisi_wei_tehran"))
    # The 2021 agreement and the nuclear deal are background in the closing paragraphs.
    assert result.topics == ("diplomacy_visit", "military_cooperation")
    assert result.is_relevant()


def test_the_memo_version_of_the_visit_adds_the_joint_exercises_it_announces() -> None:
    result = classify_topics(*seed("wei_tehran_memo", "china_iran_military_ties"))
    assert result.topics == (
        "diplomacy_visit",
        "exercises",
        "military_cooperation",
        "treaty_agreement",
    )
    assert result.relevance > 0.9


def test_nasirzadeh_in_qingdao_is_a_summit_visit_amid_a_ceasefire_and_a_nuclear_dispute() -> None:
    result = classify_topics(*seed("nasirzadeh_qingdao", "nasirzadeh_qingdao"))
    # military_cooperation too: "attending countries expressed a strong desire to expand
    # military collaboration", "material military support to Iran".
    assert result.topics == (
        "ceasefire_conflict",
        "diplomacy_visit",
        "military_cooperation",
        "nuclear",
        "summit",
    )
    assert result.is_relevant()


def test_a_generic_seo_post_about_the_visit_is_still_on_topic() -> None:
    result = classify_topics(*seed("iran_china_visit_explainer", "iran_china_visit_explainer"))
    assert {"diplomacy_visit", "military_cooperation"} <= set(result.topics)
    assert result.is_relevant()


def test_a_football_report_has_no_topics_and_is_not_relevant() -> None:
    # "strike", "defence", "attack", "clash", "captain" and "Washington Park" are traps.
    result = classify_topics(FOOTBALL_TITLE, FOOTBALL)
    assert result.topics == ()
    assert not result.is_relevant()


def test_a_celebrity_home_piece_has_no_topics_and_is_not_relevant() -> None:
    result = classify_topics(LIFESTYLE_TITLE, LIFESTYLE)
    assert result.topics == ()
    assert result.relevance < RELEVANCE_THRESHOLD


def test_the_caller_can_choose_a_stricter_relevance_threshold() -> None:
    result = Topics(topics=(), relevance=0.6)
    assert result.is_relevant(0.5)
    assert not result.is_relevant(0.7)


def test_a_term_in_the_title_weighs_more_than_the_same_term_in_the_text() -> None:
    assert classify_topics("Ceasefire holds in Gaza", "").topics == ("ceasefire_conflict",)
    assert classify_topics("", "A ceasefire held overnight.").topics == ()


def test_repeating_a_term_does_not_add_evidence() -> None:
    paragraph = "Officials said a drone was seen near the base on Tuesday evening.\n"
    once = classify_topics("Base on alert", paragraph)
    many = classify_topics("Base on alert", paragraph * 40)
    assert once.topics == many.topics == ()
    assert many.relevance <= once.relevance


def test_capitalised_terms_match_only_as_written() -> None:
    # "SCO" the organisation, not "sco" inside a lower-case slug or sentence.
    assert classify_topics("", "SCO SCO leaders' gathering").topics == ("summit",)
    assert classify_topics("", "sco sco leaders' gathering").topics == ()


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Россия и Китай проведут совместные военные учения", "exercises"),
        ("مناورات بحرية مشتركة بين إيران والصين", "exercises"),
        ("Paris et Alger annoncent un cessez-le-feu", "ceasefire_conflict"),
    ],
)
def test_a_few_russian_arabic_and_french_terms_are_recognised(title: str, topic: str) -> None:
    assert classify_topics(title, "").topics == (topic,)


def test_classification_is_deterministic() -> None:
    article = seed("nasirzadeh_qingdao", "nasirzadeh_qingdao")
    assert classify_topics(*article) == classify_topics(*article)
