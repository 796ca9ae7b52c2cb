"""Coverage monitors over a real database holding runs, listings and articles of several outlets.

Rows are written directly, as the crawler's store would leave them (pages per fetch,
listing_sources per feed, articles): the monitors only read the database, so that is exactly the
situation they judge at the end of a run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from newsarchive.store.monitors import (
    BODY_COVERAGE_DROPPED,
    DATE_COVERAGE_DROPPED,
    LISTINGS_FAILED,
    NO_ARTICLES_LISTED,
    Alert,
    check_run,
    monitor_settings,
    wilson_upper,
)

NOW = datetime.now(UTC).replace(microsecond=0)


class Archive:
    """Writes the rows a crawl leaves behind, with the times a test chooses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.outlet_ids: dict[str, int] = {}
        self.serial = 0

    def _run_sql(self, sql: str, **params: object) -> int | None:
        with self.engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.scalar() if result.returns_rows else None

    def outlet(self, slug: str, *, feeds: Sequence[str] = (), sitemaps: Sequence[str] = ()) -> int:
        outlet_id = self._run_sql(
            "INSERT INTO outlets (slug, name, language, kind, feeds, sitemaps) "
            "VALUES (:slug, :name, 'en', 'newspaper', :feeds, :sitemaps) RETURNING id",
            slug=slug,
            name=slug.title(),
            feeds=list(feeds) or [f"https://{slug}.example/rss"],
            sitemaps=list(sitemaps),
        )
        assert outlet_id is not None
        self.outlet_ids[slug] = outlet_id
        return outlet_id

    def run(
        self,
        outlets: Sequence[str],
        started_at: datetime,
        *,
        finished_at: datetime | None = None,
        outcome: str = "running",
        articles_new: int = 0,
        failures: int = 0,
        alerts: Sequence[dict[str, str]] = (),
        skipped: Sequence[str] = (),
    ) -> int:
        run_id = self._run_sql(
            "INSERT INTO crawl_runs (started_at, finished_at, outlets, outcome, articles_new, "
            "failures, alerts, skipped_outlets) VALUES (:started, :finished, :outlets, :outcome, "
            ":new, :failures, CAST(:alerts AS jsonb), :skipped) RETURNING id",
            started=started_at,
            finished=finished_at,
            outlets=list(outlets),
            outcome=outcome,
            new=articles_new,
            failures=failures,
            alerts=json.dumps(list(alerts)),
            skipped=list(skipped),
        )
        assert run_id is not None
        return run_id

    def article(
        self,
        outlet: str,
        first_seen_at: datetime,
        *,
        dated: bool = True,
        thin: bool = False,
        run: int | None = None,
    ) -> int:
        """An article; with `run`, also the page row of the run that stored it."""
        self.serial += 1
        url = f"https://{outlet}.example/story/{self.serial}"
        words = 40 if thin else 600
        flags = (["thin"] if thin else []) + ([] if dated else ["no_date"])
        article_id = self._run_sql(
            "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
            "word_count, content_hash, simhash, extractor_version, published_at, quality_flags, "
            "first_seen_at, last_fetched_at) VALUES (:outlet, :url, :url, :url, :title, :body, "
            ":words, :hash, :simhash, 'test', :published, :flags, :seen, :seen) RETURNING id",
            outlet=self.outlet_ids[outlet],
            url=url,
            title=f"Story {self.serial}",
            body="word " * words,
            words=words,
            hash=hashlib.sha256(url.encode()).hexdigest(),
            simhash=self.serial * 7919,
            published=first_seen_at - timedelta(hours=1) if dated else None,
            flags=flags,
            seen=first_seen_at,
        )
        assert article_id is not None
        if run is not None:
            self.page(
                outlet,
                run,
                url,
                kind="article",
                outcome="stored",
                at=first_seen_at,
                article_id=article_id,
            )
        return article_id

    def page(
        self,
        outlet: str,
        run: int | None,
        url: str,
        *,
        kind: str,
        outcome: str,
        at: datetime,
        error: str | None = None,
        http_status: int | None = 200,
        article_id: int | None = None,
    ) -> None:
        self._run_sql(
            "INSERT INTO pages (crawl_run_id, outlet_id, article_id, kind, url, outcome, error, "
            "http_status, fetched_at) VALUES (:run, :outlet, :article, :kind, :url, :outcome, "
            ":error, :status, :at)",
            run=run,
            outlet=self.outlet_ids[outlet],
            article=article_id,
            kind=kind,
            url=url,
            outcome=outcome,
            error=error,
            status=http_status,
            at=at,
        )

    def listing(
        self,
        outlet: str,
        run: int | None,
        url: str,
        *,
        at: datetime,
        outcome: str = "listed",
        listed: int | None = None,
        kind: str = "feed",
        error: str | None = None,
        new_article: bool = False,
    ) -> None:
        """A feed or sitemap fetch: its pages row and its listing_sources health, the way the
        store keeps them (a 304 keeps the previous count; a failure adds to the streak)."""
        status = {"listed": 200, "not_modified": 304, "failed": 503, "skipped": None}[outcome]
        self.page(
            outlet, run, url, kind=kind, outcome=outcome, at=at, error=error, http_status=status
        )
        if outcome == "skipped":
            return
        ok = outcome in ("listed", "not_modified")
        self._run_sql(
            """
            INSERT INTO listing_sources AS s (outlet_id, url, kind, last_attempt_at,
                last_success_at, last_failure_at, consecutive_failures, last_error, last_status,
                last_listed, last_new_article_at)
            VALUES (:outlet, :url, :kind, :at, CASE WHEN :ok THEN CAST(:at AS timestamptz) END,
                CASE WHEN :ok THEN NULL ELSE CAST(:at AS timestamptz) END,
                CASE WHEN :ok THEN 0 ELSE 1 END, :error, :status, :listed,
                CASE WHEN :new THEN CAST(:at AS timestamptz) END)
            ON CONFLICT (url) DO UPDATE SET
                last_attempt_at = excluded.last_attempt_at,
                last_status = excluded.last_status,
                last_success_at = coalesce(excluded.last_success_at, s.last_success_at),
                last_failure_at = coalesce(excluded.last_failure_at, s.last_failure_at),
                consecutive_failures = CASE WHEN :ok THEN 0 ELSE s.consecutive_failures + 1 END,
                last_error = CASE WHEN :ok THEN s.last_error ELSE excluded.last_error END,
                last_listed = CASE WHEN :listed_full THEN excluded.last_listed
                                   ELSE s.last_listed END,
                last_new_article_at = coalesce(excluded.last_new_article_at,
                                               s.last_new_article_at)
            """,
            outlet=self.outlet_ids[outlet],
            url=url,
            kind=kind,
            at=at,
            ok=ok,
            error=error,
            status=status,
            listed=listed,
            listed_full=outcome == "listed",
            new=new_article,
        )

    def failed_url(
        self,
        outlet: str,
        url: str,
        *,
        at: datetime,
        attempts: int = 1,
        gave_up: bool = False,
        reason: str = "http_503",
    ) -> None:
        self._run_sql(
            "INSERT INTO failed_urls (url, outlet_id, reason, attempts, first_failed_at, "
            "last_failed_at, next_attempt_at, gave_up) VALUES (:url, :outlet, :reason, :attempts, "
            ":at, :at, :next, :gave_up)",
            url=url,
            outlet=self.outlet_ids[outlet],
            reason=reason,
            attempts=attempts,
            at=at,
            next=at + timedelta(hours=1),
            gave_up=gave_up,
        )

    def history(self, outlet: str, count: int, *, dated: bool = True, thin: bool = False) -> None:
        """`count` articles of earlier runs, spread over the last three weeks."""
        for i in range(count):
            seen = NOW - timedelta(days=1, hours=i * 12)
            self.article(outlet, seen, dated=dated, thin=thin)


@pytest.fixture
def archive(engine: Engine) -> Archive:
    return Archive(engine)


def feed(slug: str) -> str:
    return f"https://{slug}.example/rss"


def test_each_outlet_gets_exactly_the_alerts_its_run_deserves(archive: Archive) -> None:
    slugs = [
        "good",
        "collapsed",
        "empty",
        "unchanged",
        "quiet",
        "indexed",
        "dead",
        "brief",
        "newcomer",
        "robots",
    ]
    for slug in slugs:
        sitemaps = [f"https://{slug}.example/sitemap.xml"] if slug in ("indexed", "empty") else []
        archive.outlet(slug, sitemaps=sitemaps)
    # An earlier run whose pages must not count for this one.
    old_run = archive.run(slugs, NOW - timedelta(hours=2), finished_at=NOW - timedelta(hours=2))
    archive.listing("empty", old_run, feed("empty"), at=NOW - timedelta(hours=2), listed=30)

    run = archive.run(slugs, NOW - timedelta(minutes=10))
    during = NOW - timedelta(minutes=5)

    # good: a month of dated, full articles; this run stores 6 more like them.
    archive.history("good", 40)
    archive.listing("good", run, feed("good"), at=during, listed=25, new_article=True)
    for _ in range(6):
        archive.article("good", during, run=run)

    # collapsed: same history, but the site changed and 7 of 8 new articles come out undated.
    archive.history("collapsed", 40)
    archive.listing("collapsed", run, feed("collapsed"), at=during, listed=25, new_article=True)
    archive.article("collapsed", during, run=run)
    for _ in range(7):
        archive.article("collapsed", during, dated=False, run=run)

    # empty: the feed and the sitemap both answer 200 with nothing in them.
    archive.listing("empty", run, feed("empty"), at=during, listed=0)
    archive.listing(
        "empty", run, "https://empty.example/sitemap.xml", at=during, listed=0, kind="sitemap"
    )

    # unchanged: 304 to the conditional request, nothing fetched. Fine.
    archive.history("unchanged", 30)
    archive.listing("unchanged", old_run, feed("unchanged"), at=NOW - timedelta(hours=2), listed=20)
    archive.listing("unchanged", run, feed("unchanged"), at=during, outcome="not_modified")

    # quiet: the feed lists 20 URLs the archive already has. Fine.
    archive.history("quiet", 30)
    archive.listing("quiet", run, feed("quiet"), at=during, listed=20)

    # indexed: a sitemap index names two child sitemaps, both empty, and the feed is empty too:
    # the index's two entries are sitemaps, not articles.
    index = "https://indexed.example/sitemap.xml"
    archive.listing("indexed", run, feed("indexed"), at=during, listed=0)
    archive.listing("indexed", run, index, at=during, listed=2, kind="sitemap")
    for month in ("2026-10", "2026-11"):
        child = f"https://indexed.example/sitemap-{month}.xml"
        archive.listing("indexed", run, child, at=during, listed=0, kind="sitemap")

    # dead: its only feed failed; the failure itself is counted elsewhere, the alert names it.
    archive.listing(
        "dead", run, feed("dead"), at=during, outcome="failed", error="http_503: Unavailable"
    )

    # brief: two undated briefs against a dated history: too few to judge.
    archive.history("brief", 30)
    archive.listing("brief", run, feed("brief"), at=during, listed=10, new_article=True)
    for _ in range(2):
        archive.article("brief", during, dated=False, run=run)

    # newcomer: no history; 6 articles, all thin teasers (a consent wall): below the floor.
    archive.listing("newcomer", run, feed("newcomer"), at=during, listed=6, new_article=True)
    for _ in range(6):
        archive.article("newcomer", during, thin=True, run=run)

    # robots: robots.txt refuses the feed: nothing can be listed.
    archive.listing(
        "robots", run, feed("robots"), at=during, outcome="skipped", error="robots: disallowed"
    )

    alerts = check_run(archive.engine, run, slugs)

    assert [(a.outlet, a.check) for a in alerts] == [
        ("collapsed", DATE_COVERAGE_DROPPED),
        ("empty", NO_ARTICLES_LISTED),
        ("indexed", NO_ARTICLES_LISTED),
        ("dead", LISTINGS_FAILED),
        ("newcomer", BODY_COVERAGE_DROPPED),
        ("robots", NO_ARTICLES_LISTED),
    ]
    by_outlet = {alert.outlet: alert.detail for alert in alerts}
    assert by_outlet["collapsed"] == (
        "1 of 8 articles stored in this run (12%) have a date, "
        "against 100% over the previous 30 days (40 articles)"
    )
    assert by_outlet["empty"] == "2 feeds and sitemaps answered but listed no article URL"
    assert by_outlet["indexed"] == "4 feeds and sitemaps answered but listed no article URL"
    assert by_outlet["dead"] == "all 1 feed or sitemap failed (http_503 x1)"
    assert by_outlet["newcomer"].startswith("0 of 6 articles stored in this run (0%) have a full")
    assert "a floor of 50% (only 0 articles in the previous 30 days" in by_outlet["newcomer"]
    assert by_outlet["robots"] == "every feed and sitemap was skipped (robots x1)"
    assert alerts[0].as_json() == {
        "outlet": "collapsed",
        "check": DATE_COVERAGE_DROPPED,
        "detail": by_outlet["collapsed"],
    }


def test_only_the_outlets_asked_about_are_checked(archive: Archive) -> None:
    archive.outlet("empty")
    archive.outlet("other")
    run = archive.run(["empty", "other"], NOW - timedelta(minutes=10))
    archive.listing("empty", run, feed("empty"), at=NOW, listed=0)
    # "other" was locked by another run: the runner passes only what it crawled, so "other"
    # (which read nothing in this run) is not named.
    assert [(a.outlet, a.check) for a in check_run(archive.engine, run, ["empty"])] == [
        ("empty", NO_ARTICLES_LISTED)
    ]
    assert check_run(archive.engine, run, []) == []


def test_an_outlet_with_no_listing_read_in_the_run_is_named(archive: Archive) -> None:
    archive.outlet("forgotten")
    run = archive.run(["forgotten"], NOW - timedelta(minutes=10))
    assert check_run(archive.engine, run, ["forgotten"]) == [
        Alert("forgotten", NO_ARTICLES_LISTED, "no feed or sitemap was read in this run")
    ]


def test_a_listing_that_answered_beside_a_failed_one_still_counts(archive: Archive) -> None:
    archive.outlet("half", sitemaps=["https://half.example/news.xml"])
    run = archive.run(["half"], NOW - timedelta(minutes=10))
    archive.listing("half", run, feed("half"), at=NOW, outcome="failed", error="timeout: 30 s")
    archive.listing("half", run, "https://half.example/news.xml", at=NOW, listed=0, kind="sitemap")
    (alert,) = check_run(archive.engine, run, ["half"])
    assert alert.check == NO_ARTICLES_LISTED
    assert alert.detail == (
        "1 feed or sitemap answered but listed no article URL; 1 more did not answer (timeout x1)"
    )
    # ...and when the other one lists articles, all is well.
    archive.outlet("fine", sitemaps=["https://fine.example/news.xml"])
    run = archive.run(["fine"], NOW - timedelta(minutes=10))
    archive.listing("fine", run, feed("fine"), at=NOW, outcome="failed", error="timeout: 30 s")
    archive.listing("fine", run, "https://fine.example/news.xml", at=NOW, listed=9, kind="sitemap")
    assert check_run(archive.engine, run, ["fine"]) == []


def test_body_coverage_is_judged_against_the_outlets_own_history(archive: Archive) -> None:
    # A wire service whose items are mostly short: thin is normal there, not an alarm.
    archive.outlet("wire")
    archive.history("wire", 20, thin=True)
    archive.history("wire", 20)
    run = archive.run(["wire"], NOW - timedelta(minutes=10))
    archive.listing("wire", run, feed("wire"), at=NOW, listed=50, new_article=True)
    for i in range(10):
        archive.article("wire", NOW, thin=i < 6, run=run)
    assert check_run(archive.engine, run, ["wire"]) == []
    # A paper whose bodies are always full, now thin in 9 of 10.
    archive.outlet("paper")
    archive.history("paper", 40)
    run = archive.run(["paper"], NOW - timedelta(minutes=10))
    archive.listing("paper", run, feed("paper"), at=NOW, listed=50, new_article=True)
    for i in range(10):
        archive.article("paper", NOW, thin=i > 0, run=run)
    (alert,) = check_run(archive.engine, run, ["paper"])
    assert (alert.check, alert.detail) == (
        BODY_COVERAGE_DROPPED,
        "1 of 10 articles stored in this run (10%) have a full body, "
        "against 100% over the previous 30 days (40 articles)",
    )
    # Thresholds are keyword arguments: with a tolerance of 95 points it passes.
    assert check_run(archive.engine, run, ["paper"], max_drop=0.95) == []


def test_unknown_run_is_an_error(archive: Archive) -> None:
    archive.outlet("x")
    with pytest.raises(ValueError, match="does not exist"):
        check_run(archive.engine, 999_999, ["x"])


def test_wilson_upper_bound_keeps_small_samples_quiet() -> None:
    assert wilson_upper(0, 0) == 1.0
    assert wilson_upper(10, 10) == pytest.approx(1.0)
    # 3 dated of 5 is still consistent with a 88% share: not evidence of a drop from 95%.
    assert wilson_upper(3, 5) == pytest.approx(0.882, abs=0.001)
    # 1 of 10 is not consistent with anything above about 40%.
    assert wilson_upper(1, 10) == pytest.approx(0.404, abs=0.001)


def test_monitor_settings_read_overrides_and_reject_typos() -> None:
    assert monitor_settings({}) == {}
    assert monitor_settings(
        {
            "NEWSARCHIVE_MONITOR_MIN_ARTICLES": "10",
            "NEWSARCHIVE_MONITOR_MAX_DROP": "0.3",
            "NEWSARCHIVE_MONITOR_HISTORY_DAYS": 14,
            "DOWNLOAD_DELAY": "2",
        }
    ) == {"min_articles": 10, "max_drop": 0.3, "history_days": 14}
    with pytest.raises(ValueError, match="NEWSARCHIVE_MONITOR_DATE_FLOOR"):
        monitor_settings({"NEWSARCHIVE_MONITOR_DATE_FLOOR": "half"})
