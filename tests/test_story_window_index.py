"""Story assignment's candidate lookup reads the stories of the window, not the archive.

For each new article the store looks for the stories of the last days that name one of its
actors (store/structure.py, _CANDIDATES): the stories whose latest article is within the window
(ix_stories_last_published_at) and that are indexed under one of its actors on one of the
window's days (ix_stories_actor_days, migration 0020), each with the actors its articles name
(stories.actor_ids, migration 0018). article_actors carries its article's time (migration
0017), which a trigger keeps equal to the article's when a re-fetch or a re-extraction changes
it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, bindparam, text
from sqlalchemy.orm import Session

from newsarchive.analysis.stories import WINDOW
from newsarchive.store.structure import _CANDIDATES, _Article, _open_stories
from tests.support import outlet_and_three_people

START = datetime(2026, 1, 1, tzinfo=UTC)


def _archive(engine: Engine) -> list[int]:
    """200 articles an hour apart, each in a story of its own and naming one of three actors
    (article g names actor g mod 3); returns the actor ids."""
    with engine.begin() as conn:
        outlet, actors = outlet_and_three_people(conn)
        conn.execute(
            text(
                "INSERT INTO stories (id, title, first_published_at, last_published_at) "
                "SELECT g, 'Story ' || g, :start + g * interval '1 hour', "
                ":start + g * interval '1 hour' FROM generate_series(1, 200) g"
            ),
            {"start": START},
        )
        conn.execute(
            text(
                "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at, story_id) "
                "SELECT :outlet, 'https://w.example/' || g, 'https://w.example/' || g, "
                "'https://w.example/' || g, 'T', 'Body', 1, md5(g::text), g, 'test', "
                ":start + g * interval '1 hour', g FROM generate_series(1, 200) g"
            ),
            {"outlet": outlet, "start": START},
        )
        conn.execute(
            text(
                "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) "
                "SELECT a.id, (:actors)[a.story_id % 3 + 1], 1, a.published_at FROM articles a"
            ),
            {"actors": actors},
        )
    return actors


def test_the_stories_naming_an_actor_come_from_the_stories_of_the_window_alone(
    engine: Engine,
) -> None:
    actors = _archive(engine)
    explain = text("EXPLAIN (FORMAT json) " + _CANDIDATES.text).bindparams(
        bindparam("events", expanding=True)
    )
    with engine.begin() as conn:
        # A window as a large archive has it: thousands of stories, a few naming the actor.
        conn.execute(
            text(
                "INSERT INTO stories (id, title, first_published_at, last_published_at, "
                "actor_ids) SELECT g, 'Other ' || g, :start + g * interval '1 minute', "
                ":start + g * interval '1 minute', ARRAY[1000000 + g] "
                "FROM generate_series(1000, 13000) g"
            ),
            {"start": START},
        )
    with engine.connect() as conn:
        conn.execute(text("ANALYZE stories"))
        conn.execute(text("SET enable_seqscan = off"))
        plan = json.dumps(
            conn.execute(
                explain,
                {
                    "since": START + timedelta(hours=100),
                    "until": START + timedelta(hours=172),
                    "actor_array": actors[:1],
                    "events": [-1],
                    "prune": True,
                    "n_actors": 1,
                    "has_events": False,
                    "has_places": False,
                    "untold_shared": 4,
                },
            ).scalar()
        )
    # The stories are looked up by the actor's keys on the window's days (2026-01-05 to
    # 2026-01-08: days 20458 to 20461 since 1970), not read for the whole window.
    assert '"Index Name": "ix_stories_actor_days"' in plan
    condition = plan.split('"Index Name": "ix_stories_actor_days"')[1]
    condition = condition.split('"Index Cond": "', 1)[1].split('"', 1)[0]
    keys = ",".join(str(actors[0] * 100000 + day) for day in range(20458, 20462))
    assert condition.endswith(f"&& '{{{keys}}}'::bigint[])")
    # No article and no actor link is read to find them.
    assert '"Relation Name": "articles"' not in plan
    assert '"Relation Name": "article_actors"' not in plan


def test_an_article_finds_the_stories_of_the_window_that_name_its_actors(engine: Engine) -> None:
    actors = _archive(engine)
    new = _Article(0, 0, "New", "Body", START + timedelta(hours=136), None)
    with Session(engine) as session:
        found = {story.id for story in _open_stories(session, new, actors[:1], [])}
    # Article g names actor 0 when g % 3 == 0 and is published at hour g.
    hours = WINDOW // timedelta(hours=1)
    assert found == {g for g in range(136 - hours, 201) if g % 3 == 0 and g >= 1}


def test_an_article_whose_time_changes_moves_its_actor_links_with_it(engine: Engine) -> None:
    actors = _archive(engine)
    later = START + timedelta(days=30)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE articles SET published_at = :at WHERE story_id = 3"), {"at": later}
        )
        # Undated: the time is when the archive first stored it.
        conn.execute(
            text("UPDATE articles SET published_at = NULL, first_seen_at = :at WHERE story_id = 6"),
            {"at": later + timedelta(hours=1)},
        )
        conn.execute(
            text(
                "UPDATE stories s SET last_published_at = "
                "coalesce(a.published_at, a.first_seen_at) "
                "FROM articles a WHERE a.story_id = s.id AND s.id IN (3, 6)"
            )
        )
        times = dict(
            conn.execute(
                text(
                    "SELECT a.story_id, aa.published_at FROM article_actors aa "
                    "JOIN articles a ON a.id = aa.article_id WHERE a.story_id IN (3, 6, 9)"
                )
            ).all()
        )
    assert times == {
        3: later,
        6: later + timedelta(hours=1),
        9: START + timedelta(hours=9),
    }
    new = _Article(0, 0, "New", "Body", later + timedelta(hours=2), None)
    with Session(engine) as session:
        assert {story.id for story in _open_stories(session, new, actors[:1], [])} == {3, 6}


def test_a_storys_keys_are_its_actors_on_each_utc_day_of_a_span(engine: Engine) -> None:
    """newsarchive_actor_days: actor id * 100000 + days since 1970-01-01, of each UTC day from
    the first time's to the last's (23:30 in New York on 4 January is 5 January in UTC)."""
    with engine.connect() as conn:
        keys = conn.execute(
            text(
                "SELECT newsarchive_actor_days(ARRAY[7, 3]::bigint[], "
                "'2026-01-04 23:30-05'::timestamptz, '2026-01-06 00:10+00'::timestamptz)"
            )
        ).scalar()
        none = conn.execute(
            text("SELECT newsarchive_actor_days('{}'::bigint[], now(), now())")
        ).scalar()
    assert keys == [320458, 320459, 720458, 720459]
    assert none == []
