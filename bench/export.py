"""The weekly CSV export timed against a bare COPY of the same rows, with peak memory.

Fills a scratch database with generated articles (about 5 KB of body each, all in one ISO week,
all relevant originals), then runs, each in a fresh process so peak RSS belongs to it alone:
`export_articles` for that week (sorted, neutralised, hashed, synced, with its manifest), and a
plain `COPY (SELECT ...) TO STDOUT` of the same stored columns written to /dev/null. The scratch
database is dropped afterwards. Figures only; nothing is asserted.

    python bench/export.py [--rows 100000] [--database-url URL]

URL names any database on the server to use (the scratch database is created beside it); by
default the server on 127.0.0.1:5432 when it answers, else an embedded one in a temporary home.
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from newsarchive.export import ExportOptions, export_articles, week_window
from newsarchive.settings import load_settings
from newsarchive.store.database import (
    libpq_url,
    resolve_database_url,
    sqlalchemy_url,
    upgrade_database,
)
from newsarchive.store.embedded import stop_embedded_database

LOCAL_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
WEEK = "2026-W47"
OUTLETS = 40

#: Bodies are 50 sentences drawn from a pool of 500 made of a small defence vocabulary: text that
#: compresses and indexes like prose, with the commas, quotes and line breaks CSV must quote.
FILL = """
WITH pool AS (
    SELECT array_agg(initcap(sentence) || CASE WHEN j %% 4 = 0 THEN E'.\n' ELSE ', "they said". '
           END ORDER BY j) AS sentences
    FROM (SELECT j, string_agg(words[1 + abs(hashtext(j || ':' || k)) %% 32], ' ') AS sentence
          FROM (SELECT ARRAY['defence', 'ministry', 'said', 'the', 'troops', 'border', 'talks',
                             'sanctions', 'missile', 'treaty', 'officials', 'on', 'in', 'of',
                             'and', 'a', 'navy', 'exercise', 'drone', 'alliance', 'summit',
                             'ambassador', 'foreign', 'minister', 'security', 'council',
                             'ceasefire', 'arms', 'deal', 'export', 'contract', 'budget']
                       AS words) AS vocabulary,
               generate_series(1, 500) AS j, generate_series(1, 16) AS k
          GROUP BY j) AS drafted
)
INSERT INTO articles (outlet_id, url, original_url, final_url, title, authors, published_at,
    published_source, language, section, text, word_count, content_hash, simhash,
    extractor_version, topics, countries, relevance, is_relevant, quality_flags)
SELECT o.id,
       'https://bench.example/' || g, 'https://bench.example/' || g || '?utm_source=rss',
       'https://bench.example/' || g,
       CASE WHEN g %% 50 = 0 THEN '=HYPERLINK("x")' ELSE 'Ministers meet, "again", on ' END
           || md5(g::text),
       ARRAY['Desk ' || g %% 97, 'Jane Doe'],
       %(since)s::timestamptz + (g %% 604800) * interval '1 second',
       'json_ld', 'en', 'world',
       (SELECT string_agg(pool.sentences[1 + (g * 7919 + i * 104729) %% 500], '')
        FROM generate_series(1, 50) AS i),
       800, md5(g::text), g, '3.1', ARRAY['alliances', 'arms_transfer'], ARRAY['US', 'UA'],
       0.9, true, '{}'
FROM pool, generate_series(1::bigint, %(rows)s) AS g
JOIN outlets o ON o.id = 1 + g %% %(outlets)s
"""

PLAIN_COPY = """
COPY (SELECT a.id, o.slug, o.name, o.country, a.url, a.title, a.authors, a.published_at,
             a.published_source, a.modified_at, a.language, a.section, a.topics, a.countries,
             a.relevance, a.quality_flags, a.duplicate_of, a.word_count, a.text
      FROM articles a JOIN outlets o ON o.id = a.outlet_id
      WHERE a.published_at >= {since} AND a.published_at < {until}
        AND a.is_relevant AND a.duplicate_of IS NULL)
TO STDOUT WITH (FORMAT csv, HEADER true)
"""


@dataclass(frozen=True)
class Measure:
    seconds: float
    rows: int
    baseline_rss_mb: float
    peak_rss_mb: float
    python_peak_mb: float


@contextmanager
def server_url(given: str | None) -> Iterator[str]:
    """A URL of a database on the server to create the scratch database beside."""
    if given:
        yield sqlalchemy_url(given)
        return
    try:
        with psycopg.connect(libpq_url(LOCAL_SERVER), connect_timeout=3):
            pass
    except psycopg.OperationalError:
        pass
    else:
        yield LOCAL_SERVER
        return
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as home:
        settings = load_settings({"NEWSARCHIVE_HOME": home})
        try:
            yield resolve_database_url(settings)
        finally:
            stop_embedded_database(settings.embedded_pgdata)


@contextmanager
def scratch_database(server: str) -> Iterator[str]:
    name = f"newsarchive_bench_export_{os.getpid()}_{secrets.token_hex(4)}"
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def fill(url: str, rows: int) -> float:
    since, _ = week_window(WEEK)
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute(
            "INSERT INTO outlets (slug, name, country, language, kind)"
            " SELECT 'outlet' || i, 'Outlet ' || i || ', Inc.', 'GB', 'en', 'newspaper'"
            " FROM generate_series(1, %s) AS i",
            [OUTLETS],
        )
        conn.execute(FILL, {"since": since, "rows": rows, "outlets": OUTLETS})
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE articles")
    return time.perf_counter() - started


def run_export(url: str) -> int:
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as directory:
        since, until = week_window(WEEK)
        options = ExportOptions(since=since, until=until, output=Path(directory), label=WEEK)
        return export_articles(url, options).rows


def run_plain_copy(url: str) -> int:
    since, until = week_window(WEEK)
    query = sql.SQL(PLAIN_COPY).format(since=sql.Literal(since), until=sql.Literal(until))
    with (
        psycopg.connect(libpq_url(url)) as conn,
        conn.cursor() as cursor,
        open(os.devnull, "wb") as sink,
    ):
        with cursor.copy(query) as copy:
            for block in copy:
                sink.write(block)
        return cursor.rowcount


def measure(task: Callable[[str], int], url: str) -> Measure:
    """Run in a fresh process: time and peak RSS of one untraced run, then the Python heap's
    peak in a second, traced run (tracemalloc slows allocation, so it is kept off the clock)."""
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    rows = task(url)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    task(url)
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Measure(seconds, rows, baseline / 1024, peak / 1024, python_peak / 2**20)


def in_fresh_process(task: Callable[[str], int], url: str) -> Measure:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, task, url).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="any database on the server to use")
    args = parser.parse_args()
    with server_url(args.database_url) as server, scratch_database(server) as url:
        upgrade_database(url)
        filled = fill(url, args.rows)
        with psycopg.connect(libpq_url(url)) as conn:
            row = conn.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('articles')),"
                " avg(octet_length(text))::int FROM articles"
            ).fetchone()
        assert row is not None
        print(f"filled {args.rows} articles in {filled:.1f} s ({row[0]}, body {row[1]} bytes)")
        print(f"{'':<34}{'seconds':>9}{'rows/s':>10}{'start MB':>9}{'peak MB':>9}{'py MB':>8}")
        for name, task in (
            ("export_articles (file+manifest)", run_export),
            ("plain COPY to /dev/null", run_plain_copy),
        ):
            result = in_fresh_process(task, url)
            print(
                f"{name:<34}{result.seconds:>9.2f}{result.rows / result.seconds:>10.0f}"
                f"{result.baseline_rss_mb:>9.1f}{result.peak_rss_mb:>9.1f}"
                f"{result.python_peak_mb:>8.2f}"
            )


if __name__ == "__main__":
    main()
