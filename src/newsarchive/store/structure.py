"""Stories, actors and events for newly stored articles, assigned incrementally per batch.

Called after a batch of articles is written (fetch/pipelines.py). Each article is analysed once
(analysis/structure.py: by the crawl's extraction pool, else here), its actors and events are
linked, and it joins an open story or opens one (analysis/stories.py). Nothing is recomputed for
older articles: the only stories read are those whose latest article is within the story window
of the new one and that share an actor (stories.actor_ids) or an event with it and could join
it, found through indexes (ix_stories_actor_days, ix_events_kind_occurred_on), so a batch
costs the same however large the archive grows. A syndicated copy (articles.duplicate_of)
goes in its original's story.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, bindparam, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.analysis.actors import Actor
from newsarchive.analysis.events import Event
from newsarchive.analysis.stories import (
    ACTOR_WEIGHT,
    BOUND_SLACK,
    EVENT_WEIGHT,
    JOIN_THRESHOLD,
    PLACE_WEIGHT,
    WINDOW,
    WORD_WEIGHT,
    Features,
    OpenStory,
    decide,
    event_keys,
    title_words,
    untold_story_bound,
)
from newsarchive.analysis.structure import Structure, find_structure
from newsarchive.store.models import STORY_ACTOR_DAYS
from newsarchive.store.models import Actor as ActorRow

log = logging.getLogger(__name__)

#: Reports of one event may give its day one apart (time zones, "yesterday" written after
#: midnight): events of one kind, country and main actor this close are the same event.
EVENT_DAY_TOLERANCE = 1


@dataclass(frozen=True)
class _Article:
    id: int
    outlet_id: int
    title: str
    text: str
    published_at: datetime
    duplicate_of: int | None


_LOAD = text(
    """
    SELECT url, id, outlet_id, title, text, coalesce(published_at, first_seen_at) AS published_at,
           duplicate_of
    FROM articles WHERE url IN :urls AND story_id IS NULL
    ORDER BY duplicate_of IS NOT NULL, coalesce(published_at, first_seen_at), id
    """
).bindparams(bindparam("urls", expanding=True))


def structure_of(article: _Article, found: Structure | None = None) -> Structure:
    """The article's actors and events: `found` (by the extraction pool) when it was found in
    the article's stored title, text and publication day, else found here."""
    day = article.published_at.date()
    if found is not None and found.fits(article.title, article.text, day):
        return found
    return find_structure(article.title, article.text, day)


def assign_urls(
    engine: Engine, urls: Sequence[str], found: Mapping[str, Structure] | None = None
) -> int:
    """Assign stories, actors and events to the articles stored under `urls`, with the
    structures the extraction pool `found` by URL; returns how many."""
    if not urls:
        return 0
    with Session(engine) as session, session.begin():
        return assign_in(session, urls, found)


#: Articles stored but left without a story: a batch replayed from the spool, or one whose
#: story assignment failed after its articles were committed. Only those older than
#: STRAY_MIN_AGE, so a batch another crawl process has just stored and is assigning right now
#: is left to it; SKIP LOCKED, so two runs sweeping at once never take the same article.
_STRAYS = text(
    """
    SELECT url FROM articles
    WHERE story_id IS NULL AND first_seen_at < now() - make_interval(secs => :min_age)
    ORDER BY coalesce(published_at, first_seen_at), id
    LIMIT :limit FOR UPDATE SKIP LOCKED
    """
)

#: How old a story-less article must be before a sweep assigns it (see _STRAYS).
STRAY_MIN_AGE = timedelta(minutes=10)


def assign_strays(
    engine: Engine, *, min_age: timedelta = STRAY_MIN_AGE, batch: int = 50, limit: int = 5000
) -> int:
    """Assign stories to stored articles left without one (see _STRAYS), oldest first, a batch
    per transaction; returns how many. Bounded by `limit` so a run's end stays short: what is
    left is swept by the next run."""
    taken = assigned = 0
    while taken < limit:
        with Session(engine) as session, session.begin():
            urls = session.scalars(
                _STRAYS, {"min_age": min_age.total_seconds(), "limit": min(batch, limit - taken)}
            ).all()
            if not urls:
                break
            taken += len(urls)
            assigned += assign_in(session, urls)
    return assigned


#: The candidates query is planned at an estimated cost above PostgreSQL's jit_above_cost
#: (100,000) once the window holds some hundred stories, and its JIT compilation then took
#: 160-220 ms of a 290-360 ms run, for a query that runs in well under 100 ms and once per
#: article: the store's transactions assign stories with JIT off.
_NO_JIT = text("SET LOCAL jit = off")


def assign_in(
    session: Session, urls: Sequence[str], found: Mapping[str, Structure] | None = None
) -> int:
    """assign_urls inside the caller's transaction (bench/scale.py times a batch and rolls it
    back); returns how many articles were assigned."""
    session.execute(_NO_JIT)
    rows = session.execute(_LOAD, {"urls": list(urls)}).all()
    found = found or {}
    _assign_all(session, [(_Article(*columns), found.get(url)) for url, *columns in rows])
    return len(rows)


def _named(structure: Structure) -> list[Actor]:
    """Every actor the links of a structure record: those named, then each event's parties."""
    return [actor for actor, _ in structure.actors] + [
        party.actor for event in structure.events for party in event.actors
    ]


def _assign_all(session: Session, articles: Sequence[tuple[_Article, Structure | None]]) -> None:
    """Put each article (with what the extraction pool found in it, if anything) in a story, in
    order. The structures of all are settled first and the actors they name recorded in one
    statement: a statement per actor was a third of a batch's round trips, and the round trips
    most of its time on an empty archive (bench/scale.py). Syndicated copies are left to
    `_link`: most join their original's story with no analysis."""
    found = {a.id: structure_of(a, s) for a, s in articles if a.duplicate_of is None}
    ids = _actor_ids(session, [actor for s in found.values() for actor in _named(s)])
    copies = [(a, s) for a, s in articles if a.duplicate_of is not None]
    for article, _ in articles:
        if article.duplicate_of is None:
            assign_article(session, article, found[article.id], ids)
    # The copies after every original of the batch (as _LOAD orders them), those whose
    # original has a story all in one statement: two statements per copy were most of a
    # batch's round trips when most of it is syndicated copies (bench/crawl.py's web).
    joined = _join_originals(session, [a.id for a, _ in copies])
    for article, structure in copies:
        if article.id not in joined:
            assign_article(session, article, structure, ids)


def _link(
    session: Session,
    article: _Article,
    structure: Structure | None = None,
    ids: Mapping[str, int] | None = None,
) -> tuple[list[int], list[Event], list[int], frozenset[tuple[str, str, str]]]:
    """Record an article's actors and events (`structure`, if found in it already; `ids`, the
    recorded actors by key, where the batch recorded them): (actor ids compared by stories, the
    events, their rows, the events' keys as stories compare them)."""
    found = structure_of(article, structure)
    ids = ids or {}
    missing = [actor for actor in _named(found) if _actor_key(actor) not in ids]
    if missing:
        ids = {**ids, **_actor_ids(session, missing)}
    actor_ids = _link_actors(session, article, found.actors, ids)
    events = list(found.events)
    event_ids = []
    keys: frozenset[tuple[str, str, str]] = frozenset()
    for event in events:
        event_id, party_ids, country = _link_event(session, article.id, event, ids)
        event_ids.append(event_id)
        states = (party.actor.country for party in event.actors)
        keys |= event_keys(
            event.kind, event.occurred_on.isoformat(), country, map(str, party_ids), states
        )
    return actor_ids, events, event_ids, keys


def assign_article(
    session: Session,
    article: _Article,
    found: Structure | None = None,
    ids: Mapping[str, int] | None = None,
) -> int:
    """Link one article's actors and events (`found` by the extraction pool, if it was; `ids` as
    for `_link`) and put it in a story; returns the story id."""
    if article.duplicate_of is not None:
        original = session.execute(
            text("SELECT story_id FROM articles WHERE id = :id"), {"id": article.duplicate_of}
        ).scalar()
        if original is not None:
            _join(session, article, int(original))
            return int(original)
    actor_ids, events, event_ids, keys = _link(session, article, found, ids)
    features = Features(
        published_at=article.published_at,
        title_words=title_words(article.title),
        actors=frozenset(str(a) for a in actor_ids),
        places=frozenset(e.place for e in events if e.place),
        events=keys,
    )
    decision = decide(features, _open_stories(session, article, actor_ids, event_ids, features))
    if decision.story is None:
        story = session.execute(
            text(
                "INSERT INTO stories (title, first_published_at, last_published_at) "
                "VALUES (:title, :at, :at) RETURNING id"
            ),
            {"title": article.title, "at": article.published_at},
        ).scalar_one()
    else:
        story = decision.story
        for other in decision.merge:
            _merge(session, other, story, article.id)
    _join(session, article, int(story), event_ids)
    return int(story)


def _claim_events(session: Session, event_ids: list[int], story: int | None) -> None:
    """Events first reported by an article belong to its story."""
    if event_ids and story is not None:
        session.execute(
            text(
                "UPDATE events SET story_id = :story WHERE id IN :ids AND story_id IS NULL"
            ).bindparams(bindparam("ids", expanding=True)),
            {"story": story, "ids": event_ids},
        )


_RELINK = text(
    """
    SELECT id, outlet_id, title, text, coalesce(published_at, first_seen_at) AS published_at,
           duplicate_of, story_id
    FROM articles WHERE id IN :ids AND duplicate_of IS NULL
    ORDER BY coalesce(published_at, first_seen_at), id
    """
).bindparams(bindparam("ids", expanding=True))

_UNLINK = (
    text("DELETE FROM event_articles WHERE article_id IN :ids RETURNING event_id").bindparams(
        bindparam("ids", expanding=True)
    ),
    text("DELETE FROM article_actors WHERE article_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    ),
)


def relink(
    engine: Engine, article_ids: Sequence[int], found: Mapping[int, Structure] | None = None
) -> tuple[int, int]:
    """Recompute the actors and events of stored articles in place, after their text was
    re-extracted or the gazetteer or event rules changed (`newsarchive reextract`).

    Their old links go; events that only they reported go with them; the fresh ones are found
    exactly as the crawl finds them (a report of a known event links to its row). Stories are
    left as they are: regrouping them is `newsarchive stories rebuild`, which reads these links.
    Syndicated copies have no analysis of their own and are skipped. `found` holds the
    structures the extraction pool found, by article id. Returns (articles relinked, events
    they now report).
    """
    if not article_ids:
        return 0, 0
    ids = list(article_ids)
    with Session(engine) as session, session.begin():
        articles = [(_Article(*row[:6]), row[6]) for row in session.execute(_RELINK, {"ids": ids})]
        ids = [article.id for article, _ in articles]
        if not ids:
            return 0, 0
        dropped = session.scalars(_UNLINK[0], {"ids": ids}).all()
        session.execute(_UNLINK[1], {"ids": ids})
        if dropped:
            session.execute(
                text(
                    "DELETE FROM events e WHERE e.id IN :ids AND NOT EXISTS "
                    "(SELECT 1 FROM event_articles r WHERE r.event_id = e.id)"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": list(set(dropped))},
            )
        events = 0
        found = found or {}
        settled = {a.id: structure_of(a, found.get(a.id)) for a, _ in articles}
        names = _actor_ids(session, [actor for s in settled.values() for actor in _named(s)])
        for article, story in articles:
            _, _, event_ids, _ = _link(session, article, settled[article.id], names)
            _claim_events(session, event_ids, story)
            events += len(event_ids)
    return len(articles), events


def _actor_key(actor: Actor) -> str:
    return f"{actor.name.lower()}|{(actor.country or '').lower()}"


def _link_actors(
    session: Session,
    article: _Article,
    counts: Sequence[tuple[Actor, int]],
    ids: Mapping[str, int],
) -> list[int]:
    """Record the article's actors (each with its mentions), in one statement; returns those a
    story is compared on.

    States are left out of that comparison: every article on Iran names Iran, so a shared
    state says nothing about a shared event (analysis/countries.py already records them).
    """
    compared = []
    mentions: dict[int, int] = {}  # two actors of one key are one row: the last count stands
    for actor, count in counts:
        actor_id = ids[_actor_key(actor)]
        if actor.kind != "state":
            compared.append(actor_id)
        mentions[actor_id] = count
    if mentions:
        session.execute(
            _LINK_ACTORS,
            {
                "article": article.id,
                "actors": list(mentions),
                "mentions": list(mentions.values()),
                "at": article.published_at,
            },
        )
    return compared


#: An article's actor links with their mentions, in one statement of fixed text: an ORM insert
#: of a VALUES list was compiled anew for every article (~0.85 ms of the crawl process's CPU
#: each, its text changing with the number of actors).
_LINK_ACTORS = text(
    """
    INSERT INTO article_actors (article_id, actor_id, mentions, published_at)
    SELECT :article, u.actor_id, u.mentions, :at
    FROM unnest(CAST(:actors AS bigint[]), CAST(:mentions AS integer[])) AS u(actor_id, mentions)
    ON CONFLICT (article_id, actor_id) DO UPDATE SET mentions = excluded.mentions
    """
)


def _actor_ids(session: Session, actors: Sequence[Actor]) -> dict[str, int]:
    """Record actors, in one statement: their ids by key. An actor already recorded keeps its
    row (its name, kind and aliases as first recorded) and is marked from the gazetteer once
    any record of it is; so is one named twice here, whose first naming makes the row."""
    rows: dict[str, dict[str, object]] = {}
    for actor in actors:
        key = _actor_key(actor)
        row = rows.get(key)
        if row is None:
            rows[key] = {
                "key": key,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "aliases": list(actor.aliases),
                "office": actor.office,
                "in_gazetteer": actor.known,
            }
        elif actor.known:
            row["in_gazetteer"] = True
    if not rows:
        return {}
    statement = insert(ActorRow).values(list(rows.values()))
    upsert = statement.on_conflict_do_update(
        index_elements=["key"],
        set_={"in_gazetteer": ActorRow.in_gazetteer | statement.excluded.in_gazetteer},
    ).returning(ActorRow.key, ActorRow.id)
    return {key: int(actor_id) for key, actor_id in session.execute(upsert)}


#: An event's parties as this report names them and the report itself, in one round trip.
_REPORT = text(
    """
    WITH parties AS (
      INSERT INTO event_actors (event_id, actor_id, role)
      SELECT :event, p.actor_id, p.role
      FROM unnest(CAST(:actors AS bigint[]), CAST(:roles AS text[])) AS p(actor_id, role)
      ON CONFLICT DO NOTHING
    )
    INSERT INTO event_articles (event_id, article_id, evidence)
    VALUES (:event, :article, :evidence) ON CONFLICT DO NOTHING
    """
)

_SAME_EVENT = text(
    """
    SELECT e.id FROM events e
    JOIN event_actors ea ON ea.event_id = e.id AND ea.actor_id = :main AND ea.role = :role
    WHERE e.kind = :kind
      AND e.occurred_on BETWEEN CAST(:day AS date) - :tolerance AND CAST(:day AS date) + :tolerance
      AND (e.country = :country OR e.country IS NULL OR CAST(:country AS text) IS NULL)
    ORDER BY abs(e.occurred_on - CAST(:day AS date)), e.id
    LIMIT 1
    """
)


def _link_event(
    session: Session, article_id: int, event: Event, ids: Mapping[str, int]
) -> tuple[int, list[int], str | None]:
    """The event's row (an existing report's when kind, days, main actor and country agree):
    (its id, the ids of the actors this report names, the row's country)."""
    actor_ids = [(ids[_actor_key(a.actor)], a.role) for a in event.actors]
    main, role = actor_ids[0]
    event_id = session.execute(
        _SAME_EVENT,
        {
            "main": main,
            "role": role,
            "kind": event.kind,
            "day": event.occurred_on,
            "tolerance": EVENT_DAY_TOLERANCE,
            "country": event.country,
        },
    ).scalar()
    country = event.country
    if event_id is None:
        event_id = session.execute(
            text(
                "INSERT INTO events (kind, occurred_on, place, country) "
                "VALUES (:kind, :day, :place, :country) RETURNING id"
            ),
            {
                "kind": event.kind,
                "day": event.occurred_on,
                "place": event.place,
                "country": event.country,
            },
        ).scalar_one()
    else:  # a later report may say where
        country = session.execute(
            text(
                "UPDATE events SET place = coalesce(place, :place), "
                "country = coalesce(country, :country) WHERE id = :id RETURNING country"
            ),
            {"id": event_id, "place": event.place, "country": event.country},
        ).scalar()
    session.execute(
        _REPORT,
        {
            "event": event_id,
            "actors": [actor_id for actor_id, _ in actor_ids],
            "roles": [role for _, role in actor_ids],
            "article": article_id,
            "evidence": event.evidence,
        },
    )
    return int(event_id), [actor_id for actor_id, _ in actor_ids], country


# The stories of the window naming one of the actors are found among the stories whose latest
# article is within the window (ix_stories_last_published_at), by the actors their row carries
# (stories.actor_ids, kept by triggers, migration 0018): what they read grows with how much is
# published in eight days, not with the archive. They came from the links of those actors within
# the window (ix_article_actors_actor_published), each link's article probed for its story: the
# planner scanned the window's stories anyway, and the article probes (~280 per new article at a
# million articles, mostly read from disk) were most of the query (docs/structure.md). A story
# whose row names the actor only for an article older than the window is now found too; its
# features named the actor already. Its events are few and their rows change as later reports
# add a country, a place or a party, so they are read from the events as they are.
#
# Those stories are looked up by actor and day (ix_stories_actor_days, migration 0020): the keys
# of the article's actors on each UTC day of the window, each story indexed under its actors on
# the day of its latest article. Scanning the window's stories and testing their actor_ids read
# ~1,200 story rows per new article at a million articles, ~170 of them naming one of its actors
# (bench/scale.py); the lookup reads those ~170. The stories found are the same: a story within
# the window has its day among the window's nine, and two keys of days less than 100,000 apart
# are equal only for one actor. `shared` counts matches in the story's array instead of
# intersecting two sets per story (a hash table each).
#
# A story that cannot reach the join threshold whatever its events and titles say
# (analysis/stories.py, could_join: the same bound, from the actors the story and the article
# share, how many each names, whether the story has events, and how many an article telling
# events must share with a story telling none, untold_story_bound) is dropped before its events and
# titles are read and sent: at a million articles two common actors found ~160 stories per new
# article, nearly all sharing one actor of the story's four or five and nothing else, and
# reading, sending and scoring them grew the batch with the archive (bench/scale.py).
_CANDIDATES = text(
    f"""
    WITH candidates AS (
      SELECT s.id, s.last_published_at, s.actor_ids, s.titles,
        (SELECT count(DISTINCT a) FROM unnest(s.actor_ids) AS a
         WHERE a = ANY(CAST(:actor_array AS bigint[]))) AS shared,
        EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id) AS has_events
      FROM stories s
      WHERE s.last_published_at BETWEEN :since AND :until
        AND ({STORY_ACTOR_DAYS}
               && newsarchive_actor_days(CAST(:actor_array AS bigint[]), :since, :until)
             OR s.id = ANY(ARRAY(SELECT e.story_id FROM events e WHERE e.id IN :events))))
    SELECT c.id, c.last_published_at, c.actor_ids,
      ARRAY(SELECT DISTINCT e.place FROM events e WHERE e.story_id = c.id
            AND e.place IS NOT NULL) AS places,
      ARRAY(SELECT DISTINCT e.kind || '|' || e.occurred_on::text || '|' || k.key
            FROM events e CROSS JOIN LATERAL (
              SELECT e.country AS key WHERE e.country IS NOT NULL
              UNION ALL
              SELECT p.key FROM event_actors ea JOIN actors a ON a.id = ea.actor_id,
                LATERAL (VALUES ('@' || ea.actor_id::text), ('#' || a.country)) AS p(key)
              WHERE ea.event_id = e.id AND e.country IS NULL AND p.key IS NOT NULL) AS k
            WHERE e.story_id = c.id) AS events,
      array_to_string(c.titles, E'\n') AS titles
    FROM candidates c
    WHERE NOT :prune OR round(
        {EVENT_WEIGHT!r} * CASE WHEN :has_events AND c.has_events THEN 1
                    WHEN NOT :has_events AND c.shared >= 2 THEN 0.5
                    WHEN :has_events AND c.shared >= :untold_shared THEN 0.5 ELSE 0 END
        + {ACTOR_WEIGHT!r} * coalesce(c.shared::numeric
                          / nullif(least(:n_actors, cardinality(c.actor_ids)), 0), 0)
        + CASE WHEN :has_places AND c.has_events THEN {PLACE_WEIGHT!r} ELSE 0 END
        + {WORD_WEIGHT!r}, 6) >= {JOIN_THRESHOLD - BOUND_SLACK!r}
    ORDER BY c.id
    """
).bindparams(bindparam("events", expanding=True))


def _open_stories(
    session: Session,
    article: _Article,
    actor_ids: list[int],
    event_ids: list[int],
    features: Features | None = None,
) -> list[OpenStory]:
    """Stories near the article in time that share an actor or an event with it, each with
    the features of all its articles; given the article's `features`, only those that could
    join it (see _CANDIDATES). One query however many stories qualify: at a million
    articles a pair of common actors finds a hundred open stories, and a query per story cost
    more than the rest of the assignment (bench/scale.py)."""
    if not actor_ids and not event_ids:
        return []
    rows = session.execute(
        _CANDIDATES,
        {
            "since": article.published_at - WINDOW,
            "until": article.published_at + WINDOW,
            "actor_array": sorted(set(actor_ids)),
            "events": event_ids or [-1],
            "prune": features is not None,
            "n_actors": len(features.actors) if features else 0,
            "has_events": bool(features and features.events),
            "has_places": bool(features and features.places),
            "untold_shared": untold_story_bound(features) if features else 0,
        },
    ).all()
    stories = []
    for story_id, last, actors, places, events, titles in rows:
        told = Features(
            published_at=last,
            # One line per title: their words are the words of the lines (no word spans a line
            # break), found in one call, not cached (a long story's lines are long, and change
            # as it grows).
            title_words=title_words.__wrapped__(titles),
            actors=frozenset(map(str, actors)),
            places=frozenset(places),
            events=frozenset(_event_key(e) for e in events),
        )
        stories.append(OpenStory(int(story_id), last, told))
    return stories


def _merge(session: Session, other: int, into: int, article_id: int) -> None:
    """Move a bridged story's articles and events into `into`, and record the merge."""
    params = {"other": other, "into": into, "article": article_id}
    session.execute(text("UPDATE articles SET story_id = :into WHERE story_id = :other"), params)
    session.execute(text("UPDATE events SET story_id = :into WHERE story_id = :other"), params)
    session.execute(
        text("UPDATE story_merges SET into_story_id = :into WHERE into_story_id = :other"), params
    )
    session.execute(text("DELETE FROM stories WHERE id = :other"), params)
    session.execute(
        text(
            "INSERT INTO story_merges (merged_story_id, into_story_id, article_id) "
            "VALUES (:other, :into, :article)"
        ),
        params,
    )
    log.info("story %d merged into %d by article %d", other, into, article_id)


#: An article joins a story, and the events it first reported become the story's, in one round
#: trip. The story's row (title, times, counts, languages, countries, titles, actors) is then
#: recomputed once, by the statement trigger on articles (migrations 0018, 0019): refreshing
#: the counts here as well wrote the row a second time.
_JOIN = text(
    """
    WITH claimed AS (
      UPDATE events SET story_id = :story
      WHERE id = ANY(CAST(:events AS bigint[])) AND story_id IS NULL
    )
    UPDATE articles SET story_id = :story WHERE id = :id
    """
)


#: Syndicated copies whose original has a story join it (as assign_article would, one by one).
_JOIN_ORIGINALS = text(
    """
    UPDATE articles c SET story_id = o.story_id
    FROM articles o
    WHERE c.id = ANY(CAST(:ids AS bigint[])) AND o.id = c.duplicate_of AND o.story_id IS NOT NULL
    RETURNING c.id
    """
)


def _join_originals(session: Session, copy_ids: Sequence[int]) -> set[int]:
    """Put copies in their originals' stories in one statement; returns the ids it placed (a
    copy whose original has no story is left to assign_article)."""
    if not copy_ids:
        return set()
    return {int(i) for i in session.scalars(_JOIN_ORIGINALS, {"ids": list(copy_ids)})}


def _join(session: Session, article: _Article, story: int, event_ids: Sequence[int] = ()) -> None:
    """Put the article in the story with the events it first reported (see _claim_events)."""
    session.execute(_JOIN, {"story": story, "id": article.id, "events": list(event_ids)})


def _event_key(joined: str) -> tuple[str, str, str]:
    kind, day, country = joined.split("|")
    return kind, day, country


#: Articles re-assigned per transaction by `rebuild`: a crash loses at most one chunk's work.
REBUILD_CHUNK = 200

_UNASSIGN = (
    "DELETE FROM event_articles r USING articles a "
    "WHERE a.id = r.article_id AND coalesce(a.published_at, a.first_seen_at) >= :since",
    "DELETE FROM article_actors aa USING articles a "
    "WHERE a.id = aa.article_id AND coalesce(a.published_at, a.first_seen_at) >= :since",
    "UPDATE articles SET story_id = NULL "
    "WHERE coalesce(published_at, first_seen_at) >= :since AND story_id IS NOT NULL",
    "DELETE FROM events e "
    "WHERE NOT EXISTS (SELECT 1 FROM event_articles r WHERE r.event_id = e.id)",
    "DELETE FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)",
)

_TO_REBUILD = text(
    """
    SELECT id, outlet_id, title, text, coalesce(published_at, first_seen_at) AS published_at,
           duplicate_of
    FROM articles WHERE coalesce(published_at, first_seen_at) >= :since
    ORDER BY coalesce(published_at, first_seen_at), duplicate_of IS NOT NULL, id
    """
)


def rebuild(
    engine: Engine,
    since: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Recompute actors, events and stories of the articles published since `since` (all by
    default), in publication order as if they had just been crawled.

    Returns (articles assigned, stories in the archive).

    Stories and events of older articles stay, and rebuilt articles may join them. Used after
    the gazetteer or the event rules change (`newsarchive stories rebuild`).
    """
    bound = since or datetime(1, 1, 1, tzinfo=UTC)
    with Session(engine) as session, session.begin():
        # Stories that keep older articles are recomputed without the rest by the trigger on
        # articles (migration 0019) as their articles leave them.
        for statement in _UNASSIGN:
            session.execute(text(statement), {"since": bound})
        articles = [_Article(*row) for row in session.execute(_TO_REBUILD, {"since": bound})]
    done = 0
    for start in range(0, len(articles), REBUILD_CHUNK):
        with Session(engine) as session, session.begin():
            session.execute(_NO_JIT)
            _assign_all(session, [(a, None) for a in articles[start : start + REBUILD_CHUNK]])
        done = min(start + REBUILD_CHUNK, len(articles))
        if progress is not None:
            progress(done, len(articles))
    with Session(engine) as session:
        stories = session.execute(text("SELECT count(*) FROM stories")).scalar_one()
    return len(articles), int(stories)
