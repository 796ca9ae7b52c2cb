"""One story, one key: tracking junk, fragments and AMP twins never make a second row."""

from __future__ import annotations

import pytest

from newsarchive.crawl.urls import amp_canonical, is_private_address, normalise_url, url_host

NORMALISED = [
    (
        "HTTP://WWW.Example.COM:80/World/Story-1?utm_source=rss&utm_medium=feed#comments",
        "http://www.example.com/World/Story-1",
    ),
    ("https://example.com:443/a/b/?b=2&a=1", "https://example.com/a/b/?a=1&b=2"),
    ("https://example.com/news?id=123&fbclid=IwAR0x&gclid=abc", "https://example.com/news?id=123"),
    (
        "https://example.com/x?ocid=socialflow_twitter&cmpid=rss&at_medium=RSS&page=2",
        "https://example.com/x?page=2",
    ),
    (
        "http://127.0.0.1:8123/article.php?id=4412&utm_campaign=x",
        "http://127.0.0.1:8123/article.php?id=4412",
    ),
    (
        "https://zaxid.net/news/showNews.do?name=x&objectId=1503302",
        "https://zaxid.net/news/showNews.do?name=x&objectId=1503302",
    ),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/a/../b/./c", "https://example.com/b/c"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISED)
def test_normalise_url_strips_tracking_and_fragments_and_keeps_meaningful_parameters(
    raw: str, expected: str
) -> None:
    assert normalise_url(raw) == expected
    assert normalise_url(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "raw", ["mailto:desk@example.com", "javascript:void(0)", "ftp://example.com/f", "", "http://"]
)
def test_normalise_url_refuses_what_cannot_be_fetched_over_http(raw: str) -> None:
    assert normalise_url(raw) is None


def test_relative_links_resolve_against_their_listing() -> None:
    assert normalise_url("../world/story?utm_source=x", base="https://e.com/feeds/rss.xml") == (
        "https://e.com/world/story"
    )


@pytest.mark.parametrize(
    ("amp", "canonical"),
    [
        ("https://e.com/world/story-1/amp/", "https://e.com/world/story-1/"),
        ("https://e.com/world/story-1/amp", "https://e.com/world/story-1"),
        ("https://e.com/amp/world/story-1", "https://e.com/world/story-1"),
        ("https://e.com/world/story-1.amp.html", "https://e.com/world/story-1.html"),
        ("https://e.com/world/story-1.amp", "https://e.com/world/story-1"),
        ("https://e.com/story?id=2&amp=1", "https://e.com/story?id=2"),
        ("https://e.com/story?outputType=amp", "https://e.com/story"),
        ("https://amp.e.com/world/story", "https://e.com/world/story"),
        ("https://e-com.cdn.ampproject.org/c/s/e.com/world/story", "https://e.com/world/story"),
    ],
)
def test_amp_twins_map_to_their_canonical_page(amp: str, canonical: str) -> None:
    assert amp_canonical(amp) == canonical


@pytest.mark.parametrize(
    "url",
    [
        "https://e.com/camp-david-summit",
        "https://e.com/science/ampere",
        "https://e.com/news/amp-up-defence-spending",
        "https://e.com/amp",
        "https://e.com/story?outputType=xml",
    ],
)
def test_urls_that_merely_contain_amp_are_left_alone(url: str) -> None:
    assert amp_canonical(url) == url


def test_private_and_loopback_addresses_are_recognised_as_literals_only() -> None:
    for host in ("127.0.0.1", "10.0.0.5", "192.168.1.1", "[::1]", "169.254.1.1", "localhost"):
        assert is_private_address(host), host
    for host in ("8.8.8.8", "example.com", "2a00:1450::1"):
        assert not is_private_address(host), host
    assert url_host("http://[::1]:8080/x") == "::1"
    assert url_host("https://WWW.Example.com/x") == "www.example.com"
