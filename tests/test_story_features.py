"""A story's titles and actors are columns of its row, kept equal to its articles by triggers
(migration 0018), so story assignment reads one row per candidate story and no article of it.

Each test changes articles or their actor links the way the store, a re-fetch, a re-extraction,
a merge or a rebuild does, and checks the stored columns against exact values and against a
recomputation from the articles (what the candidates query computed before the columns).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from newsarchive.store.database import downgrade_database, make_engine, upgrade_database
from newsarchive.store.structure import _Article, _join

AT = datetime(2026, 3, 2, 9, tzinfo=UTC)
LATER = datetime(2026, 3, 3, 18, tzinfo=UTC)

#: What the candidates query read from the articles before migration 0018.
_FROM_ARTICLES = text(
    """
    SELECT s.id,
      ARRAY(SELECT a.title FROM articles a WHERE a.story_id = s.id ORDER BY a.id),
      ARRAY(SELECT DISTINCT aa.actor_id FROM article_actors aa
            JOIN articles a ON a.id = aa.article_id JOIN actors ac ON ac.id = aa.actor_id
            WHERE a.story_id = s.id AND ac.kind <> 'state' ORDER BY 1)
    FROM stories s ORDER BY s.id
    """
)


def _stored(conn: Connection) -> dict[int, tuple[list[str], list[int]]]:
    rows = conn.execute(text("SELECT id, titles, actor_ids FROM stories ORDER BY id"))
    stored = {int(i): (sorted(titles), sorted(actors)) for i, titles, actors in rows}
    recomputed = {int(i): (sorted(t), sorted(a)) for i, t, a in conn.execute(_FROM_ARTICLES)}
    assert stored == recomputed
    return stored


def _archive(conn: Connection) -> tuple[int, int, int]:
    """Two stories: story 1 with two articles (Shoigu and Russia named in the first, Lavrov in
    the second), story 2 with one (Blinken). Returns the ids of Shoigu, Lavrov and Blinken."""
    outlet = conn.execute(
        text(
            "INSERT INTO outlets (slug, name, language, kind) "
            "VALUES ('w', 'W', 'en', 'newspaper') RETURNING id"
        )
    ).scalar_one()
    people = {}
    for name, kind in (
        ("Sergei Shoigu", "person"),
        ("Sergey Lavrov", "person"),
        ("Antony Blinken", "person"),
        ("Russia", "state"),
    ):
        people[name] = conn.execute(
            text(
                "INSERT INTO actors (key, name, kind, in_gazetteer) "
                "VALUES (lower(:name) || '|', :name, :kind, true) RETURNING id"
            ),
            {"name": name, "kind": kind},
        ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO stories (id, title, first_published_at, last_published_at) "
            "VALUES (1, 'Shoigu in Pyongyang', :at, :at), (2, 'Blinken in Manila', :at, :at)"
        ),
        {"at": AT},
    )
    for n, (title, story) in enumerate(
        (
            ("Shoigu arrives in Pyongyang for talks", 1),
            ("Lavrov follows Shoigu to North Korea", 1),
            ("Blinken lands in Manila", 2),
        ),
        start=1,
    ):
        conn.execute(
            text(
                "INSERT INTO articles (id, outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at, story_id) "
                "OVERRIDING SYSTEM VALUE VALUES (:n, :outlet, :url, :url, :url, :title, 'Body', 1, "
                "md5(:url), :n, 'test', :at, :story)"
            ),
            {
                "n": n,
                "url": f"https://w.example/{n}",
                "outlet": outlet,
                "title": title,
                "at": AT,
                "story": story,
            },
        )
    conn.execute(
        text(
            "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) VALUES "
            "(1, :shoigu, 2, :at), (1, :russia, 1, :at), (2, :lavrov, 1, :at), "
            "(3, :blinken, 1, :at)"
        ),
        {
            "shoigu": people["Sergei Shoigu"],
            "lavrov": people["Sergey Lavrov"],
            "blinken": people["Antony Blinken"],
            "russia": people["Russia"],
            "at": AT,
        },
    )
    return people["Sergei Shoigu"], people["Sergey Lavrov"], people["Antony Blinken"]


def test_a_story_keeps_its_articles_titles_and_actors_other_than_states(engine: Engine) -> None:
    with engine.begin() as conn:
        shoigu, lavrov, blinken = _archive(conn)
        assert _stored(conn) == {
            1: (
                ["Lavrov follows Shoigu to North Korea", "Shoigu arrives in Pyongyang for talks"],
                sorted([shoigu, lavrov]),
            ),
            2: (["Blinken lands in Manila"], [blinken]),
        }


def test_a_retitled_article_and_a_relinked_one_change_their_story(engine: Engine) -> None:
    with engine.begin() as conn:
        shoigu, lavrov, blinken = _archive(conn)
        # a re-fetch gives the first article another title
        conn.execute(text("UPDATE articles SET title = 'Shoigu meets Kim' WHERE id = 1"))
        # a re-extraction's relink: the second article no longer names Lavrov, but Blinken
        conn.execute(text("DELETE FROM article_actors WHERE article_id = 2"))
        conn.execute(
            text(
                "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) "
                "VALUES (2, :blinken, 1, :at)"
            ),
            {"blinken": blinken, "at": AT},
        )
        # an update that changes neither title nor story leaves the story as it was
        conn.execute(text("UPDATE articles SET word_count = 2"))
        assert _stored(conn) == {
            1: (
                ["Lavrov follows Shoigu to North Korea", "Shoigu meets Kim"],
                sorted([shoigu, blinken]),
            ),
            2: (["Blinken lands in Manila"], [blinken]),
        }
        assert lavrov not in _stored(conn)[1][1]


def test_a_merge_a_move_and_a_deletion_recompute_both_stories(engine: Engine) -> None:
    with engine.begin() as conn:
        shoigu, lavrov, blinken = _archive(conn)
        # store/structure.py's merge of story 2 into story 1
        conn.execute(text("UPDATE articles SET story_id = 1 WHERE story_id = 2"))
        assert _stored(conn) == {
            1: (
                [
                    "Blinken lands in Manila",
                    "Lavrov follows Shoigu to North Korea",
                    "Shoigu arrives in Pyongyang for talks",
                ],
                sorted([shoigu, lavrov, blinken]),
            ),
            2: ([], []),
        }
        conn.execute(text("DELETE FROM articles WHERE id = 1"))
        # a rebuild takes the rest out of their story
        conn.execute(text("UPDATE articles SET story_id = NULL WHERE id = 3"))
        assert _stored(conn) == {
            1: (["Lavrov follows Shoigu to North Korea"], [lavrov]),
            2: ([], []),
        }


def test_the_migration_fills_the_columns_of_stored_stories(empty_database_url: str) -> None:
    upgrade_database(empty_database_url, "0017")
    engine = make_engine(empty_database_url)
    try:
        with engine.begin() as conn:
            _archive(conn)
        upgrade_database(empty_database_url)
        with engine.connect() as conn:
            stored = _stored(conn)
        assert [len(stored[1][0]), len(stored[1][1]), len(stored[2][0]), len(stored[2][1])] == [
            2,
            2,
            1,
            1,
        ]
        engine.dispose()
        downgrade_database(empty_database_url, "0017")
        with engine.connect() as conn:
            columns = conn.execute(
                text(
                    "SELECT count(*) FROM information_schema.columns "
                    "WHERE table_name = 'stories' AND column_name IN ('titles', 'actor_ids')"
                )
            ).scalar_one()
        assert columns == 0
    finally:
        engine.dispose()


#: The story's row as the counts refresh computed it before migration 0019 (after each join).
_SUMMARY = text(
    """
    SELECT s.title, s.first_published_at, s.last_published_at, s.article_count, s.outlet_count,
           s.languages, s.countries
    FROM stories s WHERE s.id = :story
    """
)


def test_an_article_joining_a_story_writes_its_row_once_with_title_times_and_counts(
    engine: Engine,
) -> None:
    """The join's trigger recomputes the whole row; the store writes it no second time."""
    with engine.begin() as conn:
        _, _, blinken = _archive(conn)
        other = conn.execute(
            text(
                "INSERT INTO outlets (slug, name, language, kind) "
                "VALUES ('f', 'F', 'fr', 'newspaper') RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO articles (id, outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at, language, "
                "countries) OVERRIDING SYSTEM VALUE VALUES (4, :outlet, 'https://f.example/4', "
                "'https://f.example/4', 'https://f.example/4', 'Blinken à Manille', 'Corps', 1, "
                "md5('4'), 4, 'test', :at, 'fr', ARRAY['ph', 'us'])"
            ),
            {"outlet": other, "at": LATER},
        )
        conn.execute(
            text(
                "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) "
                "VALUES (4, :blinken, 1, :at)"
            ),
            {"blinken": blinken, "at": LATER},
        )
    with Session(engine) as session, session.begin():
        before = _story_updates(session)
        _join(session, _Article(4, other, "Blinken à Manille", "Corps", LATER, None), 2)
        assert _story_updates(session) - before == 1
    with engine.connect() as conn:
        assert tuple(conn.execute(_SUMMARY, {"story": 2}).one()) == (
            "Blinken lands in Manila",
            AT,
            LATER,
            2,
            2,
            ["fr"],
            ["ph", "us"],
        )
        assert _stored(conn)[2] == (["Blinken lands in Manila", "Blinken à Manille"], [blinken])


def test_a_refetch_that_moves_an_articles_time_moves_its_storys_times(engine: Engine) -> None:
    with engine.begin() as conn:
        _archive(conn)
        conn.execute(text("UPDATE articles SET published_at = :at WHERE id = 2"), {"at": LATER})
        first, last, count = conn.execute(
            text(
                "SELECT first_published_at, last_published_at, article_count "
                "FROM stories WHERE id = 1"
            )
        ).one()
        assert (first, last, count) == (AT, LATER, 2)


def _story_updates(session: Session) -> int:
    """Rows of stories this transaction has updated so far."""
    return int(
        session.execute(
            text("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'stories'")
        ).scalar_one()
    )
