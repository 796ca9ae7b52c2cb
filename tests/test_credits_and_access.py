"""Wire credits and paywall markers, read from pages shaped like real outlets' pages.

The credit_ pages are syndicated copies as regional sites publish them (a Reuters copy with its
dateline and house credit, an AP copy with its copyright line, a Xinhua dateline, an Arab News
repost, a rewrite "citing the Associated Press") and an original story that only mentions
Reuters. The paywall_ pages mark their story as paywalled in JSON-LD or with a Piano container,
or carry nothing but a newsletter box. Every test also checks that title and body stay right.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.extract import ArticleRecord, extract_article

PAGES = Path(__file__).parent / "data" / "pages"


def read_page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def story_lines(name: str) -> list[str]:
    text = (PAGES / "stories" / f"{name}.txt").read_text(encoding="utf-8")
    return [line.lstrip("#> ").strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class PageCase:
    page: str
    url: str
    title: str
    first_line: str
    last_line: str
    lines: int
    wire_source: str | None = None
    is_paywalled: bool = False

    def extract(self, html: str | None = None) -> ArticleRecord:
        record = extract_article(html or read_page(self.page), self.url)
        assert isinstance(record, ArticleRecord), f"{self.page} was not taken for an article"
        return record

    def assert_story(self, record: ArticleRecord) -> None:
        lines = record.text.split("\n")
        assert record.title == self.title
        assert (lines[0], lines[-1], len(lines)) == (self.first_line, self.last_line, self.lines)


REUTERS_COPY = PageCase(
    page="credit_reuters_copy_in_regional_paper.html",
    url="https://www.caspiancourier.com/world/turkey-kuwait-sign-deal-for-armed-drones/",
    title="Turkey and Kuwait sign deal for armed drones, officials say",
    first_line=(
        "ANKARA, March 4 (Reuters) - Turkey and Kuwait have signed an agreement for the supply of "
        "armed drones and ground control stations, two Turkish officials said on Wednesday, in "
        "the latest sign of Ankara's growing weight as an arms exporter in the Gulf."
    ),
    last_line=(
        "Kuwait already operates Turkish armoured vehicles, and the two countries signed a defence "
        "cooperation framework in 2018 that allows joint training and the exchange of military "
        "expertise."
    ),
    lines=6,
    wire_source="Reuters",
)
AP_COPY = PageCase(
    page="credit_ap_dateline.html",
    url=(
        "https://www.valleyledger.com/news/national/"
        "pentagon-weighs-more-air-defense-middle-east/article_5f0c.html"
    ),
    title="Pentagon weighs sending more air defense systems to the Middle East",
    first_line=(
        "WASHINGTON (AP) — The Pentagon is weighing whether to send additional Patriot air "
        "defense batteries to the Middle East as attacks on shipping and on bases hosting U.S. "
        "troops continue, two U.S. officials said Tuesday."
    ),
    last_line=(
        "The Army has 15 Patriot battalions, and several of them have spent most of the past "
        "three years deployed overseas, a pace that officials say is straining crews and "
        "equipment."
    ),
    lines=5,
    wire_source="AP",
)
CREDIT_CASES = [
    REUTERS_COPY,
    # The copyright line names AP; "according to a Reuters tally" is a mention, not a credit.
    AP_COPY,
    PageCase(
        page="credit_xinhua_dateline.html",
        url="https://www.silkroaddaily.com/china/2026-04/28/content_7731.html",
        title="China, Pakistan pledge closer defense cooperation",
        first_line=(
            "BEIJING, April 27 (Xinhua) -- Chinese and Pakistani defense officials pledged on "
            "Tuesday to deepen practical cooperation between the two militaries, including in "
            "joint training, equipment and personnel exchanges."
        ),
        last_line=(
            "The Pakistani side said that Pakistan firmly adheres to the one-China principle and "
            "is willing to further expand exchanges and cooperation with the Chinese military in "
            "various fields."
        ),
        lines=5,
        wire_source="Xinhua",
    ),
    PageCase(
        page="credit_arabnews_repost.html",
        url=(
            "https://gulfinsiderdaily.com/2026/02/18/"
            "saudi-arabia-and-spain-agree-to-build-corvettes-in-the-kingdom/"
        ),
        title="Saudi Arabia and Spain agree to build corvettes in the Kingdom",
        first_line=(
            "RIYADH: Saudi Arabia and Spain have agreed to build three more corvettes for the "
            "Royal Saudi Naval Forces, with part of the work to be carried out at a shipyard in "
            "the Kingdom, officials said on Tuesday."
        ),
        last_line="Source: arabnews",
        lines=6,
        wire_source="Arab News",
    ),
    PageCase(
        page="credit_citing_associated_press.html",
        url="https://pgobserver.net/iran/iran-unveils-new-long-range-air-defense-system",
        title="Iran unveils new long-range air defense system",
        first_line=(
            "Kuwait's Al-Rai daily reported, citing the Associated Press, that Iran on Thursday "
            "unveiled a new long-range air defense system that its military says can track "
            "several targets at once and engage aircraft and cruise missiles at high altitude."
        ),
        last_line=(
            "Western governments have accused Tehran of supplying drones and missiles to Russia "
            "for use in Ukraine, which Iran denies."
        ),
        lines=5,
        wire_source="AP",
    ),
    PageCase(
        page="credit_mere_mention_of_reuters.html",
        url="https://www.harbourandfleet.com/analysis/why-gulf-navies-are-buying-unmanned-boats/",
        title="Why Gulf navies are buying unmanned boats",
        first_line=(
            "Footage circulated on social media last month, which neither Reuters nor this "
            "publication could independently verify, appeared to show an explosive-laden drone "
            "boat striking a tanker at anchor off the coast of Yemen."
        ),
        last_line=(
            "The hard part, they say, is less the boats than the networks that link them to ships "
            "ashore and in the air, and the rules that decide when a machine may be allowed to "
            "act on its own."
        ),
        lines=6,
        wire_source=None,
    ),
]
JSON_LD_PAYWALL = PageCase(
    page="paywall_json_ld_not_free.html",
    url="https://www.strategicledger.com/defence/2026/09/14/europe-artillery-shells/",
    title="Inside Europe's scramble for artillery shells",
    first_line=(
        "At a factory on the edge of a small town in central Germany, the night shift now starts "
        "at ten and ends at six, and the car park has been extended twice in a year. The plant "
        "makes 155mm artillery shells, and it cannot make them fast enough."
    ),
    last_line=(
        "Executives say they need long-term contracts before they build new lines, because a "
        "plant that runs for a decade must be paid for over a decade. Governments, used to buying "
        "in small lots, have been slow to commit."
    ),
    lines=4,
    is_paywalled=True,
)
PIANO_PAYWALL = PageCase(
    page="paywall_piano_offer.html",
    url="https://www.easternflankreview.com/land/poland-first-k2-tanks-built-at-home/",
    title="Poland's army takes delivery of first K2 tanks built at home",
    first_line=(
        "The Polish army has taken delivery of the first K2 main battle tanks assembled in "
        "Poland, a milestone in a deal with South Korea that is meant to move a growing share of "
        "production to Polish factories."
    ),
    last_line=(
        "The first vehicles were handed over at a ceremony at the Bumar-Łabędy plant in Gliwice, "
        "attended by the defence minister and executives of the Korean manufacturer."
    ),
    lines=2,
    is_paywalled=True,
)
NEWSLETTER_ONLY = PageCase(
    page="paywall_newsletter_box_only.html",
    url="https://www.archipelagodefence.com/news/indonesia-confirms-rafale-order/",
    title="Indonesia confirms order for two more Rafale squadrons",
    first_line=(
        "Indonesia's defence ministry has confirmed an order for 18 more Rafale fighters, "
        "completing a purchase of 42 aircraft that was first announced in 2022 and has been "
        "financed in tranches since."
    ),
    last_line=(
        "Jakarta is also negotiating to buy Turkish fighters and has signed a letter of intent "
        "for used Mirage jets, although that deal was later cancelled because of financing "
        "problems."
    ),
    lines=5,
    is_paywalled=False,
)
PAYWALL_CASES = [JSON_LD_PAYWALL, PIANO_PAYWALL, NEWSLETTER_ONLY]


@pytest.mark.parametrize("case", CREDIT_CASES, ids=lambda case: case.page)
def test_wire_source_is_the_agency_the_copy_credits(case: PageCase) -> None:
    record = case.extract()

    assert record.wire_source == case.wire_source
    assert record.is_paywalled is False
    case.assert_story(record)


@pytest.mark.parametrize("case", PAYWALL_CASES, ids=lambda case: case.page)
def test_paywall_flag_follows_the_page_markup(case: PageCase) -> None:
    record = case.extract()

    assert record.is_paywalled is case.is_paywalled
    assert record.wire_source is None
    case.assert_story(record)


@pytest.mark.parametrize(
    ("page", "story", "wire_source"),
    [
        # Seed 002: "Source: arabnews", and the lead says Arab News was citing AP.
        ("tehran_observer_no_date.html", "raisi_wei_tehran", "AP"),
        # The same, closed by a Reuters-style "(Reporting by ...)": a named credit wins over it.
        ("wire_story_with_credits.html", "raisi_wei_tehran", "AP"),
        # "According to ... Xinhua" in the twelfth paragraph attributes one fact, not the story.
        ("world_news_hub_date_in_time_element.html", "nasirzadeh_qingdao", None),
        ("memo_date_in_json_ld.html", "wei_tehran_memo", None),
    ],
)
def test_seed_pages_credit_the_innermost_agency_of_their_lead(
    page: str, story: str, wire_source: str | None
) -> None:
    record = extract_article(read_page(page), "https://www.example.com/news/iran-china-ties/")

    assert isinstance(record, ArticleRecord)
    assert record.wire_source == wire_source
    assert record.text.split("\n") == story_lines(story)
    assert record.is_paywalled is False


# Minimal pages for one credit shape each: a story element, a headline and four paragraphs.
TITLE = "Iran and Oman hold joint naval drill in the Strait of Hormuz"
MIDDLE = (
    "The two-day exercise involved frigates, patrol boats and helicopters from both navies.",
    "Officials said the drill practised search and rescue and the escort of merchant ships.",
    "Oman has long kept working ties with Tehran while hosting Western navies in its ports.",
    "The strait carries about a fifth of the oil traded by sea, according to energy analysts.",
)


def drill_page(lead: str, closing: str | None = None, head: str = "", middle: str = "") -> str:
    paragraphs = [lead, *MIDDLE[:2], *([middle] if middle else []), *MIDDLE[2:]]
    if closing:
        paragraphs.append(closing)
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Harbour Post</title>"
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2026-11-03T08:00:00+00:00">'
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/gulf/'>Gulf</a></nav>"
        f"<main><article><h1>{TITLE}</h1>\n{body}\n</article></main>"
        "<footer><p>© 2026 Harbour Post</p></footer></body></html>"
    )


LEAD = "Iran and Oman began a joint naval drill in the Strait of Hormuz on Monday."


def json_ld_author(name: str) -> str:
    article = f'{{"@type": "NewsArticle", "author": {{"@type": "Organization", "name": "{name}"}}}}'
    return f'<script type="application/ld+json">{article}</script>'


@pytest.mark.parametrize(
    ("lead", "closing", "head", "wire_source"),
    [
        (f"ANKARA (AA) - {LEAD}", None, "", "Anadolu"),
        (f"MOSCOW, Nov. 3. /TASS/. {LEAD}", None, "", "TASS"),
        (f"New Delhi [India], Nov 3 (ANI): {LEAD}", None, "", "ANI"),
        (f"New Delhi, Nov 3 (PTI) {LEAD}", None, "", "PTI"),
        (f"DUBAI, United Arab Emirates (AP) — {LEAD}", None, "", "AP"),
        (LEAD, "With inputs from PTI", "", "PTI"),
        (LEAD, "— AFP", "", "AFP"),
        (LEAD, "Source: Reuters", "", "Reuters"),
        (LEAD, "Source: Agence France-Presse", "", "AFP"),
        (LEAD, None, json_ld_author("AFP"), "AFP"),
        (LEAD, None, '<meta name="author" content="By Reuters Staff">', "Reuters"),
        (f"{LEAD[:-1]}, Xinhua news agency reported.", None, "", "Xinhua"),
        (f"{LEAD[:-1]}, the Associated Press reported.", None, "", "AP"),
        (f"According to the state news agency IRNA, {LEAD[0].lower()}{LEAD[1:]}", None, "", "IRNA"),
        (f"{LEAD[:-1]}, Sputnik reported, citing RIA Novosti, which cited TASS.", None, "", "TASS"),
        # Precedence: a dateline beats an attribution to another agency...
        (f"MUSCAT, Nov 3 (AFP) - {LEAD[:-1]}, Reuters reported.", None, "", "AFP"),
        # ...an explicit credit beats one...
        (f"{LEAD[:-1]}, according to Xinhua.", "Source: Reuters", "", "Reuters"),
        # ...and a citing chain beats a plain attribution.
        (
            f"{LEAD[:-1]}, according to IRNA. Tasnim said, citing Fars News Agency.",
            None,
            "",
            "Fars",
        ),
        # Mentions are not credits.
        (f"{LEAD[:-1]}, footage Reuters could not verify showed.", None, "", None),
        (f"{LEAD[:-1]}, according to a Reuters tally of ship movements.", None, "", None),
        (f"{LEAD[:-1]}, officials who spoke to Reuters said.", None, "", None),
        (f"{LEAD[:-1]}, officials who spoke to the Associated Press said.", None, "", None),
        (LEAD, None, json_ld_author("Harbour Post"), None),
    ],
)
def test_each_credit_shape_names_its_agency(
    lead: str, closing: str | None, head: str, wire_source: str | None
) -> None:
    record = extract_article(drill_page(lead, closing, head), "https://harbourpost.com/gulf/drill")

    assert isinstance(record, ArticleRecord)
    assert record.wire_source == wire_source
    assert record.title == TITLE
    assert record.text.split("\n") == [lead, *MIDDLE, *([closing] if closing else [])]


def test_an_attribution_deep_in_the_story_is_not_a_credit() -> None:
    middle = "According to Xinhua, Chinese observers were invited to the next drill."

    record = extract_article(drill_page(LEAD, middle=middle), "https://harbourpost.com/gulf/drill")

    assert isinstance(record, ArticleRecord)
    assert record.wire_source is None
    assert record.text.split("\n") == [LEAD, *MIDDLE[:2], middle, *MIDDLE[2:]]


def test_teasers_with_other_agencies_datelines_do_not_change_the_credit() -> None:
    html = read_page(REUTERS_COPY.page)
    assert "PARIS, March 3 (AFP)" in html

    record = REUTERS_COPY.extract(html.replace("ANKARA, March 4 (Reuters) - ", ""))

    # Without its dateline the copy is still credited by byline and house credit, never AFP.
    assert record.wire_source == "Reuters"
    assert record.text.startswith("Turkey and Kuwait have signed an agreement")


def test_reuters_house_credit_alone_credits_reuters() -> None:
    html = (
        read_page(REUTERS_COPY.page)
        .replace("ANKARA, March 4 (Reuters) - ", "")
        .replace('<meta name="author" content="Reuters">', "")
        .replace('"author": {"@type": "Organization", "name": "Reuters"},', "")
        .replace('<span class="byline">By <span class="author vcard">Reuters</span></span>', "")
    )
    assert "Reuters" not in html

    record = REUTERS_COPY.extract(html)

    assert record.wire_source == "Reuters"
    assert "Reporting by" not in record.text
    assert len(record.text.split("\n")) == REUTERS_COPY.lines


def test_a_copyright_line_the_body_drops_still_credits_the_agency() -> None:
    html = read_page(AP_COPY.page).replace("WASHINGTON (AP) — The", "The")

    record = AP_COPY.extract(html)

    assert record.wire_source == "AP"
    assert "Copyright" not in record.text


def test_an_article_marked_free_in_json_ld_is_not_paywalled() -> None:
    html = read_page(JSON_LD_PAYWALL.page).replace('"False"', '"True"')

    record = JSON_LD_PAYWALL.extract(html)

    assert record.is_paywalled is False
    JSON_LD_PAYWALL.assert_story(record)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Only the hasPart WebPageElement says it is not free.
        ('"isAccessibleForFree": "False",\n  "hasPart"', '"hasPart"'),
        # A JSON boolean rather than a string.
        ('"False"', "false"),
    ],
)
def test_json_ld_not_free_in_any_form_marks_the_page_paywalled(old: str, new: str) -> None:
    html = read_page(JSON_LD_PAYWALL.page)
    assert old in html

    record = JSON_LD_PAYWALL.extract(html.replace(old, new))

    assert record.is_paywalled is True
    JSON_LD_PAYWALL.assert_story(record)


@pytest.mark.parametrize(
    ("tier", "paywalled"), [("metered", True), ("locked", True), ("free", False)]
)
def test_content_tier_meta_marks_metered_and_locked_pages(tier: str, paywalled: bool) -> None:
    meta = f'<meta property="article:content_tier" content="{tier}">'
    html = read_page(NEWSLETTER_ONLY.page).replace("</head>", f"{meta}\n</head>")

    record = NEWSLETTER_ONLY.extract(html)

    assert record.is_paywalled is paywalled
    NEWSLETTER_ONLY.assert_story(record)


def test_a_limit_notice_marks_the_page_paywalled() -> None:
    notice = (
        '<div class="subscription-wall"><p>You’ve reached your limit of free articles this '
        'month.</p><a href="/subscribe/">See subscription options</a></div>'
    )
    html = read_page(NEWSLETTER_ONLY.page).replace("</article>", f"{notice}\n  </article>")

    record = NEWSLETTER_ONLY.extract(html)

    assert record.is_paywalled is True
    NEWSLETTER_ONLY.assert_story(record)


def test_a_paywall_class_wrapping_the_rest_of_the_story_marks_it_paywalled() -> None:
    # Google's pattern: the paywalled paragraphs sit in a container named for the paywall.
    html = (
        read_page(JSON_LD_PAYWALL.page)
        .replace('"False"', '"True"')
        .replace('class="article-body__rest"', 'class="paywall article-body__rest"')
    )

    record = JSON_LD_PAYWALL.extract(html)

    assert record.is_paywalled is True
    JSON_LD_PAYWALL.assert_story(record)


def test_piano_widgets_that_are_no_offer_are_not_a_paywall() -> None:
    # billboard.com puts an empty overlay of Piano's in free articles.
    overlay = '<div class="piano-article-overlay overlay-article-id-8544119"></div>'
    html = read_page(NEWSLETTER_ONLY.page).replace("</article>", f"{overlay}\n  </article>")

    record = NEWSLETTER_ONLY.extract(html)

    assert record.is_paywalled is False
    NEWSLETTER_ONLY.assert_story(record)


def test_a_notice_kept_in_a_script_template_is_not_a_paywall() -> None:
    # Metering scripts carry the over-the-limit prompt on every page, free or not.
    template = (
        '<script type="text/template" id="meter-limit"><div class="gate">'
        "<h3>Subscribe to continue reading</h3></div></script>"
    )
    html = read_page(NEWSLETTER_ONLY.page).replace("</body>", f"{template}\n</body>")

    record = NEWSLETTER_ONLY.extract(html)

    assert record.is_paywalled is False
    NEWSLETTER_ONLY.assert_story(record)


def test_piano_markup_outside_the_story_is_not_a_paywall() -> None:
    widget = '<aside class="rail"><div class="piano-recommendations" id="piano-recs"></div></aside>'
    html = read_page(NEWSLETTER_ONLY.page).replace("</main>", f"{widget}\n</main>")

    record = NEWSLETTER_ONLY.extract(html)

    assert record.is_paywalled is False
    NEWSLETTER_ONLY.assert_story(record)


def test_the_piano_container_alone_marks_the_page_paywalled() -> None:
    html = read_page(PIANO_PAYWALL.page).replace("tinypass.min.js", "analytics.js")
    assert "Subscribe" not in html

    record = PIANO_PAYWALL.extract(html)

    assert record.is_paywalled is True
    PIANO_PAYWALL.assert_story(record)


def test_a_server_rendered_paywall_prompt_stays_out_of_the_body() -> None:
    prompt = (
        '<div class="paywall-prompt"><h3>Subscribe to continue reading</h3>'
        "<p>Unlimited access from €1 for the first month.</p></div>"
    )
    html = read_page(PIANO_PAYWALL.page).replace("      <!-- Piano", f"{prompt}\n      <!-- Piano")

    record = PIANO_PAYWALL.extract(html)

    assert record.is_paywalled is True
    PIANO_PAYWALL.assert_story(record)
