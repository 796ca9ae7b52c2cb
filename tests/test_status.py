"""`newsarchive status` over a database with several runs, sources and failed URLs.

The database is written directly (see tests.test_monitors.Archive) with times relative to NOW, so
each outlet is in one situation an operator must recognise in the morning: healthy, silent,
failing, giving up on URLs, retired from the registry, newly added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from newsarchive.status import (
    FAILING,
    GAVE_UP,
    NO_RUNS,
    RUN_FAILED,
    SILENT,
    STALE,
    ArchiveStatus,
    archive_status,
    outlet_status,
    render_json,
    render_text,
)
from tests.support import run_cli
from tests.test_monitors import NOW, Archive, feed

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
OUTLETS = ["alpha", "bravo", "charlie", "delta", "foxtrot"]


@dataclass(frozen=True)
class Scene:
    archive: Archive
    runs: dict[str, int]


@pytest.fixture
def scene(engine: Engine) -> Scene:
    """Six outlets over six runs; see the comments for what each one is meant to show."""
    archive = Archive(engine)
    for slug in [*OUTLETS, "echo"]:
        archive.outlet(slug, sitemaps=[f"https://{slug}.example/news.xml"])
    charlie_news = "https://charlie.example/news.xml"

    # Run 1, twenty days ago: echo's last run (it has since left the registry), failing.
    r1 = archive.run(["echo"], NOW - 20 * DAY, finished_at=NOW - 20 * DAY + HOUR, outcome="failed")
    archive.listing("echo", r1, feed("echo"), at=NOW - 20 * DAY, outcome="failed", error="dns: x")
    archive.article("echo", NOW - 25 * DAY)

    # Run 2, four days ago: everyone's listings answer.
    r2 = archive.run(OUTLETS[:4], NOW - 4 * DAY, finished_at=NOW - 4 * DAY + HOUR, outcome="ok")
    for slug in OUTLETS[:4]:
        archive.listing(slug, r2, feed(slug), at=NOW - 4 * DAY, listed=20, new_article=True)

    # Run 3, two days ago, partial: charlie's feed starts failing.
    r3 = archive.run(
        OUTLETS[:4], NOW - 2 * DAY, finished_at=NOW - 2 * DAY + HOUR, outcome="partial", failures=1
    )
    for slug in ("alpha", "bravo", "delta"):
        archive.listing(slug, r3, feed(slug), at=NOW - 2 * DAY, outcome="not_modified")
    archive.listing(
        "charlie", r3, feed("charlie"), at=NOW - 2 * DAY, outcome="failed", error="http_503: down"
    )
    archive.listing("charlie", r3, charlie_news, at=NOW - 2 * DAY, listed=5, kind="sitemap")

    # Run 4, an hour ago, ok; bravo was skipped (another run had its lock); foxtrot is new.
    r4 = archive.run(
        ["alpha", "bravo", "charlie", "delta", "foxtrot"],
        NOW - HOUR,
        finished_at=NOW - HOUR + 10 * timedelta(minutes=1),
        outcome="ok",
        articles_new=7,
        skipped=["bravo"],
    )
    for slug in ("alpha", "delta", "foxtrot"):
        archive.listing(slug, r4, feed(slug), at=NOW - HOUR, listed=20, new_article=True)
    archive.listing(
        "charlie", r4, feed("charlie"), at=NOW - HOUR, outcome="failed", error="http_503: down"
    )
    archive.listing("charlie", r4, charlie_news, at=NOW - HOUR, listed=5, kind="sitemap")
    # charlie's news sitemap starts failing only now: shown, not flagged yet.
    archive.listing(
        "charlie",
        r4,
        "https://charlie.example/extra.xml",
        at=NOW - HOUR,
        kind="sitemap",
        outcome="failed",
        error="timeout: 30 s",
    )

    # Run 5, half an hour ago: failed (alpha's listing timed out), with an alert.
    alert = {"outlet": "alpha", "check": "listings_failed", "detail": "all 1 feed failed"}
    r5 = archive.run(
        ["alpha"],
        NOW - HOUR / 2,
        finished_at=NOW - HOUR / 2 + timedelta(minutes=1),
        outcome="failed",
        failures=1,
        alerts=[alert],
    )
    archive.listing(
        "alpha", r5, feed("alpha"), at=NOW - HOUR / 2, outcome="failed", error="timeout: 30 s"
    )
    # Run 6 is running now.
    r6 = archive.run(OUTLETS, NOW - timedelta(minutes=5))

    # alpha: 4 new articles in the last 24 h, 3 more this week, 2 older.
    for age in (
        2 * HOUR,
        3 * HOUR,
        5 * HOUR,
        20 * HOUR,
        2 * DAY,
        3 * DAY,
        6 * DAY,
        9 * DAY,
        12 * DAY,
    ):
        archive.article("alpha", NOW - age)
    # bravo: nothing new for five days: SILENT.
    archive.article("bravo", NOW - 5 * DAY)
    # charlie and delta: fresh articles.
    archive.article("charlie", NOW - 3 * HOUR)
    archive.article("delta", NOW - 4 * HOUR)
    # delta: one URL waits for a retry, one was given up yesterday, one three weeks ago.
    archive.failed_url("delta", "https://delta.example/a", at=NOW - 2 * HOUR)
    archive.failed_url("delta", "https://delta.example/b", at=NOW - DAY, attempts=8, gave_up=True)
    archive.failed_url(
        "delta", "https://delta.example/c", at=NOW - 21 * DAY, attempts=2, gave_up=True
    )
    runs = {"r1": r1, "r2": r2, "r3": r3, "r4": r4, "r5": r5, "r6": r6}
    return Scene(archive, runs)


def clock(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def status(scene: Scene, stale_hours: float = 36) -> ArchiveStatus:
    return archive_status(scene.archive.engine, now=NOW, stale_hours=stale_hours)


def test_each_outlet_gets_its_numbers_and_flags(scene: Scene) -> None:
    report = status(scene)
    runs = scene.runs
    by_slug = {o.slug: o for o in report.outlets}
    assert list(by_slug) == ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    assert {slug: o.flags for slug, o in by_slug.items()} == {
        "alpha": (),
        "bravo": (SILENT,),
        "charlie": (FAILING,),
        "delta": (GAVE_UP,),
        "echo": (),
        "foxtrot": (),
    }
    assert report.flags == (RUN_FAILED,)  # run 5 failed
    assert report.flagged

    # Run 5 failed, so alpha's last good run is run 4; bravo was skipped by run 4, so its last
    # good run is run 3, where its feed answered 304; echo's only run failed.
    assert {o.slug: o.last_good_run_id for o in report.outlets} == {
        "alpha": runs["r4"],
        "bravo": runs["r3"],
        "charlie": runs["r4"],
        "delta": runs["r4"],
        "echo": None,
        "foxtrot": runs["r4"],
    }
    alpha = by_slug["alpha"]
    assert alpha.last_good_run_at == NOW - HOUR + timedelta(minutes=10)
    assert by_slug["bravo"].last_good_run_at == NOW - 2 * DAY + HOUR
    assert (alpha.articles_24h, alpha.articles_7d) == (4, 7)
    assert alpha.last_new_article_at == NOW - 2 * HOUR
    assert by_slug["bravo"].last_new_article_at == NOW - 5 * DAY

    # alpha's feed failed half an hour ago: listed, not flagged.
    assert [(s.url, s.consecutive_failures, s.flagged) for s in alpha.failing_sources] == [
        ("https://alpha.example/rss", 1, False)
    ]
    charlie = by_slug["charlie"]
    assert [(s.url, s.consecutive_failures, s.flagged) for s in charlie.failing_sources] == [
        ("https://charlie.example/extra.xml", 1, False),
        ("https://charlie.example/rss", 2, True),
    ]
    extra, rss = charlie.failing_sources
    assert rss.failing_since == NOW - 2 * DAY
    assert rss.last_success_at == NOW - 4 * DAY
    assert rss.days_since_success == 4.0
    assert rss.last_error == "http_503: down"
    assert extra.last_success_at is None and extra.days_since_success is None
    assert extra.failing_since == NOW - HOUR

    delta = by_slug["delta"]
    assert (delta.retry_waiting, delta.gave_up, delta.gave_up_recent) == (1, 2, 1)

    echo = by_slug["echo"]
    assert not echo.in_rotation and echo.failing_sources == ()
    assert echo.last_crawled_at == NOW - 20 * DAY
    foxtrot = by_slug["foxtrot"]
    assert foxtrot.in_rotation and foxtrot.last_new_article_at is None

    assert report.last_run is not None
    assert (report.last_run.id, report.last_run.outcome) == (runs["r5"], "failed")
    assert report.last_run.alerts == (
        {"outlet": "alpha", "check": "listings_failed", "detail": "all 1 feed failed"},
    )
    assert [run.id for run in report.running] == [runs["r6"]]


def test_silent_days_and_the_outlet_filter(scene: Scene) -> None:
    engine = scene.archive.engine
    statuses = outlet_status(engine, silent_days=7, now=NOW, outlets=["bravo", "alpha"])
    assert [(o.slug, o.flags) for o in statuses] == [("alpha", ()), ("bravo", ())]
    # foxtrot never stored an article: silent once it has been crawled for silent_days.
    later = outlet_status(engine, silent_days=1, now=NOW + DAY, outlets=["foxtrot"])
    assert [o.flags for o in later] == [(SILENT,)]


def test_a_stopped_scheduler_is_flagged(scene: Scene) -> None:
    assert STALE not in status(scene).flags
    stale = status(scene, stale_hours=0.01)
    assert stale.flags == (RUN_FAILED, STALE)
    assert "STALE: no crawl run started for 5m: is the job running?" in render_text(stale)


def test_no_runs_at_all(engine: Engine) -> None:
    report = archive_status(engine, now=NOW)
    assert report.flags == (NO_RUNS,) and report.outlets == () and report.flagged
    text = render_text(report)
    assert "NO_RUNS: no crawl run is recorded in this database" in text
    assert "(no outlets in the database yet)" in text
    assert text.splitlines()[-1] == "flagged: NO_RUNS"


def test_rendered_text_names_what_to_act_on(scene: Scene) -> None:
    runs = scene.runs
    lines = render_text(status(scene)).splitlines()
    assert lines[0] == (
        f"newsarchive status at {NOW:%Y-%m-%d %H:%M} UTC "
        "(an outlet is silent after 3 days without a new article)"
    )
    assert lines[1] == (
        f"last run #{runs['r5']}: failed, started {NOW - HOUR / 2:%Y-%m-%d %H:%M} UTC (30m ago), "
        "took 1m, 0 new articles, 1 failure, 1 alert"
    )
    assert lines[2] == "  alert alpha: listings_failed - all 1 feed failed"
    assert lines[3] == f"running: run #{runs['r6']} since {NOW - 5 * MINUTE:%Y-%m-%d %H:%M} UTC"
    assert lines[4] == ""
    assert lines[5].split() == [
        "OUTLET", "LAST", "GOOD", "RUN", "NEW", "24H", "NEW", "7D", "LAST", "NEW", "ARTICLE",
        "RETRYING", "GAVE", "UP", "FLAGS",
    ]  # fmt: skip
    rows = {line.split()[0]: line.split() for line in lines[6:12]}
    good = NOW - HOUR + 10 * MINUTE
    seen = NOW - 2 * HOUR
    assert rows["alpha"] == [
        "alpha", f"#{runs['r4']}", f"{good:%Y-%m-%d}", f"{good:%H:%M}", "UTC", "4", "7",
        f"{seen:%Y-%m-%d}", f"{seen:%H:%M}", "UTC", "(2h)", "0", "0", "-",
    ]  # fmt: skip
    assert rows["bravo"][-4:] == ["(5d)", "0", "0", "SILENT"]
    assert rows["charlie"][-1] == "FAILING"
    assert rows["delta"][-3:] == ["1", "2", "GAVE_UP"]
    assert rows["echo"][1] == "never" and rows["echo"][-2:] == ["(not", "crawled)"]
    assert rows["foxtrot"][5:] == ["0", "0", "never", "0", "0", "-"]
    assert lines[12:16] == [
        "",
        "failing feeds and sitemaps:",
        "  alpha feed https://alpha.example/rss: 1 failure in a row for 30m, "
        "last success 1h ago; timeout: 30 s",
        "  charlie sitemap https://charlie.example/extra.xml: 1 failure in a row for 1h, "
        "never succeeded; timeout: 30 s",
    ]
    assert lines[16] == (
        "  FAILING charlie feed https://charlie.example/rss: 2 failures in a row for 2d, "
        "last success 4d ago; http_503: down"
    )
    assert lines[17:19] == [
        "",
        f"not in recent runs (not flagged): echo (last crawled {clock(NOW - 20 * DAY)})",
    ]
    assert lines[19:] == [
        "",
        "flagged: bravo (SILENT); charlie (FAILING); delta (GAVE_UP); RUN_FAILED",
    ]


def test_json_for_scripts(scene: Scene) -> None:
    data = json.loads(render_json(status(scene)))
    assert data["flagged"] is True and data["flags"] == ["RUN_FAILED"] and data["silent_days"] == 3
    assert data["generated_at"] == NOW.isoformat()
    assert data["last_run"]["id"] == scene.runs["r5"] and data["last_run"]["outcome"] == "failed"
    assert data["last_run"]["alerts"][0]["check"] == "listings_failed"
    assert [run["id"] for run in data["running"]] == [scene.runs["r6"]]
    outlets = {o["slug"]: o for o in data["outlets"]}
    assert outlets["alpha"]["articles_24h"] == 4 and outlets["alpha"]["articles_7d"] == 7
    assert outlets["alpha"]["last_good_run"] == {
        "id": scene.runs["r4"],
        "finished_at": (NOW - HOUR + 10 * MINUTE).isoformat(),
    }
    assert outlets["bravo"]["flags"] == ["SILENT"]
    assert outlets["delta"]["failed_urls"] == {
        "retry_waiting": 1,
        "gave_up": 2,
        "gave_up_recent": 1,
    }
    rss = outlets["charlie"]["failing_sources"][1]
    assert rss == {
        "url": "https://charlie.example/rss",
        "kind": "feed",
        "consecutive_failures": 2,
        "last_error": "http_503: down",
        "last_success_at": (NOW - 4 * DAY).isoformat(),
        "days_since_success": 4.0,
        "failing_since": (NOW - 2 * DAY).isoformat(),
        "flagged": True,
    }
    assert outlets["echo"]["in_rotation"] is False and outlets["echo"]["last_good_run"] is None
    assert outlets["foxtrot"]["last_new_article_at"] is None


def test_the_command(scene: Scene, database_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    flagged = run_cli("status", env=env)
    assert flagged.returncode == 3, flagged.stderr
    assert flagged.stdout.splitlines()[-1] == (
        "flagged: bravo (SILENT); charlie (FAILING); delta (GAVE_UP); RUN_FAILED"
    )
    assert "  alert alpha: listings_failed - all 1 feed failed" in flagged.stdout

    healthy = run_cli("status", "--outlet", "foxtrot", env=env)
    assert healthy.returncode == 0, healthy.stderr
    assert healthy.stdout.splitlines()[-1] == "all well: 1 outlets, nothing flagged"
    # alpha was in the failed last run: that concerns it, the others not.
    alpha = run_cli("status", "--outlet", "alpha", env=env)
    assert alpha.returncode == 3 and alpha.stdout.splitlines()[-1] == "flagged: RUN_FAILED"

    as_json = run_cli("status", "--json", "--outlet", "bravo", "--silent-days", "7", env=env)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert [o["slug"] for o in data["outlets"]] == ["bravo"] and data["silent_days"] == 7

    typo = run_cli("status", "--outlet", "bravoo", env=env)
    assert typo.returncode == 2 and "no outlet bravoo in the archive" in typo.stderr

    helped = run_cli("status", "--help", env=env)
    assert helped.returncode == 0 and "3 something is flagged" in helped.stdout
