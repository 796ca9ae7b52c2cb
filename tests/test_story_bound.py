"""Story assignment drops, before reading their events and titles, the stories that cannot reach
the join threshold (analysis/stories.py, `could_join`; store/structure.py, _CANDIDATES): the
bound must never drop a story `similarity` would join, and the query must drop exactly what the
bound drops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsarchive.analysis.stories import JOIN_THRESHOLD, Features, could_join, similarity
from newsarchive.store.structure import _Article, _open_stories
from tests.support import outlet_and_three_people

AT = datetime(2026, 2, 1, 12, tzinfo=UTC)

_ACTORS = st.frozensets(st.sampled_from("abcdef"), max_size=4)
_KEYS = st.frozensets(
    st.tuples(
        st.sampled_from(("visit", "meeting", "call")),
        st.sampled_from(("2026-02-01", "2026-02-02")),
        st.sampled_from(("ru", "cn", "@a", "@b", "@c")),
    ),
    max_size=3,
)
_FEATURES = st.builds(
    Features,
    published_at=st.just(AT),
    title_words=st.frozensets(st.sampled_from(("talks", "summit", "moscow", "kyiv")), max_size=3),
    actors=_ACTORS,
    places=st.frozensets(st.sampled_from(("Moscow", "Kyiv")), max_size=1),
    events=_KEYS,
)


@settings(max_examples=3000, deadline=None)
@given(_FEATURES, _FEATURES)
def test_no_story_the_bound_drops_could_be_joined(article: Features, story: Features) -> None:
    # A story's places come from its events: one with places has events.
    has_events = bool(story.events or story.places)
    if similarity(article, story) >= JOIN_THRESHOLD:
        assert could_join(
            article, len(article.actors & story.actors), len(story.actors), has_events
        )


def test_a_story_sharing_one_of_its_several_actors_and_nothing_else_is_dropped() -> None:
    article = Features(AT, actors=frozenset("ab"), events=frozenset({("visit", "d", "ru")}))
    assert not could_join(article, 1, 4, False)
    assert could_join(article, 1, 4, True)  # its events might agree
    assert could_join(article, 2, 4, False)  # both actors: 0.35 + title words
    assert could_join(article, 1, 1, False)  # all of its one actor


def _archive(engine: Engine) -> list[int]:
    """60 one-article stories an hour apart: story g names actor g mod 3, and actor (g + 1) mod 3
    too when g is even; stories g with g mod 5 == 0 have an event. Returns the actor ids."""
    with engine.begin() as conn:
        outlet, actors = outlet_and_three_people(conn)
        conn.execute(
            text(
                "INSERT INTO stories (id, title, first_published_at, last_published_at) "
                "SELECT g, 'Story ' || g, :at + g * interval '1 hour', "
                ":at + g * interval '1 hour' FROM generate_series(1, 60) g"
            ),
            {"at": AT},
        )
        conn.execute(
            text(
                "INSERT INTO articles (outlet_id, url, original_url, final_url, title, text, "
                "word_count, content_hash, simhash, extractor_version, published_at, story_id) "
                "SELECT :outlet, 'https://w.example/' || g, 'https://w.example/' || g, "
                "'https://w.example/' || g, 'Talks ' || g, 'Body', 1, md5(g::text), g, 'test', "
                ":at + g * interval '1 hour', g FROM generate_series(1, 60) g"
            ),
            {"outlet": outlet, "at": AT},
        )
        conn.execute(
            text(
                "INSERT INTO article_actors (article_id, actor_id, mentions, published_at) "
                "SELECT a.id, (:actors)[n % 3 + 1], 1, a.published_at FROM articles a, "
                "LATERAL (VALUES (a.story_id), (a.story_id + 1)) v(n) "
                "WHERE n = a.story_id OR a.story_id % 2 = 0"
            ),
            {"actors": actors},
        )
        conn.execute(
            text(
                "INSERT INTO events (kind, occurred_on, place, country, story_id) "
                "SELECT 'visit', (:at + g * interval '1 hour')::date, 'Moscow', 'ru', g "
                "FROM generate_series(5, 60, 5) g"
            ),
            {"at": AT},
        )
    return actors


def test_the_query_drops_exactly_the_stories_the_bound_drops(engine: Engine) -> None:
    actors = _archive(engine)
    new = _Article(0, 0, "Talks", "Body", AT + timedelta(hours=30), None)
    visit = frozenset({("visit", "2026-02-02", "ru")})
    kept_somewhere: set[int] = set()
    dropped_somewhere: set[int] = set()
    with Session(engine) as session:
        for named in (actors[:1], actors[:2], actors):
            # A call keyed on its two parties: a story telling no event and naming both
            # could join on two shared actors (untold_story_bound), not four.
            call = frozenset(("call", "2026-02-02", f"@{actor}") for actor in named[:2])
            for events in (frozenset(), visit, call):
                for places in (frozenset(), frozenset({"Moscow"})):
                    article = Features(
                        new.published_at,
                        actors=frozenset(map(str, named)),
                        places=places,
                        events=events,
                    )
                    every = _open_stories(session, new, named, [])
                    kept = {s.id for s in _open_stories(session, new, named, [], article)}
                    bound = {
                        s.id
                        for s in every
                        if could_join(
                            article,
                            len(article.actors & s.features.actors),
                            len(s.features.actors),
                            bool(s.features.events),
                        )
                    }
                    assert kept == bound
                    kept_somewhere |= kept
                    dropped_somewhere |= {s.id for s in every} - kept
    # Both happen: the comparison is not vacuous.
    assert len(kept_somewhere) > 10
    assert len(dropped_somewhere) > 10
