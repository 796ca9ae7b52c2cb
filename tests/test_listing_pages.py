"""HTML index pages of official sites: article links told from navigation, dates, pagination.

The pages are shaped like real ministry sites: a Chinese-government style list of
`/xwfb/202603/t20260312_4021.html` links with the date in a <span>, a UK-style press-release
finder with <time datetime>, a Drupal views list with `?page=N` pagination, and a table of
releases with a "Next ›" link.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.discover.listing_pages import LISTED_IN, parse_listing_page
from newsarchive.registry import RegistryError, load_registry

NAV = """
<header class="site-header"><a href="/">Home</a>
  <nav><ul><li><a href="/en/about">About the Ministry</a></li>
  <li><a href="/en/news/2026/03/12/minister-visits-fleet-headquarters">Top story</a></li>
  <li><a href="/en/contact">Contact</a></li><li><a href="/zh/">中文</a></li></ul></nav>
</header>
"""
FOOTER = """
<aside class="sidebar"><h3>Most read</h3><ul>
  <li><a href="/xwfb/202601/t20260101_3001.html">An old statement</a></li></ul></aside>
<footer><a href="/en/privacy">Privacy</a> <a href="/en/sitemap">Site map</a>
  <a href="https://twitter.com/ministry">Follow us</a></footer>
"""


def test_a_press_release_list_gives_its_articles_with_their_dates_not_its_menus() -> None:
    page = f"""<!DOCTYPE html><html><head><title>Press releases</title></head><body>{NAV}
    <div class="main-content"><h1>Press Releases</h1>
    <ul class="news-list">
      <li><a href="./202603/t20260312_4021.html" title="Defence spokesperson on joint exercise">
          Defence spokesperson on joint exercise with Iranian navy</a>
          <span class="date">2026-03-12</span></li>
      <li><a href="./202603/t20260310_4019.html">Minister holds talks with SCO counterparts</a>
          <span class="date">2026-03-10</span></li>
      <li><a href="/xwfb/202603/t20260309_4017.html">Regular press conference, 9 March</a>
          <span>2026-03-09</span></li>
    </ul>
    <div class="pagination"><a href="index_1.html">2</a> <a href="index_1.html">下一页</a></div>
    </div>{FOOTER}</body></html>"""

    listing = parse_listing_page(page.encode(), "https://eng.mod.example/xwfb/index.html")

    assert [a.url for a in listing.articles] == [
        "https://eng.mod.example/xwfb/202603/t20260312_4021.html",
        "https://eng.mod.example/xwfb/202603/t20260310_4019.html",
        "https://eng.mod.example/xwfb/202603/t20260309_4017.html",
    ]
    assert [a.published_at for a in listing.articles] == [
        datetime(2026, 3, 12, tzinfo=UTC),
        datetime(2026, 3, 10, tzinfo=UTC),
        datetime(2026, 3, 9, tzinfo=UTC),
    ]
    assert listing.articles[0].title == "Defence spokesperson on joint exercise with Iranian navy"
    # The headline's "9 March" is not read as the date: the list item's own date wins.
    assert {a.listed_in for a in listing.articles} == {LISTED_IN}
    assert listing.next_pages == ("https://eng.mod.example/xwfb/index_1.html",)


def test_time_elements_and_slugs_of_a_finder_page() -> None:
    page = f"""<html><body>{NAV}<main id="content">
    <ol class="gem-c-document-list">
      <li class="gem-c-document-list__item">
        <a class="govuk-link" href="/government/news/uk-and-japan-sign-defence-agreement">
          UK and Japan sign defence agreement</a>
        <p>Press release</p>
        <time datetime="2026-02-27T09:30:00.000+00:00">27 February 2026</time></li>
      <li class="gem-c-document-list__item">
        <a class="govuk-link" href="/government/news/defence-secretary-statement-on-gulf-shipping">
          Defence Secretary statement on Gulf shipping</a>
        <time datetime="2026-02-26T17:00:00+00:00">26 February 2026</time></li>
    </ol>
    <nav class="govuk-pagination" role="navigation">
      <a href="/search/news-and-communications?page=2" rel="next">Next page</a></nav>
    </main>{FOOTER}</body></html>"""

    listing = parse_listing_page(page, "https://www.gov.example/search/news-and-communications")

    assert [(a.url, a.published_at) for a in listing.articles] == [
        (
            "https://www.gov.example/government/news/uk-and-japan-sign-defence-agreement",
            datetime(2026, 2, 27, 9, 30, tzinfo=UTC),
        ),
        (
            "https://www.gov.example/government/news/defence-secretary-statement-on-gulf-shipping",
            datetime(2026, 2, 26, 17, 0, tzinfo=UTC),
        ),
    ]
    assert listing.next_pages == ("https://www.gov.example/search/news-and-communications?page=2",)


def test_a_table_of_releases_with_numeric_ids_and_a_next_arrow() -> None:
    page = """<html><body><div id="menu"><a href="/index.php?id=1">Home</a></div>
    <table class="releases">
      <tr><td>12.03.2026</td><td><a href="news.php?id=8812">Statement by the Ministry on the
          visit of the Chinese Defence Minister</a></td></tr>
      <tr><td>11.03.2026</td><td><a href="news.php?id=8809">Ministry press briefing</a></td></tr>
    </table>
    <p><a href="news.php?page=2">›</a></p></body></html>"""

    listing = parse_listing_page(page, "https://mfa.example/en/news.php")

    assert [(a.url, a.published_at) for a in listing.articles] == [
        ("https://mfa.example/en/news.php?id=8812", datetime(2026, 3, 12, tzinfo=UTC)),
        ("https://mfa.example/en/news.php?id=8809", datetime(2026, 3, 11, tzinfo=UTC)),
    ]
    assert listing.next_pages == ("https://mfa.example/en/news.php?page=2",)


def test_the_outlets_rules_decide_over_the_url_shape() -> None:
    page = """<html><body><main><ul>
      <li><a href="/en/press/statement-on-nuclear-talks-in-vienna">Statement on talks</a></li>
      <li><a href="/en/events/conference-on-maritime-security-2026">Conference</a></li>
      <li><a href="/en/press/short">Brief</a></li>
    </ul></main></body></html>"""
    url = "https://mfa.example/en/press/"

    ruled = parse_listing_page(page, url, include=[r"/en/press/"], exclude=[r"/short$"])
    loose = parse_listing_page(page, url)

    assert [a.url for a in ruled.articles] == [
        "https://mfa.example/en/press/statement-on-nuclear-talks-in-vienna"
    ]
    assert "https://mfa.example/en/events/conference-on-maritime-security-2026" in {
        a.url for a in loose.articles
    }


def test_a_page_with_no_entries_and_dates_after_latest_are_not_taken() -> None:
    nothing = parse_listing_page(f"<html><body>{NAV}{FOOTER}</body></html>", "https://x.example/")
    assert nothing.articles == () and nothing.next_pages == ()

    future = """<html><body><ul><li><a href="/news/2026/05/01/exercise-announced-for-may">
      Exercise announced</a> <span class="date">1 May 2030</span></li></ul></body></html>"""
    listing = parse_listing_page(
        future, "https://x.example/news/", latest=datetime(2026, 5, 2, tzinfo=UTC)
    )
    assert [a.published_at for a in listing.articles] == [None]
    assert parse_listing_page(b"", "https://x.example/").articles == ()


MINISTRY_ENTRY = """\
[[outlet]]
slug = "mod_example"
name = "Ministry of Defence (example)"
domains = ["mod.example"]
language = "en"
kind = "newspaper"
listing_pages = [
    "https://mod.example/news/",
    {{ url = "https://mod.example/briefings/", render = "browser" }},
]
{extra}
"""


def test_the_registry_takes_listing_pages_depth_and_render(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(MINISTRY_ENTRY.format(extra="listing_depth = 3"), encoding="utf-8")

    (outlet,) = load_registry(path).outlets

    assert outlet.listing_pages == ("https://mod.example/news/", "https://mod.example/briefings/")
    assert outlet.listing_depth == 3
    assert outlet.render == "http"
    assert outlet.renders_in_browser("https://mod.example/briefings/")
    assert not outlet.renders_in_browser("https://mod.example/news/")


def test_bad_listing_keys_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    bad = MINISTRY_ENTRY.format(extra='listing_depth = 0\nrender = "chrome"').replace(
        '"https://mod.example/news/"', '"/news/"'
    )
    path.write_text(bad, encoding="utf-8")

    with pytest.raises(RegistryError) as caught:
        load_registry(path)

    problems = caught.value.problems
    assert any(p.startswith("line 7, ") and "'/news/' is not an absolute" in p for p in problems)
    assert any(p.startswith("line 11, ") and "listing_depth" in p for p in problems)
    assert any(p.startswith("line 12, ") and "render 'chrome'" in p for p in problems)
