"""Actors and events are found in the extraction pool; the store links what the pool found.

The crawl process runs the reactor on one core; finding an article's actors and events there
made it the crawl's bottleneck. The pool's worker now finds them with topics and countries, and
the store uses them only when they were found in the very title, text and day it stored.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, text

from newsarchive.analysis.actors import Actor
from newsarchive.analysis.pool import extract_page
from newsarchive.analysis.result import PageExtraction
from newsarchive.analysis.structure import Structure, find_structure, source_digest
from newsarchive.extract import ArticleRecord, Evidence
from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow
from newsarchive.store.structure import assign_urls
from tests.support import event_fields

SEED = Path(__file__).parent / "data" / "structure" / "seed_003.txt"
TITLE = "China, Iran agree to strengthen military ties"
URL = "https://monitor.example/2022/04/28/china-iran-agree-to-strengthen-military-ties/"
FETCHED = datetime(2022, 4, 28, 9, 30, tzinfo=UTC)


def monitor_page(dated: bool = True) -> bytes:
    """Middle East Monitor's report of Wei Fenghe's visit to Tehran ("yesterday"), as a page."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    body = "".join(f"<p>{p.strip()}</p>" for p in paragraphs if not p.startswith("READ:"))
    meta = (
        '<meta property="article:published_time" content="2022-04-28T08:15:00+00:00">'
        if dated
        else ""
    )
    html = (
        f'<html><head><title>{TITLE}</title><meta property="og:type" content="article">{meta}'
        f"</head><body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    )
    return html.encode("utf-8")


def extracted(dated: bool = True, url: str = URL, now: datetime = FETCHED) -> PageExtraction:
    result = extract_page(monitor_page(dated), "utf-8", url, Evidence(), now, None, True)
    assert result.record is not None and result.analysis is not None
    return result


def test_the_pool_finds_the_actors_and_events_the_store_would() -> None:
    result = extracted()
    record, structure = result.record, result.analysis and result.analysis.structure
    assert record is not None and structure is not None
    assert structure.day == date(2022, 4, 28)
    assert structure == find_structure(record.title, record.text, date(2022, 4, 28))
    assert structure.fits(record.title, record.text, date(2022, 4, 28))
    assert not structure.fits(record.title, record.text, date(2022, 4, 29))
    assert not structure.fits(record.title, record.text + " ", date(2022, 4, 28))
    names = {actor.name: count for actor, count in structure.actors}
    assert names["Wei Fenghe"] == 2
    assert names["Mohammad Bagheri"] == 1
    [visit] = [e for e in structure.events if e.kind == "visit"]
    assert event_fields(visit, "visitor", "place", "day") == ("Wei Fenghe", "Tehran", "2022-04-27")
    # It crosses from the pool to the crawl process pickled, and comes back equal.
    assert pickle.loads(pickle.dumps(result)).analysis.structure == structure


def test_an_undated_article_is_analysed_as_of_its_fetch_day() -> None:
    fetched = datetime(2022, 5, 2, 23, 59, tzinfo=UTC)
    result = extracted(dated=False, url="https://monitor.example/china-iran-ties", now=fetched)
    assert result.record is not None and result.record.published_at is None
    assert result.analysis is not None and result.analysis.structure is not None
    assert result.analysis.structure.day == date(2022, 5, 2)
    [visit] = [e for e in result.analysis.structure.events if e.kind == "visit"]
    assert event_fields(visit, "day") == ("2022-05-01",)  # "yesterday" of the fetch day


def _store(engine: Engine, record: ArticleRecord, structure: Structure | None) -> list[str]:
    """Store one article as the crawl does, assign it with `structure` as the pool's finding,
    and return the names of the actors linked to it."""
    sync_outlets(
        engine,
        [
            Outlet(
                slug="monitor",
                name="Middle East Monitor",
                domains=("monitor.example",),
                country=None,
                language="en",
                kind="newspaper",
                feeds=("https://monitor.example/feed/",),
            )
        ],
    )
    writer = ArticleWriter(engine)
    result = writer.store_batch(
        None,
        [ArticleRow("monitor", URL, URL, URL, record, Evidence())],
        [PageRow("monitor", "article", URL, "stored", article_url=URL)],
    )
    assert assign_urls(engine, result.new_urls, {URL: structure} if structure else None) == 1
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT ac.name FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id "
                    "ORDER BY ac.name"
                )
            ).scalars()
        )


def _planted(record: ArticleRecord, day: date, title: str | None = None) -> Structure:
    """A structure no text yields, claiming to be found in `record`'s text on `day`: linked
    only if the store takes the pool's finding instead of finding it again."""
    planted = Actor("Planted Person", "person", None, known=False)
    return Structure(((planted, 1),), (), day, source_digest(title or record.title, record.text))


def test_the_store_links_the_pools_finding(engine: Engine) -> None:
    record = extracted().record
    assert record is not None
    assert _store(engine, record, _planted(record, date(2022, 4, 28))) == ["Planted Person"]


def test_the_store_finds_them_again_for_another_text_or_day(
    engine: Engine, database_url: str
) -> None:
    record = extracted().record
    assert record is not None
    found = _store(engine, record, _planted(record, date(2022, 4, 29)))
    assert "Planted Person" not in found
    assert {"Wei Fenghe", "Mohammad Bagheri", "Ebrahim Raisi"} <= set(found)
    retitled = replace(record, title="China and Iran agree to strengthen military ties")
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE articles, pages, actors RESTART IDENTITY CASCADE"))
    again = _store(engine, retitled, _planted(record, date(2022, 4, 28), title=record.title))
    assert again == found
