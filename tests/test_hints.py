"""Per-outlet extraction hints: registry CSS selectors carried into extraction as data.

The page is shaped like a real regional paper's story: a headline in a styled `<div>` (no
`<h1>`, an og:title that is only the site's name), the date in a byline span beside an
"Updated" stamp, and a fact box inside the story's text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from newsarchive.analysis.page import outlet_facts
from newsarchive.extract import ArticleRecord, ExtractionHints, OutletFacts, extract_article
from newsarchive.registry import load_registry

PAGE = (Path(__file__).parent / "data" / "hints" / "gazette_story.html").read_text("utf-8")
URL = "https://harbourgazette.example/defence/navy-frigates"
NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)

STORY = [
    "The navy has ordered four new frigates to patrol the Baltic Sea, the defence ministry said "
    "on Thursday, in the largest shipbuilding contract the country has signed in two decades.",
    "The ships will be built at the national yard over the next eight years and will replace "
    "three ageing vessels that entered service in the early nineteen-nineties.",
    "Officials said the first frigate would be handed over in 2030 and that the contract "
    "included training for crews and maintenance for the first ten years of service.",
]
FACT_BOX = (
    "The frigate programme was first proposed in a white paper of 2019, which also called for "
    "new submarines, coastal radars and a second naval base in the north of the country."
)
HINTS = ExtractionHints(
    body_selector=".story-body",
    exclude_selectors=(".factbox",),
    title_selector=".story-head .hed",
    date_selector=".stamp",
)

REGISTRY = """\
[[outlet]]
slug = "harbour_gazette"
name = "Harbour Gazette"
domains = ["harbourgazette.example"]
language = "en"
kind = "newspaper"
feeds = ["https://harbourgazette.example/rss.xml"]
timezone = "Europe/Oslo"
body_selector = ".story-body"
exclude_selectors = [".factbox"]
title_selector = ".story-head .hed"
date_selector = ".stamp"
"""


def _extract(hints: ExtractionHints) -> ArticleRecord:
    facts = OutletFacts(name="Harbour Gazette", timezone="Europe/Oslo", hints=hints)
    record = extract_article(PAGE, URL, now=NOW, outlet=facts)
    assert isinstance(record, ArticleRecord), record
    return record


def test_without_hints_the_general_rules_get_this_outlet_wrong() -> None:
    record = _extract(ExtractionHints())
    assert record.title == "News"
    assert record.published_on == date(2026, 12, 6)  # the "Updated" day, not the story's
    assert record.text.split("\n") == [*STORY[:2], FACT_BOX, STORY[2]]


def test_the_hints_give_the_headline_the_date_and_the_story_alone() -> None:
    record = _extract(HINTS)
    assert record.title == "Navy orders four new frigates for the Baltic"
    # 09:30 on the outlet's Oslo clock, as its byline stamp says.
    assert record.published_at == datetime(2026, 12, 4, 8, 30, tzinfo=UTC)
    assert (record.published_source, record.published_precision) == ("hint", "minute")
    assert record.published_on == date(2026, 12, 4)
    assert record.text.split("\n") == STORY


def test_a_body_selector_narrows_to_what_it_matches_and_one_matching_nothing_is_ignored() -> None:
    narrowed = _extract(ExtractionHints(body_selector=".story-body > p:not(.factbox)"))
    assert narrowed.text.split("\n") == STORY
    redesigned = _extract(ExtractionHints(body_selector=".article-text", title_selector="h2.x"))
    assert redesigned.text == _extract(ExtractionHints()).text
    assert redesigned.title == "News"


def test_registry_hints_reach_extraction_through_the_outlet_facts(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(REGISTRY, encoding="utf-8")
    [outlet] = load_registry(path).outlets
    assert outlet.exclude_selectors == (".factbox",)
    facts = outlet_facts(outlet)
    assert facts.hints == HINTS
    record = extract_article(PAGE, URL, now=NOW, outlet=facts)
    assert isinstance(record, ArticleRecord)
    assert (record.title, record.text.split("\n")) == (
        "Navy orders four new frigates for the Baltic",
        STORY,
    )


XINHUA_PAGE = (Path(__file__).parent / "data" / "hints" / "xinhua_story.html").read_text("utf-8")
XINHUA_URL = "http://www.xinhuanet.com/mil/2025-12/05/c_1131000104.htm"
XINHUA_HEADLINE = "中国海军舰艇编队抵达吉隆坡 参加中马联合演练"


def test_the_shipped_xinhua_hints_give_the_headline_and_the_beijing_time() -> None:
    """Xinhuanet's template: no og:title, JSON-LD or `<h1>`; the headline in `div.h-title`, the
    `<title>` ending in "-新华网", the time beside the headline on Beijing's clock."""
    [xinhua] = [outlet for outlet in load_registry().outlets if outlet.slug == "xinhua"]
    facts = outlet_facts(xinhua)
    general = OutletFacts(name=facts.name)

    wrong = extract_article(XINHUA_PAGE, XINHUA_URL, now=NOW, outlet=general)
    hinted = extract_article(XINHUA_PAGE, XINHUA_URL, now=NOW, outlet=facts)

    assert isinstance(wrong, ArticleRecord) and isinstance(hinted, ArticleRecord)
    # The header's link home ("新华网") names the site, so "-新华网" is cut without hints too.
    assert wrong.title == XINHUA_HEADLINE
    assert (wrong.published_precision, wrong.published_source) == ("day", "htmldate")
    assert hinted.title == XINHUA_HEADLINE
    # 20:29:58 in Beijing, as the line under the headline says.
    assert hinted.published_at == datetime(2025, 12, 5, 12, 29, 58, tzinfo=UTC)
    assert (hinted.published_source, hinted.published_precision) == ("hint", "second")
    assert hinted.text == wrong.text
    assert hinted.text.startswith("新华社吉隆坡12月5日电")
