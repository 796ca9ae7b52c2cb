"""Crawl the fixture web and check the stories, actors and events that landed.

The fixture outlets publish seed 002 (an aggregator citing AP, 27 April 2022 UTC), seed 003 (a
London monthly the next day: "yesterday") and seed 004 (the June 2025 SCO meeting in Qingdao).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsarchive.export import EVENT_COLUMNS
from tests.conftest import PostgresServer, fresh_database
from tests.fixtureweb import FixtureWeb
from tests.support import crawl, event_fields, query, run_cli

WEI_2022 = "/middle-east/iran-seeks-to-expand-its-military-cooperation-with-china-2022-04-28/"
MONITOR_2022 = "/2022/04/28/china-iran-agree-to-strengthen-military-ties/"
QINGDAO_2025 = "/2025/06/26/irans-defense-minister-goes-to-china-on-first-reported-foreign-trip"


@pytest.fixture(scope="module")
def database_url(
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    tmp: Path = tmp_path_factory.mktemp("structure")
    with FixtureWeb() as web, fresh_database(postgres_server, migrated_template) as url:
        run = crawl(web.write_registry(tmp / "fixture-outlets.toml"), url, tmp)
        assert run.returncode == 0, run.stderr[-3000:]
        yield url


def _article(url: str, path: str) -> int:
    [row] = query(url, "SELECT id FROM articles WHERE url LIKE :p", p=f"%{path}%")
    return int(row.id)


def test_every_article_is_in_exactly_one_story(database_url: str) -> None:
    [row] = query(
        database_url,
        "SELECT count(*) FILTER (WHERE story_id IS NULL) AS loose, "
        "count(DISTINCT story_id) AS stories FROM articles",
    )
    assert row.loose == 0
    [counts] = query(
        database_url,
        "SELECT sum(article_count) AS articles, count(*) AS stories FROM stories",
    )
    [total] = query(database_url, "SELECT count(*) AS n FROM articles")
    assert counts.articles == total.n
    assert counts.stories == row.stories


def test_the_two_write_ups_of_the_2022_visit_share_a_story_and_2025_has_its_own(
    database_url: str,
) -> None:
    ids = [_article(database_url, p) for p in (WEI_2022, MONITOR_2022, QINGDAO_2025)]
    rows = query(database_url, "SELECT id, story_id FROM articles WHERE id = ANY(:ids)", ids=ids)
    story = {r.id: r.story_id for r in rows}
    assert story[ids[0]] == story[ids[1]]
    assert story[ids[2]] != story[ids[0]]
    [view] = query(database_url, "SELECT * FROM story_view WHERE story_id = :s", s=story[ids[0]])
    assert view.article_count >= 2 and view.outlet_count >= 2


def test_one_visit_event_per_real_visit_linked_to_its_reports(database_url: str) -> None:
    visits = query(
        database_url,
        "SELECT e.id, e.occurred_on, e.place, e.country, ac.name, ac.country AS actor_country, "
        "e.story_id FROM events e JOIN event_actors ea ON ea.event_id = e.id "
        "JOIN actors ac ON ac.id = ea.actor_id "
        "WHERE e.kind = 'visit' AND ea.role = 'visitor' ORDER BY e.occurred_on",
    )
    wei = [v for v in visits if v.name == "Wei Fenghe"]
    nasirzadeh = [v for v in visits if v.name == "Aziz Nasirzadeh"]
    shape = ("day", "place", "country", "actor_country")
    assert [event_fields(v, *shape) for v in wei] == [("2022-04-27", "Tehran", "IR", "CN")]
    assert [event_fields(v, *shape) for v in nasirzadeh] == [("2025-06-25", "Qingdao", "CN", "IR")]
    reports = query(
        database_url,
        "SELECT article_id, evidence FROM event_articles WHERE event_id = :e ORDER BY article_id",
        e=wei[0].id,
    )
    assert sorted(r.article_id for r in reports) == sorted(
        [_article(database_url, WEI_2022), _article(database_url, MONITOR_2022)]
    )
    assert any("visit to Tehran yesterday" in r.evidence for r in reports)
    story = query(
        database_url, "SELECT story_id FROM articles WHERE id = :a", a=reports[0].article_id
    )
    assert wei[0].story_id == story[0].story_id
    [view] = query(database_url, "SELECT * FROM event_view WHERE event_id = :e", e=wei[0].id)
    assert view.visitors == ["Wei Fenghe"] and "Ebrahim Raisi" in view.hosts
    assert view.article_count == 2


def test_raisi_bagheri_and_ashtiani_are_actors_of_the_monitor_report(database_url: str) -> None:
    rows = query(
        database_url,
        "SELECT ac.name, ac.kind, ac.country, aa.mentions FROM article_actors aa "
        "JOIN actors ac ON ac.id = aa.actor_id WHERE aa.article_id = :a",
        a=_article(database_url, MONITOR_2022),
    )
    people = {(r.name, r.country) for r in rows if r.kind == "person"}
    assert {
        ("Ebrahim Raisi", "IR"),
        ("Mohammad Bagheri", "IR"),
        ("Mohammad Reza Ashtiani", "IR"),
        ("Wei Fenghe", "CN"),
    } <= people
    [ashtiani] = [r for r in rows if r.name == "Mohammad Reza Ashtiani"]
    assert ashtiani.mentions >= 1
    [count] = query(database_url, "SELECT count(*) AS n FROM actors WHERE name = 'Wei Fenghe'")
    assert count.n == 1


def test_a_syndicated_copy_is_in_its_originals_story(database_url: str) -> None:
    rows = query(
        database_url,
        "SELECT c.story_id AS copy_story, o.story_id AS original_story FROM articles c "
        "JOIN articles o ON o.id = c.duplicate_of",
    )
    assert rows, "the fixture web publishes at least one syndicated copy"
    assert all(r.copy_story == r.original_story is not None for r in rows)
    # The copy is not analysed a second time: the story's events come from the original.
    [copies] = query(
        database_url,
        "SELECT count(*) AS n FROM event_articles r JOIN articles a ON a.id = r.article_id "
        "WHERE a.duplicate_of IS NOT NULL",
    )
    assert copies.n == 0


def _structure(url: str) -> tuple[Any, ...]:
    """Stories as sets of URLs and events with their actors and reports: ids left out."""
    stories = query(
        url, "SELECT array_agg(url ORDER BY url) AS urls FROM articles GROUP BY story_id"
    )
    events = query(
        url,
        "SELECT e.kind, e.occurred_on, e.place, e.country, "
        "(SELECT array_agg(ac.name || ':' || ea.role ORDER BY ac.name, ea.role) "
        " FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = e.id) "
        "AS actors, (SELECT array_agg(a.url ORDER BY a.url) FROM event_articles r "
        " JOIN articles a ON a.id = r.article_id WHERE r.event_id = e.id) AS reports "
        "FROM events e",
    )
    mentions = query(
        url,
        "SELECT a.url, ac.name, aa.mentions FROM article_actors aa "
        "JOIN articles a ON a.id = aa.article_id JOIN actors ac ON ac.id = aa.actor_id",
    )
    return (
        sorted(tuple(r.urls) for r in stories),
        sorted(tuple(map(str, r)) for r in events),
        sorted(tuple(map(str, r)) for r in mentions),
    )


def test_stories_rebuild_recomputes_the_same_structure(database_url: str, tmp_path: Path) -> None:
    before = _structure(database_url)
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    since = run_cli("stories", "rebuild", "--since", "2025-01-01", env=env)
    assert since.returncode == 0, since.stderr[-2000:]
    [recent] = query(
        database_url,
        "SELECT count(*) AS n FROM articles "
        "WHERE coalesce(published_at, first_seen_at) >= '2025-01-01'",
    )
    assert since.stdout.startswith(f"{recent.n} articles assigned")
    assert _structure(database_url) == before
    everything = run_cli("stories", "rebuild", env=env)
    assert everything.returncode == 0, everything.stderr[-2000:]
    assert _structure(database_url) == before
    bad = run_cli("stories", "rebuild", "--since", "yesterday", env=env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def _export_april(database_url: str, tmp_path: Path) -> Path:
    """Export April 2022 (every article, copies too) with the CLI; returns the articles file."""
    output = tmp_path / "april.csv"
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    run = run_cli(
        "export", "--since", "2022-04-01", "--until", "2022-05-01", "--all", "--output",
        str(output), env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return output


def test_the_export_carries_each_articles_story(database_url: str, tmp_path: Path) -> None:
    output = _export_april(database_url, tmp_path)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["url"]: row["story_id"] for row in csv.DictReader(handle)}
    wei = next(story for url, story in rows.items() if url.endswith(WEI_2022))
    monitor = next(story for url, story in rows.items() if url.endswith(MONITOR_2022))
    assert wei == monitor != ""
    [stored] = query(
        database_url,
        "SELECT story_id FROM articles WHERE id = :a",
        a=_article(database_url, WEI_2022),
    )
    assert wei == str(stored.story_id)


def test_the_export_writes_the_events_of_the_window_beside_the_articles(
    database_url: str, tmp_path: Path
) -> None:
    output = _export_april(database_url, tmp_path)
    events_file = tmp_path / "april.events.csv"
    with events_file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == EVENT_COLUMNS
        events = list(reader)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        exported = {row["article_id"] for row in csv.DictReader(handle)}
    wei = _article(database_url, WEI_2022)
    monitor = _article(database_url, MONITOR_2022)
    [visit] = [e for e in events if e["kind"] == "visit" and "Wei Fenghe (visitor)" in e["actors"]]
    assert event_fields(visit, "day", "place", "country") == ("2022-04-27", "Tehran", "IR")
    assert visit["article_ids"].split("; ") == [str(wei), str(monitor)]
    assert "Ebrahim Raisi (host)" in visit["actors"].split("; ")
    [said] = query(
        database_url,
        "SELECT evidence FROM event_articles WHERE event_id = :e AND article_id = :a",
        e=int(visit["event_id"]),
        a=wei,
    )
    assert visit["evidence"] == said.evidence  # the earliest report's sentence
    # Every event row is reported by an exported article, and the manifest describes the file.
    assert all(set(e["article_ids"].split("; ")) <= exported for e in events)
    manifest = json.loads(output.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    assert manifest["events"]["rows"] == len(events)
    assert manifest["events"]["sha256"] == hashlib.sha256(events_file.read_bytes()).hexdigest()
    # The 2025 trip is outside the window: no event of it in the file.
    assert not [e for e in events if e["occurred_on"].startswith("2025")]
