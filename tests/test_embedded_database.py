"""With no DATABASE_URL, newsarchive runs on an embedded PostgreSQL that it starts itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
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


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split()[0])


def test_the_archive_survives_kill_9_of_the_server_and_a_long_home_path(tmp_path: Path) -> None:
    # 150 characters: the server's socket would not fit in the home (sun_path is 108 bytes).
    home = tmp_path / ("h" * 60) / ("o" * 60) / "home"
    env = {"NEWSARCHIVE_HOME": str(home)}
    try:
        assert run_cli("db", "upgrade", env=env).returncode == 0
        url = run_cli("db", "url", env=env).stdout.strip()
        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE kept AS SELECT 42 AS n")
        assert _query(home, "SHOW server_version")[0][0].startswith("18.")
        assert {"pg_trgm", "unaccent"} <= {
            name for (name,) in _query(home, "SELECT name FROM pg_available_extensions")
        }
        os.kill(_postmaster_pid(home / "postgres"), signal.SIGKILL)
        current = run_cli("db", "current", env=env)
        assert current.returncode == 0, current.stderr
        assert _query(home, "SELECT n FROM kept") == [(42,)]
    finally:
        run_cli("db", "stop", env=env)


def test_a_first_run_killed_during_initdb_leaves_a_home_the_next_run_can_use(
    home: Path,
) -> None:
    env = {**os.environ, "NEWSARCHIVE_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    first = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", "db", "url"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: initdb dies with it, as in a crash
    )

    # initdb writes PG_VERSION first, long before the cluster is usable.
    def initdb_started() -> bool:
        return any(home.glob("postgres*/PG_VERSION"))

    deadline = time.monotonic() + 120
    while not initdb_started() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert initdb_started(), "initdb never started"
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()

    again = run_cli("db", "current", env={"NEWSARCHIVE_HOME": str(home)})
    assert again.returncode == 0, again.stderr
    assert (home / "postgres" / "PG_VERSION").read_text().strip() == "18"
    assert not (home / "postgres.initdb").exists()


def test_first_commands_racing_on_a_new_home_all_succeed(home: Path) -> None:
    env = {**os.environ, "NEWSARCHIVE_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    # All four wait while the first initialises the server, then reach CREATE DATABASE together.
    racers = [
        subprocess.Popen(
            [sys.executable, "-m", "newsarchive", "db", "current"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for racer in racers:
        _out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err
        assert "Traceback" not in err


def test_an_archive_of_an_older_postgresql_is_refused_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pgdata = home / "postgres"
    pgdata.mkdir(parents=True)
    (pgdata / "PG_VERSION").write_text("16\n")
    (pgdata / "base").mkdir()
    before = sorted(path.name for path in pgdata.iterdir())

    for command in (("db", "current"), ("status",), ("db", "url")):
        result = run_cli(*command, env={"NEWSARCHIVE_HOME": str(home)})
        assert result.returncode == 1, (command, result)
        assert "Traceback" not in result.stderr
        [line] = [line for line in result.stderr.splitlines() if line.startswith("newsarchive: ")]
        assert "written by PostgreSQL 16" in line and "newsarchive db migrate-embedded" in line

    assert sorted(path.name for path in pgdata.iterdir()) == before
    assert (pgdata / "PG_VERSION").read_text() == "16\n"
    assert sorted(path.name for path in home.iterdir()) == [".postgres.lock", "postgres"]


def test_a_pgserver_archive_is_migrated_to_the_new_server_with_its_rows(
    home: Path, tmp_path: Path
) -> None:
    pgserver = pytest.importorskip("pgserver", reason="pgserver makes the PostgreSQL 16 archive")
    # The archive as newsarchive made it before: pgserver's PostgreSQL 16, migrated, one crawl.
    home.mkdir()
    old = pgserver.get_server(home / "postgres", cleanup_mode=None)
    socket_dir = old.get_uri().rsplit("host=", 1)[1]
    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as c:
        c.execute("CREATE DATABASE newsarchive")
    old_url = f"postgresql://postgres@/newsarchive?host={socket_dir}"
    registry = tmp_path / "outlets.toml"
    registry.write_text(UNREACHABLE_REGISTRY)
    crawled = run_cli("crawl", "--registry", str(registry), env={"DATABASE_URL": old_url})
    assert crawled.returncode == 1, crawled.stderr[-2000:]
    with psycopg.connect(old_url) as conn:
        pages = conn.execute("SELECT url, outcome FROM pages ORDER BY url").fetchall()
        assert conn.execute("SHOW server_version").fetchone()[0].startswith("16.")  # type: ignore[index]
    assert len(pages) == 3

    env = {"NEWSARCHIVE_HOME": str(home)}
    refused = run_cli("crawl", "--registry", str(registry), env=env)
    assert refused.returncode == 1 and "migrate-embedded" in refused.stderr

    migrated = run_cli("db", "migrate-embedded", env=env)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    assert "restoring: 100%" in migrated.stdout or "restored" in migrated.stdout
    assert _query(home, "SELECT url, outcome FROM pages ORDER BY url") == pages
    assert _query(home, "SHOW server_version")[0][0].startswith("18.")
    # What a new archive on this server has: the trigram index on titles.
    assert _query(
        home, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_articles_title_trgm'"
    ) == [(1,)]
    assert (home / "postgres-16" / "PG_VERSION").read_text().strip() == "16"
    assert run_cli("db", "current", env=env).stdout.strip() == _head_revision()


def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    from newsarchive.store.database import alembic_config

    head = ScriptDirectory.from_config(alembic_config("postgresql://x/y")).get_current_head()
    assert head is not None
    return head


def test_the_pid_files_of_a_zombie_postmaster_are_forgotten_and_a_live_ones_kept(
    tmp_path: Path,
) -> None:
    from newsarchive.store.embedded import forget_dead_postmaster

    # A real zombie: a child that has exited and that nobody has waited for yet.
    child = subprocess.Popen(["true"])
    deadline = time.monotonic() + 30
    while psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline
        time.sleep(0.01)

    def pid_files(pid: int) -> tuple[Path, Path]:
        pgdata = tmp_path / str(pid)
        pgdata.mkdir()
        # postmaster.pid: pid, data dir, start time, port, socket dir, host, shared memory, status
        lines = [str(pid), str(pgdata), "0", "5432", str(pgdata), "", "0 2147483000", "ready"]
        (pgdata / "postmaster.pid").write_text("\n".join(lines) + "\n")
        (pgdata / ".s.PGSQL.5432.lock").write_text(f"{pid}\n{pgdata}\n")
        return pgdata / "postmaster.pid", pgdata / ".s.PGSQL.5432.lock"

    dead = pid_files(child.pid)
    live = pid_files(os.getpid())
    forget_dead_postmaster(dead[0].parent)
    forget_dead_postmaster(live[0].parent)
    child.wait()

    assert not any(path.exists() for path in dead)
    assert all(path.exists() for path in live)
