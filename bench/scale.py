"""Does the archive stay as fast when it holds a million articles?

Creates a database of its own on a PostgreSQL server (dropped at the end unless --keep), migrates
it, and fills it step by step to each size in --sizes with synthetic articles of real sizes: 150
outlets, five years of publication dates, a body of ~5.6 KB (the average extracted text of real
pages) in the article's language, a uniformly spread 64-bit simhash with one article in 25 a near
copy (a few bits off) of an earlier one, a `pages` row for every article and the raw HTML of a real
bench page (gzip level 1, as the crawl stores it) for one article in --raw-every; each article is
in a story (149 stories per day of publication) and names two of --actor-count people of the
gazetteer (one its story's, so a story's articles share an actor).

How the fill works (1,300-2,300 rows/s on two shared cores, against 131-284 when every row ran
to_tsvector): rows are made by the server (`INSERT ... SELECT generate_series`, 50,000 per
transaction, synchronous_commit off), drawing titles and bodies from a pool of --texts texts.
Each pooled text's search vectors are computed once, with the schema's own functions, and a row
stores title_vector || to_tsvector(its number) || body_vector: tsvector concatenation shifts the
right side's positions past the left side's last, which is exactly what the generated column
computes for "title number body" when the title ends in a word that is no stop word (each pooled
title does; every pooled text is checked against the schema's expression before the fill). For
the fill the generated column is made a plain one (pg_attribute.attgenerated, a superuser's
catalog update on this bench's own database) and made generated again after it; 2,000 sampled
rows are then recomputed with the schema's expression and must be equal, or the bench stops.
The secondary indexes of articles and pages are dropped for the fill and built again after it, and
the triggers that keep each story's titles and actors are off for it (the columns are set after).

At each size it prints a row as soon as it is measured:

- crawl pages/s and CPU ms per page: `newsarchive crawl` of a fresh set of --pages article URLs
  on the bench web (bench/crawl.py's outlet, same settings), into this archive. The largest
  size's crawl is paired with a crawl of an empty archive just before it (a database of its
  own), since the machine's load moves crawl rates more than the archive's size does;
- `newsarchive status` seconds (the command, start-up included);
- a week's `export` seconds (export_articles, in process) beside a plain `COPY` of the same rows;
- the known-URL check for one listing (Archive.known_urls on 1,000 URLs, half of them known);
- duplicate linking for one batch (50 new articles, a fifth of them near copies), rolled back;
- story assignment for one batch (store/structure.py: actors, events and stories of 50 new
  articles naming two people each, published among stored ones), rolled back: wall ms, and the
  server's CPU ms for it ("db cpu", from /proc/PID/schedstat when the server runs on this
  machine), steady where wall times swing with the machine's load;
- bytes per 1,000 articles (articles with their indexes and TOAST), and the pages apart: the
  `pages` rows without raw HTML and the raw HTML per stored page;
- the 1-minute load average.

Figures only; nothing is asserted. A quick run: --sizes 0,10000.

    python bench/scale.py [--sizes 0,100000,1000000] [--pages 500] [--raw-every 100] [--keep]
                          [--server-url postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests.fixtureweb's server
sys.path.insert(0, str(REPO / "bench"))  # crawl.py's bench web

from crawl import DEFAULT_DATASET, build_site, load_pages, registry_toml, run_crawl  # noqa: E402
from newsarchive.analysis.actors import gazetteer  # noqa: E402
from newsarchive.export import ExportOptions, export_articles  # noqa: E402
from newsarchive.store.database import libpq_url, make_engine, sqlalchemy_url  # noqa: E402
from newsarchive.store.duplicates import link_duplicates  # noqa: E402
from newsarchive.store.frontier import Frontier  # noqa: E402
from newsarchive.store.models import (  # noqa: E402
    SEARCH_CONFIG_FUNCTION,
    SEARCH_TEXT_FUNCTION,
    SEARCH_VECTOR,
)
from newsarchive.store.structure import _actor_ids, _actor_key, assign_in  # noqa: E402
from tests.fixtureweb.server import OriginServer, RequestLog  # noqa: E402

OUTLETS = 150
FIVE_YEARS = 5 * 365 * 86400  # seconds
#: Rows per INSERT statement while filling (one transaction each, so progress shows).
CHUNK = 50_000
#: Words a synthetic body is drawn from: defence and diplomacy prose, so to_tsvector and the
#: GIN index see realistic lexemes (and topic words, for the relevance flag's share).
_VOCABULARY = """
minister defence foreign talks ceasefire troops border sanctions treaty missile navy army air
force summit embassy ambassador delegation agreement security council vote resolution exercise
drills deployment brigade frontline drone strike artillery convoy negotiations envoy officials
said on Tuesday the government statement spokesman news conference reporters region capital
parliament budget procurement contract fighter jets helicopters submarine frigate alliance
partners cooperation bilateral regional stability humanitarian aid corridor refugees casualties
reported according to sources analysts warned escalation tensions dispute territory waters
patrol coast guard vessel intelligence report assessment threat response measures week month
year earlier later
"""
WORDS = tuple(_VOCABULARY.split())
TITLE_ENDS = ("talks", "summit", "treaty", "missile", "sanctions", "drills", "ceasefire")


def synthetic_texts(count: int, rng: random.Random) -> list[tuple[str, str, str, int]]:
    """(title, lead, body, words) pools: bodies of ~5.6 KB, 10-30 words per paragraph line."""
    texts = []
    for _ in range(count):
        lines, size = [], 0
        while size < 5600:
            line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 30))).capitalize()
            lines.append(line + ".")
            size += len(line) + 2
        body = "\n".join(lines)
        # The last word is no stop word: fill() relies on it (prepare checks it).
        title = " ".join([*(rng.choice(WORDS) for _ in range(8)), rng.choice(TITLE_ENDS)])
        title = title.capitalize()
        lead = " ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + "."
        texts.append((title, lead, body, len(body.split())))
    return texts


#: The story an article belongs to: one of 149 stories per day of publication (so a story's
#: articles are of one day and, 149 being prime to the 150 outlets, of several outlets).
_STORY = (
    "(floor(extract(epoch FROM %(now)s::timestamptz - d.at) / 86400)::int * 149 + mod(g, 149) + 1)"
)
#: Publication time and URL of synthetic article g: a deterministic spread over five years
#: before `now`, a near copy (one in 25) half an hour after its original.
_SPREAD = """
    CROSS JOIN LATERAL (
        SELECT %(now)s::timestamptz
               - mod((CASE WHEN mod(g, 25) = 0 THEN g - 1 ELSE g END) * 7919, %(span)s)
                 * interval '1 second'
               + (mod(g, 25) = 0)::int * interval '30 minutes' AS at,
               'https://outlet-' || mod(g, %(outlets)s) || '.scale.example/news/'
               || to_char(g, 'FM0000000') || '/story.html' AS url
    ) AS d
"""
_FILL_STORIES = f"""
INSERT INTO stories (id, title, first_published_at, last_published_at)
SELECT DISTINCT {_STORY}, 'Scale story', d.at, d.at
FROM generate_series(%(start)s::bigint, %(stop)s::bigint) AS g {_SPREAD}
ON CONFLICT (id) DO NOTHING
"""
_FILL = f"""
WITH new AS (
    INSERT INTO articles (
        outlet_id, url, original_url, final_url, title, lead, authors, published_at,
        published_on, published_source, language, text, word_count, content_hash, simhash,
        quality_flags, extractor_version, topics, countries, relevance, is_relevant,
        first_seen_at, last_fetched_at, story_id, search)
    SELECT o.id, d.url, d.url, d.url, t.title || ' ' || g, t.lead, ARRAY['Staff Writer'],
           d.at, (d.at AT TIME ZONE 'UTC')::date, 'json_ld', 'en', t.body, t.words,
           encode(sha256(g::text::bytea), 'hex'),
           CASE WHEN mod(g, 25) = 0 AND g > 1
                -- a near copy of the article before it: two bits off
                THEN ('x' || substr(md5((g - 1)::text), 1, 16))::bit(64)::bigint
                     # (3::bigint << mod(g, 60)::int)
                ELSE ('x' || substr(md5(g::text), 1, 16))::bit(64)::bigint END,
           '{{}}', 'scale', ARRAY['diplomacy'], ARRAY['us'], 0.6, mod(g, 3) <> 0,
           d.at + interval '7 minutes', d.at + interval '7 minutes', {_STORY},
           -- what the generated column computes for title || ' ' || text (see fill())
           t.title_vector || to_tsvector('pg_catalog.english', g::text) || t.body_vector
    FROM generate_series(%(start)s::bigint, %(stop)s::bigint) AS g {_SPREAD}
    JOIN scale_outlets o ON o.n = mod(g, %(outlets)s)
    JOIN scale_texts t ON t.n = mod(g, %(texts)s)
    RETURNING id, outlet_id, url, first_seen_at, story_id, published_at
), pages AS (
    INSERT INTO pages (outlet_id, article_id, kind, url, final_url, outcome, http_status,
                       content_type, encoding, encoding_source, headers, html_gz, fetched_at)
    SELECT n.outlet_id, n.id, 'article', n.url, n.url, 'stored', 200,
           'text/html; charset=utf-8', 'utf-8', 'http',
           '{{"Content-Type": "text/html; charset=utf-8"}}'::jsonb,
           CASE WHEN mod(n.id, %(raw_every)s) = 0 THEN r.html_gz END, n.first_seen_at
    FROM new n JOIN scale_raw r ON r.n = mod(n.id, %(raw)s)
)
-- two actors per article: one its story's (the story's articles share it), one its own
INSERT INTO article_actors (article_id, actor_id, mentions, published_at)
SELECT DISTINCT n.id, a.id, 2, n.published_at FROM new n
JOIN scale_actors a ON a.n IN (mod(n.story_id, %(actors)s), mod(n.id * 7, %(actors)s))
"""
_REFRESH_STORIES = """
UPDATE stories s SET title = f.title, first_published_at = f.first_at,
       last_published_at = f.last_at, article_count = f.articles, outlet_count = f.outlets,
       languages = ARRAY['en'], countries = ARRAY['us'], titles = f.titles,
       actor_ids = ARRAY(SELECT DISTINCT aa.actor_id FROM article_actors aa
                         WHERE aa.article_id = ANY(f.ids) ORDER BY 1)
FROM (SELECT story_id, min(title) AS title, min(published_at) AS first_at,
             max(published_at) AS last_at, count(*) AS articles,
             count(DISTINCT outlet_id) AS outlets, array_agg(title ORDER BY id) AS titles,
             array_agg(id) AS ids
      FROM articles WHERE extractor_version = 'scale' GROUP BY story_id) f
WHERE s.id = f.story_id
"""
#: The triggers that keep a story's titles and actors (migration 0018) would recompute each
#: filled story from its articles per chunk, without the index on articles.story_id (dropped
#: for the fill): they are off for the fill, and _REFRESH_STORIES sets the columns after it
#: (the synthetic actors are all people, none a state).
_FEATURE_TRIGGERS = (
    ("articles", "articles_story_features_insert"),
    ("article_actors", "actor_links_story_features_insert"),
)
_SECONDARY_INDEXES = """
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('articles'::regclass, 'pages'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
ORDER BY c.relname
"""
#: The generated `search` column made a plain one for the fill, and made generated again after:
#: pg_attribute.attgenerated is all that tells PostgreSQL to compute it (the expression stays
#: in pg_attrdef); a superuser's catalog update, on this bench's own database only.
_SEARCH_GENERATED = (
    "UPDATE pg_attribute SET attgenerated = %s "
    "WHERE attrelid = 'articles'::regclass AND attname = 'search'"
)
#: Sampled rows whose stored vector differs from the schema's own expression.
_VERIFY = f"""
SELECT count(*), count(*) FILTER (WHERE search IS DISTINCT FROM {SEARCH_VECTOR})
FROM articles WHERE id IN (
    SELECT id FROM articles WHERE id BETWEEN %s AND %s ORDER BY random() LIMIT 2000)
"""


def fill(conn: psycopg.Connection[Any], start: int, stop: int, now: datetime, args: Any) -> None:
    """Articles start..stop (inclusive), in chunks, each chunk one transaction.

    to_tsvector over ~5.6 KB per row held the fill at 131-284 rows/s, so the fill computes
    each pooled text's vector once (prepare) and stores title_vector || vector(g) ||
    body_vector, exactly what the generated column computes for "title g body" (tsvector
    concatenation shifts the right side's positions past the left's last one, and each pooled
    title ends in a word that is not a stop word: prepare checks that on every pooled text).
    The secondary indexes are dropped for the fill and built again after it, and a sample of
    stored rows is recomputed with the schema's own expression and compared.
    """
    params = {
        "now": now,
        "span": FIVE_YEARS,
        "outlets": OUTLETS,
        "texts": args.texts,
        "raw_every": args.raw_every,
        "raw": args.raw_pages,
        "actors": args.actor_count,
    }
    indexes = conn.execute(_SECONDARY_INDEXES).fetchall()
    conn.execute("SET synchronous_commit = off")
    with conn.transaction():
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.execute(_SEARCH_GENERATED, ("",))
        for table, trigger in _FEATURE_TRIGGERS:
            conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
    try:
        for low in range(start, stop + 1, CHUNK):
            high = min(low + CHUNK - 1, stop)
            began = time.perf_counter()
            with conn.transaction():
                conn.execute(_FILL_STORIES, params | {"start": low, "stop": high})
                conn.execute(_FILL, params | {"start": low, "stop": high})
            rate = (high - low + 1) / (time.perf_counter() - began)
            print(f"  filled {high:>9,} articles ({rate:.0f} rows/s)", flush=True)
    finally:
        with conn.transaction():
            conn.execute(_SEARCH_GENERATED, ("s",))
            for table, trigger in _FEATURE_TRIGGERS:
                conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
    began = time.perf_counter()
    conn.execute("SET maintenance_work_mem = '512MB'")
    for _, definition in indexes:
        conn.execute(definition)
    with conn.transaction():
        conn.execute(_REFRESH_STORIES)
        conn.execute("SELECT setval(pg_get_serial_sequence('stories', 'id'), max(id)) FROM stories")
    print(
        f"  {len(indexes)} indexes built and stories counted in "
        f"{time.perf_counter() - began:.0f} s",
        flush=True,
    )
    first = conn.execute("SELECT max(id) FROM articles").fetchone()
    assert first is not None
    sampled, differ = conn.execute(_VERIFY, (first[0] - (stop - start), first[0])).fetchone() or (
        0,
        0,
    )
    if differ or not sampled:
        raise SystemExit(f"{differ} of {sampled} sampled search vectors differ from the schema's")
    print(f"  search vectors of {sampled:,} sampled new rows recomputed: all equal", flush=True)


_POOL_VECTORS = f"""
UPDATE scale_texts SET
    title_vector = to_tsvector({SEARCH_CONFIG_FUNCTION}('en'), {SEARCH_TEXT_FUNCTION}('en', title)),
    body_vector = to_tsvector({SEARCH_CONFIG_FUNCTION}('en'), {SEARCH_TEXT_FUNCTION}('en', body))
"""
#: Pooled texts whose composed vector (as fill() stores it) is not the schema's.
_POOL_CHECK = f"""
SELECT count(*) FROM scale_texts WHERE
    to_tsvector({SEARCH_CONFIG_FUNCTION}('en'),
                {SEARCH_TEXT_FUNCTION}('en', title || ' 1234567 ' || body))
    IS DISTINCT FROM title_vector || to_tsvector('pg_catalog.english', '1234567') || body_vector
"""


def prepare(conn: psycopg.Connection[Any], engine: Any, pages: list[bytes], args: Any) -> None:
    """The outlets and the pools the synthetic rows draw from (tables of this database only):
    texts with their search vectors, raw pages, and people of the gazetteer as actors."""
    rng = random.Random(11)
    people = [a for a in gazetteer().actors if a.kind == "person"][: args.actor_count]
    args.people = [a.name for a in people]
    with Session(engine) as session, session.begin():
        ids = _actor_ids(session, people)
        actor_ids = [ids[_actor_key(actor)] for actor in people]
    with conn.transaction():
        conn.execute(
            "INSERT INTO outlets (slug, name, language, kind, domains) "
            "SELECT 'scale-' || n, 'Scale Outlet ' || n, 'en', 'newspaper', "
            "ARRAY['outlet-' || n || '.scale.example'] FROM generate_series(0, %s) n",
            (OUTLETS - 1,),
        )
        conn.execute(
            "CREATE TABLE scale_outlets AS SELECT id, substr(slug, 7)::int AS n FROM outlets "
            "WHERE slug LIKE 'scale-%'"
        )
        conn.execute(
            "CREATE TABLE scale_texts (n int PRIMARY KEY, title text, lead text, body text, "
            "words int, title_vector tsvector, body_vector tsvector)"
        )
        with conn.cursor().copy(
            "COPY scale_texts (n, title, lead, body, words) FROM STDIN"
        ) as copy:
            for n, row in enumerate(synthetic_texts(args.texts, rng)):
                copy.write_row((n, *row))
        conn.execute(_POOL_VECTORS)
        wrong = conn.execute(_POOL_CHECK).fetchone()
        if wrong is None or wrong[0]:
            raise SystemExit(f"{wrong} pooled texts: composed search vector is not the schema's")
        conn.execute("CREATE TABLE scale_actors (n int PRIMARY KEY, id bigint)")
        with conn.cursor().copy("COPY scale_actors FROM STDIN") as copy:
            for n, actor_id in enumerate(actor_ids):
                copy.write_row((n, actor_id))
        conn.execute("CREATE TABLE scale_raw (n int PRIMARY KEY, html_gz bytea)")
        with conn.cursor().copy("COPY scale_raw FROM STDIN") as copy:
            for n, body in enumerate(pages[: args.raw_pages]):
                copy.write_row((n, gzip.compress(body, compresslevel=1)))


def timed(function: Callable[[], Any], repeat: int = 1) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure_status(env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsarchive", "status"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,  # status exits nonzero when it shows an alert; the time is what counts
    )
    return time.perf_counter() - began


def measure_export(url: str, week: datetime, tmp: Path) -> tuple[float, float, int]:
    """(export seconds, plain COPY seconds, rows) for the week starting at `week`: medians of
    three rounds, each the export then the COPY. The first round reads the week's rows from
    disk and the rest from the cache: timed once, whichever went first paid for the reads
    (at a million articles the export measured 2.2 x the COPY that way, 0.8-1.0 x warm)."""
    rounds = [_export_round(url, week, tmp) for _ in range(3)]
    return (
        statistics.median(r[0] for r in rounds),
        statistics.median(r[1] for r in rounds),
        rounds[0][2],
    )


def _export_round(url: str, week: datetime, tmp: Path) -> tuple[float, float, int]:
    until = week + timedelta(days=7)
    target = tmp / "week.csv"
    began = time.perf_counter()
    result = export_articles(url, ExportOptions(since=week, until=until, output=target))
    export_seconds = time.perf_counter() - began
    plain = (
        "COPY (SELECT o.slug, o.name, o.country, a.* FROM articles a "
        "JOIN outlets o ON o.id = a.outlet_id "
        "WHERE a.published_at >= %s AND a.published_at < %s "
        "AND a.is_relevant AND a.duplicate_of IS NULL) TO STDOUT WITH (FORMAT csv, HEADER true)"
    )
    began = time.perf_counter()
    with (
        psycopg.connect(libpq_url(sqlalchemy_url(url))) as conn,
        open(tmp / "plain.csv", "wb") as out,
    ):
        literal = psycopg.sql.SQL(plain.replace("%s", "{}")).format(
            psycopg.sql.Literal(week), psycopg.sql.Literal(until)
        )
        with conn.cursor().copy(literal) as copy:
            for block in copy:
                out.write(block)
    copy_seconds = time.perf_counter() - began
    return export_seconds, copy_seconds, result.rows


def measure_known(archive: Frontier, size: int, rng: random.Random) -> float:
    """Seconds of one listing's known-URL check: 1,000 URLs, half of them in the archive."""
    known = [
        f"https://outlet-{g % OUTLETS}.scale.example/news/{g:07d}/story.html"
        for g in (rng.randint(1, size) for _ in range(500 if size else 0))
    ]
    fresh = [
        f"https://new-{rng.random()}.scale.example/story.html" for _ in range(1000 - len(known))
    ]
    return timed(lambda: archive.known_urls(known + fresh), repeat=5)


_BATCH = """
INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, word_count,
                      content_hash, simhash, extractor_version, published_at, language)
SELECT (SELECT min(id) FROM outlets), 'https://batch.scale.example/' || g || '/' || :tag,
       'https://batch.scale.example/' || g, 'https://batch.scale.example/' || g,
       'Batch article ' || g, 'Batch body ' || g, 3, md5(g::text || :tag),
       CASE WHEN mod(g, 5) = 0 AND s.simhash IS NOT NULL
            THEN s.simhash # (1::bigint << mod(g, 60)::int)
            ELSE ('x' || substr(md5(g::text || :tag), 1, 16))::bit(64)::bigint END,
       'scale', coalesce(s.published_at, now()) + interval '1 hour', 'en'
FROM generate_series(1, 50) g
LEFT JOIN LATERAL (
    SELECT simhash, published_at FROM articles WHERE id = mod(g * 7919, :size) + 1
) s ON true
RETURNING id
"""


def measure_linking(engine: Any, size: int) -> float:
    """Seconds to link one batch of 50 new articles (a fifth near copies of stored ones)."""
    times = []
    for attempt in range(5):
        with Session(engine) as session:
            ids = list(session.scalars(text(_BATCH), {"tag": f"t{attempt}", "size": max(size, 1)}))
            began = time.perf_counter()
            link_duplicates(session, ids)
            times.append(time.perf_counter() - began)
            session.rollback()
    return statistics.median(times)


_STORY_BATCH = """
INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, word_count,
                      content_hash, simhash, extractor_version, published_at, language)
SELECT (SELECT min(id) FROM outlets), 'https://stories.scale.example/' || g || '/' || :tag,
       'https://stories.scale.example/' || g, 'https://stories.scale.example/' || g,
       p1.name || ' and ' || p2.name || ' hold talks',
       p1.name || ' met ' || p2.name || ' on Tuesday for talks on defence cooperation and '
       || 'regional security, officials said.' || E'\n' || t.body, t.words,
       md5(g::text || :tag), ('x' || substr(md5(g::text || :tag), 1, 16))::bit(64)::bigint,
       'scale', coalesce(s.published_at, now()) + interval '1 hour', 'en'
FROM generate_series(1, 50) g
LEFT JOIN LATERAL (
    SELECT story_id, published_at FROM articles WHERE id = mod(g * 7919, :size) + 1
) s ON true
-- the first person is one of the story's actors near that time (fill()), the second any
JOIN scale_actors x ON x.n = mod(coalesce(s.story_id, g), :actors)
JOIN actors p1 ON p1.id = x.id
JOIN scale_actors y ON y.n = mod(g * 13, :actors)
JOIN actors p2 ON p2.id = y.id
JOIN scale_texts t ON t.n = mod(g, :texts)
RETURNING url
"""


def server_cpu_seconds(session: Session) -> float | None:
    """CPU seconds the session's server process has run so far, from /proc/PID/schedstat (the
    server must run on this machine; None otherwise). Unlike wall time it is not inflated by
    the other processes sharing the cores, which moved wall times 2-3x between runs."""
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e9
    except OSError:
        return None


def measure_stories(engine: Any, size: int, args: Any) -> tuple[float, float | None]:
    """Seconds to assign stories, actors and events to one batch of 50 new articles, each naming
    two people (one of them an actor of stories published near it), as the store does after a
    batch (store/structure.py), rolled back; and the server's CPU seconds for it (None when the
    server is not on this machine)."""
    times, cpu = [], []
    for attempt in range(3):
        with Session(engine) as session:
            urls = list(
                session.scalars(
                    text(_STORY_BATCH),
                    {
                        "tag": f"s{attempt}",
                        "size": max(size, 1),
                        "actors": args.actor_count,
                        "texts": args.texts,
                    },
                )
            )
            began, server_began = time.perf_counter(), server_cpu_seconds(session)
            assigned = assign_in(session, urls)
            times.append(time.perf_counter() - began)
            server_ended = server_cpu_seconds(session)
            if server_began is not None and server_ended is not None:
                cpu.append(server_ended - server_began)
            session.rollback()
        assert assigned == len(urls) == 50, (assigned, len(urls))
    return statistics.median(times), statistics.median(cpu) if cpu else None


def measure_bytes(conn: psycopg.Connection[Any]) -> tuple[float, float, float]:
    """(article bytes per 1,000 articles, page-row bytes per 1,000 pages without raw HTML,
    raw HTML bytes per stored page)."""
    row = conn.execute(
        "SELECT pg_total_relation_size('articles'), pg_total_relation_size('pages'), "
        "(SELECT count(*) FROM articles), (SELECT count(*) FROM pages), "
        "(SELECT coalesce(sum(pg_column_size(html_gz)), 0) FROM pages), "
        "(SELECT count(html_gz) FROM pages)"
    ).fetchone()
    assert row is not None
    articles_bytes, pages_bytes, articles, pages, raw_bytes, raw_pages = row
    per_article = articles_bytes * 1000 / max(articles, 1)
    per_page = (pages_bytes - raw_bytes) * 1000 / max(pages, 1)
    return per_article, per_page, raw_bytes / max(raw_pages, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,100000,1000000", help="archive sizes, ascending")
    parser.add_argument("--pages", type=int, default=500, help="pages per measured crawl")
    parser.add_argument("--raw-every", type=int, default=100, help="raw HTML for 1 in N articles")
    parser.add_argument("--texts", type=int, default=500, help="distinct synthetic bodies")
    parser.add_argument(
        "--actor-count", type=int, default=60, help="gazetteer people the articles name"
    )
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument(
        "--server-url",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server this bench may create and drop a database on",
    )
    parser.add_argument("--extract-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled database (prints its URL)"
    )
    args = parser.parse_args()
    try:
        sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        raise SystemExit(f"--sizes: {args.sizes!r} is not a list of numbers") from None

    pages = load_pages(args.dataset)
    args.raw_pages = len(pages)
    name = f"newsarchive_scale_{os.getpid()}"
    server = psycopg.connect(args.server_url, autocommit=True)
    server.execute(f"CREATE DATABASE {name}")
    url = args.server_url.rsplit("/", 1)[0] + f"/{name}"
    empty_name = f"{name}_empty"
    print(HEADER, flush=True)
    results: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="newsarchive-scale-") as tmp_name:
            tmp = Path(tmp_name)
            env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
            env |= {"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(tmp / "home")}
            upgrade(env)
            engine = make_engine(url)
            archive = Frontier(engine)
            now = datetime.now(UTC).replace(microsecond=0)
            # A complete week a month back: the operator's weekly export.
            week = (now - timedelta(days=30 + now.weekday())).replace(hour=0, minute=0, second=0)
            rng = random.Random(5)
            with (
                psycopg.connect(libpq_url(sqlalchemy_url(url)), autocommit=True) as conn,
                OriginServer("bench", RequestLog()) as origin,
            ):
                prepare(conn, engine, pages, args)
                # One fresh set of pages per size, and one for the empty archive's crawl run
                # just before the largest size's.
                build_site(origin, pages, args.pages, rounds=len(sizes) + 1)
                filled = 0
                for round_, size in enumerate(sizes):
                    if size > filled:
                        print(f"filling to {size:,} articles", flush=True)
                        fill(conn, filled + 1, size, now, args)
                        filled = size
                    # Story assignment reads stories and article_actors: their statistics and
                    # visibility maps too, as autovacuum would have them after a real crawl.
                    # failed_urls too: never analysed, the known-URL check probed its empty
                    # primary key for every URL (2 buffers each) instead of scanning no page.
                    tables = ("articles", "pages", "stories", "article_actors", "failed_urls")
                    for table in tables:
                        conn.execute(f"VACUUM ANALYZE {table}")
                    print(f"at {size:,} articles (load {load():.1f}):", flush=True)
                    paired = None
                    if size and round_ == len(sizes) - 1:
                        # Crawl rates swing with the machine's load: crawl an empty archive
                        # right before this one, so the two are measured under the same load.
                        server.execute(f"CREATE DATABASE {empty_name}")
                        empty_env = env | {"DATABASE_URL": url.rsplit("/", 1)[0] + f"/{empty_name}"}
                        upgrade(empty_env)
                        paired = crawl(origin, tmp, len(sizes), empty_env, args)
                        server.execute(f"DROP DATABASE {empty_name} WITH (FORCE)")
                    rate, cpu = crawl(origin, tmp, round_, env, args)
                    export_s, copy_s, rows = measure_export(url, week, tmp)
                    row = {
                        "size": size,
                        "rate": rate,
                        "cpu": cpu,
                        "paired": paired,
                        "status": statistics.median(measure_status(env) for _ in range(3)),
                        "export": export_s,
                        "copy": copy_s,
                        "rows": rows,
                        "known": measure_known(archive, size, rng),
                        "link": measure_linking(engine, size),
                        "story": measure_stories(engine, size, args),
                        "bytes": measure_bytes(conn),
                        "load": load(),
                    }
                    results.append(row)
                    print(HEADER + "\n" + table_row(row), flush=True)
            engine.dispose()
    finally:
        server.execute(f"DROP DATABASE IF EXISTS {empty_name} WITH (FORCE)")
        if args.keep:
            print(f"kept the database: {url}")
        else:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        server.close()

    print(HEADER)
    for row in results:
        print(table_row(row))
    if results:
        first, last = results[0], results[-1]
        print(
            f"crawl at {last['size']:,} / at {first['size']:,}: {last['rate'] / first['rate']:.2f}"
            + (
                "; / the empty archive crawled just before it: "
                f"{last['rate'] / last['paired'][0]:.2f}"
                f" (empty: {last['paired'][0]:.1f} pages/s, {last['paired'][1]:.1f} CPU ms/page)"
                if last["paired"]
                else ""
            )
            + " (target >= 0.9 at 1,000,000); status target <= 2 s; export target <= 1.2 x COPY"
        )
    print(
        f"crawl: {args.pages} fresh bench pages per size, {args.extract_workers} extraction "
        "processes, -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0 "
        "-s CONCURRENT_REQUESTS_PER_DOMAIN=16, pages/s of the whole command and CPU ms per page "
        "of its process tree; status: the command, start-up included, median of 3; known: 1,000 "
        "URLs (half known), median of 5; link: 50 new articles, median of 5; story: stories, "
        "actors and events of 50 new articles, median of 3; db cpu: the server's CPU ms for it "
        "(its process's run time, which load does not inflate); load: 1-minute load average "
        "after the measurements"
    )


HEADER = (
    f"{'articles':>10}{'crawl p/s':>10}{'cpu ms/p':>9}{'status s':>9}{'export s':>9}"
    f"{'COPY s':>8}{'ratio':>6}{'rows':>6}{'known ms':>9}{'link ms':>8}{'story ms':>9}{'db cpu':>8}"
    f"{'KB/1k art':>10}{'KB/1k pg':>9}{'raw KB/pg':>10}{'load':>6}"
)


def table_row(row: dict[str, Any]) -> str:
    art, page, raw = row["bytes"]
    return (
        f"{row['size']:>10,}{row['rate']:>10.1f}{row['cpu']:>9.1f}{row['status']:>9.2f}"
        f"{row['export']:>9.3f}{row['copy']:>8.3f}{row['export'] / max(row['copy'], 1e-9):>6.2f}"
        f"{row['rows']:>6}{row['known'] * 1000:>9.1f}{row['link'] * 1000:>8.1f}"
        f"{row['story'][0] * 1000:>9.0f}"
        + (f"{row['story'][1] * 1000:>8.0f}" if row["story"][1] is not None else f"{'-':>8}")
        + f"{art / 1024:>10.0f}{page / 1024:>9.0f}{raw / 1024:>10.1f}"
        f"{row['load']:>6.1f}"
    )


def load() -> float:
    return os.getloadavg()[0]


def upgrade(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "newsarchive", "db", "upgrade", "-q"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def crawl(
    origin: OriginServer, tmp: Path, round_: int, env: dict[str, str], args: Any
) -> tuple[float, float]:
    """(pages/s, CPU ms per page) of one crawl of round `round_`'s fresh pages."""
    registry = tmp / f"bench-{round_}.toml"
    registry.write_text(registry_toml(origin, round_))
    seconds, memory, stored = run_crawl(registry, env, args.extract_workers)
    return stored / seconds, memory.cpu_seconds * 1000 / max(stored, 1)


if __name__ == "__main__":
    main()
