"""Hourly runs over the same outlets: conditional requests, retries with backoff, re-checks,
overlapping runs, caps and horizons. Each test crawls the fixture web with the real command.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from newsarchive.registry import load_registry
from newsarchive.store.database import make_engine
from newsarchive.store.frontier import RetryPolicy
from newsarchive.store.locks import OUTLET_LOCK_NAMESPACE
from newsarchive.store.outlets import sync_outlets
from tests.fixtureweb import FixtureWeb
from tests.fixtureweb.server import Resource
from tests.support import CliRun, crawl, query

EXIT_OK, EXIT_PARTIAL = 0, 3


@dataclass
class Web:
    web: FixtureWeb
    registry: Path
    database_url: str
    home: Path

    def crawl(self, *extra: str) -> CliRun:
        return crawl(self.registry, self.database_url, self.home, *extra)

    def listing_urls(self) -> set[str]:
        outlets = load_registry(self.registry).outlets
        return {url for outlet in outlets for url in (*outlet.feeds, *outlet.sitemaps)}

    def requested(self) -> list[str]:
        """Absolute URLs requested so far (robots.txt left out)."""
        return [
            f"{self.web.outlets[r.outlet]}{r.path}"
            for r in self.web.requests
            if not r.path.endswith("/robots.txt")
        ]


@pytest.fixture
def site(database_url: str, tmp_path: Path) -> Iterator[Web]:
    with FixtureWeb() as web:
        yield Web(web, web.write_registry(tmp_path / "outlets.toml"), database_url, tmp_path)


def _article_requests(site: Web) -> list[str]:
    expected = {a.url for a in site.web.expected_articles}
    return [url for url in site.requested() if url in expected]


def test_a_second_run_asks_conditionally_and_fetches_no_article_again(site: Web) -> None:
    first = site.crawl()
    assert first.returncode == EXIT_OK, first.stderr[-3000:]
    site.web.clear_requests()

    second = site.crawl()

    assert second.returncode == EXIT_OK, second.stderr[-3000:]
    listing_requests = [
        r
        for r in site.web.requests
        if f"{site.web.outlets[r.outlet]}{r.path}" in site.listing_urls()
    ]
    assert len(listing_requests) == len(site.listing_urls())
    for request in listing_requests:
        assert "if-none-match" in request.headers or "if-modified-since" in request.headers
        assert request.status == 304, request.path
    assert _article_requests(site) == []
    sources = query(
        site.database_url,
        "SELECT url, etag, consecutive_failures, last_success_at, last_new_article_at "
        "FROM listing_sources",
    )
    assert site.listing_urls() <= {s.url for s in sources}
    assert all(s.consecutive_failures == 0 and s.last_success_at for s in sources)
    configured = [s for s in sources if s.url in site.listing_urls()]
    assert all(s.etag for s in configured)
    outcomes = query(
        site.database_url,
        "SELECT DISTINCT outcome FROM pages WHERE kind <> 'article' "
        "AND crawl_run_id = (SELECT max(id) FROM crawl_runs)",  # the second run's pages
    )
    assert {row.outcome for row in outcomes} == {"not_modified"}


def test_a_failed_article_is_kept_and_retried_after_its_backoff(site: Web) -> None:
    victim = site.web.expected_articles[0].url
    site.web.replace_page(
        victim,
        Resource.text(
            "<h1>Service Unavailable</h1>",
            "text/html",
            status=503,
            headers=(("Retry-After", "120"),),
        ),
    )
    started = datetime.now(UTC)

    first = site.crawl("-s", "RETRY_TIMES=0")

    assert first.returncode == EXIT_PARTIAL, first.stderr[-3000:]
    assert "http_503" in first.stdout
    [failed] = query(site.database_url, "SELECT * FROM failed_urls")
    assert (failed.url, failed.reason, failed.attempts, failed.gave_up) == (
        victim,
        "http_503",
        1,
        False,
    )
    assert failed.next_attempt_at >= started + RetryPolicy().backoff
    assert failed.listed_title  # the listing's evidence is kept for the retry
    assert query(site.database_url, "SELECT 1 FROM articles WHERE url = :u", u=victim) == []

    # Within the backoff the URL is left alone, although the listings still name it.
    site.web.clear_requests()
    second = site.crawl("-s", "RETRY_TIMES=0")
    assert second.returncode == EXIT_OK, second.stderr[-3000:]
    assert victim not in site.requested()

    # Once the backoff has passed, the next run fetches it, and it lands.
    site.web.replace_page(victim, None)
    query(site.database_url, "UPDATE failed_urls SET next_attempt_at = now() - interval '1 s'")
    site.web.clear_requests()
    third = site.crawl()
    assert third.returncode == EXIT_OK, third.stderr[-3000:]
    assert site.requested().count(victim) == 1
    [stored] = query(
        site.database_url, "SELECT listed_title FROM articles WHERE url = :u", u=victim
    )
    assert stored.listed_title == failed.listed_title
    assert query(site.database_url, "SELECT * FROM failed_urls") == []


def test_backoff_doubles_honours_retry_after_and_gives_up() -> None:
    policy = RetryPolicy(backoff=timedelta(minutes=30), max_backoff=timedelta(hours=4))
    now = datetime(2026, 11, 24, tzinfo=UTC)
    waits = [policy.next_attempt(n, now, None) - now for n in (1, 2, 3, 4, 5, 6)]
    assert waits == [timedelta(minutes=m) for m in (30, 60, 120, 240, 240, 240)]
    assert policy.next_attempt(1, now, 7200) - now == timedelta(hours=2)
    assert policy.next_attempt(1, now, 10**9) - now == timedelta(hours=4)
    assert not policy.gives_up(7, 503) and policy.gives_up(8, 503)
    assert not policy.gives_up(1, 404) and policy.gives_up(2, 404)


def test_a_recent_article_is_rechecked_once_and_an_edit_becomes_a_revision(site: Web) -> None:
    assert site.crawl().returncode == EXIT_OK
    article = site.web.expected_articles[0]
    [slug] = [s for s, base in site.web.outlets.items() if article.url.startswith(base)]
    page = site.web.sites[slug].routes[article.url.removeprefix(site.web.outlets[slug])]
    edited_paragraph = article.paragraphs[0] + " The ministry later confirmed the figures."
    edited = page.body.decode("utf-8").replace(article.paragraphs[0], edited_paragraph)
    assert edited != page.body.decode("utf-8")
    site.web.replace_page(article.url, Resource.text(edited, page.content_type))
    # The article was first stored 25 hours ago and not fetched since.
    query(
        site.database_url,
        "UPDATE articles SET first_seen_at = now() - interval '25 hours', "
        "last_fetched_at = now() - interval '25 hours' WHERE url = :u",
        u=article.url,
    )
    site.web.clear_requests()

    assert site.crawl().returncode == EXIT_OK
    assert _article_requests(site) == [article.url]
    [row] = query(site.database_url, "SELECT id, text FROM articles WHERE url = :u", u=article.url)
    assert edited_paragraph in row.text
    [revision] = query(
        site.database_url,
        "SELECT reason, text FROM article_revisions WHERE article_id = :i",
        i=row.id,
    )
    assert revision.reason == "refetch" and edited_paragraph not in revision.text

    site.web.clear_requests()
    assert site.crawl().returncode == EXIT_OK
    assert _article_requests(site) == []  # once only


def test_a_run_skips_the_outlets_another_run_holds_and_says_so(site: Web) -> None:
    outlets = load_registry(site.registry).outlets
    engine = make_engine(site.database_url)
    ids = sync_outlets(engine, outlets)
    engine.dispose()
    busy = outlets[0].slug
    conninfo = site.database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as other_run:
        other_run.execute("SELECT pg_advisory_lock(%s, %s)", (OUTLET_LOCK_NAMESPACE, ids[busy]))
        result = site.crawl()
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert "skipped (another run is crawling them): " + busy in result.stdout
    [run] = query(site.database_url, "SELECT skipped_outlets, outcome FROM crawl_runs")
    assert run.skipped_outlets == [busy] and run.outcome == "ok"
    crawled = query(
        site.database_url,
        "SELECT DISTINCT o.slug FROM pages p JOIN outlets o ON o.id = p.outlet_id",
    )
    assert {row.slug for row in crawled} == {o.slug for o in outlets} - {busy}
    assert not any(url.startswith(site.web.outlets[busy]) for url in site.requested())


def test_a_run_left_running_by_a_dead_process_is_marked_failed(site: Web) -> None:
    query(site.database_url, "INSERT INTO crawl_runs (outcome) VALUES ('running')")

    result = site.crawl()

    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert "ended without finishing 1" in result.stdout
    runs = query(site.database_url, "SELECT id, outcome, alerts FROM crawl_runs ORDER BY id")
    assert [(r.id, r.outcome) for r in runs] == [(1, "failed"), (2, "ok")]
    assert runs[0].alerts[0]["check"] == "abandoned"


def test_a_capped_listing_leaves_the_rest_for_the_next_run(site: Web) -> None:
    capped = site.crawl("-s", "NEWSARCHIVE_LISTING_URL_CAP=1")
    assert capped.returncode == EXIT_OK, capped.stderr[-3000:]
    stored_first = len(query(site.database_url, "SELECT 1 FROM articles"))
    assert 0 < stored_first < len(site.web.expected_articles)
    incomplete = query(
        site.database_url, "SELECT url FROM pages WHERE error LIKE 'incomplete:%over the%cap%'"
    )
    assert incomplete
    # An incomplete listing keeps no validator: the next run reads it in full.
    site.web.clear_requests()
    assert site.crawl().returncode == EXIT_OK
    statuses = {f"{site.web.outlets[r.outlet]}{r.path}": r.status for r in site.web.requests}
    assert all(statuses[row.url] == 200 for row in incomplete)
    urls = {row.url for row in query(site.database_url, "SELECT url FROM articles")}
    assert urls == {a.url for a in site.web.expected_articles}


def test_entries_older_than_the_horizon_are_skipped(site: Web) -> None:
    newest = max(a.published_at for a in site.web.expected_articles)
    days = (datetime.now(UTC) - newest).days  # the newest story is just inside the horizon
    result = site.crawl("-s", f"NEWSARCHIVE_LISTING_HORIZON_DAYS={days + 1}")
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    stored = {row.url for row in query(site.database_url, "SELECT url FROM articles")}
    too_old = {
        a.url for a in site.web.expected_articles if a.published_at < newest - timedelta(days=1)
    }
    assert too_old and not stored & too_old
    [run] = query(site.database_url, "SELECT stats FROM crawl_runs")
    assert run.stats["newsarchive/skipped_horizon"] >= len(too_old)


def test_a_disabled_source_is_not_fetched(site: Web) -> None:
    outlet = load_registry(site.registry).outlets[0]
    [feed, *_] = outlet.feeds
    text = site.registry.read_text()
    anchor = f'slug = "{outlet.slug}"\n'
    site.registry.write_text(text.replace(anchor, f'{anchor}disabled_sources = ["{feed}"]\n'))

    result = site.crawl()

    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert feed not in site.requested()
    assert query(site.database_url, "SELECT 1 FROM listing_sources WHERE url = :u", u=feed) == []


def test_a_password_in_database_url_never_reaches_output_or_logs(site: Web) -> None:
    # The test server trusts local connections, so any password connects: it only has to hide.
    secret = "s3cret-" + "x" * 8
    with_password = site.database_url.replace("://postgres@", f"://postgres:{secret}@", 1)
    assert secret in with_password
    result = crawl(site.registry, with_password, site.home, "-v")
    assert result.returncode in (EXIT_OK, EXIT_PARTIAL), result.stderr[-3000:]
    assert secret not in result.stdout + result.stderr
    assert query(site.database_url, "SELECT count(*) AS n FROM articles")[0].n > 0
