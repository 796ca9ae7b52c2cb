"""Feeds and sitemaps as outlets really serve them: sloppy, compressed, sometimes hostile."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.crawl.listings import ListingError, parse_listing

DATA = Path(__file__).parent / "data" / "listings"


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_rss_items_carry_link_title_and_utc_date_without_repeats() -> None:
    listing = parse_listing(
        read("bbc_world_rss.xml"), "https://feeds.bbci.co.uk/news/world/rss.xml"
    )
    assert listing.kind == "feed"
    first, second = listing.articles
    assert first.url == "https://www.bbc.co.uk/news/articles/c9x2k4l1?at_medium=RSS&at_campaign=rss"
    assert first.title == "Iran's defence minister visits Beijing for SCO talks"
    assert first.published_at == datetime(2025, 6, 26, 13, 5, 27, tzinfo=UTC)
    assert first.listed_in == "rss"
    assert second.title == "Nato allies agree new spending target"


def test_atom_entries_use_the_alternate_link_resolved_against_the_feed() -> None:
    listing = parse_listing(
        read("aljazeera_atom.xml"), "https://www.aljazeera.com/xml/atom/all.xml"
    )
    first, second = listing.articles
    assert first.url == (
        "https://www.aljazeera.com/news/2022/4/28/china-iran-agree-to-deepen-military-cooperation"
    )
    assert first.published_at == datetime(2022, 4, 28, 10, 2, tzinfo=UTC)
    assert first.modified_at == datetime(2022, 4, 28, 12, 10, tzinfo=UTC)
    assert first.listed_in == "atom"
    assert second.url == "https://www.aljazeera.com/news/2023/3/10/saudi-iran-deal"


def test_rss_1_0_rdf_feeds_are_read_too() -> None:
    listing = parse_listing(read("dw_rdf.xml"), "https://rss.dw.com/rdf/rss-en-world")
    [item] = listing.articles
    assert item.url.startswith("https://www.dw.com/en/poland-receives-first-k2-tanks/a-64010000")
    assert item.published_at == datetime(2022, 12, 6, 12, 5, 30, tzinfo=UTC)
    assert item.listed_in == "rdf"


def test_news_sitemaps_give_publication_date_and_title() -> None:
    listing = parse_listing(
        read("guardian_news_sitemap.xml"), "https://www.theguardian.com/sitemaps/news.xml"
    )
    first, second = listing.articles
    assert first.listed_in == "news_sitemap"
    assert first.title == "Nato summit: allies pledge air defence for Ukraine"
    assert first.published_at == datetime(2024, 7, 10, 21, 48, tzinfo=UTC)
    assert second.published_at == datetime(2024, 7, 10, tzinfo=UTC)


def test_sitemap_index_lists_child_sitemaps_as_absolute_urls() -> None:
    listing = parse_listing(read("sitemap_index.xml"), "https://www.twz.com/sitemap_index.xml")
    assert listing.kind == "sitemap_index"
    assert listing.articles == ()
    assert listing.sitemaps == (
        "https://www.twz.com/post-sitemap1.xml",
        "https://www.twz.com/post-sitemap2.xml",
        "https://www.twz.com/category-sitemap.xml",
    )


def test_sitemaps_without_namespace_and_with_bad_dates_still_list_their_urls() -> None:
    listing = parse_listing(read("plain_sitemap_no_namespace.xml"), "https://www.dawn.com/sitemap")
    first, second = listing.articles
    assert first.modified_at == datetime(2025, 1, 14, 9, 30, tzinfo=UTC)
    assert second.url == "https://www.dawn.com/news/1900002/sco-defence-ministers-meet"
    assert second.modified_at is None


def test_gzipped_sitemaps_served_raw_are_inflated() -> None:
    body = gzip.compress(read("guardian_news_sitemap.xml"))
    listing = parse_listing(body, "https://www.washingtonpost.com/sitemaps/news-sitemap.xml.gz")
    assert len(listing.articles) == 2


def test_a_truncated_feed_still_yields_its_complete_items() -> None:
    listing = parse_listing(
        read("truncated_rss.xml"), "https://feeds.bbci.co.uk/news/world/rss.xml"
    )
    urls = [article.url for article in listing.articles]
    assert "https://www.bbc.co.uk/news/articles/c9x2k4l1?at_medium=RSS&at_campaign=rss" in urls


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
            "not_a_listing",
        ),
        (bytes(range(256)) * 40, "not_a_listing"),
        (b"   \n ", "empty_body"),
    ],
)
def test_bodies_that_are_not_listings_raise_a_clear_error(body: bytes, reason: str) -> None:
    with pytest.raises(ListingError) as caught:
        parse_listing(body, "https://example.com/rss.xml")
    assert caught.value.reason == reason
    assert "https://example.com/rss.xml" in str(caught.value)


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * (64 * 2**20), compresslevel=9)  # 64 MiB of zeros, ~64 KiB
    with pytest.raises(ListingError) as caught:
        parse_listing(bomb, "https://example.com/sitemap.xml.gz", max_bytes=2**20)
    assert caught.value.reason == "too_large"


def test_an_entity_expansion_bomb_in_a_sitemap_does_not_expand() -> None:
    lol = "".join(
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}' + f'{("&lol" + str(i - 1) + ";") * 9}">'
        for i in range(1, 10)
    )
    body = (
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY lol0 "lol">' + lol + "]>"
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://example.com/a</loc></url>"
        "<url><loc>https://example.com/&lol9;</loc></url></urlset>"
    ).encode()
    started = time.perf_counter()
    listing = parse_listing(body, "https://example.com/sitemap.xml")
    assert time.perf_counter() - started < 5
    assert all(len(article.url) < 200 for article in listing.articles)
    assert "https://example.com/a" in [article.url for article in listing.articles]
