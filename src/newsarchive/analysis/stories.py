"""Stories: independent write-ups of one news event, grouped online as articles arrive.

Pure: the caller (store/structure.py) loads the open stories near an article's publication time
and applies the decision. An article joins the most similar open story when their evidence
agrees enough, or opens a story of its own; when it agrees with two stories at once it bridges
them and they merge. The similarity favours what survives translation and rewriting: the actors,
the events (kind, day, country) and the places; the title's words help within one language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

#: A story stays open to new articles this long after its latest article: four days, because
#: analyses and weekend pieces on an event come three to four days after its last report (the
#: Kazan summit's wrap, the Rosneft sanctions' analysis on dev-4); three days left them alone.
WINDOW = timedelta(days=4)
#: An article joins a story at this similarity or more (see `similarity`).
JOIN_THRESHOLD = 0.45

_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Features:
    """What an article (or a story, as the union of its articles) is compared on."""

    published_at: datetime
    title_words: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # (kind, ISO day, country or "@" party) of each event reported: see `event_keys`.
    events: frozenset[tuple[str, str, str]] = frozenset()


@dataclass
class OpenStory:
    id: int
    last_published_at: datetime
    features: Features
    articles: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """Join `story` (None: open a new one); `merge` are other stories the article bridges."""

    story: int | None
    merge: tuple[int, ...] = ()


def event_keys(
    kind: str,
    day: str,
    country: str | None,
    parties: Iterable[str],
    states: Iterable[str | None] = (),
) -> frozenset[tuple[str, str, str]]:
    """What reports of one event share: (kind, ISO day, country) when the event's country is
    known; else one key per party ("@" and the party), so that two summits or two exercises of
    one day somewhere unknown (NATO's and the African Union's, Russia and China's drills and the
    US and the Philippines') are not one event, while two reports of a call that name its two
    people in either order are; and one per state of its parties ("#" and the ISO code of
    `states`: a state party's own, a person's country), so that an agreement one report says
    Sweden and the United States signed and another says Pål Jonson and Lloyd Austin signed is
    one event (`_agree_within`)."""
    if country:
        return frozenset({(kind, day, country)})
    keys = {(kind, day, f"@{party}") for party in parties}
    keys.update((kind, day, f"#{code}") for code in states if code)
    return frozenset(keys)


@lru_cache(maxsize=8_192)
def title_words(title: str) -> frozenset[str]:
    """The words of four letters or more of a title, lower case. Cached: the store reads the
    titles of every candidate story for each new article, the same stories for the articles
    of one batch (at a million articles ~600 titles per article, a quarter of the store's
    client CPU for a batch, bench/scale.py). 8,192 titles hold a batch's candidates; a larger
    cache (each entry about 1.3 KB with its title) would grow the crawl process with every
    distinct title of a long crawl, against its memory bound."""
    return frozenset(w.lower() for w in _WORD.findall(title))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _parties(
    keys: frozenset[tuple[str, str, str]], mark: str = "@"
) -> dict[tuple[str, str], set[str]]:
    """(kind, day) -> the parties ("@") or the parties' states ("#", `mark`) of the events keyed
    on their parties (no country known)."""
    found: dict[tuple[str, str], set[str]] = {}
    for kind, day, where in keys:
        if where.startswith(mark):
            found.setdefault((kind, day), set()).add(where[1:])
    return found


#: Pairs of kinds two reports may tell one event as when they share two people: a visit and
#: its talks, a visit and the summit it was for (`_agree_within`).
_TOLD_AS_ONE = frozenset({frozenset({"visit", "meeting"}), frozenset({"visit", "summit"})})

#: Kinds one report may tell a visit's talks as, where one report keys them on their parties
#: ("Kishida arrived in Seoul", "Kishida and Yoon met": `_agree_within`).
_VISIT_TALKS = ("visit", "meeting")


#: How many days apart two reports may date one event when every person one of them names is
#: named by the other: a visit told on its first day by one outlet and the next morning by
#: another ("Blinken in Kyiv" on Tuesday, "Блінкен у Києві" dated Wednesday), a call made late
#: in one time zone and reported the next day in another.
DAY_TOLERANCE = 1


@lru_cache(maxsize=4_096)
def _days_around(day: str, tolerance: int) -> tuple[str, ...]:
    """`day` and the days at most `tolerance` before and after it (ISO): looked up in the other
    side's keys, so that comparing an article with a long story stays a few set lookups per
    key of the article rather than a pass over the story's keys for each."""
    if not tolerance:
        return (day,)
    start = date.fromisoformat(day)
    around = (start + timedelta(days=offset) for offset in range(-tolerance, tolerance + 1))
    return (day, *(other.isoformat() for other in around if other != start))


#: How many people two reports of one day must name in common to tell one event whatever
#: countries they give it (`_placed_apart`), by the pair of kinds they tell: the same two people
#: do not meet, or sit at a summit, in two countries on one day, and a visit told by one report
#: as its talks is the visit. One person visits two countries on one day (Biden in Bethlehem,
#: then Jeddah; Zelensky at Eindhoven, then Vojens), and the reports of each name the visitor
#: and often the host of the other, rarely a third person too (VISIT_SHARED). Other pairs never:
#: talks at a summit and the summit (Modi and Xi in Kazan), two agreements of one day (Zelensky
#: signing in Berlin, then in Paris).
VISIT_SHARED = 3
_PLACED_APART_SHARED = {
    frozenset({"meeting"}): 2,
    frozenset({"summit"}): 2,
    frozenset({"visit", "meeting"}): 2,
    frozenset({"visit"}): VISIT_SHARED,
}


def _placed_apart(a: Features, b: Features) -> bool:
    """Whether two reports tell one meeting, summit or visit of one day in two countries: the
    rules read a country from a dateline, a place recalled or a capital named in passing (the
    Biden-Xi meeting in Nusa Dua placed in Hanoi by a Vietnamese paper, Macron, Scholz and
    Draghi's train to Kyiv placed in France, Nehammer's talks with Putin in Kyiv), so the people
    in common (_PLACED_APART_SHARED) outweigh the countries."""
    shared = len(a.actors & b.actors)
    if shared < 2:
        return False
    told: dict[str, set[str]] = {}
    for kind, day, where in b.events:
        if where[0] not in "@#":
            told.setdefault(day, set()).add(kind)
    return any(
        shared >= _PLACED_APART_SHARED.get(frozenset({kind, other}), shared + 1)
        for kind, day, where in a.events
        if where[0] not in "@#"
        for other in told.get(day, ())
    )


#: A call one report tells as talks (a video call the Kremlin calls "переговоры") and another as a
#: call: one event when keyed on two parties in common (`_call_told_as_talks`).
_CALL_OR_TALKS = {"call": "meeting", "meeting": "call"}


def _call_told_as_talks(a: Features, b: Features) -> bool:
    """Whether one report keys a call and the other talks of the same day on two of the same
    parties (Putin and Xi's video call of 21 January 2025: "Переговоры с Председателем КНР" and
    "Xi and Putin hold video call"). Two calls of one leader that day stay apart (one party in
    common), and so do talks of other people."""
    theirs = _parties(b.events)
    for (kind, day), names in _parties(a.events).items():
        other = theirs.get((_CALL_OR_TALKS.get(kind, ""), day))
        if other and len(names & other) >= 2:
            return True
    return False


def _events_agree(a: Features, b: Features) -> bool:
    """Whether two articles (or stories) report one event: on the same day (`_agree_within`,
    `_placed_apart`, `_call_told_as_talks`), or on days DAY_TOLERANCE apart when the actors of
    one side are all among the other's and there is one at least (Biden in Kyiv on Monday and
    Meloni there on Tuesday, both received by Zelensky, are two visits: neither names only
    people the other names)."""
    if _agree_within(a, b, 0) or _placed_apart(a, b) or _call_told_as_talks(a, b):
        return True
    if not (a.actors and b.actors) or not (a.actors <= b.actors or b.actors <= a.actors):
        return False
    return _agree_within(a, b, DAY_TOLERANCE)


def _share_within(
    ours: Mapping[tuple[str, str], set[str]],
    theirs: Mapping[tuple[str, str], set[str]],
    tolerance: int,
    needed: int,
    *,
    smaller_side_suffices: bool = False,
) -> bool:
    """Whether events of one kind, dated at most `tolerance` days apart, share `needed` names
    (parties or states, as `_parties` maps them), or, when `smaller_side_suffices`, every name
    of the side naming fewer than that (a report naming only Xi and one naming Xi and Putin)."""
    for (kind, day), mine in ours.items():
        for near in _days_around(day, tolerance):
            other = theirs.get((kind, near))
            if not other:
                continue
            least = min(needed, len(mine), len(other)) if smaller_side_suffices else needed
            if len(mine & other) >= least:
                return True
    return False


def _agree_within(a: Features, b: Features, tolerance: int) -> bool:
    """Whether two articles (or stories) report one event, dated at most `tolerance` days apart.

    Events of known country agree on (kind, day, country). Events keyed on their parties agree
    when of one kind and day they share two parties, or all of the smaller side's when it has
    one (a report naming only Xi agrees with one naming Xi and Putin), so that Putin's call with
    Macron and his call with Biden of the same Saturday are two events. A report that knows the
    country and one that only names the parties agree when every party of the latter is among
    the former's actors ("Xi in Moskau" and "Xi Jinping arrived in Moscow"); a visit and talks
    of one day count as one kind there (_VISIT_TALKS).
    """
    located_a = [(k, d, w) for k, d, w in a.events if w[0] not in "@#"]
    if any((k, day, w) in b.events for k, d, w in located_a for day in _days_around(d, tolerance)):
        return True
    located_b = [(k, d, w) for k, d, w in b.events if w[0] not in "@#"]
    # A visit and talks of one day in one country, told as a visit by one report and as a
    # meeting by another ("Lammy in Peking: ... Wang Yi getroffen"), with two people in common:
    # the visit's talks; so are a visit and a summit ("李强出席金砖国家领导人第十七次会晤" read as
    # Li Qiang's visit to Brazil, the BRICS summit in Rio): the summit's guest. Talks and a
    # summit are not (Modi and Xi's talks at the BRICS summit in Kazan). Only of one day:
    # Trump's visit to Gyeongju and his talks with Xi in Busan the next day are two stories.
    if tolerance == 0 and len(a.actors & b.actors) >= 2:
        told: dict[tuple[str, str], set[str]] = {}
        for k, d, w in located_b:
            told.setdefault((d, w), set()).add(k)
        if any(
            frozenset({k, other}) in _TOLD_AS_ONE
            for k, d, w in located_a
            for other in told.get((d, w), ())
        ):
            return True
    parties_a, parties_b = _parties(a.events), _parties(b.events)
    if _share_within(parties_a, parties_b, tolerance, 2, smaller_side_suffices=True):
        return True
    # Reports naming the parties by different names (the states, their ministers) agree on two
    # states in common: an agreement "Sweden and the United States signed" and one "Jonson and
    # Austin signed". One state in common is not enough: Putin's call with Macron and his call
    # with Biden share Russia.
    states_a, states_b = _parties(a.events, "#"), _parties(b.events, "#")
    if _share_within(states_a, states_b, tolerance, 2):
        return True
    # A report that knows the country and one that names two states or more, the country among
    # them ("Finland and the United States signed" beside "signed in Washington").
    for states, keys in ((states_a, located_b), (states_b, located_a)):
        located = set(keys)
        for (kind, day), codes in states.items():
            if len(codes) >= 2 and any(
                (kind, near, code) in located
                for near in _days_around(day, tolerance)
                for code in codes
            ):
                return True
    for parties, keys, actors in (
        (parties_a, located_b, b.actors),
        (parties_b, located_a, a.actors),
    ):
        if not parties:
            continue
        kinds_days = {(k, d) for k, d, _ in keys}
        for (kind, day), names in parties.items():
            # A visit and talks count as one kind here on one day only (see above).
            kinds = _VISIT_TALKS if tolerance == 0 and kind in _VISIT_TALKS else (kind,)
            if names <= actors and any(
                (k, near) in kinds_days for k in kinds for near in _days_around(day, tolerance)
            ):
                return True
    return False


#: How many actors a report telling events must share with a story telling none to count as
#: half an event (`similarity`; could_join and the store's candidates query use it too): an
#: opinion piece on a visit names its two or three people as well, rarely four.
UNTOLD_STORY_SHARED = 4

#: How many people two reports telling events none of which agree must name in common, their
#: events within DAY_TOLERANCE days, for their actors to count in full (`_one_occasion`).
OCCASION_SHARED = 4


def _one_occasion(a: Features, b: Features) -> bool:
    """Whether two reports whose events disagree still name one occasion: four people in
    common and events a day apart at most. A leader's arrival for a summit told as his visit
    by one paper and the summit dated its second day by another (Putin in Brasília and the
    BRICS summit; Trump, Macron, Stoltenberg at NATO's London meeting) name the same leaders;
    Modi and Xi's talks at a summit and the summit share two. Back-to-back summits of the same
    leaders (the G7 and NATO) open days apart."""
    if len(a.actors & b.actors) < OCCASION_SHARED:
        return False
    days = {day for _, day, _ in b.events}
    return any(near in days for _, day, _ in a.events for near in _days_around(day, DAY_TOLERANCE))


#: How long after a story's latest report (or before it) an article telling no event may join
#: it on two people in common (`similarity`): a readout's prose or a paper's reaction comes
#: within a day or two; later, a piece naming the same people is commentary on them (an
#: Italian column on Europe's defence, four days after Macron, Merz, Starmer and Tusk were in
#: Kyiv, names all four).
UNTOLD_ARTICLE_LAG = timedelta(days=2)


def _party_groups(events: frozenset[tuple[str, str, str]]) -> list[set[str]]:
    """The parties of each event keyed on its parties (one set per kind and day) naming two
    or more."""
    return [names for names in _parties(events).values() if len(names) >= 2]


def _untold_story_named(article: Features, story_actors: frozenset[str]) -> bool:
    """Whether an article telling events names enough of a story's people for that story,
    which tells none the rules read, to count as half an event: UNTOLD_STORY_SHARED of them
    (an Arabic wire on the Sharm el-Sheikh summit joined by a report naming four of its
    people), or two who are the parties of one event the article keys on its parties (a
    Hebrew report of Biden's call with Netanyahu joined by the English one telling the call;
    a German report of Vučić and Hoti signing in Washington by the agreement's report): an
    opinion piece the morning of a visit names the visitor and the host, but the visit is
    keyed on its country."""
    shared = article.actors & story_actors
    if len(shared) >= UNTOLD_STORY_SHARED:
        return True
    return len(shared) >= 2 and any(
        len(p & story_actors) >= 2 for p in _party_groups(article.events)
    )


#: What each kind of agreement weighs in `similarity`; could_join's bound and the store's
#: candidates query (store/structure.py, _CANDIDATES) are derived from the same weights.
EVENT_WEIGHT = 0.45
ACTOR_WEIGHT = 0.35
PLACE_WEIGHT = 0.1
WORD_WEIGHT = 0.1


def _weighed(events: float, actors: float, places: float, words: float) -> float:
    """The weighted sum, rounded so that weights adding up to the threshold meet it despite
    binary fractions."""
    return round(
        EVENT_WEIGHT * events + ACTOR_WEIGHT * actors + PLACE_WEIGHT * places + WORD_WEIGHT * words,
        6,
    )


def similarity(a: Features, b: Features) -> float:
    """0..1: a shared event weighs most, then shared actors, places and title words.

    Actors are compared by overlap of the smaller set (a short write-up names fewer people
    than a long one, but the same ones).
    """
    agree = _events_agree(a, b)
    events = 1.0 if agree else 0.0
    small = min(len(a.actors), len(b.actors))
    actors = len(a.actors & b.actors) / small if small else 0.0
    if agree and small and not a.actors & b.actors and not a.places & b.places:
        # One kind of event on one day in one country, told by reports naming different people
        # (Germany's tanks for Ukraine announced by Scholz, the United States' by Biden): the
        # event alone no longer suffices. In one city it does: a summit told by the host's
        # agency naming the host and by a guest's paper naming the guest (the Arab League in
        # Baghdad: al-Sudani's and Sánchez's), talks told by each delegation's side.
        events = 0.5
    if a.events and b.events and not agree and not _one_occasion(a, b):
        # Both tell events and none is the other's: the same people in the same city on other
        # business (Modi and Xi's talks at the BRICS summit, Kishida in Kyiv while Xi was in
        # Moscow) are another story.
        actors /= 2
    if (
        not a.events
        and len(a.actors & b.actors) >= 2
        and abs(a.published_at - b.published_at) <= UNTOLD_ARTICLE_LAG
    ):
        # The article tells no event the rules read (a readout's prose, a language they read
        # less of) but names two of the people of the story's events, within two days of its
        # latest report: the same event told another way. Not the other way round on two or
        # three people: a story of an opinion piece naming the same people (NATO's new chief
        # the morning he is in Kyiv) is not joined by the visit.
        events = 0.5
    elif a.events and not b.events and _untold_story_named(a, b.actors):
        events = 0.5
    places = 1.0 if a.places & b.places else 0.0
    words = _jaccard(a.title_words, b.title_words)
    return _weighed(events, actors, places, words)


def could_join(
    article: Features, shared_actors: int, story_actors: int, story_has_events: bool
) -> bool:
    """Whether a story could reach JOIN_THRESHOLD with the article, from what its row says
    (how many actors it names, how many of them the article names, whether it has any event):
    an upper bound of `similarity`, so a story for which this is False is never joined or
    bridged. The store drops such stories in its candidates query (store/structure.py,
    _CANDIDATES, which computes the same bound), before their events and titles are read.

    Events can agree only when both sides tell some (else count half on two shared actors, or
    on `untold_story_bound` for an article telling events); places come from a story's events; title
    words count at most their whole weight; the actors' term is exact (halving only lowers it).
    """
    if article.events and story_has_events:
        events = 1.0
    elif shared_actors >= (untold_story_bound(article) if article.events else 2):
        events = 0.5
    else:
        events = 0.0
    small = min(len(article.actors), story_actors)
    actors = shared_actors / small if small else 0.0
    places = 1.0 if article.places and story_has_events else 0.0
    return _weighed(events, actors, places, 1.0) >= JOIN_THRESHOLD - BOUND_SLACK


def untold_story_bound(article: Features) -> int:
    """How many actors an article telling events must share with a story telling none for it
    to count as half an event at most (`_untold_story_named`): two when it keys an event on two
    parties or more, else UNTOLD_STORY_SHARED. The store's query takes the same figure."""
    return 2 if _party_groups(article.events) else UNTOLD_STORY_SHARED


#: How far below JOIN_THRESHOLD a story's bound may be and the story still be read: the bound is
#: computed in SQL's exact decimals and `similarity` in binary fractions, so a bound equal to the
#: threshold must never be dropped for a rounding difference.
BOUND_SLACK = 1e-6


def union(features: Iterable[Features]) -> Features:
    items = list(features)
    return Features(
        published_at=max(f.published_at for f in items),
        title_words=frozenset().union(*(f.title_words for f in items)),
        actors=frozenset().union(*(f.actors for f in items)),
        places=frozenset().union(*(f.places for f in items)),
        events=frozenset().union(*(f.events for f in items)),
    )


def decide(article: Features, stories: Sequence[OpenStory]) -> Decision:
    """Where an article goes among the open stories (those within WINDOW of it)."""
    scored = sorted(
        (
            (similarity(article, story.features), story.id)
            for story in stories
            if abs(article.published_at - story.last_published_at) <= WINDOW
        ),
        reverse=True,
    )
    agreeing = [story for score, story in scored if score >= JOIN_THRESHOLD]
    if not agreeing:
        return Decision(None)
    # Bridging two stories takes more than an event alone: a brief naming no one and nowhere
    # ("Leopards for Ukraine") must not merge Germany's and the United States' tanks for
    # Ukraine of the same day. It must share a person or a place with each story it bridges.
    # Nor does it merge two stories that each tell events and none of the other's: the same
    # people in two events (Modi at the SCO summit in Tianjin, then in his meeting with Putin
    # there) named by an article that tells neither.
    by_id = {story.id: story.features for story in stories}
    joined = by_id[agreeing[0]]
    bridged = [
        story
        for story in agreeing[1:]
        if (article.actors & by_id[story].actors or article.places & by_id[story].places)
        and not (joined.events and by_id[story].events and not _events_agree(joined, by_id[story]))
    ]
    return Decision(agreeing[0], tuple(bridged))


class Clusterer:
    """In-memory online clustering, for rebuilds and the benchmark: same decisions as the store."""

    def __init__(self) -> None:
        self.stories: dict[int, OpenStory] = {}
        self.merged_into: dict[int, int] = {}
        self._next = 1

    def add(self, article_id: int, features: Features) -> int:
        decision = decide(features, list(self.stories.values()))
        if decision.story is None:
            story = OpenStory(self._next, features.published_at, features, [article_id])
            self.stories[story.id] = story
            self._next += 1
            return story.id
        story = self.stories[decision.story]
        for other_id in decision.merge:
            other = self.stories.pop(other_id)
            story.articles += other.articles
            story.features = union([story.features, other.features])
            self.merged_into[other_id] = story.id
        story.articles.append(article_id)
        story.features = union([story.features, features])
        story.last_published_at = max(story.last_published_at, features.published_at)
        return story.id
