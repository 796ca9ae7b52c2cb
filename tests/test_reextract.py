"""Re-extraction rebuilds records from stored pages, keeping the old bodies as revisions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from newsarchive.extract import EXTRACTOR_VERSION, ArticleRecord, Evidence, extract_article
from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow
from tests.fixtureweb import FixtureWeb
from tests.fixtureweb.ministry import registry_entry
from tests.fixtureweb.server import OriginServer, RequestLog, Resource
from tests.support import crawl, event_fields, run_cli
from tests.test_hints import FACT_BOX, PAGE, STORY

STALE_LINE = "READ: a promo line an older extractor let through"


def rows(engine: Engine, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), params))


@pytest.fixture
def crawled(database_url: str, engine: Engine, tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        result = run_cli("crawl", "--registry", str(registry), "-s", "DOWNLOAD_DELAY=0.05", env=env)
        assert result.returncode == 0, result.stderr[-2000:]
        yield env


def _make_stale(engine: Engine, outlet: str) -> tuple[int, str, str]:
    """Make one article look like an older extractor's output; return (id, text, title)."""
    with engine.begin() as conn:
        article_id, body, title = conn.execute(
            text(
                "SELECT a.id, a.text, a.title FROM articles a JOIN outlets o ON o.id = a.outlet_id"
                " WHERE o.slug = :outlet ORDER BY a.id LIMIT 1"
            ),
            {"outlet": outlet},
        ).one()
        conn.execute(
            text(
                "UPDATE articles SET text = text || :line, title = 'Old title | Outlet',"
                " content_hash = 'stale', extractor_version = '0.0-old' WHERE id = :id"
            ),
            {"line": "\n" + STALE_LINE, "id": article_id},
        )
    return article_id, body, title


def test_reextract_restores_changed_records_and_keeps_old_bodies_as_revisions(
    crawled: dict[str, str], engine: Engine
) -> None:
    article_id, body, title = _make_stale(engine, "harbour_post")
    total = rows(engine, "SELECT count(*) FROM articles")[0][0]

    result = run_cli("reextract", env=crawled)

    assert result.returncode == 0, result.stderr[-2000:]
    assert f"re-extracted {total} articles" in result.stdout
    assert "1 updated" in result.stdout
    [row] = rows(
        engine, "SELECT text, title, extractor_version FROM articles WHERE id = :id", id=article_id
    )
    assert row.text == body
    assert row.title == title
    assert row.extractor_version == EXTRACTOR_VERSION
    [revision] = rows(engine, "SELECT * FROM article_revisions")
    assert revision.article_id == article_id
    assert revision.reason == "reextract"
    assert revision.text.endswith(STALE_LINE)
    assert revision.extractor_version == "0.0-old"
    versions = rows(engine, "SELECT DISTINCT extractor_version FROM articles")
    assert [v[0] for v in versions] == [EXTRACTOR_VERSION]


def test_reextract_of_one_outlet_leaves_the_others_alone(
    crawled: dict[str, str], engine: Engine
) -> None:
    article_id, _, _ = _make_stale(engine, "harbour_post")
    result = run_cli("reextract", "--outlet", "meridian_wire", env=crawled)
    assert result.returncode == 0, result.stderr[-2000:]
    [row] = rows(
        engine, "SELECT text, extractor_version FROM articles WHERE id = :id", id=article_id
    )
    assert row.text.endswith(STALE_LINE)
    assert row.extractor_version == "0.0-old"
    assert rows(engine, "SELECT count(*) FROM article_revisions")[0][0] == 0


def test_a_refetched_article_whose_text_changed_keeps_its_old_text_as_a_revision(
    engine: Engine,
) -> None:
    outlet = Outlet(
        slug="harbour_post",
        name="The Harbour Post",
        domains=("harbour.example",),
        country="GB",
        language="en",
        kind="newspaper",
        feeds=("https://harbour.example/feed/",),
    )
    writer = ArticleWriter(engine)
    sync_outlets(engine, [outlet])
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report on the naval exercise in the Gulf of Oman, where "
        f"Chinese, Iranian and Russian ships drilled together for the fifth year.</p>"
        for i in range(8)
    )
    html = (
        "<html><head><title>Navies drill – Harbour Post</title></head><body><article>"
        f"<h1>Navies drill</h1>{paragraphs}</article></body></html>"
    )
    url = "https://harbour.example/2024/03/navies-drill"
    first = extract_article(html, url)
    assert isinstance(first, ArticleRecord)
    edited = replace(
        first,
        text=first.text + "\nCorrection: the exercise began on Tuesday.",
        content_hash="edited",
    )

    def store(record: Any) -> None:
        writer.store_batch(
            None,
            [ArticleRow("harbour_post", url, url, url, record, Evidence())],
            [PageRow("harbour_post", "article", url, "stored", article_url=url)],
        )

    store(first)
    store(first)  # unchanged: no revision
    assert rows(engine, "SELECT count(*) FROM article_revisions")[0][0] == 0
    store(edited)
    [revision] = rows(engine, "SELECT reason, text FROM article_revisions")
    assert revision.reason == "refetch"
    assert revision.text == first.text
    [article] = rows(engine, "SELECT text FROM articles")
    assert article.text.endswith("began on Tuesday.")
    assert rows(engine, "SELECT count(*) FROM articles")[0][0] == 1


def test_reextract_recomputes_the_actors_and_events_of_stored_articles(
    crawled: dict[str, str], engine: Engine
) -> None:
    monitor = "%/2022/04/28/china-iran-agree-to-strengthen-military-ties/"
    [(monitor_id, story_id)] = rows(
        engine, "SELECT id, story_id FROM articles WHERE url LIKE :u", u=monitor
    )
    # An archive analysed by older rules: no events at all, and a wrong actor on one article.
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM events"))
        conn.execute(text("DELETE FROM article_actors WHERE article_id = :a"), {"a": monitor_id})
        conn.execute(
            text(
                "INSERT INTO actors (key, name, kind, in_gazetteer) "
                "VALUES ('old rule|', 'Old Rule', 'organisation', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) "
                "SELECT :a, id, 1, now() FROM actors WHERE key = 'old rule|'"
            ),
            {"a": monitor_id},
        )

    result = run_cli("reextract", env=crawled)

    assert result.returncode == 0, result.stderr[-2000:]
    assert "stories rebuild" in result.stdout
    names = {
        row.name
        for row in rows(
            engine,
            "SELECT ac.name FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id "
            "WHERE aa.article_id = :a",
            a=monitor_id,
        )
    }
    assert {"Ebrahim Raisi", "Mohammad Bagheri", "Mohammad Reza Ashtiani", "Wei Fenghe"} <= names
    assert "Old Rule" not in names
    [visit] = rows(
        engine,
        "SELECT e.id, e.occurred_on, e.place, e.country, e.story_id, "
        "array_agg(r.article_id ORDER BY r.article_id) AS articles FROM events e "
        "JOIN event_actors ea ON ea.event_id = e.id AND ea.role = 'visitor' "
        "JOIN actors ac ON ac.id = ea.actor_id AND ac.name = 'Wei Fenghe' "
        "JOIN event_articles r ON r.event_id = e.id WHERE e.kind = 'visit' "
        "GROUP BY e.id",
    )
    assert event_fields(visit, "day", "place", "country") == ("2022-04-27", "Tehran", "IR")
    assert len(visit.articles) == 2 and monitor_id in visit.articles  # both write-ups, one row
    assert visit.story_id == story_id  # the stories stay as they were
    transfers = rows(
        engine,
        "SELECT ac.name, ea.role FROM events e JOIN event_actors ea ON ea.event_id = e.id "
        "JOIN actors ac ON ac.id = ea.actor_id WHERE e.kind = 'arms_transfer' ORDER BY 1",
    )
    assert [tuple(t) for t in transfers] == [
        ("France", "supplier"),
        ("Indonesia", "recipient"),
        ("Poland", "recipient"),
        ("South Korea", "supplier"),
    ]


def test_a_hint_added_to_the_registry_fixes_stored_articles_on_reextract(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    """The crawl stores the gazette's story as the general rules read it (the site's name as
    title, the "Updated" day, the fact box in the text); the operator adds the outlet's hints
    to the registry and re-extracts: the stored row now has what the hints point at."""
    path = "/defence/navy-frigates"
    with OriginServer("gazette", RequestLog()) as origin:
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{origin.base_url}{path}</loc></url></urlset>"
        )
        origin.serve(
            {
                path: Resource.text(PAGE, "text/html; charset=utf-8"),
                "/sitemap.xml": Resource.text(sitemap, "application/xml"),
                "/robots.txt": Resource.text("User-agent: *\nAllow: /\n", "text/plain"),
            }
        )
        keys = (f'sitemaps = ["{origin.base_url}/sitemap.xml"]', 'timezone = "Europe/Oslo"')
        entry = registry_entry(
            "gazette", "Harbour Gazette", origin.base_url, *keys, kind="newspaper"
        )
        registry = tmp_path / "outlets.toml"
        registry.write_text(entry, encoding="utf-8")
        crawled = crawl(registry, database_url, tmp_path)
        assert crawled.returncode == 0, crawled.stderr[-2000:]
        url = origin.base_url + path

    sql = "SELECT id, title, text, published_at, published_source, published_on FROM articles"
    [before] = rows(engine, sql)
    assert before.title == "News"
    assert before.text.split("\n") == [*STORY[:2], FACT_BOX, STORY[2]]
    assert before.published_on == date(2026, 12, 6)  # the "Updated" day

    hints = (
        'body_selector = ".story-body"',
        'exclude_selectors = [".factbox"]',
        'title_selector = ".story-head .hed"',
        'date_selector = ".stamp"',
    )
    hinted = registry_entry(
        "gazette", "Harbour Gazette", origin.base_url, *keys, *hints, kind="newspaper"
    )
    registry.write_text(hinted, encoding="utf-8")
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    result = run_cli("reextract", "--registry", str(registry), env=env)

    assert result.returncode == 0, result.stderr[-2000:]
    assert "re-extracted 1 articles" in result.stdout and "1 updated" in result.stdout
    [after] = rows(engine, sql)
    assert after.id == before.id
    assert after.title == "Navy orders four new frigates for the Baltic"
    assert after.text.split("\n") == STORY
    # 09:30 on the outlet's Oslo clock, where the date_selector points.
    assert after.published_at == datetime(2026, 12, 4, 8, 30, tzinfo=UTC)
    assert (after.published_source, after.published_on) == ("hint", date(2026, 12, 4))
    [revision] = rows(engine, "SELECT article_id, reason, text FROM article_revisions")
    assert tuple(revision) == (before.id, "reextract", before.text)
    [stored] = rows(engine, "SELECT url FROM articles")
    assert stored.url == url
