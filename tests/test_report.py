"""`newsarchive report`: one self-contained HTML page, checked as a browser renders it.

The archive is filled by a real crawl of the fixture web plus an outlet nobody answers for, so
the page has articles, failures by reason, a failing feed and a silent outlet to show. The page is
opened in headless Chromium (the system's, driven by Playwright): every outlet is named, the
charts are drawn, the console stays clean, and nothing is requested beyond the file itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.fetch.browser import CHROMIUM_ARGS, chromium_path
from tests.conftest import PostgresServer, fresh_database
from tests.fixtureweb import FixtureWeb
from tests.support import closed_port, crawl, no_browser, query, run_cli

NO_BROWSER = no_browser()


@dataclass(frozen=True)
class Archive:
    database_url: str
    home: Path
    slugs: list[str]
    dead_feed: str


@pytest.fixture(scope="module")
def archive(
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Archive]:
    """One crawl of the fixture web and of an unreachable outlet, shared by this module."""
    tmp = tmp_path_factory.mktemp("report")
    dead_feed = f"http://127.0.0.1:{closed_port()}/rss.xml"
    with fresh_database(postgres_server, migrated_template) as url, FixtureWeb() as web:
        registry = web.write_registry(tmp / "outlets.toml")
        with registry.open("a", encoding="utf-8") as out:
            out.write(
                '\n[[outlet]]\nslug = "dead_outlet"\nname = "Dead Outlet Gazette"\n'
                f'domains = ["{dead_feed.split("/")[2]}"]\nlanguage = "en"\nkind = "newspaper"\n'
                f'feeds = ["{dead_feed}"]\nallow_private_network = true\n'
            )
        result = crawl(registry, url, tmp / "home")
        assert result.returncode == 3, result.stdout + result.stderr  # partial: one outlet down
        yield Archive(url, tmp / "home", [*web.sites, "dead_outlet"], dead_feed)


def _report(archive: Archive, output: Path, *args: str) -> str:
    result = run_cli(
        "report",
        "--output",
        str(output),
        *args,
        env={"DATABASE_URL": archive.database_url, "NEWSARCHIVE_HOME": str(archive.home)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_the_report_is_one_file_that_loads_nothing(archive: Archive, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    stdout = _report(archive, output, "--days", "7")
    stored = query(archive.database_url, "SELECT count(*) FROM articles")[0][0]
    assert stdout.strip() == f"wrote {output}: 5 outlets, {stored} articles in the last 7 days"
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 3  # per day, per outlet and day, failures by reason
    # Nothing outside the file: no script or stylesheet to fetch, no link to a CDN.
    assert re.findall(r"<(?:script|link|img|iframe)\b", page) == []
    assert re.findall(r'(?:src|href)="https?://', page) == []
    assert "@import" not in page
    assert re.findall(r"url\((?!#)", page) == []  # only references inside the page


def test_the_report_follows_the_umask(archive: Archive, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    _report(archive, output, "--days", "2")
    assert output.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no partial file left


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_bad_usage_is_one_line_and_exit_2(archive: Archive, tmp_path: Path) -> None:
    env = {"DATABASE_URL": archive.database_url, "NEWSARCHIVE_HOME": str(archive.home)}
    missing = tmp_path / "no" / "such" / "dir" / "report.html"
    result = run_cli("report", "--output", str(missing), env=env)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"newsarchive: no directory {missing.parent} for the report\n"
    result = run_cli("report", "--days", "0", env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(NO_BROWSER is not None, reason=NO_BROWSER or "")
def test_the_report_renders_in_a_browser_with_every_outlet_and_its_charts(
    archive: Archive, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    output = tmp_path / "report.html"
    _report(archive, output, "--days", "14")
    screenshot = tmp_path / "report.png"
    errors: list[str] = []
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS)
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: requested.append(request.url))
            page.goto(output.as_uri())
            page.wait_for_load_state("load")
            table = page.inner_text("#outlet-table")
            attention = page.inner_text("#attention")
            failures = page.inner_text("#failures")
            charts = page.eval_on_selector_all(
                "svg",
                """svgs => svgs.map(svg => {
                    const box = svg.getBoundingClientRect();
                    const marks = svg.querySelectorAll('[id^="mark-"] path');
                    const drawn = [...marks].filter(p => {
                        const b = p.getBBox(); return b.width > 0 && b.height > 0; });
                    return {width: box.width, height: box.height, paths: drawn.length};
                })""",
            )
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    print(f"report screenshot: {screenshot}")

    assert errors == []
    assert requested == [output.as_uri()]
    for slug in archive.slugs:
        assert slug in table
    # Each outlet's row shows the articles the archive holds for it.
    for slug, count in query(
        archive.database_url,
        "SELECT o.slug, count(a.id) FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id "
        "GROUP BY o.slug",
    ):
        assert re.search(rf"{slug}\s+{count}\s", table), (slug, count, table)
    assert len(charts) == 3
    # Every chart has data marks (bars, heat map cells) of a visible size.
    assert all(c["width"] > 100 and c["height"] > 50 and c["paths"] > 0 for c in charts), charts
    # The dead outlet's feed never answered: flagged from the first run, its error by reason.
    assert "dead_outlet" in attention and archive.dead_feed in attention
    assert re.search(r"connection\w*\s+1\b", failures), failures
    assert screenshot.stat().st_size > 10_000


def test_an_empty_archive_gets_a_page_that_says_so(database_url: str, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    result = run_cli(
        "report",
        "--output",
        str(output),
        env={"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path / "home")},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"wrote {output}: 0 outlets, 0 articles in the last 30 days\n"
    page = output.read_text(encoding="utf-8")
    assert "No crawl run is recorded in this archive." in page
    assert "No outlet in the archive yet: run a crawl first." in page
    assert "No fetch failed in the period." in page
    assert page.count("<svg") == 1  # the daily bars, all at zero
    assert 'id="mark-day-29"' in page  # one mark per day of the period


def test_the_queries_count_each_day_and_reason_as_the_archive_holds_them(archive: Archive) -> None:
    from datetime import timedelta

    from newsarchive.report import build_report
    from newsarchive.store.database import make_engine

    stored_at = query(archive.database_url, "SELECT min(first_seen_at) FROM articles")[0][0]
    per_outlet = dict(
        query(
            archive.database_url,
            "SELECT o.slug, count(a.id) FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id "
            "GROUP BY o.slug",
        )
    )
    engine = make_engine(archive.database_url)
    try:
        # Two days after the crawl, a 3-day period starts on the crawl's day (the crawl may run
        # past midnight into the second day; the third is empty).
        later = build_report(engine, days=3, now=stored_at + timedelta(days=2))
        # The day before the crawl, nothing was stored yet.
        before = build_report(engine, days=3, now=stored_at - timedelta(days=1))
    finally:
        engine.dispose()
    assert later.days[0] == stored_at.date()
    assert {o.slug: o.articles for o in later.outlets} == per_outlet
    assert all(o.per_day[2] == 0 for o in later.outlets)
    assert sum(o.per_day[0] for o in later.outlets) > 0
    assert all(o.with_date <= o.articles and o.with_body <= o.articles for o in later.outlets)
    assert later.totals.articles == sum(per_outlet.values())
    assert later.failures == {"connection_refused": 1}
    assert [o.slug for o in later.outlets if o.failures] == ["dead_outlet"]
    assert all(o.per_day == (0, 0, 0) for o in before.outlets)
    assert before.totals.articles == 0
    assert before.failures == {}
