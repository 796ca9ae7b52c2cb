"""Extraction on pages shaped like real outlets: the story, and nothing that only surrounds it.

The pages in data/pages wrap real story texts (data/pages/stories) in the templates news sites
use: navigation, cookie banner, share bar, inline promos, "You may also like" teasers with their
own newer dates, a "Most read" sidebar with dates, comment form, newsletter box, © 2026 footer.
Each page states its publication date in one place only, so each test pins one date source.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsarchive.extract import (
    EXTRACTOR_VERSION,
    ArticleRecord,
    Evidence,
    NotArticle,
    extract_article,
)
from newsarchive.extract.authors import clean_authors
from newsarchive.extract.decoding import decode_html
from newsarchive.extract.fingerprint import simhash
from newsarchive.extract.title import strip_site_name

PAGES = Path(__file__).parent / "data" / "pages"

#: On every page: nothing from the cookie banner, share bar, sidebar, newsletter box or footer.
TEMPLATE_BOILERPLATE = (
    "We use cookies",
    "Accept",
    "Share on Facebook",
    "Share this article",
    "WhatsApp",
    "US Navy intercepts drones launched over the Red Sea",
    "NATO ministers agree a new joint air defence fund",
    "Japan and the Philippines sign a reciprocal troop access deal",
    "November 21, 2026",
    "Newsletter",
    "Subscribe to our mailing list to get the new updates!",
    "© 2026",
    "All rights reserved",
    "Privacy policy",
    "Search",
)
NAVIGATION_LABELS = {"Home", "World", "Middle East", "Defence", "Diplomacy", "Opinion"}


@dataclass(frozen=True)
class Case:
    page: str
    url: str
    story: str
    title: str
    published_at: datetime | None
    published_source: str | None
    authors: tuple[str, ...]
    boilerplate: tuple[str, ...]
    evidence: Evidence | None = None
    lead: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def extract(self) -> ArticleRecord:
        record = extract_article(read_page(self.page), self.url, self.evidence)
        assert isinstance(record, ArticleRecord), f"{self.page} was not taken for an article"
        return record


def read_page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def story_lines(name: str) -> list[str]:
    """Story blocks as the body must show them: subheading and quotation markers dropped."""
    text = (PAGES / "stories" / f"{name}.txt").read_text(encoding="utf-8")
    return [line.lstrip("#> ").strip() for line in text.splitlines() if line.strip()]


FEED_TIME = datetime(2022, 4, 27, 16, 30, tzinfo=timezone(timedelta(hours=4, minutes=30)))

CASES = [
    Case(
        page="memo_date_in_json_ld.html",
        url="https://www.middleeastmonitor.com/news/china-iran-agree-to-strengthen-military-ties/",
        story="wei_tehran_memo",
        title="China, Iran agree to strengthen military ties",
        # The JSON-LD also holds a related NewsArticle dated 2026-11-20: not this story's date.
        published_at=datetime(2022, 4, 28, 8, 40, tzinfo=UTC),
        published_source="json_ld",
        authors=("Rania Khalil",),
        boilerplate=(
            "READ:",
            "Respect religious beliefs of Muslims, China tells Sweden",
            "Tehran, Riyadh take new step to bury hatchet and restore ties",
            "You may also like",
            "Iran and Saudi Arabia resume direct flights after nine years",
            "Flights between Tehran and Riyadh resumed on Thursday",
            "November 20, 2026",
            "Comments are closed.",
            "Tags:",
            "About the author",
            "Rania Khalil is a correspondent",
            "By Rania Khalil",
            "Most read",
        ),
        lead=(
            "China and Iran have agreed to expand their military cooperation following a visit "
            "to Tehran by China's defence minister."
        ),
        extra={
            "modified_at": datetime(2022, 4, 28, 11, 5, tzinfo=UTC),
            "section": "Asia & Americas",
            "tags": ("China", "Iran", "Military"),
            "canonical_url": (
                "https://www.middleeastmonitor.com/news/china-iran-agree-to-strengthen-military-ties/"
            ),
        },
    ),
    Case(
        page="gulf_defence_review_date_in_meta.html",
        url=(
            "https://www.gulfdefencereview.com/news/"
            "iran-seeks-to-expand-its-military-cooperation-with-china/"
        ),
        story="raisi_wei_tehran",
        title="Iran seeks to expand its military cooperation with China",
        published_at=datetime(2022, 4, 27, 13, 35, tzinfo=UTC),
        published_source="meta",
        authors=("Arash Karimi",),
        boilerplate=(
            "White House is worried Iran could develop a nuclear weapon in weeks",
            "Iran imposes sanctions on 15 US officials as nuclear talks stall",
            "You May Also Like",
            "China holds a naval drill with Pakistan",
            "Popular Posts",
            "Caricature",
            "NATO Secretary-General",
            "Amid growing anxiety among several European countries",
            "Upon arriving to participate in the summit",
            "November 7, 2024",
            "About the author",
            "Follow him on X",
            "arash.karimi@",
            "Most read",
        ),
        extra={"section": "Middle East", "tags": ("Iran", "China"), "modified_at": None},
    ),
    Case(
        page="world_news_hub_date_in_time_element.html",
        url=(
            "https://www.worldnewshub.com/world/"
            "irans-defense-minister-goes-to-china-on-first-reported-foreign-trip/"
        ),
        story="nasirzadeh_qingdao",
        title=(
            "Iran’s defense minister goes to China on first reported foreign trip since "
            "conflict with Israel"
        ),
        # A "Trending" sidebar with its own <time>s comes before the article in the page.
        published_at=datetime(2025, 6, 26, 11, 12, tzinfo=UTC),
        published_source="time_element",
        authors=("Lina Chen", "Marco Rossi"),
        boilerplate=(
            "Home »",
            "World »",
            "Also read",
            "Iran and Saudi Arabia resume direct flights after nine years",
            "You may also like",
            "China holds a naval drill with Pakistan in the Arabian Sea",
            "Leave a Comment",
            "This site uses Akismet",
            "Your email address will not be published",
            "Post Comment",
            "Tags:",
            "By Lina Chen",
            "June 26, 2025",
            "Trending",
        ),
        extra={"modified_at": datetime(2025, 6, 27, 14, 30, tzinfo=UTC), "canonical_url": None},
    ),
    Case(
        page="defense_brief_date_in_url.html",
        url="https://www.defensebrief.com/2022/04/28/china-iran-agree-to-strengthen-military-ties",
        story="wei_tehran_memo",
        title="China, Iran agree to strengthen military ties",
        published_at=datetime(2022, 4, 28, tzinfo=UTC),
        published_source="url",
        authors=(),
        boilerplate=(
            "Also read",
            "Respect religious beliefs of Muslims, China tells Sweden",
            "Most popular",
            "Tags",
        ),
    ),
    Case(
        page="tehran_observer_no_date.html",
        url="https://www.tehranobserver.com/iran-seeks-to-expand-its-military-cooperation-with-china/",
        story="raisi_wei_tehran",
        title="Iran seeks to expand its military cooperation with China",
        published_at=datetime(2022, 4, 27, 12, 0, tzinfo=UTC),
        published_source="feed",
        authors=(),
        boilerplate=("Latest news", "Diplomacy\n"),
        evidence=Evidence(
            title="Iran seeks closer military ties", published_at=FEED_TIME, listed_in="rss"
        ),
    ),
]
IDS = [case.page.removesuffix(".html") for case in CASES]


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def extracted(request: pytest.FixtureRequest) -> tuple[Case, ArticleRecord]:
    case: Case = request.param
    return case, case.extract()


def test_title_is_the_headline_without_the_outlet_name(
    extracted: tuple[Case, ArticleRecord],
) -> None:
    case, record = extracted
    assert record.title == case.title


def test_date_is_the_story_date_from_the_expected_source(
    extracted: tuple[Case, ArticleRecord],
) -> None:
    case, record = extracted
    assert (record.published_at, record.published_source) == (
        case.published_at,
        case.published_source,
    )
    assert record.published_at is None or record.published_at.utcoffset() == timedelta(0)


def test_authors_are_clean_names(extracted: tuple[Case, ArticleRecord]) -> None:
    case, record = extracted
    assert record.authors == case.authors


def test_every_story_paragraph_is_a_body_line_in_story_order(
    extracted: tuple[Case, ArticleRecord],
) -> None:
    case, record = extracted
    lines = record.text.split("\n")
    positions = []
    for paragraph in story_lines(case.story):
        assert paragraph in lines, f"missing from the body: {paragraph[:70]!r}"
        positions.append(lines.index(paragraph))
    assert positions == sorted(positions)


def test_body_holds_nothing_but_the_story(extracted: tuple[Case, ArticleRecord]) -> None:
    case, record = extracted
    for fragment in TEMPLATE_BOILERPLATE + case.boilerplate:
        assert fragment not in record.text + "\n", f"boilerplate in the body: {fragment!r}"
    assert not set(record.text.split("\n")) & NAVIGATION_LABELS
    assert record.title not in record.text.split("\n")


def test_record_fields_read_from_the_page(extracted: tuple[Case, ArticleRecord]) -> None:
    case, record = extracted
    assert record.url == case.url
    assert record.language == "en"
    if case.lead is not None:
        assert record.lead == case.lead
    for name, expected in case.extra.items():
        assert getattr(record, name) == expected, name


def test_fingerprints_and_counts_follow_the_body(extracted: tuple[Case, ArticleRecord]) -> None:
    _, record = extracted
    normalised = " ".join(record.text.casefold().split())
    assert record.content_hash == hashlib.sha256(normalised.encode()).hexdigest()
    assert record.word_count == len(record.text.split())
    assert -(2**63) <= record.simhash < 2**63
    assert record.quality_flags == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China's defence minister visited Tehran on Tuesday and held talks with Iran's "
            "president about joint naval exercises.",
            8284872505796287394,
        ),
        ("Two words", -5706460026490166836),
        ("one", 3815355558890182089),
        ("Один — два, три: четыре пять.", -9016482816977687318),
        ("", 0),
    ],
)
def test_a_simhash_keeps_the_value_stored_articles_were_given(text: str, expected: int) -> None:
    # Stored simhashes are compared with new ones (store/duplicates.py): a faster simhash must
    # give every text the same value (these are the values before it was sped up).
    assert simhash(text) == expected


def test_sitemap_evidence_is_reported_as_sitemap() -> None:
    case = replace(CASES[4], evidence=Evidence(published_at=FEED_TIME, listed_in="news_sitemap"))

    record = case.extract()

    assert (record.published_at, record.published_source) == (case.published_at, "sitemap")


def test_page_date_wins_over_feed_evidence() -> None:
    case = replace(CASES[1], evidence=Evidence(published_at=FEED_TIME, listed_in="rss"))

    record = case.extract()

    assert record.published_source == "meta"


def test_page_without_date_or_evidence_takes_no_sidebar_or_copyright_date() -> None:
    record = replace(CASES[4], evidence=None).extract()

    assert record.published_at is None
    assert record.published_source is None
    assert "no_date" in record.quality_flags


def test_future_and_pre_1990_dates_are_rejected_for_the_next_source() -> None:
    html = read_page("gulf_defence_review_date_in_meta.html")
    for bad in ("2099-01-01T00:00:00Z", "1985-06-01T00:00:00Z"):
        json_ld = f'{{"@type": "NewsArticle", "datePublished": "{bad}"}}'
        script = f'<script type="application/ld+json">{json_ld}</script>'
        page = html.replace("</head>", f"{script}\n</head>")

        record = extract_article(page, CASES[1].url, now=datetime(2026, 12, 1, tzinfo=UTC))

        assert isinstance(record, ArticleRecord)
        assert (record.published_at, record.published_source) == (CASES[1].published_at, "meta")


def test_a_date_without_offset_is_taken_as_utc() -> None:
    html = read_page("gulf_defence_review_date_in_meta.html").replace(
        "2022-04-27T18:05:00+04:30", "2022-04-27T18:05:00"
    )

    record = extract_article(html, CASES[1].url)

    assert isinstance(record, ArticleRecord)
    assert record.published_at == datetime(2022, 4, 27, 18, 5, tzinfo=UTC)


def test_bytes_are_decoded_and_give_the_same_record() -> None:
    case = CASES[0]
    from_bytes = extract_article((PAGES / case.page).read_bytes(), case.url)

    assert from_bytes == case.extract()


def test_extraction_is_deterministic_and_records_pickle() -> None:
    first, second = CASES[2].extract(), CASES[2].extract()

    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first
    assert EXTRACTOR_VERSION


def test_a_section_front_is_not_an_article() -> None:
    html = read_page("world_news_hub_section_front.html")

    verdict = extract_article(html, "https://www.worldnewshub.com/world/")

    assert verdict == NotArticle("teaser_list", "the body is a list of teasers (9 lines)")


def test_a_cloudflare_challenge_is_not_an_article() -> None:
    html = read_page("cloudflare_challenge.html")

    assert extract_article(html, CASES[0].url) == NotArticle(
        "bot_challenge", "title 'Just a moment...'"
    )


def test_an_attention_required_page_is_not_an_article() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>"
        "<body><div id='cf-wrapper'><h1>Sorry, you have been blocked</h1>"
        "<p>This website is using a security service to protect itself from online attacks."
        " The action you just performed triggered the security solution.</p>"
        "<p>Cloudflare Ray ID: 8a1b2c3d4e5f6789 • Your IP: Click to reveal</p></div></body></html>"
    )

    verdict = extract_article(html, CASES[0].url)

    assert isinstance(verdict, NotArticle) and verdict.reason == "bot_challenge"


def test_a_short_page_without_article_markers_is_not_an_article() -> None:
    html = (
        "<html><head><title>Contact us | Gulf Defence Review</title></head><body>"
        "<nav><a href='/'>Home</a></nav><main><h1>Contact us</h1>"
        "<p>Write to the newsroom at any time. We read every message and answer most of them"
        " within a working day.</p></main></body></html>"
    )

    verdict = extract_article(html, "https://www.gulfdefencereview.com/contact/")

    assert isinstance(verdict, NotArticle) and verdict.reason == "too_short"


def test_binary_bytes_are_not_an_article() -> None:
    verdict = extract_article(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", CASES[0].url)

    assert verdict == NotArticle("binary", "PDF document, 22 bytes")


def test_an_empty_body_is_not_an_article() -> None:
    empty = extract_article("<html><body><script>x=1</script></body></html>", CASES[0].url)

    assert empty == NotArticle("no_body", "no body text left after removing boilerplate")
    assert extract_article("", CASES[0].url) == NotArticle(
        "unparsable", "no HTML document in the body"
    )


def test_a_link_with_an_invalid_host_does_not_lose_the_article() -> None:
    """`urljoin` raises ValueError on `https://[ccpa-preferences]/` (seen on real pages)."""
    case = CASES[0]
    html = read_page(case.page).replace(
        "</body>", '<a href="https://[ccpa-preferences]/">Do not sell my data</a></body>'
    )

    record = extract_article(html, case.url)

    assert isinstance(record, ArticleRecord)
    assert record.title == case.title


def test_the_same_page_and_now_give_the_same_record() -> None:
    case = CASES[0]
    html = read_page(case.page)
    now = datetime(2024, 1, 1, tzinfo=UTC)

    assert extract_article(html, case.url, now=now) == extract_article(html, case.url, now=now)


def test_a_date_after_the_fetch_time_is_not_a_publication_date() -> None:
    case = CASES[0]
    html = read_page(case.page)
    record = extract_article(html, case.url)
    assert isinstance(record, ArticleRecord) and record.published_at is not None

    before = extract_article(html, case.url, now=record.published_at - timedelta(days=30))

    assert isinstance(before, ArticleRecord)
    assert before.published_at != record.published_at


def test_a_short_article_is_kept_and_flagged_thin() -> None:
    paragraph = story_lines("wei_tehran_memo")[0]
    html = (
        "<html><head><title>China, Iran agree to strengthen military ties | Brief</title>"
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2022-04-28T09:40:00+01:00">'
        "</head><body><article><h1>China, Iran agree to strengthen military ties</h1>"
        f"<p>{paragraph}</p></article></body></html>"
    )

    record = extract_article(html, "https://brief.example.com/china-iran-ties")

    assert isinstance(record, ArticleRecord)
    assert record.text == paragraph
    assert record.quality_flags == ("thin",)


def test_a_windows_1252_page_served_as_utf8_keeps_its_punctuation() -> None:
    decoded = decode_html((PAGES / "memo_windows_1252_served_as_utf8.html").read_bytes(), "utf-8")

    record = extract_article(decoded.text, CASES[0].url)

    assert (decoded.encoding, decoded.encoding_source) == ("cp1252", "detected")
    assert isinstance(record, ArticleRecord)
    assert record.title == "China, Iran agree to strengthen military ties"
    assert record.text.split("\n") == story_lines("wei_tehran_memo")
    assert "\ufffd" not in record.text


def test_label_byline_update_time_and_closing_credits_are_not_body_text() -> None:
    html = read_page("wire_story_with_credits.html")

    record = extract_article(html, "https://www.meridianwire.com/diplomacy/iran-china-ties")

    assert isinstance(record, ArticleRecord)
    assert record.authors == ("Arash Karimi",)
    assert record.text.split("\n") == story_lines("raisi_wei_tehran")


def test_a_scraped_copy_with_look_alike_letters_is_flagged_garbled() -> None:
    html = read_page("scraped_copy_with_damaged_letters.html")

    record = extract_article(html, "https://dailynewsfeed.example.com/china-iran-military-ties/")

    assert isinstance(record, ArticleRecord)
    assert "relies.Ĭhinese arms suppliers" in record.text
    assert record.quality_flags == ("garbled",)


def test_search_engine_filler_is_flagged_generic() -> None:
    html = read_page("seo_filler_blog_post.html")

    record = extract_article(html, "https://trendpulse.example.com/iran-defense-minister-china/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == story_lines("iran_china_visit_explainer")
    assert record.authors == ()  # "Admin" is not a name
    assert record.quality_flags == ("generic",)


def test_text_the_outlet_stored_double_encoded_is_repaired_and_flagged() -> None:
    html = read_page("double_encoded_text.html")
    assert "Wei Fengheâ€™s" in html

    record = extract_article(html, "https://www.gulfcourier.example.com/news/iran-china-visit")

    assert isinstance(record, ArticleRecord)
    assert record.title == "Iran’s defense minister goes to China"
    assert record.text.split("\n") == story_lines("wei_tehran_memo")[:3]
    assert "mojibake_repaired" in record.quality_flags


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "China, Iran agree to strengthen military ties – Middle East Monitor",
            "China, Iran agree to strengthen military ties",
        ),
        ("Iran seeks closer ties | Gulf Defence Review", "Iran seeks closer ties"),
        ("Gulf Defence Review - Iran seeks closer ties", "Iran seeks closer ties"),
        ("Iran seeks closer ties - gulfdefencereview.com", "Iran seeks closer ties"),
        (
            "U.S.-led talks stall as Iran - China ties grow",
            "U.S.-led talks stall as Iran - China ties grow",
        ),
    ],
)
def test_site_name_is_stripped_from_either_end_of_a_title(title: str, expected: str) -> None:
    site_names = {"gulfdefencereview", "middleeastmonitor", "gulfdefencereviewcom"}

    assert strip_site_name(title, site_names) == expected


def test_author_strings_are_cleaned_into_names() -> None:
    raw = [
        "By Jane Doe and John Smith",
        "jane.doe@gulfdefencereview.com",
        "About the author: Jane Doe has covered the Gulf since 2009.",
        "Gulf Defence Review",
        "BY AMIR TAHERI",
        "@jdoe",
        "Tom Krisher, AP Auto Writer",
        "Text: Sarah E. Needleman",
        "Gulf Defence Review Staff",
    ]

    assert clean_authors(raw, {"gulfdefencereview"}) == (
        "Jane Doe",
        "John Smith",
        "Amir Taheri",
        "Tom Krisher",
        "Sarah E. Needleman",
    )


def _home_page(stories: int) -> str:
    """A news site's front page: headlines to its story host, a blurb under each, no markup."""
    items = "".join(
        f"<div class='card'><h3><a href='https://news.gulfdefencereview.com/2026/12/0{i % 9 + 1}/"
        f"story-{i}'>Coastal radar tender number {i} draws three bidders from the region</a></h3>"
        f"<p>Officials said the award would follow sea trials of each offered system, with a"
        f" decision expected before the end of the fiscal year.</p></div>"
        for i in range(stories)
    )
    return (
        "<html><head><title>Gulf Defence Review</title>"
        "<meta property='og:type' content='website'></head><body>"
        "<header><a href='/'>Gulf Defence Review</a></header><main>"
        f"<h1>Gulf Defence Review</h1>{items}</main></body></html>"
    )


def test_a_home_page_of_headline_links_is_a_section_front() -> None:
    verdict = extract_article(_home_page(12), "https://www.gulfdefencereview.com/")

    assert verdict == NotArticle("section_front", "the site's home page: headline links, no markup")


def test_a_page_at_a_site_root_with_few_headlines_stays_an_article() -> None:
    # Four headlines to another site: too few for a home page, and no teasers of the outlet's
    # own stories (on its own hosts, news.gulfdefencereview.com included, they would be).
    html = _home_page(4).replace("news.gulfdefencereview.com", "www.partner-wire.example.net")

    verdict = extract_article(html, "https://www.gulfdefencereview.com/")

    assert isinstance(verdict, ArticleRecord)


def _short_post(wrapper_class: str) -> str:
    """A short blog post: one heading, a few sentences, the blog engine's classes, no markup."""
    return (
        "<html><head><title>Harbour clean-up on Saturday | Marina notes</title></head><body>"
        "<nav><a href='/'>Marina notes</a> <a href='/about/'>About</a></nav>"
        f"<div class='{wrapper_class}'><h1>Harbour clean-up on Saturday</h1>"
        "<p>We meet at the slipway at nine with gloves, bags and two boats to reach the reeds."
        " Last year we pulled forty kilos of plastic from the basin; bring a friend and we will"
        " do better.</p><p>Coffee and rolls afterwards at the club house.</p></div>"
        "<footer>Marina notes · Powered by a blog engine</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "wrapper_class"),
    [
        ("https://marinanotes.example.org/2026/05/14/harbour-clean-up/", "content"),
        ("https://marinanotes.example.org/2026/05/harbour-clean-up/", "content"),
        ("https://marinanotes.example.org/blog/archives/2026/05/harbour-clean-up.html", "content"),
        ("https://marinanotes.example.org/harbour-clean-up/", "post-17 post type-post hentry"),
        ("https://marinanotes.example.org/harbour-clean-up/", "h-entry"),
    ],
)
def test_a_short_blog_post_is_an_article(url: str, wrapper_class: str) -> None:
    verdict = extract_article(_short_post(wrapper_class), url)

    assert isinstance(verdict, ArticleRecord)
    assert verdict.title == "Harbour clean-up on Saturday"


def test_a_short_page_without_post_marks_is_too_short() -> None:
    verdict = extract_article(
        _short_post("content"), "https://marinanotes.example.org/harbour-clean-up/"
    )

    assert isinstance(verdict, NotArticle) and verdict.reason == "too_short"


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        (
            "https://marinanotes.example.org/2026/05/14/",
            "a category, tag, section, author or date archive",
        ),
        (
            "https://marinanotes.example.org/2026/05/",
            "a category, tag, section, author or date archive",
        ),
        ("https://marinanotes.example.org/2026/05/page/2/", "a later page of a listing"),
    ],
)
def test_a_short_page_at_an_archive_address_is_a_section_front(url: str, detail: str) -> None:
    verdict = extract_article(_short_post("content"), url)

    assert verdict == NotArticle("section_front", f"the address of a listing: {detail}")


def test_a_short_post_with_a_dated_byline_is_an_article() -> None:
    html = _short_post("content").replace(
        "</h1>", "</h1><div class='meta'>Posted on 14 May 2026 by Karin</div>"
    )

    verdict = extract_article(html, "https://marinanotes.example.org/harbour-clean-up/")

    assert isinstance(verdict, ArticleRecord)
    assert verdict.published_source == "byline"


def _audio_story_page() -> str:
    """A broadcaster's short audio story (dw.com's shape): the standfirst, the credits, then a
    link to the story's own audio overlay under its headline. That link names the page's own
    headline, so the standfirst around it is no teaser of another story."""
    intro = (
        "Every year some twenty billion tonnes of fertile soil are lost across West Africa as"
        " forests are cleared, a study from Dakar finds. In the south, elephants leave the"
        " shrinking reserves at night and trample the maize that farmers planted where the"
        " forest used to be."
    )
    return (
        "<html><head><title>Fertile land lost as elephants raid the fields | Africa | DW</title>"
        "<meta property='og:type' content='article'></head>"
        "<body><nav><a href='/en/africa/s-11551'>Africa</a></nav>"
        "<div class='col3'><h1>Fertile land lost as elephants raid the fields</h1>"
        f"<div class='group'><div class='longText'><p>{intro}</p></div></div>"
        "<div class='group'><div class='longText'><p>Author: Kossi Mensah</p>"
        "<p>Editor: Anne Keller</p></div></div>"
        "<h4>Audio and video on the topic</h4><div class='group'><div class='linkList'>"
        "<a href='/overlay/media/en/fertile-land-lost-as-elephants-raid-the-fields/151003/653312'>"
        "<h2>Fertile land lost as elephants raid the fields</h2></a></div></div></div>"
        "<footer><a href='/en/top-stories/s-9097'>Top stories</a></footer></body></html>"
    )


def test_a_link_to_the_story_itself_is_no_teaser() -> None:
    verdict = extract_article(
        _audio_story_page(),
        "https://www.dw.com/en/fertile-land-lost-as-elephants-raid-the-fields/a-653312",
    )

    assert isinstance(verdict, ArticleRecord)
    assert verdict.title == "Fertile land lost as elephants raid the fields"
    intro, *credits = verdict.text.splitlines()
    assert intro.startswith("Every year some twenty billion tonnes of fertile soil are lost")
    assert intro.endswith("farmers planted where the forest used to be.")
    assert credits == ["Author: Kossi Mensah", "Editor: Anne Keller"]


_BLOG_SIDEBAR = (
    "<div class='sidebar section' id='sidebar-right-1'>"
    "<div class='widget BlogArchive' id='BlogArchive1'><h2>Blog Archive</h2><ul>"
    "<li><a href='/2016/12/'>December 2016</a> (3)</li>"
    "<li><a href='/2016/11/'>November 2016</a> (5)</li></ul></div>"
    "<div class='widget Label' id='Label1'><h2>Labels</h2><ul>"
    "<li><a href='/search/label/releases'>releases</a></li></ul></div></div>"
)
_BLOG_PARAGRAPHS = (
    "Python 3.6.0 is the newest major release of the language, and it contains many new"
    " features and optimizations; see the What's New document for the details.",
    "You can download Python 3.6.0 from the downloads page. Most third-party distributors"
    " should be making it available through their own channels soon.",
    "Among the new features are formatted string literals, underscores in numeric literals,"
    " variable annotations and asynchronous generators and comprehensions.",
    "Please report any problems you find on the bug tracker. We hope you enjoy the release!",
)


def _blogger_post() -> str:
    """A Blogger post: the post sits in `div.widget.Blog` around `post-body entry-content`,
    with `<br>`-separated paragraphs, beside the sidebar's archive and label widgets."""
    body = "<br><br>".join(_BLOG_PARAGRAPHS)
    return (
        "<html><head><title>Python Insider: Python 3.6.0 is now available!</title></head><body>"
        "<div class='main section' id='main'><div class='widget Blog' id='Blog1'>"
        "<div class='date-outer'><h2 class='date-header'><span>Friday, December 23, 2016</span>"
        "</h2><div class='post hentry'><h3 class='post-title entry-title'>"
        "Python 3.6.0 is now available!</h3>"
        f"<div class='post-body entry-content' id='post-body-4900219'>{body}</div>"
        "<div class='post-footer'>Posted by Ned Deily at 4:05 PM</div></div></div></div></div>"
        f"{_BLOG_SIDEBAR}</body></html>"
    )


def _page_builder_post() -> str:
    """A post laid out with a page builder: every block is an `elementor-widget-*`, the text
    split over several text-editor widgets."""

    def widget(kind: str, inner: str) -> str:
        return (
            f"<div class='elementor-element elementor-widget elementor-widget-{kind}'>"
            f"<div class='elementor-widget-container'>{inner}</div></div>"
        )

    blocks = [widget("heading", "<h1>Python 3.6.0 is now available!</h1>")] + [
        widget("text-editor", f"<p>{paragraph}</p>") for paragraph in _BLOG_PARAGRAPHS
    ]
    return (
        "<html><head><title>Python 3.6.0 is now available! - Release notes</title></head><body>"
        "<div class='elementor-section'><div class='elementor-widget-wrap'>"
        f"{''.join(blocks)}</div></div>"
        "<aside><div class='widget widget_recent_entries'><h2>Recent posts</h2><ul>"
        "<li><a href='/python-3-5-3/'>Python 3.5.3 is now available</a></li></ul></div></aside>"
        "</body></html>"
    )


@pytest.mark.parametrize("html", [_blogger_post(), _page_builder_post()])
def test_a_post_inside_a_blog_engine_or_page_builder_widget_is_kept(html: str) -> None:
    verdict = extract_article(html, "https://blog.python.example.org/python-360-is-now-available")

    assert isinstance(verdict, ArticleRecord)
    assert verdict.text.splitlines()[: len(_BLOG_PARAGRAPHS)] == list(_BLOG_PARAGRAPHS)
    assert "Archive" not in verdict.text and "Recent posts" not in verdict.text
