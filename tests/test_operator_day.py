"""An operator's day (issue 13): quiet outlets do not alert, a dead run is flagged at once, and an
offline machine is told so in one line. Each test runs the command as cron would."""

from __future__ import annotations

from pathlib import Path

import pytest
from twisted.python.failure import Failure

from newsarchive.fetch.failures import describe_failure
from tests.fixtureweb import FixtureWeb
from tests.support import crawl, query, run_cli

ARCHIVE_ONLY = """
[[outlet]]
slug = "archive_only"
name = "Archive Only"
domains = ["archive-only.invalid"]
language = "en"
kind = "broadcaster"
archive_sitemaps = ["http://archive-only.invalid/sitemap.xml"]
"""

#: One outlet whose name does not resolve, one whose port nobody listens on: an offline machine.
UNREACHABLE = """
[[outlet]]
slug = "gone_daily"
name = "Gone Daily"
domains = ["gone-daily.invalid"]
language = "en"
kind = "newspaper"
feeds = [
    "http://gone-daily.invalid/rss",
    "http://gone-daily.invalid/world/rss",
    "http://gone-daily.invalid/asia/rss",
    "http://gone-daily.invalid/europe/rss",
    "http://gone-daily.invalid/africa/rss",
    "http://gone-daily.invalid/americas/rss",
    "http://gone-daily.invalid/defence/rss",
]

[[outlet]]
slug = "closed_wire"
name = "Closed Wire"
domains = ["127.0.0.1:9"]
language = "en"
kind = "wire"
feeds = ["http://127.0.0.1:9/rss"]
allow_private_network = true
"""

OFFLINE = "no outlet could be reached: is this machine online?"


def test_an_outlet_with_only_archive_sitemaps_is_left_out_of_a_normal_run(
    database_url: str, newsarchive_home: Path, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(newsarchive_home)}
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        registry.write_text(registry.read_text() + ARCHIVE_ONLY)
        first = next(iter(web.sites))
        result = crawl(
            registry,
            database_url,
            newsarchive_home,
            "--outlet",
            first,
            "--outlet",
            "archive_only",
            "--max-articles",
            "3",
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "alert" not in result.stdout
    [(outlets, alerts)] = query(database_url, "SELECT outlets, alerts FROM crawl_runs")
    assert outlets == [first] and not alerts
    status = run_cli("status", env=env)
    assert status.returncode == 0, status.stdout
    assert "archive_only" not in status.stdout

    alone = run_cli("crawl", "--registry", str(registry), "--outlet", "archive_only", env=env)
    assert alone.returncode == 2
    assert alone.stderr.strip().splitlines()[-1] == (
        "newsarchive: archive_only: only archive sitemaps to read; crawl with --backfill"
    )


def test_an_offline_crawl_says_so_in_one_line_and_status_flags_it_at_once(
    database_url: str, newsarchive_home: Path, tmp_path: Path
) -> None:
    registry = tmp_path / "outlets.toml"
    registry.write_text(UNREACHABLE)
    result = crawl(registry, database_url, newsarchive_home, "-s", "RETRY_ENABLED=False")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == OFFLINE
    assert lines[1].startswith("crawl run ") and " failed " in lines[1]
    assert not any("alert" in line for line in lines), lines
    assert len(lines) == 3, lines
    # Eight feeds fail the same way: a few warnings, then one line instead of the rest.
    warned = [line for line in result.stderr.splitlines() if " failed (" in line]
    assert len(warned) == 5, result.stderr
    assert result.stderr.count("nothing has answered yet") == 1

    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(newsarchive_home)}
    status = run_cli("status", env=env)
    assert status.returncode == 3, status.stdout
    assert status.stdout.splitlines()[-1] == (
        "flagged: closed_wire (FAILING); gone_daily (FAILING); RUN_FAILED"
    )


def test_a_new_archive_says_it_is_migrating_before_the_long_pause(
    empty_database_url: str, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": empty_database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    first = run_cli("db", "upgrade", env=env)
    assert first.returncode == 0, first.stderr
    # Under cron the migrations of a new archive take many seconds: a line says why.
    [said] = [line for line in first.stderr.splitlines() if "migrating the archive" in line]
    revision = first.stdout.split()[-1]
    assert said.endswith(f"migrating the archive schema from empty to {revision}")
    again = run_cli("db", "upgrade", env=env)
    assert again.returncode == 0 and "migrating" not in again.stderr


@pytest.mark.parametrize(
    ("chromium", "reason"),
    [("ERR_NAME_NOT_RESOLVED", "dns"), ("ERR_CONNECTION_REFUSED", "connection_refused")],
)
def test_a_page_the_browser_could_not_reach_fails_for_the_network_reason(
    chromium: str, reason: str
) -> None:
    # What Playwright raises when Chromium cannot reach an outlet (seen offline on en.mfa.ir):
    # counted as "error", it kept an offline crawl from saying it was offline.
    error = RuntimeError(f"Page.goto: net::{chromium} at https://gone-daily.invalid/news")
    assert describe_failure(Failure(error)).reason == reason
    assert describe_failure(Failure(RuntimeError("Page.goto: net::ERR_ABORTED"))).reason == (
        "runtimeerror"
    )
