"""With no DATABASE_URL, newsarchive runs on an embedded PostgreSQL that it starts itself."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.fixtureweb import FixtureWeb
from tests.support import run_cli

UNREACHABLE_REGISTRY = """\
# Hosts under .invalid never resolve (RFC 2606): every fetch fails as it would offline.
[[outlet]]
slug = "gone_wire"
name = "Gone Wire"
domains = ["gone-wire.invalid"]
country = "GB"
language = "en"
kind = "wire"
feeds = ["https://gone-wire.invalid/rss.xml"]
sitemaps = ["https://gone-wire.invalid/news-sitemap.xml"]

[[outlet]]
slug = "gone_daily"
name = "Gone Daily"
domains = ["gone-daily.invalid"]
language = "en"
kind = "newspaper"
feeds = ["https://www.gone-daily.invalid/feed/"]
"""


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """A NEWSARCHIVE_HOME whose embedded server is stopped after the test."""
    home = tmp_path / "home"
    yield home
    run_cli("db", "stop", env={"NEWSARCHIVE_HOME": str(home)})


def _query(home: Path, sql: str) -> list[tuple[object, ...]]:
    url = run_cli("db", "url", env={"NEWSARCHIVE_HOME": str(home)}).stdout.strip()
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


def test_offline_crawl_starts_the_embedded_database_and_records_every_network_failure(
    home: Path, tmp_path: Path
) -> None:
    registry = tmp_path / "outlets.toml"
    registry.write_text(UNREACHABLE_REGISTRY)

    result = run_cli(
        "crawl", "--registry", str(registry), env={"NEWSARCHIVE_HOME": str(home)}, timeout=300
    )

    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "failed" in result.stdout
    assert (home / "postgres" / "PG_VERSION").exists()
    failures = _query(home, "SELECT url, outcome, error FROM pages ORDER BY url")
    assert {url for url, _, _ in failures} == {
        "https://gone-wire.invalid/rss.xml",
        "https://gone-wire.invalid/news-sitemap.xml",
        "https://www.gone-daily.invalid/feed/",
    }
    assert all(outcome == "failed" and error.startswith("dns:") for _, outcome, error in failures)
    [(outcome, failures_by_reason)] = _query(
        home, "SELECT outcome, failures_by_reason FROM crawl_runs"
    )
    assert outcome == "failed"
    assert failures_by_reason == {"dns": 3}


def test_embedded_archive_persists_between_runs_and_db_url_works_with_psql(
    home: Path, tmp_path: Path
) -> None:
    env = {"NEWSARCHIVE_HOME": str(home)}
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        first = run_cli("crawl", "--registry", str(registry), "-s", "DOWNLOAD_DELAY=0.05", env=env)
        assert first.returncode == 0, first.stderr[-3000:]
        # Stop the server in between, as a reboot would: the archive lives on disk.
        assert run_cli("db", "stop", env=env).returncode == 0
        second = run_cli("crawl", "--registry", str(registry), "-s", "DOWNLOAD_DELAY=0.05", env=env)
        assert second.returncode == 0, second.stderr[-3000:]

    expected = len(web.expected_articles)
    runs = _query(home, "SELECT articles_new FROM crawl_runs ORDER BY id")
    assert runs == [(expected,), (0,)]

    url = run_cli("db", "url", env=env).stdout.strip()
    assert url.startswith("postgresql://")
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed; the URL was checked with psycopg above")
    counted = subprocess.run(
        [psql, url, "-At", "-c", "SELECT count(*) FROM articles"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert counted.stdout.strip() == str(expected)
