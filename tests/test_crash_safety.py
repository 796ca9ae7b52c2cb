"""The two ways a scheduled crawl dies badly: its database goes away, or the process is killed.

Either way no fetched article may be lost and none duplicated; the next run completes the job.
The fixture web calls back on each request before answering it, so the fault strikes at an
exact point of the crawl: after a few articles were stored, with more on their way.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.conftest import PostgresServer
from tests.fixtureweb import FixtureWeb, RequestRecord
from tests.support import FAST, crawl, query

EXIT_OK, EXIT_FAILED = 0, 1
#: One article per batch, so some are committed before the fault and some are in flight.
ONE_PER_BATCH = ("-s", "NEWSARCHIVE_STORE_BATCH=1")


def _database_name(url: str) -> str:
    # make_url, not string splitting: an embedded server's URL ends in ?host=/tmp/...
    name = make_url(url).database
    assert name
    return name


def _assert_every_article_once(database_url: str, web: FixtureWeb) -> None:
    urls = [row.url for row in query(database_url, "SELECT url FROM articles")]
    assert sorted(urls) == sorted(a.url for a in web.expected_articles)
    # Nothing half-written: each article came with its stored page and raw HTML.
    orphans = query(
        database_url,
        "SELECT a.url FROM articles a WHERE NOT EXISTS (SELECT 1 FROM pages p "
        "WHERE p.article_id = a.id AND p.outcome = 'stored' AND p.html_gz IS NOT NULL) "
        "OR a.text = '' OR a.content_hash = ''",
    )
    assert orphans == []


class _AfterArticles:
    """Runs `action` once, when the n-th article page is requested."""

    def __init__(self, web: FixtureWeb, n: int, action: object) -> None:
        self.expected = {a.url.removeprefix(web.outlets[a.outlet]) for a in web.expected_articles}
        self.n = n
        self.action = action
        self.seen = 0
        self.lock = threading.Lock()
        self.fired = threading.Event()

    def __call__(self, record: RequestRecord) -> None:
        if record.path not in self.expected:
            return
        with self.lock:
            self.seen += 1
            if self.seen != self.n:
                return
        self.action()  # type: ignore[operator]
        self.fired.set()


def test_a_database_outage_mid_crawl_loses_no_fetched_article(
    postgres_server: PostgresServer, database_url: str, tmp_path: Path
) -> None:
    name = _database_name(database_url)

    def database_goes_away() -> None:
        postgres_server.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        postgres_server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )

    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        trigger = _AfterArticles(web, 4, database_goes_away)
        web.on_request(trigger)
        try:
            first = crawl(registry, database_url, tmp_path, *ONE_PER_BATCH)
        finally:
            web.on_request(None)
            postgres_server.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        assert trigger.fired.is_set()
        fetched_in_first = {
            f"{web.outlets[r.outlet]}{r.path}" for r in web.requests if r.status == 200
        } & {a.url for a in web.expected_articles}
        spooled = sorted((tmp_path / "spool").glob("*.batch"))

        assert first.returncode == EXIT_FAILED, first.stderr[-3000:]
        assert "database unavailable" in first.stderr
        assert spooled, "the articles fetched during the outage must wait in the spool"
        web.clear_requests()

        second = crawl(registry, database_url, tmp_path)

        assert second.returncode == EXIT_OK, second.stderr[-3000:]
        assert f"from {len(spooled)} spooled batches" in second.stdout
        _assert_every_article_once(database_url, web)
        # What the first run fetched came from the spool, not from fetching it again.
        refetched = {f"{web.outlets[r.outlet]}{r.path}" for r in web.requests}
        assert fetched_in_first and not fetched_in_first & refetched
        # Replayed articles join their stories as the pipeline's would: none is left without.
        assert query(database_url, "SELECT url FROM articles WHERE story_id IS NULL") == []
    assert list((tmp_path / "spool").glob("*.batch")) == []
    runs = query(database_url, "SELECT id, outcome FROM crawl_runs ORDER BY id")
    assert [r.outcome for r in runs] == ["failed", "ok"]


def test_a_crawl_killed_mid_run_is_completed_by_the_next_without_duplicates(
    database_url: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")} | {
        "DATABASE_URL": database_url,
        "NEWSARCHIVE_HOME": str(tmp_path),
    }
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        command = [sys.executable, "-m", "newsarchive", "crawl", "--registry", str(registry)]
        process = subprocess.Popen(
            [*command, *FAST, *ONE_PER_BATCH],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the extraction workers die too
        )
        trigger = _AfterArticles(web, 6, lambda: os.killpg(process.pid, signal.SIGKILL))
        web.on_request(trigger)
        try:
            returncode = process.wait(timeout=300)
        finally:
            web.on_request(None)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        assert trigger.fired.is_set()
        assert returncode == -signal.SIGKILL
        stored_before = len(query(database_url, "SELECT 1 FROM articles"))
        assert stored_before < len(web.expected_articles)

        second = crawl(registry, database_url, tmp_path)

        assert second.returncode == EXIT_OK, second.stderr[-3000:]
        _assert_every_article_once(database_url, web)
    runs = query(database_url, "SELECT outcome, alerts FROM crawl_runs ORDER BY id")
    assert [r.outcome for r in runs] == ["failed", "ok"]
    assert runs[0].alerts[0]["check"] == "abandoned"


def test_an_article_left_without_a_story_is_given_one_by_the_next_run(
    database_url: str, tmp_path: Path
) -> None:
    """A batch whose story assignment failed after its commit is swept by a later run."""
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        first = crawl(registry, database_url, tmp_path)
        assert first.returncode == EXIT_OK, first.stderr[-3000:]
        stray = query(database_url, "SELECT url FROM articles ORDER BY id LIMIT 1")[0].url
        # What a failed assignment leaves: the article stored, no story, no actor links yet.
        query(
            database_url,
            "WITH a AS (SELECT id FROM articles WHERE url = :url), "
            "gone AS (DELETE FROM event_articles WHERE article_id IN (SELECT id FROM a)), "
            "links AS (DELETE FROM article_actors WHERE article_id IN (SELECT id FROM a)) "
            "UPDATE articles SET story_id = NULL, first_seen_at = first_seen_at - interval "
            "'1 hour' WHERE id IN (SELECT id FROM a) RETURNING id",
            url=stray,
        )
        fresh = query(database_url, "SELECT count(*) AS n FROM articles WHERE story_id IS NULL")
        assert fresh[0].n == 1

        second = crawl(registry, database_url, tmp_path)

        assert second.returncode == EXIT_OK, second.stderr[-3000:]
        assert "assigned stories to 1 articles stored without one" in second.stdout
    assert query(database_url, "SELECT url FROM articles WHERE story_id IS NULL") == []
