"""Publication dates from the byline, the canonical URL and written dates in many languages.

The trusted sources (JSON-LD, meta tags, <time> in the article) are covered in test_extract.py;
these are the rules for pages that give none of them, and for reading the outlet's own day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newsarchive.extract import ArticleRecord, extract_article
from newsarchive.extract.article import Reading, read_article
from newsarchive.extract.dates import in_outlet_offset, status_id_date, written_dates
from newsarchive.extract.page import parse_page

URL = "https://harbourpost.example/world/ministers-agree"
STORY = "".join(
    f"<p>Paragraph {n} of the report: the defence ministers met in the capital, discussed joint "
    "exercises, arms transfers and a new maritime security agreement, and agreed to meet again "
    "before the summit.</p>"
    for n in range(1, 7)
)


def page(*, byline: str = "", head: str = "", after: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head>'
        "<title>Ministers agree on joint naval drills | Harbour Post</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world/'>World</a></nav>"
        f"<main><article><h1>Ministers agree on joint naval drills</h1>{byline}{STORY}</article>"
        f"{after}</main><footer>© 2026 Harbour Post</footer></body></html>"
    )


def test_a_date_written_in_the_byline_is_the_publication_date() -> None:
    html = page(byline='<div class="byline">By Jane Roe | 13 Oct 2020 18:29</div>')

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_at == datetime(2020, 10, 13, 18, 29, tzinfo=UTC)
    assert record.published_source == "byline"
    assert record.authors == ("Jane Roe",)


def test_the_published_date_wins_over_an_updated_one_beside_it() -> None:
    html = page(
        byline='<div class="meta">Updated 15 March 2019 09:10 · Published 14 March 2019 08:00</div>'
    )

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_at == datetime(2019, 3, 14, 8, 0, tzinfo=UTC)
    assert record.published_source == "byline"


def test_a_date_in_the_canonical_url_counts_when_the_fetched_url_has_none() -> None:
    canonical = '<link rel="canonical" href="https://harbourpost.example/2019/03/14/ministers">'
    html = page(byline='<div class="byline">By Jane Roe</div>', head=canonical)

    record = extract_article(html, URL + "?utm_source=feed")

    assert isinstance(record, ArticleRecord)
    assert record.published_at == datetime(2019, 3, 14, tzinfo=UTC)
    assert record.published_source == "url"


def test_a_date_of_a_related_story_is_never_the_publication_date() -> None:
    related = (
        '<aside class="related"><h2>Related</h2><ul><li><a href="/world/older">Navies meet</a>'
        " <span>2 Jan 2018</span></li></ul></aside>"
    )
    html = page(byline='<div class="byline">Jane Roe</div>', after=related)

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_at is None
    assert "no_date" in record.quality_flags


def test_markup_in_utc_is_read_in_the_offset_the_byline_clock_implies() -> None:
    # "4:38 PM" beside 23:38Z: the outlet is at UTC-7, so its day is the 13th, as stored in UTC.
    instant = datetime(2020, 4, 13, 23, 38, 7, tzinfo=UTC)

    local = in_outlet_offset(instant, datetime(2020, 4, 13, 16, 38))

    assert local == instant
    assert local.utcoffset() == timedelta(hours=-7)
    assert local.date().isoformat() == "2020-04-13"


def test_a_clock_that_is_not_the_same_moment_leaves_the_instant_alone() -> None:
    instant = datetime(2020, 4, 13, 23, 38, 7, tzinfo=UTC)
    assert in_outlet_offset(instant, datetime(2020, 4, 13, 16, 5)).utcoffset() == timedelta(0)
    assert in_outlet_offset(instant, datetime(2020, 4, 13)).utcoffset() == timedelta(0)
    aware = datetime(2020, 4, 14, 8, 38, tzinfo=timezone(timedelta(hours=9)))
    assert in_outlet_offset(instant, aware).utcoffset() == timedelta(hours=9)


def test_stored_dates_stay_utc_whatever_offset_the_page_implies() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ministers '
        'agree on joint naval drills", "datePublished": "2020-04-13T23:38:07Z"}</script>'
    )
    html = page(head=ld, byline='<div class="byline">By Jane Roe, Apr 13, 2020 at 4:38 PM</div>')

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_at == datetime(2020, 4, 13, 23, 38, 7, tzinfo=UTC)
    assert record.published_at.utcoffset() == timedelta(0)
    assert record.published_source == "json_ld"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 14 March 2019, 18:29", datetime(2019, 3, 14, 18, 29)),
        ("Apr 13, 2020 at 4:38 PM", datetime(2020, 4, 13, 16, 38)),
        ("17 de Febrero 2020", datetime(2020, 2, 17)),
        ("le 3 février 2021 à 21 h 14", datetime(2021, 2, 3, 21, 14)),
        ("30.10.2020 12:09", datetime(2020, 10, 30, 12, 9)),
        ("2020/06/03", datetime(2020, 6, 3)),
        ("2020年4月13日", datetime(2020, 4, 13)),
        ("12 мая 2022", datetime(2022, 5, 12)),
    ],
)
def test_written_dates_are_read_in_the_languages_of_the_outlets(
    text: str, expected: datetime
) -> None:
    assert next(written_dates(text)) == expected


def test_text_without_a_date_gives_none() -> None:
    assert list(written_dates("The ministers met on Tuesday in room 2020, at 10 past 3.")) == []


def test_markup_in_utc_is_read_on_the_day_the_byline_writes_without_a_clock() -> None:
    # 02:18Z on the 18th under "17 de Febrero 2020": an outlet west of UTC, its day the 17th.
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ministers '
        'agree on joint naval drills", "datePublished": "2020-02-18T02:18:11Z"}</script>'
    )
    html = page(
        head=ld, byline='<div class="autor">Agencia Reforma <time>| 17 de Febrero 2020</time></div>'
    )

    reading = read_article(html, URL)

    assert isinstance(reading, Reading) and reading.published is not None
    assert reading.published.value.date().isoformat() == "2020-02-17"
    assert reading.record.published_at == datetime(2020, 2, 18, 2, 18, 11, tzinfo=UTC)
    assert reading.record.published_source == "json_ld"


def test_a_written_day_no_offset_reaches_leaves_the_instant_alone() -> None:
    instant = datetime(2020, 12, 5, 23, 15, tzinfo=UTC)
    east = in_outlet_offset(instant, datetime(2020, 12, 6))
    assert east == instant
    assert east.date().isoformat() == "2020-12-06"
    assert in_outlet_offset(instant, datetime(2020, 12, 4)).utcoffset() == timedelta(0)
    assert in_outlet_offset(instant, datetime(2020, 12, 7)).utcoffset() == timedelta(0)
    early = datetime(2020, 12, 5, 9, 0, tzinfo=UTC)
    assert in_outlet_offset(early, datetime(2020, 12, 6)).utcoffset() == timedelta(0)


def test_json_ld_wrapped_in_cdata_is_read() -> None:
    # XHTML-era templates wrap the script in CDATA; the meta tag is the CMS's later push time.
    ld = (
        '<script type="application/ld+json">\n  <![CDATA[\n  {"@context": {"@vocab": '
        '"http://schema.org"}, "@type": "NewsArticle", "headline": "Ministers agree on joint '
        'naval drills", "datePublished": "2024-12-06T22:00:40.000Z"}\n  ]]>\n</script>'
        '<script type="application/ld+json">//<![CDATA[\n{"@type": "WebPage", "name": "x"}\n'
        "//]]></script>"
    )
    meta = '<meta property="article:published_time" content="2024-12-07T12:43:39.889Z">'
    html = page(head=ld + meta, byline='<div class="byline">By Jane Roe</div>')

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_source == "json_ld"
    assert record.published_at == datetime(2024, 12, 6, 22, 0, 40, tzinfo=UTC)
    assert record.published_on == date(2024, 12, 6)
    assert record.published_precision == "second"
    parsed = parse_page(html, URL)
    assert parsed is not None and parsed.page_object == {"@type": "WebPage", "name": "x"}


def test_meta_tags_that_write_value_instead_of_content_are_read() -> None:
    head = (
        '<meta value="2017-01-13T21:45:08Z" name="article:published_time">'
        '<meta value="2017-04-04T20:44:00Z" name="article:modified_time">'
    )
    byline = (
        '<p class="byline">By Jane Roe, last updated '
        '<time datetime="2017-04-04T20:44:00Z" class="relative-date">Apr 4, 2017</time></p>'
    )
    html = page(head=head, byline=byline)

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_source == "meta"
    assert record.published_at == datetime(2017, 1, 13, 21, 45, 8, tzinfo=UTC)
    assert record.published_on == date(2017, 1, 13)
    assert record.modified_at == datetime(2017, 4, 4, 20, 44, tzinfo=UTC)


def test_a_date_marked_above_the_headline_is_found_before_pruning() -> None:
    # The byline block above the headline is page furniture to the body's pruning; once it is
    # gone, only a date the story's text mentions would be left for htmldate to find.
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Ministers agree on joint naval drills'
        '</title></head><body><main><div class="story-header"><div class="byline">By Jane Roe '
        '<span class="updated">Published <span class="post-date" data-date="2019-03-14">'
        "14.03.2019</span></span></div><h1>Ministers agree on joint naval drills</h1></div>"
        f'<div class="story-body">{STORY}<p>The ministers last met on 2 January 2018 in Oslo '
        "and signed a deal.</p></div></main></body></html>"
    )

    record = extract_article(html, URL)

    assert isinstance(record, ArticleRecord)
    assert record.published_source == "htmldate"
    assert record.published_at == datetime(2019, 3, 14, tzinfo=UTC)
    assert record.published_on == date(2019, 3, 14)
    assert record.published_precision == "day"


def test_a_post_on_twitter_is_dated_by_the_id_in_its_address() -> None:
    # The status ID's bits above the lowest 22 are milliseconds since 2010-11-04 01:42:54.657 UTC.
    url = "https://twitter.com/Reuters/status/1281836879789404160/photo/1"

    assert status_id_date(url) == datetime(2020, 7, 11, 6, 25, 2, 176000, tzinfo=UTC)
    assert status_id_date("https://x.com/NATO/status/1281836879789404160") == datetime(
        2020, 7, 11, 6, 25, 2, 176000, tzinfo=UTC
    )
    # IDs from before snowflakes (2010) were counters; other addresses hold no ID.
    assert status_id_date("https://twitter.com/jack/status/20") is None
    assert status_id_date("https://twitter.com/jack/status/29700000000") is None
    assert status_id_date("https://example.com/Reuters/status/1281836879789404160") is None
    assert status_id_date("https://twitter.com/Reuters") is None


def test_a_tweet_page_takes_its_day_from_its_address_not_from_other_posts() -> None:
    # A tweet's page has no date markup; the dates it shows belong to replies and other posts.
    replies = "".join(
        f'<div class="reply"><p>Reply {n}: the navies of both countries should hold more drills '
        f"like this one, and publish what they learn.</p><span>Jul 15, 2020</span></div>"
        for n in range(1, 4)
    )
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Reuters on Twitter: "Ministers agree on '
        'joint naval drills"</title></head><body><main><h1>Reuters on Twitter</h1>'
        f"<div>{STORY}</div>{replies}</main></body></html>"
    )

    reading = read_article(html, "https://twitter.com/Reuters/status/1281836879789404160")

    assert isinstance(reading, Reading)
    assert reading.record.published_source == "url"
    assert reading.record.published_on == date(2020, 7, 11)
    assert reading.record.published_at == datetime(2020, 7, 11, tzinfo=UTC)
    assert reading.record.published_precision == "day"


def test_a_date_in_an_aside_of_the_story_itself_is_read_but_not_one_of_the_sidebar() -> None:
    # spektrum.de's layout: the <h1> sits in the breadcrumbs, the story's category, date and
    # reading time in an <aside> column inside its <article>, and the page's sidebar (another
    # <aside>, outside the article) lists other stories with their dates.
    html = (
        '<!DOCTYPE html><html lang="de"><head><title>Genetik: Das Geheimnis der Rafflesien'
        '</title></head><body><aside class="sidebar-box"><ul><li><a href="/news/alt/1">Ältere '
        'Meldung</a> <span class="date">02.01.2018</span></li></ul></aside>'
        '<article class="content"><ol class="breadcrumbs"><li><a href="/">Startseite</a></li>'
        "<li><h1>Genetik: Das Geheimnis der Rafflesien</h1></li></ol>"
        '<div class="row"><aside class="small-12 medium-2 columns"><ul class="content__meta">'
        '<li class="item content__meta__category">Hintergrund</li>'
        '<li class="item content__meta__date">19.07.2022</li>'
        '<li class="item">Lesedauer ca. 10 Minuten</li></ul></aside>'
        f'<div class="small-12 medium-8 columns">{STORY}</div></div></article></body></html>'
    )

    record = extract_article(html, "https://www.spektrum.de/news/genetik-rafflesien/2039026")

    assert isinstance(record, ArticleRecord)
    assert record.published_source == "htmldate"
    assert record.published_on == date(2022, 7, 19)
    assert record.published_precision == "day"
