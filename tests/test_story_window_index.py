"""Story assignment's window read is index-only (migration 0014).

For each new article the store reads the id and story of every article published within the
story window (store/structure.py, _CANDIDATES). Stored in crawl order, those rows sit on a heap
page each; ix_articles_published_at includes id and story_id so the read stays in the index.
"""

from __future__ import annotations

import json

import psycopg
from sqlalchemy import Engine, text

from newsarchive.store.database import libpq_url, sqlalchemy_url
from newsarchive.store.structure import _CANDIDATES


def test_the_window_of_a_new_article_is_read_from_the_index_alone(
    database_url: str, engine: Engine
) -> None:
    with engine.begin() as conn:
        outlet = conn.execute(
            text(
                "INSERT INTO outlets (slug, name, language, kind) "
                "VALUES ('w', 'W', 'en', 'newspaper') RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at) "
                "SELECT :outlet, 'https://w.example/' || g, 'https://w.example/' || g, "
                "'https://w.example/' || g, 'T', 'Body', 1, md5(g::text), g, 'test', "
                "timestamptz '2026-01-01' + g * interval '1 hour' "
                "FROM generate_series(1, 200) g"
            ),
            {"outlet": outlet},
        )
    window = str(_CANDIDATES).split("candidates AS", 1)[0].split("AS MATERIALIZED (", 1)[1]
    window = window.rsplit(")", 1)[0]
    with psycopg.connect(libpq_url(sqlalchemy_url(database_url)), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE articles")  # marks the pages all-visible
        conn.execute("SET enable_seqscan = off")
        conn.execute("SET enable_bitmapscan = off")
        query = window.replace(":since", "%(since)s").replace(":until", "%(until)s")
        row = conn.execute(
            "EXPLAIN (FORMAT json) " + query,
            {"since": "2026-01-02", "until": "2026-01-05"},
        ).fetchone()
    plan = json.dumps(row)
    assert '"Node Type": "Index Only Scan"' in plan
    assert '"Index Name": "ix_articles_published_at"' in plan
