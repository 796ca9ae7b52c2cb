"""Outlets whose lists and articles are drawn by JavaScript, crawled through headless Chromium.

Without a browser the same outlets are named once and skipped while the others are crawled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.discover.listing_pages import parse_listing_page
from tests.fixtureweb.ministry import ON_PAGE_1, MinistrySite, build_ministry
from tests.fixtureweb.scripted import ScriptedSite, build_scripted
from tests.fixtureweb.server import OriginServer, RequestLog
from tests.support import FAST, no_browser, query, run_cli

NO_BROWSER = no_browser()


@pytest.fixture
def web() -> Iterator[tuple[ScriptedSite, MinistrySite, RequestLog]]:
    log = RequestLog()
    with OriginServer("scripted", log) as scripted, OriginServer("ministry", log) as ministry:
        yield build_scripted(scripted), build_ministry(ministry), log


def _crawl(registry: Path, database_url: str, home: Path, **env: str) -> tuple[int, str]:
    result = run_cli(
        "crawl",
        "--registry",
        str(registry),
        *FAST,
        env={"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(home), **env},
    )
    return result.returncode, result.stdout + result.stderr


def test_the_shells_hold_no_links_without_their_scripts(
    web: tuple[ScriptedSite, MinistrySite, RequestLog],
) -> None:
    site, _, _ = web
    shell = site.routes["/news/"].body
    assert parse_listing_page(shell, site.news_url).articles == ()


@pytest.mark.skipif(NO_BROWSER is not None, reason=NO_BROWSER or "")
def test_a_scripted_outlet_is_rendered_and_stored(
    web: tuple[ScriptedSite, MinistrySite, RequestLog], database_url: str, tmp_path: Path
) -> None:
    site, ministry, log = web
    registry = tmp_path / "outlets.toml"
    registry.write_text(
        site.registry_entry() + "\n" + ministry.registry_entry(depth=1), encoding="utf-8"
    )

    code, output = _crawl(registry, database_url, tmp_path)

    assert code == 0, output[-3000:]
    rows = query(
        database_url,
        "SELECT a.url, a.title, a.text, a.published_at, a.published_source, a.listed_in "
        "FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.slug = 'scripted' "
        "ORDER BY a.published_at DESC",
    )
    assert [row[0] for row in rows] == [article.url for article in site.articles]
    for (_, title, text, published, source, listed_in), article in zip(
        rows, site.articles, strict=True
    ):
        assert title == article.story.title
        assert article.story.paragraphs[0] in text and article.story.paragraphs[-1] in text
        # The <time> the script drew is read from the rendered page.
        assert (published, source) == (article.published, "time_element")
        assert listed_in == "listing_page"
    # The scripts' own requests reached the site: the pages were rendered, not just fetched.
    paths = {record.path for record in log.snapshot() if record.outlet == "scripted"}
    assert "/api/news.json" in paths
    # The other outlet in the same crawl is fetched as always.
    assert query(
        database_url,
        "SELECT count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id "
        "WHERE o.slug = 'ministry'",
    ) == [(ON_PAGE_1,)]


@pytest.mark.parametrize("missing", ["extra", "chromium"])
def test_without_a_browser_the_scripted_outlet_is_named_once_and_skipped(
    web: tuple[ScriptedSite, MinistrySite, RequestLog],
    database_url: str,
    tmp_path: Path,
    missing: str,
) -> None:
    site, ministry, log = web
    registry = tmp_path / "outlets.toml"
    registry.write_text(
        site.registry_entry() + "\n" + ministry.registry_entry(depth=1), encoding="utf-8"
    )
    if missing == "extra":
        # A package that fails to import shadows the installed one, as if it were not there.
        shadow = tmp_path / "shadow" / "scrapy_playwright"
        shadow.mkdir(parents=True)
        (shadow / "__init__.py").write_text("raise ImportError('not installed')\n")
        env = {"PYTHONPATH": str(shadow.parent)}
        why = "pip install 'newsarchive[browser]'"
    else:
        env = {"NEWSARCHIVE_CHROMIUM": str(tmp_path / "no-chromium")}
        why = "no Chromium found"

    code, output = _crawl(registry, database_url, tmp_path, **env)

    assert code == 0, output[-3000:]
    named = [line for line in output.splitlines() if "scripted" in line]
    assert len(named) == 1, output[-3000:]
    assert "need a browser" in named[0] and why in named[0]
    assert not [record for record in log.snapshot() if record.outlet == "scripted"]

    assert query(
        database_url,
        "SELECT o.slug, count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id "
        "GROUP BY o.slug",
    ) == [("ministry", ON_PAGE_1)]
