"""The spider's known-URL check (store/frontier.py, Frontier.known_urls).

A listing's URL is known when an article is stored under it or was listed as it, when a page of
it was fetched with a settled outcome, or when it failed and waits out its backoff. The articles'
urls are probed first and the rest only for what they did not find; the listed URLs are indexed
only where they differ from their article's url (migration 0021); the listed URLs and the article
pages are probed in hash indexes (migration 0022).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, text

from newsarchive.store.frontier import _KNOWN_URLS, SETTLED_PAGE_OUTCOMES, Frontier

SITE = "https://k.example/"


def _archive(engine: Engine) -> None:
    """Articles a (listed as itself) and b (listed as b?utm=x), pages of c (stored), d (not an
    article), e (failed fetch) and a feed f, failures of g (waiting), h (given up) and i (due)."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        outlet = conn.execute(
            text(
                "INSERT INTO outlets (slug, name, language, kind) "
                "VALUES ('k', 'K', 'en', 'newspaper') RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version) "
                "SELECT :outlet, :site || u, :site || l, :site || u, 'T', 'Body', 1, u, 1, 'test' "
                "FROM (VALUES ('a', 'a'), ('b', 'b?utm=x')) AS v(u, l)"
            ),
            {"outlet": outlet, "site": SITE},
        )
        conn.execute(
            text(
                "INSERT INTO pages (outlet_id, kind, url, outcome, fetched_at) "
                "SELECT :outlet, k, :site || u, o, now() FROM (VALUES ('article', 'c', 'stored'), "
                "('article', 'd', 'not_article'), ('article', 'e', 'failed'), "
                "('feed', 'f', 'listed')) AS v(k, u, o)"
            ),
            {"outlet": outlet, "site": SITE},
        )
        conn.execute(
            text(
                "INSERT INTO failed_urls (url, outlet_id, reason, attempts, first_failed_at, "
                "last_failed_at, next_attempt_at, gave_up) "
                "SELECT :site || u, :outlet, 'http_503', 1, :now, :now, :now + n * interval "
                "'1 hour', g FROM (VALUES ('g', 1, false), ('h', -1, true), ('i', -1, false)) "
                "AS v(u, n, g)"
            ),
            {"outlet": outlet, "site": SITE, "now": now},
        )


def test_a_listings_known_urls_are_its_stored_listed_settled_and_waiting_ones(
    engine: Engine,
) -> None:
    _archive(engine)
    asked = [SITE + u for u in ("a", "b", "b?utm=x", "c", "d", "e", "f", "g", "h", "i", "z", "a")]
    known = Frontier(engine).known_urls(asked)
    assert known == {SITE + u for u in ("a", "b", "b?utm=x", "c", "d", "g", "h")}


def test_listed_urls_are_probed_only_where_they_differ_from_the_articles_url(
    engine: Engine,
) -> None:
    _archive(engine)
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = json.dumps(
            conn.execute(
                text("EXPLAIN (FORMAT json) " + _KNOWN_URLS.text),
                {
                    "urls": [SITE + "a", SITE + "b?utm=x"],
                    "settled": list(SETTLED_PAGE_OUTCOMES),
                    "now": datetime.now(UTC) + timedelta(minutes=1),
                },
            ).scalar()
        )
        predicate = conn.execute(
            text(
                "SELECT pg_get_expr(indpred, indrelid) FROM pg_index "
                "WHERE indexrelid = 'ix_articles_original_url'::regclass"
            )
        ).scalar()
    assert '"Index Name": "ix_articles_original_url"' in plan
    assert predicate == "(original_url <> url)"


def test_the_checks_probes_are_hash_indexes(engine: Engine) -> None:
    """The listed URLs that differ from the articles' urls and the article pages' urls are
    hashed (migration 0022): one bucket page per probed URL at any size. Which index the
    planner takes depends on the tables' sizes (bench/scale.py shows the hash probes at 300,000
    articles); on a test's few rows a one-page B-tree costs the same. The articles' urls are
    probed in their unique B-tree (its hash index went in migration 0023)."""
    with engine.connect() as conn:
        indexes = {
            name: (method, predicate)
            for name, method, predicate in conn.execute(
                text(
                    "SELECT c.relname, m.amname, pg_get_expr(i.indpred, i.indrelid) "
                    "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_am m ON m.oid = c.relam WHERE c.relname IN "
                    "('ix_articles_url_hash', 'ix_articles_original_url', "
                    "'ix_pages_article_url_hash')"
                )
            )
        }
    assert indexes == {
        "ix_articles_original_url": ("hash", "(original_url <> url)"),
        "ix_pages_article_url_hash": ("hash", "(kind = 'article'::text)"),
    }
