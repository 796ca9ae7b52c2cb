"""Copies of one story point at its earliest copy, whatever order the crawl finds them in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text

from newsarchive.extract import ArticleRecord, Evidence, extract_article
from newsarchive.registry import Outlet
from newsarchive.store import duplicates
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow

PARAGRAPHS = [
    "China, Iran and Russia began a joint naval drill in the Gulf of Oman on Tuesday, the "
    "fifth such exercise since 2019, Iranian state media reported.",
    "The Maritime Security Belt 2024 drill involves more than 20 ships and helicopters, "
    "according to the Iranian navy, and will run until the end of the week.",
    "Chinese destroyer Urumqi and Russian cruiser Varyag joined Iranian frigates off the port "
    "of Chabahar, where the exercise opened with a review of the fleet.",
    "Officials in Tehran said the drill aimed to secure international shipping lanes and to "
    "counter piracy and terrorism in a region crossed by a fifth of the world's oil.",
    "Washington has watched the growing military cooperation between the three countries "
    "closely since the start of the war in Ukraine.",
]


def outlet(slug: str) -> Outlet:
    return Outlet(
        slug=slug,
        name=slug.title(),
        domains=(f"{slug}.example",),
        country=None,
        language="en",
        kind="newspaper",
        feeds=(f"https://{slug}.example/feed/",),
    )


def record(url: str, paragraphs: list[str], published: datetime) -> ArticleRecord:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        '<html><head><title>Naval drill</title><meta property="og:type" content="article">'
        f"</head><body><article><h1>Naval drill</h1>{body}</article></body></html>"
    )
    extracted = extract_article(html, url)
    assert isinstance(extracted, ArticleRecord)
    return replace(extracted, published_at=published)


def store(writer: ArticleWriter, slug: str, rec: ArticleRecord) -> None:
    writer.store_batch(
        None,
        [ArticleRow(slug, rec.url, rec.url, rec.url, rec, Evidence())],
        [PageRow(slug, "article", rec.url, "stored", article_url=rec.url)],
    )


def links(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, url, duplicate_of FROM articles")).all()
    by_id = {row.id: row.url for row in rows}
    return {row.url: by_id.get(row.duplicate_of) for row in rows}


def test_copies_link_to_the_earliest_copy_even_when_found_first(engine: Engine) -> None:
    writer = ArticleWriter(engine)
    sync_outlets(engine, [outlet("wire"), outlet("repost"), outlet("daily")])
    original = record(
        "https://wire.example/drill", PARAGRAPHS, datetime(2024, 3, 12, 8, 20, tzinfo=UTC)
    )
    exact_copy = record(
        "https://repost.example/drill", PARAGRAPHS, datetime(2024, 3, 12, 11, 2, tzinfo=UTC)
    )
    edited = [*PARAGRAPHS[:-1], PARAGRAPHS[-1] + " (Source: wire)"]
    near_copy = record(
        "https://daily.example/drill", edited, datetime(2024, 3, 13, 7, 0, tzinfo=UTC)
    )

    store(writer, "repost", exact_copy)  # the crawl meets the copies first
    store(writer, "daily", near_copy)
    store(writer, "wire", original)

    assert links(engine) == {
        "https://wire.example/drill": None,
        "https://repost.example/drill": "https://wire.example/drill",
        "https://daily.example/drill": "https://wire.example/drill",
    }


def test_a_different_write_up_of_the_same_event_is_not_a_duplicate(engine: Engine) -> None:
    writer = ArticleWriter(engine)
    sync_outlets(engine, [outlet("wire"), outlet("daily")])
    store(
        writer,
        "wire",
        record("https://wire.example/drill", PARAGRAPHS, datetime(2024, 3, 12, tzinfo=UTC)),
    )
    own_report = [
        "Warships from three countries sailed into the Gulf of Oman this week for manoeuvres "
        "that Western officials described as a show of solidarity.",
        "Our correspondent in Muscat saw at least six vessels leave the anchorage at dawn, "
        "trailed by fishing boats and a coast guard cutter.",
        "Analysts in the region said the exercise mattered less for its tactics than for its "
        "message to Washington about a partnership that keeps deepening.",
    ]
    store(
        writer,
        "daily",
        record("https://daily.example/drill", own_report, datetime(2024, 3, 12, 9, tzinfo=UTC)),
    )
    assert links(engine) == {
        "https://wire.example/drill": None,
        "https://daily.example/drill": None,
    }


def test_a_near_duplicate_lookup_reads_only_the_window_of_each_band(engine: Engine) -> None:
    """Each band's index probe is bounded by the duplicate window too (migration 0016): the
    articles of a band over the whole archive are never fetched to test their time."""
    with engine.begin() as conn:
        outlet_id = conn.execute(
            text(
                "INSERT INTO outlets (slug, name, language, kind) "
                "VALUES ('d', 'D', 'en', 'newspaper') RETURNING id"
            )
        ).scalar_one()
        ids = conn.execute(
            text(
                "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at) "
                "SELECT :outlet, 'https://d.example/' || g, 'https://d.example/' || g, "
                "'https://d.example/' || g, 'T', 'Body', 1, md5(g::text), "
                "('x' || substr(md5(g::text), 1, 16))::bit(64)::bigint, 'test', "
                "timestamptz '2020-01-01' + g * interval '1 hour' "
                "FROM generate_series(1, 500) g RETURNING id"
            ),
            {"outlet": outlet_id},
        ).scalars()
        conn.execute(text("ANALYZE articles"))
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            conn.execute(
                text("EXPLAIN " + duplicates._LINK_TO_EARLIER.text),
                {"ids": list(ids)[-5:], "distance": duplicates.MAX_SIMHASH_DISTANCE},
            ).scalars()
        )
    for band in range(4):
        probe = plan.split(f"Bitmap Index Scan on ix_articles_simhash_band{band}", 1)[1]
        condition = probe.split("Index Cond: ", 1)[1].split("\n", 1)[0]
        assert f"simhash_band{band} = n.simhash_band{band}" in condition
        assert "COALESCE(published_at, first_seen_at) >=" in condition
        assert "COALESCE(published_at, first_seen_at) <=" in condition
