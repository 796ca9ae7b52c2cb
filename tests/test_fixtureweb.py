"""The fixture web serves what the crawl tests assume it serves, and keeps its promises.

Everything is fetched over real HTTP with urllib and parsed with lxml, as a crawler would see it.
"""

from __future__ import annotations

import gzip
import json
import socket
import tomllib
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree, html

from tests.fixtureweb import FixtureWeb
from tests.fixtureweb.server import OriginServer, RequestLog, Resource
from tests.fixtureweb.themes import byline_names

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "text/xml", "application/xml"}
SITEMAP_TYPES = {"application/xml", "text/xml"}
KINDS = {
    "wire",
    "state_media",
    "newspaper",
    "broadcaster",
    "specialist_defence",
    "think_tank",
    "magazine",
}
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, **headers: str) -> Response:
    request = urllib.request.Request(url, headers={"User-Agent": "fixtureweb-test/1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


@dataclass
class Listing:
    url: str
    kind: str  # rss | atom | sitemapindex | urlset | news
    content_type: str
    articles: dict[str, datetime | None] = field(default_factory=dict)  # URL -> listed date
    children: list[str] = field(default_factory=list)


def parse_listing(url: str) -> Listing:
    response = fetch(url)
    assert response.status == 200, url
    root = etree.fromstring(response.body)
    local = etree.QName(root).localname
    listing = Listing(url, local, response.content_type)
    if local == "rss":
        for item in root.iter("item"):
            pub_date = item.findtext("pubDate")
            listing.articles[item.findtext("link", "").strip()] = (
                parsedate_to_datetime(pub_date) if pub_date else None
            )
    elif local == "feed":
        listing.kind = "atom"
        for entry in root.iterfind("atom:entry", NS):
            [link] = entry.xpath("atom:link[@rel='alternate']/@href", namespaces=NS)
            listing.articles[str(link)] = datetime.fromisoformat(
                entry.findtext("atom:published", namespaces=NS) or ""
            )
    elif local == "sitemapindex":
        listing.children = [loc.strip() for loc in root.xpath("//sm:loc/text()", namespaces=NS)]
    elif local == "urlset":
        for url_element in root.iterfind("sm:url", NS):
            loc = url_element.findtext("sm:loc", namespaces=NS) or ""
            news_date = url_element.findtext("news:news/news:publication_date", namespaces=NS)
            if news_date is not None:
                listing.kind = "news"
                assert url_element.findtext("news:news/news:title", namespaces=NS)
            listing.articles[loc.strip()] = datetime.fromisoformat(news_date) if news_date else None
    return listing


@pytest.fixture(scope="module")
def web() -> Iterator[FixtureWeb]:
    with FixtureWeb() as running:
        yield running


@pytest.fixture(scope="module")
def registry(web: FixtureWeb, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = web.write_registry(tmp_path_factory.mktemp("registry") / "outlets.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def listings(registry: dict[str, Any]) -> list[Listing]:
    """Every feed and sitemap the registry names, sitemap indexes followed."""
    queue = [url for outlet in registry["outlet"] for url in outlet["feeds"] + outlet["sitemaps"]]
    found = []
    while queue:
        listing = parse_listing(queue.pop(0))
        found.append(listing)
        queue += listing.children
    return found


def listed_urls(listings: list[Listing]) -> set[str]:
    return {url for listing in listings for url in listing.articles}


def canonical_of(page: str) -> str:
    [href] = html.fromstring(page).xpath("//link[@rel='canonical']/@href")
    return str(href)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_registry_names_every_outlet_with_its_origin_and_listings(
    web: FixtureWeb, registry: dict[str, Any]
) -> None:
    outlets = {entry["slug"]: entry for entry in registry["outlet"]}
    assert sorted(outlets) == sorted(web.outlets)
    assert len(outlets) >= 3
    for slug, entry in outlets.items():
        base = web.outlets[slug]
        assert entry["domains"] == [base.removeprefix("http://")]
        assert entry["homepage"] == base + "/"
        assert entry["kind"] in KINDS
        assert len(entry["country"]) == 2 and entry["country"].isupper()
        assert entry["language"] == "en"
        assert entry["allow_private_network"] is True
        assert entry["feeds"] or entry["sitemaps"]
        assert all(url.startswith(base + "/") for url in entry["feeds"] + entry["sitemaps"])


def test_outlets_are_separate_origins_on_loopback(web: FixtureWeb) -> None:
    bases = list(web.outlets.values())
    assert len(set(bases)) == len(bases)
    assert all(base.startswith("http://127.0.0.1:") for base in bases)


def test_listings_cover_rss_atom_sitemap_index_plain_and_news_sitemaps(
    listings: list[Listing],
) -> None:
    assert {listing.kind for listing in listings} == {
        "rss",
        "atom",
        "sitemapindex",
        "urlset",
        "news",
    }


def test_every_listing_answers_200_with_an_xml_content_type(listings: list[Listing]) -> None:
    for listing in listings:
        expected = FEED_TYPES if listing.kind in ("rss", "atom") else SITEMAP_TYPES
        assert listing.content_type in expected, listing.url


def test_every_listed_page_answers_200_as_utf8_html(listings: list[Listing]) -> None:
    for url in listed_urls(listings):
        response = fetch(url)
        assert response.status == 200, url
        assert response.content_type == "text/html", url
        assert response.headers.get_content_charset() == "utf-8", url
        assert "<html" in response.text, url


def test_every_expected_article_is_reachable_from_a_listing(
    web: FixtureWeb, listings: list[Listing]
) -> None:
    listed = listed_urls(listings)
    # Twin URLs reach their article through the page's rel=canonical, as a crawler resolves them.
    reachable = listed | {canonical_of(fetch(url).text) for url in listed & set(web.twin_urls)}
    missing = [a.url for a in web.expected_articles if a.url not in reachable]
    assert missing == []


def test_between_8_and_12_articles_spread_over_every_outlet(web: FixtureWeb) -> None:
    assert 8 <= len(web.expected_articles) <= 12
    assert {a.outlet for a in web.expected_articles} == set(web.outlets)
    urls = [a.url for a in web.expected_articles]
    assert len(urls) == len(set(urls))


def test_twin_urls_are_listed_and_lead_back_to_one_clean_article(
    web: FixtureWeb, listings: list[Listing]
) -> None:
    expected_urls = {a.url for a in web.expected_articles}
    assert len(web.twin_urls) == 2
    assert set(web.twin_urls) <= listed_urls(listings)
    [tracked] = [url for url in web.twin_urls if "utm_source=rss" in url]
    [amp] = [url for url in web.twin_urls if url.endswith("/amp/")]
    clean = tracked.split("?")[0]
    assert clean in expected_urls
    assert amp.removesuffix("amp/") == clean
    assert clean not in listed_urls(listings)  # only the twins are listed
    amp_page = html.fromstring(fetch(amp).body)
    assert "amp" in amp_page.attrib
    assert canonical_of(fetch(amp).text) == clean
    assert canonical_of(fetch(tracked).text) == clean
    [amphtml] = html.fromstring(fetch(clean).body).xpath("//link[@rel='amphtml']/@href")
    assert amphtml == amp


def test_syndicated_copy_is_its_own_page_with_canonical_at_the_other_outlet(
    web: FixtureWeb,
) -> None:
    by_url = {a.url: a for a in web.expected_articles}
    assert web.syndicated_copies
    for copy_url, original_url in web.syndicated_copies.items():
        copy, original = by_url[copy_url], by_url[original_url]
        assert copy.outlet != original.outlet
        assert copy.paragraphs == original.paragraphs
        assert copy.published_at != original.published_at
        assert canonical_of(fetch(copy_url).text) == original_url


def test_section_fronts_are_listed_in_a_sitemap_and_are_teaser_lists(
    web: FixtureWeb, listings: list[Listing]
) -> None:
    sitemap_urls = {
        url for listing in listings if listing.kind == "urlset" for url in listing.articles
    }
    assert web.non_article_urls
    all_paragraphs = {p for a in web.expected_articles for p in a.paragraphs}
    for url in web.non_article_urls:
        assert url in sitemap_urls
        page = html.fromstring(fetch(url).body)
        teaser_links = {
            href for href in page.xpath("//main//a/@href") if href.startswith(_origin(url))
        }
        assert len(teaser_links) >= 5, url
        blocks = {squash(p.text_content()) for p in page.iter("p")}
        assert not blocks & all_paragraphs, url


def test_robots_txt_disallows_exactly_the_disallowed_urls(
    web: FixtureWeb, listings: list[Listing]
) -> None:
    robots = {}
    for base in web.outlets.values():
        response = fetch(f"{base}/robots.txt")
        assert response.status == 200 and response.content_type == "text/plain"
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text.splitlines())
        robots[base] = parser
    assert web.disallowed_urls
    assert set(web.disallowed_urls) <= listed_urls(listings)  # listed in a feed all the same
    allowed = listed_urls(listings) - set(web.disallowed_urls)
    allowed |= {a.url for a in web.expected_articles} | {listing.url for listing in listings}
    for url in web.disallowed_urls:
        assert not robots[_origin(url)].can_fetch("newsarchive", url), url
    for url in allowed:
        assert robots[_origin(url)].can_fetch("newsarchive", url), url


def _origin(url: str) -> str:
    return "/".join(url.split("/")[:3])


@pytest.mark.parametrize("kind", ["feed", "sitemap", "article"])
def test_conditional_requests_are_answered_304_when_unchanged(
    web: FixtureWeb, registry: dict[str, Any], kind: str
) -> None:
    outlet = registry["outlet"][0]
    url = {
        "feed": outlet["feeds"][0],
        "sitemap": outlet["sitemaps"][0],
        "article": web.expected_articles[0].url,
    }[kind]
    first = fetch(url)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag and last_modified

    by_etag = fetch(url, **{"If-None-Match": etag})
    by_date = fetch(url, **{"If-Modified-Since": last_modified})
    assert (by_etag.status, by_etag.body) == (304, b"")
    assert (by_date.status, by_date.body) == (304, b"")
    assert by_etag.headers["ETag"] == etag

    older = parsedate_to_datetime(last_modified) - timedelta(seconds=1)
    stale_date = fetch(url, **{"If-Modified-Since": older.strftime("%a, %d %b %Y %H:%M:%S GMT")})
    other_etag = fetch(url, **{"If-None-Match": '"something-else"'})
    assert (stale_date.status, stale_date.body) == (200, first.body)
    assert (other_etag.status, other_etag.body) == (200, first.body)


def test_text_responses_are_gzipped_when_the_client_accepts_it(web: FixtureWeb) -> None:
    url = web.expected_articles[0].url
    plain = fetch(url)
    zipped = fetch(url, **{"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.body) == plain.body
    assert "Content-Encoding" not in plain.headers


def test_unknown_paths_get_the_outlets_own_404_page(web: FixtureWeb) -> None:
    for base in web.outlets.values():
        response = fetch(f"{base}/no/such/story/")
        assert response.status == 404
        assert response.content_type == "text/html"
        assert "<html" in response.text


def _story_elements(page: html.HtmlElement) -> list[str]:
    return [squash(element.text_content()) for element in page.iter("p", "h2", "h3")]


@pytest.mark.parametrize("index", range(11))
def test_article_page_shows_its_paragraphs_in_order_and_its_template_lines(
    web: FixtureWeb, index: int
) -> None:
    assert len(web.expected_articles) == 11  # keeps the parametrisation honest
    article = web.expected_articles[index]
    response = fetch(article.url)
    assert response.status == 200
    page = html.fromstring(response.body)
    elements = _story_elements(page)
    positions = [elements.index(paragraph) for paragraph in article.paragraphs]
    assert positions == sorted(positions)

    page_text = squash(page.text_content())
    story_text = "\n".join(article.paragraphs)
    assert len(article.boilerplate) >= 10
    for line in article.boilerplate:
        assert line in page_text, f"{line!r} is not on the page"
        assert line not in story_text, f"{line!r} would also match the story itself"


def test_titles_carry_the_site_name_and_h1_is_the_bare_title(
    web: FixtureWeb, registry: dict[str, Any]
) -> None:
    names = {entry["slug"]: entry["name"] for entry in registry["outlet"]}
    shapes = set()
    for article in web.expected_articles:
        page = html.fromstring(fetch(article.url).body)
        title = squash(page.findtext(".//title") or "")
        name = names[article.outlet]
        assert title in (
            f"{article.title} – {name}",
            f"{article.title} | {name}",
            f"{name} | {article.title}",
        )
        shapes.add(title.replace(article.title, "STORY").replace(name, "OUTLET"))
        [h1] = page.iter("h1")
        assert squash(h1.text_content()) == article.title
    assert len(shapes) == 3


def test_bylines_say_by_and_the_authors_names(web: FixtureWeb) -> None:
    assert any(len(a.authors) > 1 for a in web.expected_articles)
    assert any(not a.authors for a in web.expected_articles)
    for article in web.expected_articles:
        page = html.fromstring(fetch(article.url).body)
        texts = [squash(element.text_content()) for element in page.iter("span", "div")]
        bylines = [text for text in texts if text.startswith("By ") and len(text) < 120]
        if article.authors:
            assert f"By {byline_names(article.authors)}" in bylines, article.url
        else:
            assert bylines == [], article.url


def _declared_date(page: html.HtmlElement) -> tuple[str, datetime] | None:
    """The story date where each CMS states it: JSON-LD, article meta, or <time> in <article>."""
    for script in page.xpath("//script[@type='application/ld+json']/text()"):
        for item in json.loads(script).get("@graph", []):
            if item.get("@type") == "NewsArticle":
                return "json_ld", datetime.fromisoformat(item["datePublished"])
    for value in page.xpath("//meta[@property='article:published_time']/@content"):
        return "meta", datetime.fromisoformat(value)
    for value in page.xpath("//article//time/@datetime"):
        return "time_element", datetime.fromisoformat(value)
    return None


def test_each_outlet_states_the_story_date_its_own_way_and_listings_agree(
    web: FixtureWeb, listings: list[Listing]
) -> None:
    listed_dates: dict[str, list[datetime]] = {}
    for listing in listings:
        for url, when in listing.articles.items():
            if when is not None:
                listed_dates.setdefault(url, []).append(when)
    sources: dict[str, set[str]] = {}
    offsets = set()
    for article in web.expected_articles:
        assert article.published_at.tzinfo is UTC
        assert 2022 <= article.published_at.year <= 2025
        declared = _declared_date(html.fromstring(fetch(article.url).body))
        source = declared[0] if declared else "feed_only"
        sources.setdefault(article.outlet, set()).add(source)
        if declared:
            assert declared[1] == article.published_at, article.url
            offsets.add(declared[1].utcoffset())
        feed_dates = listed_dates.get(article.url, [])
        assert declared or feed_dates, f"{article.url}: no date anywhere"
        assert all(when == article.published_at for when in feed_dates), article.url
    assert all(len(found) == 1 for found in sources.values()), sources
    assert sorted(found.pop() for found in sources.values()) == sorted(
        ["json_ld", "meta", "time_element", "feed_only"]
    )
    assert {timedelta(hours=8), timedelta(hours=3), timedelta(hours=1)} <= offsets


def test_related_and_most_read_teasers_carry_newer_dates_than_the_story(
    web: FixtureWeb,
) -> None:
    for article in web.expected_articles:
        page = html.fromstring(fetch(article.url).body)
        # Outside the story's own <article> (the one holding the h1); related teasers may be
        # <article> elements of their own.
        outside = [
            datetime.fromisoformat(value)
            for value in page.xpath("//time[not(ancestor::article[.//h1])]/@datetime")
        ]
        if article.outlet != "strategy_digest":  # the old site prints teaser dates as text
            assert len(outside) >= 4, article.url
        for when in outside:
            assert when > article.published_at, article.url


def test_request_log_records_method_path_headers_and_status(web: FixtureWeb) -> None:
    web.clear_requests()
    base = web.outlets["harbour_post"]
    fetch(f"{base}/robots.txt", **{"X-Probe": "one"})
    fetch(f"{base}/missing?x=1")
    records = web.requests
    assert [(r.outlet, r.method, r.path, r.status) for r in records] == [
        ("harbour_post", "GET", "/robots.txt", 200),
        ("harbour_post", "GET", "/missing?x=1", 404),
    ]
    assert records[0].headers["x-probe"] == "one"
    assert records[0].headers["user-agent"] == "fixtureweb-test/1"
    web.clear_requests()
    assert web.requests == []


def test_origin_server_serves_any_route_map_and_stops_cleanly() -> None:
    log = RequestLog()
    pages = {f"/page/{n}": Resource.text(f"<p>{n}</p>", "text/html") for n in range(1000)}
    pages["/item.php?id=7"] = Resource.text("seven", "text/plain")
    pages["/item.php"] = Resource.text("index", "text/plain")
    with OriginServer("bench", log) as origin:
        origin.serve(pages)
        assert fetch(f"{origin.base_url}/page/999").text == "<p>999</p>"
        assert fetch(f"{origin.base_url}/page/5?utm_source=x").text == "<p>5</p>"
        assert fetch(f"{origin.base_url}/item.php?id=7").text == "seven"
        assert fetch(f"{origin.base_url}/item.php?id=8").text == "index"
        assert fetch(f"{origin.base_url}/nope").status == 404
        port = int(origin.base_url.rsplit(":", 1)[1])
    assert len(log.snapshot()) == 5
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_fixture_web_does_not_read_shared_material() -> None:
    sources = Path(__file__).parent / "fixtureweb"
    for path in sources.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".toml"):
            assert "/work/shared" not in path.read_text(encoding="utf-8"), path
