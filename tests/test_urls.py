"""One story, one key: tracking junk, fragments and AMP twins never make a second row."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request

from newsarchive.discover.listings import parse_listing
from newsarchive.discover.urls import amp_canonical, is_private_address, normalise_url, url_host

LISTINGS = Path(__file__).parent / "data" / "listings"

NORMALISED = [
    # case of scheme and host, default port, fragment, Google Analytics campaign
    (
        "HTTP://WWW.Example.COM:80/World/Story-1?utm_source=rss&utm_medium=feed#comments",
        "http://www.example.com/World/Story-1",
    ),
    ("https://example.com:443/a/b/?b=2&a=1", "https://example.com/a/b/?a=1&b=2"),
    ("https://example.com:80/a", "https://example.com:80/a"),  # not https's default
    # fixture outlets live on a loopback port
    (
        "http://127.0.0.1:8123/article.php?id=4412&utm_campaign=x",
        "http://127.0.0.1:8123/article.php?id=4412",
    ),
    ("http://[::1]:80/x", "http://[::1]/x"),
    # click identifiers and mailing tools
    (
        "https://example.com/news?id=123&fbclid=IwAR0x&gclid=abc&dclid=1&msclkid=2&yclid=3&igshid=4",
        "https://example.com/news?id=123",
    ),
    ("https://example.com/x?mc_cid=a1&mc_eid=b2&_ga=2.1.3&page=2", "https://example.com/x?page=2"),
    # news sites' own campaign codes
    (
        "https://www.bbc.co.uk/news/articles/c9x2k4l1?at_medium=RSS&at_campaign=rss",
        "https://www.bbc.co.uk/news/articles/c9x2k4l1",
    ),
    (
        "https://www.theguardian.com/world/2024/jul/10/nato?CMP=share_btn_tw",
        "https://www.theguardian.com/world/2024/jul/10/nato",
    ),
    (
        "https://www.msn.com/en-gb/news/world/talks/ar-AA1hXy?ocid=msedgntp&cmpid=rss&ito=792&taid=6",
        "https://www.msn.com/en-gb/news/world/talks/ar-AA1hXy",
    ),
    (
        "https://www.lemonde.fr/international/x.html?xtor=RSS-3208",
        "https://www.lemonde.fr/international/x.html",
    ),
    ("https://e.com/x?WT.mc_id=tw&ns_mchannel=social&pk_campaign=y", "https://e.com/x"),
    # meaningful parameters stay, including those courlan's regex would strip
    (
        "https://zaxid.net/news/showNews.do?objectId=1503302&name=x",
        "https://zaxid.net/news/showNews.do?name=x&objectId=1503302",
    ),
    (
        "https://www.example.com/view.php?cid=12&gallery=3&source=reuters&reference=A1",
        "https://www.example.com/view.php?cid=12&gallery=3&reference=A1&source=reuters",
    ),
    ("https://www.yna.co.kr/news/articleView.html?idxno=9912", None),
    ("http://www.example.com/index.php?/archives/123-Talks.html", None),
    ("https://www.example.com/news.php?1234", None),
    # ref-like parameters go only when they name a social or feed channel
    ("https://e.com/story?ref=twitter", "https://e.com/story"),
    ("https://e.com/story?ref_src=twsrc%5Etfw", "https://e.com/story"),
    ("https://e.com/story?from=rss&src=fb_share", "https://e.com/story"),
    (
        "https://e.com/story?ref=A-1234&from=2024-01-01",
        "https://e.com/story?from=2024-01-01&ref=A-1234",
    ),
    # feeds that escape twice
    (
        "https://www.presstv.ir/Detail.aspx?id=750125&amp;sectionid=351020101",
        "https://www.presstv.ir/Detail.aspx?id=750125&sectionid=351020101",
    ),
    # encoding: IDNA host, UTF-8 escapes in upper case, unreserved characters unescaped
    (
        "https://пример.рф/новости/1",
        "https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1",
    ),
    ("https://e.com/%7eusers/caf%c3%a9", "https://e.com/~users/caf%C3%A9"),
    ("https://e.com/a b?q=a b", "https://e.com/a%20b?q=a%20b"),
    ("https://e.com/x?b=%2b&a=%2B", "https://e.com/x?a=%2B&b=%2B"),
    # path: dot segments resolved; case, trailing slash and double slashes as the site has them
    ("https://example.com/a/../b/./c", "https://example.com/b/c"),
    ("https://example.com", "https://example.com/"),
    ("https://e.com/World/Story/", None),
    ("https://e.com/a//b", None),
    # odds and ends from real feeds
    (" \n https://e.com/x\n ", "https://e.com/x"),
    ("https://www.dw.com./en/x", "https://www.dw.com/en/x"),
    ("https://e.com/x?", "https://e.com/x"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISED)
def test_normalise_url_strips_tracking_and_fragments_and_keeps_meaningful_parameters(
    raw: str, expected: str | None
) -> None:
    assert normalise_url(raw) == (expected or raw)


@pytest.mark.parametrize(
    "raw",
    [
        "mailto:desk@example.com",
        "javascript:void(0)",
        "ftp://example.com/file.xml",
        "data:text/html,<p>hi</p>",
        "tel:+442079460000",
        "file:///etc/passwd",
        "",
        "   ",
        "http://",
        "//example.com/no-scheme",
        "https://example.com:port/",
        "https://example.com:99999/",
        "http://[::1",
        "https://exa mple.com/",
    ],
)
def test_normalise_url_refuses_what_cannot_be_fetched_over_http(raw: str) -> None:
    assert normalise_url(raw) is None


@pytest.mark.parametrize(
    ("raw", "base", "expected"),
    [
        ("../world/story?utm_source=x", "https://e.com/feeds/rss.xml", "https://e.com/world/story"),
        ("/news/1", "http://127.0.0.1:8123/feed.xml", "http://127.0.0.1:8123/news/1"),
        ("//cdn.e.com/x", "https://e.com/feed", "https://cdn.e.com/x"),
        ("#top", "https://e.com/a?b=1", "https://e.com/a?b=1"),
        ("https://other.com/x", "https://e.com/feed", "https://other.com/x"),
        ("mailto:desk@e.com", "https://e.com/feed", None),
    ],
)
def test_relative_links_resolve_against_their_listing(
    raw: str, base: str, expected: str | None
) -> None:
    assert normalise_url(raw, base=base) == expected


def _many_urls() -> list[str]:
    """Every URL the tables and the saved listings hold, raw and normalised."""
    urls = [raw for raw, _ in NORMALISED]
    urls += [expected for _, expected in NORMALISED if expected]
    urls += [amp for amp, _ in AMP_TWINS] + [canonical for _, canonical in AMP_TWINS]
    for path in sorted(LISTINGS.glob("*.xml*")):
        try:
            listing = parse_listing(path.read_bytes(), "https://www.example.com/feed.xml")
        except ValueError:
            continue
        urls += [article.url for article in listing.articles] + list(listing.sitemaps)
    return urls


def test_normalising_twice_changes_nothing_and_scrapy_requests_the_key_as_it_is() -> None:
    urls = _many_urls()
    assert len(urls) > 80
    for url in urls:
        key = normalise_url(url)
        if key is None:
            continue
        assert normalise_url(key) == key, url
        # The key is the URL Scrapy sends, so request, response and row agree.
        assert Request(key).url == key, url


AMP_TWINS = [
    ("https://e.com/world/story-1/amp/", "https://e.com/world/story-1/"),
    ("https://e.com/world/story-1/amp", "https://e.com/world/story-1"),
    ("https://e.com/amp/world/story-1", "https://e.com/world/story-1"),
    ("https://e.com/world/story-1.amp.html", "https://e.com/world/story-1.html"),
    ("https://e.com/world/story-1.amp", "https://e.com/world/story-1"),
    ("https://e.com/story?id=2&amp=1", "https://e.com/story?id=2"),
    ("https://e.com/story?amp", "https://e.com/story"),
    ("https://e.com/story?amp=true&id=2", "https://e.com/story?id=2"),
    ("https://e.com/story?outputType=amp", "https://e.com/story"),
    ("https://e.com/story?format=amp", "https://e.com/story"),
    ("https://amp.e.com/world/story", "https://e.com/world/story"),
    ("https://AMP.E.com:8443/world/story", "https://e.com:8443/world/story"),
    ("https://e-com.cdn.ampproject.org/c/s/e.com/world/story", "https://e.com/world/story"),
    (
        "https://www-e-com.cdn.ampproject.org/v/s/www.e.com/world/story/amp/?amp_js_v=0.1&id=3",
        "https://www.e.com/world/story/?id=3",
    ),
    ("https://e-com.cdn.ampproject.org/c/e.com/old-http-story", "http://e.com/old-http-story"),
    (
        "https://www.google.com/amp/s/www.e.com/world/story.amp.html",
        "https://www.e.com/world/story.html",
    ),
    (
        "https://timesofindia.indiatimes.com/world/us/talks/amp_articleshow/112233.cms",
        "https://timesofindia.indiatimes.com/world/us/talks/articleshow/112233.cms",
    ),
]


@pytest.mark.parametrize(("amp", "canonical"), AMP_TWINS)
def test_amp_twins_map_to_their_canonical_page(amp: str, canonical: str) -> None:
    assert amp_canonical(amp) == canonical


@pytest.mark.parametrize(
    "url",
    [
        "https://e.com/camp-david-summit",
        "https://e.com/science/ampere",
        "https://e.com/news/amp-up-defence-spending",
        "https://e.com/world/lamp.html",
        "https://e.com/amp",
        "https://e.com/amp/",
        "https://amp.dev/documentation/",
        "https://e.com/story?outputType=xml",
        "https://e.com/story?amp=0",
        "https://e.com/story?campaign=amp",
        "https://e.com/story?a=1&amp;b=2",
        "https://www.google.com/search?q=amp",
        "mailto:amp@e.com",
    ],
)
def test_urls_that_merely_contain_amp_are_left_alone(url: str) -> None:
    assert amp_canonical(url) == url


def test_an_amp_cache_url_listed_with_tracking_comes_out_as_the_canonical_key() -> None:
    listed = (
        "https://www-e-com.cdn.ampproject.org/c/s/www.e.com/world/story/amp/"
        "?amp_js_v=0.1&utm_source=twitter#aoh=1&referrer=https://www.google.com"
    )
    assert normalise_url(amp_canonical(listed)) == "https://www.e.com/world/story/"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "10.0.0.5",
        "172.16.4.2",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.251",  # multicast
        "240.0.0.1",  # reserved
        "[::1]",
        "::1",
        "fe80::1",
        "fc00::7",
        "ff02::1",
        "::ffff:127.0.0.1",
        "localhost",
        "LOCALHOST.",
        "api.localhost",
        # legacy IPv4 spellings that resolvers turn into loopback
        "127.1",
        "2130706433",
        "0x7f.0.0.1",
        "0177.0.0.1",
    ],
)
def test_private_loopback_and_reserved_literals_are_private(host: str) -> None:
    assert is_private_address(host)


@pytest.mark.parametrize(
    "host",
    [
        "8.8.8.8",
        "93.184.216.34",
        "2a00:1450:4009:81f::200e",
        "example.com",
        "localhost.example.com",
        "dead.beef",
        "10.example.com",
        "",
    ],
)
def test_public_literals_and_names_are_not_private(host: str) -> None:
    assert not is_private_address(host)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://[::1]:8080/x", "::1"),
        ("https://WWW.Example.com/x", "www.example.com"),
        ("http://127.0.0.1:8123/feed.xml", "127.0.0.1"),
        ("https://user:pw@e.com:8443/", "e.com"),
        ("not a url", None),
        ("http://[::1", None),
    ],
)
def test_url_host_is_the_lower_cased_host_without_port(url: str, host: str | None) -> None:
    assert url_host(url) == host
