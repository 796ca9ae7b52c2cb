"""The extraction pool finds an article's actors and events; the crawl process only links them.

The store links what the pool found only when it was found in the text and on the day the row
holds; otherwise it finds them again, so the links never depend on where the work was done.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from html import escape
from pathlib import Path

from sqlalchemy import Engine, text

from newsarchive.analysis.actors import Actor
from newsarchive.analysis.page import extract_page
from newsarchive.analysis.result import Analysis, Structure, find_structure
from newsarchive.extract import ArticleRecord, Evidence
from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow
from newsarchive.store.structure import assign_urls

SEED = Path(__file__).parent / "data" / "structure" / "seed_003.txt"
TITLE = "China, Iran agree to strengthen military ties"
WEI_VISIT = ("visit", "Wei Fenghe", "CN", "IR", "Tehran", date(2022, 4, 27))


def page(published: str | None) -> bytes:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    body = "".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs)
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f'<html><head><title>{TITLE}</title><meta property="og:type" content="article">{meta}'
        f"</head><body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    ).encode()


def visits(structure: Structure) -> list[tuple[object, ...]]:
    return [
        (e.kind, e.main_actor.name, e.main_actor.country, e.country, e.place, e.occurred_on)
        for e in structure.events
        if e.kind == "visit"
    ]


def pool_result(published: str | None, now: datetime) -> tuple[ArticleRecord, Structure]:
    url = "https://monitor.example/world/china-iran-ties"
    result = extract_page(page(published), "utf-8", url, Evidence(), now, structure=True)
    assert result.record is not None and result.analysis is not None
    assert result.analysis.structure is not None
    return result.record, result.analysis.structure


def test_the_pool_finds_what_the_store_would_on_the_publication_day() -> None:
    record, found = pool_result("2022-04-28T09:30:00+03:00", datetime(2026, 1, 5, tzinfo=UTC))
    assert found.published_on == date(2022, 4, 28)
    assert found == find_structure(record.title, record.text, date(2022, 4, 28))
    assert visits(found) == [WEI_VISIT]
    names = {actor.name for actor, _ in found.actors}
    assert {"Wei Fenghe", "Ebrahim Raisi", "Mohammad Bagheri"} <= names


def test_an_undated_article_is_analysed_on_the_fetch_day_in_utc() -> None:
    fetched = datetime(2022, 4, 29, 1, 30, tzinfo=timezone(timedelta(hours=2)))  # 23:30 UTC
    record, found = pool_result(None, fetched)
    assert record.published_at is None
    assert found.published_on == date(2022, 4, 28)
    assert visits(found) == [WEI_VISIT]


def outlet() -> Outlet:
    return Outlet(
        slug="monitor",
        name="Monitor",
        domains=("monitor.example",),
        country=None,
        language="en",
        kind="newspaper",
        feeds=("https://monitor.example/feed/",),
    )


def linked_actors(engine: Engine, url: str) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT ac.name, aa.mentions FROM article_actors aa "
                "JOIN actors ac ON ac.id = aa.actor_id JOIN articles a ON a.id = aa.article_id "
                "WHERE a.url = :url"
            ),
            {"url": url},
        ).all()
    return {row.name: row.mentions for row in rows}


def store(engine: Engine, record: ArticleRecord, found: Structure) -> None:
    row = ArticleRow(
        "monitor", record.url, record.url, record.url, record, Evidence(), Analysis(structure=found)
    )
    page_row = PageRow("monitor", "article", record.url, "stored", article_url=record.url)
    result = ArticleWriter(engine).store_batch(None, [row], [page_row])
    assert result.new_urls == [record.url]
    assert assign_urls(engine, result.new_urls, {record.url: found}) == 1


def test_the_store_links_what_the_pool_found_for_the_stored_text_and_day(engine: Engine) -> None:
    sync_outlets(engine, [outlet()])
    record, found = pool_result("2022-04-28T09:30:00Z", datetime(2026, 1, 5, tzinfo=UTC))
    # What the pool found is linked as it is: nothing is looked for again.
    marked = replace(found, actors=((Actor("Pool Person", "person", "IR"), 2),), events=())
    store(engine, record, marked)
    assert linked_actors(engine, record.url) == {"Pool Person": 2}


def test_the_store_finds_them_again_when_the_pool_used_another_day(engine: Engine) -> None:
    sync_outlets(engine, [outlet()])
    record, found = pool_result("2022-04-28T09:30:00Z", datetime(2026, 1, 5, tzinfo=UTC))
    expected = {actor.name: mentions for actor, mentions in found.actors}
    other_day = replace(
        found,
        published_on=date(2022, 4, 29),
        actors=((Actor("Pool Person", "person", "IR"), 2),),
    )
    store(engine, record, other_day)
    assert linked_actors(engine, record.url) == expected
    with engine.connect() as conn:
        days = conn.execute(text("SELECT kind, occurred_on FROM events")).all()
    assert [(d.kind, d.occurred_on) for d in days if d.kind == "visit"] == [
        ("visit", date(2022, 4, 27))
    ]
