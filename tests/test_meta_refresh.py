"""Meta-refresh redirects are read from the head of a page, never by decoding the whole page.

Scrapy's own middleware decodes every HTML body in full (response.text) to look at its first
4,096 characters; ours gives it the head of the page only, and must still follow what it would.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsarchive.fetch.middlewares import META_REFRESH_HEAD, MetaRefreshMiddleware

URL = "https://news.example/politics/2026/12/07/story.html"
#: A long story body of two-byte UTF-8 characters, so the cut falls inside one of them.
STORY = "<p>" + "Pourparlers à Genève sur la défense européenne. " * 4000 + "</p>"


def page(head: str) -> bytes:
    return (f"<html><head><title>Story</title>{head}</head><body>{STORY}</body></html>").encode()


def middleware() -> MetaRefreshMiddleware:
    return MetaRefreshMiddleware.from_crawler(get_crawler())


def respond(body: bytes) -> HtmlResponse:
    return HtmlResponse(URL, body=body, headers={"Content-Type": "text/html"}, request=Request(URL))


def test_a_refresh_in_the_head_of_a_long_page_is_followed() -> None:
    body = page('<meta http-equiv="refresh" content="0; url=/politics/real-story.html">')
    assert len(body) > 10 * META_REFRESH_HEAD
    result = middleware().process_response(Request(URL), respond(body))
    assert isinstance(result, Request)
    assert result.url == "https://news.example/politics/real-story.html"


def test_a_long_page_without_refresh_is_passed_on_undecoded() -> None:
    response = respond(page('<meta charset="utf-8">'))
    result = middleware().process_response(Request(URL), response)
    assert result is response
    # Scrapy caches the decoded text on the response once anything asks for it.
    assert response._cached_ubody is None


def test_a_refresh_too_slow_to_follow_returns_the_page_itself() -> None:
    response = respond(page('<meta http-equiv="refresh" content="600; url=/elsewhere.html">'))
    assert middleware().process_response(Request(URL), response) is response


def test_the_head_is_cut_at_a_character_boundary() -> None:
    # Every possible offset of a two-byte character against the cut: none may break the check.
    for pad in range(3):
        body = page(" " * pad + '<meta http-equiv="refresh" content="0; url=/b.html">')
        result = middleware().process_response(Request(URL), respond(body))
        assert isinstance(result, Request) and result.url == "https://news.example/b.html"


def test_a_short_page_that_never_spells_refresh_is_passed_on_undecoded() -> None:
    response = respond(b"<html><head><title>Story</title></head><body><p>Talks.</p></body></html>")
    assert middleware().process_response(Request(URL), response) is response
    assert response._cached_ubody is None


def test_a_refresh_in_a_utf16_page_is_still_followed() -> None:
    # In UTF-16 the word is not spelled byte by byte: such a head is never ruled out unread.
    head = '<meta http-equiv="refresh" content="0; url=/politics/real-story.html">'
    body = ("<html><head><title>Story</title>" + head + "</head><body></body></html>").encode(
        "utf-16"
    )
    result = middleware().process_response(Request(URL), respond(body))
    assert isinstance(result, Request)
    assert result.url == "https://news.example/politics/real-story.html"
