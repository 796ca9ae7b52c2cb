"""Feeds and sitemaps as outlets really serve them: sloppy, compressed, truncated, hostile."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.discover.listings import Listing, ListingError, parse_listing, parse_w3c_date

DATA = Path(__file__).parent / "data" / "listings"


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def urls_of(name: str, url: str = "https://www.example.com/feed.xml") -> list[str]:
    return [article.url for article in parse_listing(read(name), url).articles]


def test_rss_items_keep_their_link_as_listed_with_title_and_rfc822_date_in_utc() -> None:
    listing = parse_listing(read("breakingdefense_rss.xml"), "https://breakingdefense.com/feed/")
    assert listing.kind == "feed"
    assert listing.sitemaps == ()
    launcher, pact, opinion = listing.articles
    # Not normalised here: the crawler decides what the key is.
    assert launcher.url == (
        "https://breakingdefense.com/2025/06/armys-next-gen-launcher-clears-first-live-fire-test/"
        "?utm_source=rss&utm_medium=rss"
        "&utm_campaign=armys-next-gen-launcher-clears-first-live-fire-test"
    )
    assert launcher.title == "Army’s next-gen launcher clears first live-fire test"
    assert launcher.published_at == datetime(2025, 6, 26, 18, 47, 3, tzinfo=UTC)
    assert launcher.modified_at is None
    assert launcher.listed_in == "rss"
    assert pact.published_at == datetime(2025, 6, 26, 2, 15, tzinfo=UTC)  # -0400
    assert opinion.published_at is None  # "Tue, 31 Jun 2025": no such day


def test_an_item_listed_twice_in_a_feed_is_listed_once() -> None:
    listing = parse_listing(
        read("bbc_world_rss.xml"), "https://feeds.bbci.co.uk/news/world/rss.xml"
    )
    assert [article.url for article in listing.articles] == [
        "https://www.bbc.co.uk/news/articles/c9x2k4l1?at_medium=RSS&at_campaign=rss",
        "https://www.bbc.co.uk/news/articles/c3n8v0z2?at_medium=RSS&at_campaign=rss",
    ]
    assert listing.articles[0].published_at == datetime(2025, 6, 26, 13, 5, 27, tzinfo=UTC)


def test_atom_entries_use_the_alternate_link_resolved_against_the_feed_url() -> None:
    listing = parse_listing(
        read("aljazeera_atom.xml"), "https://www.aljazeera.com/xml/atom/all.xml"
    )
    first, second = listing.articles  # the entry with only a rel=related link is not listed
    assert first.url == (
        "https://www.aljazeera.com/news/2022/4/28/china-iran-agree-to-deepen-military-cooperation"
    )
    assert first.published_at == datetime(2022, 4, 28, 10, 2, tzinfo=UTC)
    assert first.modified_at == datetime(2022, 4, 28, 12, 10, tzinfo=UTC)
    assert first.listed_in == "atom"
    assert second.url == "https://www.aljazeera.com/news/2023/3/10/saudi-iran-deal"  # not the jpg
    assert second.title == "Saudi Arabia and Iran restore ties in China-brokered deal"
    # <updated> is the last edit, not the publication.
    assert second.published_at is None
    assert second.modified_at == datetime(2023, 3, 10, 16, 40, tzinfo=UTC)


def test_rss_1_0_rdf_items_are_dated_by_dc_date() -> None:
    listing = parse_listing(read("dw_rdf.xml"), "https://rss.dw.com/rdf/rss-en-world")
    tanks, patriot = listing.articles
    assert tanks.url == (
        "https://www.dw.com/en/poland-receives-first-k2-tanks/a-64010000"
        "?maca=en-rss-en-world-4025-rdf"
    )
    assert tanks.title == "Poland receives first K2 tanks from South Korea"
    assert tanks.published_at == datetime(2022, 12, 6, 12, 5, 30, tzinfo=UTC)
    assert tanks.listed_in == "rdf"
    assert patriot.published_at is None


def test_an_rss_guid_stands_in_for_the_link_only_when_it_is_a_permalink_url() -> None:
    listing = parse_listing(read("pib_guid_rss.xml"), "https://pib.gov.in/RssMain.aspx?ModId=6")
    permalink, relative = listing.articles  # a bare-number guid and a mailto: link are not
    assert permalink.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2139001"
    assert permalink.published_at == datetime(2025, 6, 26, 17, 32, tzinfo=UTC)  # no zone: UTC
    assert relative.url == "https://pib.gov.in/PressReleasePage.aspx?PRID=2139002"
    assert relative.published_at == datetime(2025, 7, 1, 8, 40, tzinfo=UTC)  # +0530


def test_news_sitemaps_give_publication_date_in_utc_and_title() -> None:
    listing = parse_listing(
        read("guardian_news_sitemap.xml"), "https://www.theguardian.com/sitemaps/news.xml"
    )
    assert listing.kind == "sitemap"
    summit, poland, biden = listing.articles
    assert summit.listed_in == "news_sitemap"
    assert summit.title == "Nato summit: allies pledge air defence for Ukraine"
    assert summit.published_at == datetime(2024, 7, 10, 21, 48, tzinfo=UTC)  # +01:00
    assert summit.modified_at is None
    assert poland.published_at == datetime(2024, 7, 10, tzinfo=UTC)  # a bare date
    assert biden.title == "Biden tells Nato: “Ukraine can and will stop Putin”"
    assert biden.published_at == datetime(2024, 7, 10, 21, 5, tzinfo=UTC)  # -04:00
    assert biden.modified_at == datetime(2024, 7, 11, 2, 15, 9, tzinfo=UTC)


def test_a_sitemap_index_lists_each_child_sitemap_once_as_an_absolute_url() -> None:
    listing = parse_listing(read("sitemap_index.xml"), "https://www.twz.com/sitemap_index.xml")
    assert listing.kind == "sitemap_index"
    assert listing.articles == ()
    assert listing.sitemaps == (
        "https://www.twz.com/post-sitemap1.xml",
        "https://www.twz.com/post-sitemap2.xml",
        "https://www.twz.com/category-sitemap.xml",
    )


def test_a_sitemap_without_namespace_lists_its_urls_once_and_unreadable_dates_as_none() -> None:
    listing = parse_listing(read("plain_sitemap_no_namespace.xml"), "https://www.dawn.com/sitemap")
    drill, meeting, border = listing.articles
    assert drill.listed_in == "sitemap"
    assert drill.published_at is None
    assert drill.modified_at == datetime(2025, 1, 14, 9, 30, tzinfo=UTC)  # the first listing
    assert meeting.url == "https://www.dawn.com/news/1900002/sco-defence-ministers-meet"
    assert meeting.modified_at is None  # "not a date"
    assert border.modified_at == datetime(2025, 1, 13, tzinfo=UTC)


def test_a_sloppy_sitemap_keeps_bare_ampersands_and_reads_html_entities() -> None:
    listing = parse_listing(read("presstv_sitemap_sloppy.xml"), "https://www.presstv.ir/sitemap")
    bare, cdata, escaped = listing.articles
    assert bare.url == "https://www.presstv.ir/Detail.aspx?id=750123&sectionid=351020101"
    assert bare.title == "Iran’s defence minister: SCO must resist unilateralism"
    assert bare.listed_in == "news_sitemap"  # the news: prefix was never declared
    assert bare.published_at == datetime(2025, 6, 26, 10, 35, tzinfo=UTC)  # +03:30
    assert cdata.url == "https://www.presstv.ir/Detail.aspx?id=750124&sectionid=351020104"
    assert cdata.title == "Tehran & Beijing discuss joint drills"
    assert escaped.url == "https://www.presstv.ir/Detail.aspx?id=750125&sectionid=351020101"
    assert escaped.modified_at == datetime(2025, 6, 26, 13, 15, tzinfo=UTC)  # RFC 822


def test_a_gzipped_sitemap_served_raw_is_inflated() -> None:
    listing = parse_listing(
        read("washingtonpost_news_sitemap.xml.gz"),
        "https://www.washingtonpost.com/sitemaps/news-sitemap.xml.gz",
    )
    assert [article.url for article in listing.articles] == [
        "https://www.washingtonpost.com/world/2025/06/26/nato-summit-hague-spending/",
        "https://www.washingtonpost.com/national-security/2025/06/26/pentagon-iran-strike-assessment/",
    ]
    assert listing.articles[1].published_at == datetime(2025, 6, 26, 21, 30, tzinfo=UTC)


def test_a_gzip_file_of_several_members_is_inflated_whole() -> None:
    document = read("plain_sitemap_no_namespace.xml")
    middle = len(document) // 2
    body = gzip.compress(document[:middle]) + gzip.compress(document[middle:])
    assert len(parse_listing(body, "https://www.dawn.com/sitemap.xml.gz").articles) == 3


def test_a_truncated_feed_yields_its_complete_items_and_not_the_cut_one() -> None:
    # The download stops inside the fourth item's guid, after its link.
    assert urls_of("truncated_rss.xml") == [
        "https://www.bbc.co.uk/news/articles/c9x2k4l1?at_medium=RSS&at_campaign=rss",
        "https://www.bbc.co.uk/news/articles/c3n8v0z2?at_medium=RSS&at_campaign=rss",
        "https://www.bbc.co.uk/news/articles/c4g7m2w9?at_medium=RSS&at_campaign=rss",
    ]


def test_a_truncated_sitemap_yields_its_complete_urls_and_not_the_cut_one() -> None:
    # The download stops inside the third <loc>: its text is only part of a URL.
    assert urls_of("truncated_sitemap.xml") == [
        "https://www.yna.co.kr/view/AEN20250626003100315",
        "https://www.yna.co.kr/view/AEN20250626002900325",
    ]


def test_a_truncated_gzip_download_yields_the_urls_it_completed() -> None:
    compressed = gzip.compress(read("guardian_news_sitemap.xml"))
    body = compressed[: len(compressed) * 9 // 10]  # stops inside the third <url>
    urls = [article.url for article in parse_listing(body, "https://e.com/news.xml.gz").articles]
    assert urls == [
        "https://www.theguardian.com/world/2024/jul/10/nato-summit-washington-ukraine",
        "https://www.theguardian.com/world/2024/jul/10/poland-defence-spending",
    ]


def test_a_feed_printed_after_php_warnings_is_still_read() -> None:
    assert urls_of("php_warning_before_feed.xml") == [
        "https://dailytimes.com.pk/1290001/pakistan-turkey-agree-on-joint-corvette-production/"
    ]


def test_a_utf16_feed_is_read() -> None:
    text = read("dw_rdf.xml").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    listing = parse_listing(text.encode("utf-16"), "https://rss.dw.com/rdf/rss-en-world")
    assert [article.title for article in listing.articles] == [
        "Poland receives first K2 tanks from South Korea",
        "Germany approves Patriot system for Ukraine",
    ]


@pytest.mark.parametrize(
    ("body", "reason", "shown"),
    [
        (read("html_served_as_feed.html"), "not_a_listing", "root element <html>"),
        (gzip.compress(read("html_served_as_feed.html")), "not_a_listing", "<html>"),
        (read("jpeg_served_as_feed.jpg"), "not_a_listing", "no XML root element"),
        # feedparser fetches a str that looks like a URL; a body that is one must not be.
        (b"https://www.example.com/rss.xml", "not_a_listing", "no XML root element"),
        (
            b'<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
            "not_a_listing",
            "<Error>",
        ),
        (read("empty.xml"), "empty_body", "empty"),
        (b"  \r\n\t ", "empty_body", "empty"),
        (gzip.compress(b""), "empty_body", "empty"),
        (b"\x1f\x8b\x08\x00 not really gzip", "malformed", "gzip"),
        (b'<rss version="2.0">\x00\x01\x02 nothing after', "malformed", "unreadable feed"),
    ],
    ids=[
        "html-challenge-page",
        "gzipped-html",
        "jpeg",
        "a-url-as-body",
        "xml-error-document",
        "empty-file",
        "whitespace",
        "gzipped-nothing",
        "broken-gzip",
        "rss-root-then-binary",
    ],
)
def test_bodies_that_are_not_listings_raise_an_error_saying_why(
    body: bytes, reason: str, shown: str
) -> None:
    with pytest.raises(ListingError) as caught:
        parse_listing(body, "https://www.example.com/rss.xml")
    assert caught.value.reason == reason
    assert "https://www.example.com/rss.xml" in str(caught.value)
    assert shown in str(caught.value)


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * 2**20
    bomb = b"".join(compressor.compress(zeros) for _ in range(200)) + compressor.flush()
    assert len(bomb) < 2**20  # 200 MiB of zeros in a fraction of a megabyte
    tracemalloc.start()
    try:
        with pytest.raises(ListingError) as caught:
            parse_listing(bomb, "https://www.example.com/sitemap.xml.gz", max_bytes=4 * 2**20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "too_large"
    assert peak < 16 * 2**20


def test_a_body_over_the_size_cap_is_refused() -> None:
    body = read("guardian_news_sitemap.xml")
    with pytest.raises(ListingError) as caught:
        parse_listing(body, "https://www.example.com/sitemap.xml", max_bytes=len(body) - 1)
    assert caught.value.reason == "too_large"


def _parse_traced(body: bytes, url: str) -> tuple[Listing, int]:
    """The listing and the peak memory its parse took: an expanded entity bomb shows there."""
    tracemalloc.start()
    try:
        listing = parse_listing(body, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return listing, peak


def test_an_entity_expansion_bomb_in_a_sitemap_does_not_expand() -> None:
    body = read("billion_laughs_sitemap.xml")
    listing, peak = _parse_traced(body, "https://www.example-outlet.com/sitemap.xml")
    assert peak < 16 * 2**20  # expanded, the bomb would take gigabytes
    urls = [article.url for article in listing.articles]
    assert not any("lollol" in url for url in urls)
    # The bomb is left as literal text and the URLs after it are still read.
    assert urls == [
        "https://www.example-outlet.com/news/2025/06/26/first-story",
        "https://www.example-outlet.com/news/&lol9;",
        "https://www.example-outlet.com/news/2025/06/26/last-story",
    ]


def test_an_entity_expansion_bomb_in_a_feed_does_not_expand() -> None:
    declarations = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{declarations}]>'
        '<rss version="2.0"><channel><title>x</title><item><title>&lol9;</title>'
        "<link>https://www.example-outlet.com/news/story</link></item></channel></rss>"
    ).encode()
    listing, peak = _parse_traced(body, "https://www.example-outlet.com/rss.xml")
    assert peak < 256 * 2**20  # feedparser's own copies take ~50 MiB; expanded, 3 GB of "lol"
    [article] = listing.articles
    assert article.url == "https://www.example-outlet.com/news/story"
    assert len(article.title or "") < 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-26T14:05:27+01:00", datetime(2025, 6, 26, 13, 5, 27, tzinfo=UTC)),
        ("2025-06-26T14:05:27Z", datetime(2025, 6, 26, 14, 5, 27, tzinfo=UTC)),
        ("2025-06-26T14:05:27.771-04:00", datetime(2025, 6, 26, 18, 5, 27, 771000, tzinfo=UTC)),
        ("2025-06-26T14:05+0530", datetime(2025, 6, 26, 8, 35, tzinfo=UTC)),
        ("2025-06-26 14:05:27 +03:00", datetime(2025, 6, 26, 11, 5, 27, tzinfo=UTC)),
        ("2025-06-26T14:05:27", datetime(2025, 6, 26, 14, 5, 27, tzinfo=UTC)),  # naive: UTC
        ("2025-06-26", datetime(2025, 6, 26, tzinfo=UTC)),
        ("2025-06", datetime(2025, 6, 1, tzinfo=UTC)),
        ("2025", datetime(2025, 1, 1, tzinfo=UTC)),
        ("Thu, 26 Jun 2025 14:05:27 +0100", datetime(2025, 6, 26, 13, 5, 27, tzinfo=UTC)),
        ("Thu, 26 Jun 2025 14:05:27 GMT", datetime(2025, 6, 26, 14, 5, 27, tzinfo=UTC)),
        ("26 Jun 2025 14:05:27 EST", datetime(2025, 6, 26, 19, 5, 27, tzinfo=UTC)),
        ("2025-02-30", None),
        ("2025-13", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("0001-01-01T00:00:00+05:00", None),
    ],
)
def test_listing_dates_are_read_as_aware_utc_or_none(
    text: str | None, expected: datetime | None
) -> None:
    assert parse_w3c_date(text) == expected
