"""How well stories, events and actors come out of real-shaped articles: precision and recall.

Reads ten labelled sets in bench/data/structure/ (README there says how each was written): the
dev set articles.jsonl (150 articles in 36 stories, 143 event mentions, English, French, German
and Spanish; see compose.py beside it for how it was written), which the rules were tuned on, and
dev-2, heldout.jsonl (29 articles in 9 stories on other events, with Russian too): written after
the first rules as a held-out set and held out until 2026-12-06, when its misses (Russian words,
bare surnames, counterparts) were worked on, so it is development data now. dev-3, dev3.jsonl
(27 articles in 11 stories, en, fr, de, es, ru, tr), was written by hand on 2026-12-06 to probe
the general rules: visits told from the host's side, Russian and Turkish copy, surnames alone,
and distractors that share only kind and day (two summits, two exercises). dev-4, heldout2.jsonl
(94 articles in 24 stories, 90 event mentions of all eight kinds, en, fr, de, es, ru), was
written blind on 2026-12-06 (by someone who had not read the rules) as the held-out set and is
tuned on from 2026-12-07. dev-5, heldout3.jsonl (114 articles in 34 stories, 135 event
mentions of all eight kinds, en, fr, de, es, ru, it, pt, tr, zh), was written blind on
2026-12-07 by someone who had read neither the rules, the gazetteer nor the other sets' text,
as the held-out set, and is tuned on from 2026-12-07. dev-6, heldout4.jsonl (190 articles in
69 stories, 206 event mentions of all eight kinds, en, fr, zh, ru, ja, de, ar, tr, es, it, pt,
ko, fa, uk, pl), was written blind on 2026-12-07 the same way and never run through this bench
by its writer; it was the held-out set until 2026-12-08 and is tuned on since. dev-7,
heldout5.jsonl (187 articles in 86 stories, 294 event mentions, 19 languages), was written blind
the same way and was the held-out set until 2026-12-09; it is tuned on since. dev-8,
heldout6.jsonl (207 articles in 89 stories, 242 event mentions of all eight kinds, 21 languages),
was written blind the same way and was the held-out set until 2026-12-10; it is tuned on since.
dev-9, heldout7.jsonl (226 articles in 108 stories, 301 event mentions of all eight kinds, 21
languages), was written blind the same way and was the held-out set until 2026-12-11; it is tuned
on since. The held-out set is heldout8.jsonl (224 articles in 97 stories, 269 event mentions of
all eight kinds, 21 languages), written blind on 2026-12-07 the same way: only a set written
blind says how far the rules carry.

For each set it runs the package's own analysis on each article exactly as the store does
(actors, events, then online story clustering in publication order with the store's features),
and prints:

- stories: B-cubed precision and recall of the clustering against the gold stories;
- events, per field: precision and recall of (article, kind), (article, kind, visitor) for
  visits, and (article, kind, country | place | day) over all events;
- actors: precision and recall of (article, actor) for people, bodies and armed forces (states
  are left out: every article names some).

Names are compared folded (no accents, case or hyphens: "José Múcio" is "Jose Mucio"), and a
found actor matches a gold name that is one of its gazetteer spellings: the sets' writers spell
people and bodies in one usual English way each ("Sergey Lavrov", "Shanghai Cooperation
Organisation"), the gazetteer's canonical name may be another ("Sergei Lavrov").

Goals from issue 14: stories >= 0.90 both ways, event fields >= 0.85. No database, no network:
`python bench/structure.py [--show-misses N]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from newsarchive.analysis.actors import find_actors, fold, gazetteer
from newsarchive.analysis.events import Event, find_events
from newsarchive.analysis.stories import Clusterer, Features, event_keys, title_words

DATA = Path(__file__).parent / "data" / "structure" / "articles.jsonl"
#: Written apart from the rules as a held-out set; tuned on from 2026-12-06 (see above).
DEV_2 = DATA.with_name("heldout.jsonl")
#: Hand-written on 2026-12-06 to probe the rules that carry (see the module docstring).
DEV_3 = DATA.with_name("dev3.jsonl")
#: Written blind as the held-out set on 2026-12-06; tuned on from 2026-12-07 (see above).
DEV_4 = DATA.with_name("heldout2.jsonl")
#: Written blind as the held-out set on 2026-12-07; tuned on from 2026-12-07 (see above).
DEV_5 = DATA.with_name("heldout3.jsonl")
#: Written blind as the held-out set on 2026-12-07; tuned on from 2026-12-08 (see above).
DEV_6 = DATA.with_name("heldout4.jsonl")
#: Written blind as the held-out set on 2026-12-07; tuned on from 2026-12-09 (see above).
DEV_7 = DATA.with_name("heldout5.jsonl")
#: Written blind as the held-out set on 2026-12-07; tuned on from 2026-12-10 (see above).
DEV_8 = DATA.with_name("heldout6.jsonl")
#: Written blind as the held-out set on 2026-12-07; tuned on from 2026-12-11 (see above).
DEV_9 = DATA.with_name("heldout7.jsonl")
#: Written blind on 2026-12-07 by a writer who read no rule, gazetteer or other set's text; never
#: tuned on. Its figures are the ones to quote for text the rules have not seen.
HELD_OUT = DATA.with_name("heldout8.jsonl")
FIELDS = ("kind", "visitor", "country", "place", "day")


def load(path: Path = DATA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def analyse(article: dict[str, Any]) -> tuple[set[str], list[Event]]:
    """(names of non-state actors, events) as the store finds them."""
    body = f"{article['title']}\n{article['text']}"
    actors = {m.actor.name for m in find_actors(body) if m.actor.kind != "state"}
    published = datetime.fromisoformat(article["published_at"].replace("Z", "+00:00"))
    return actors, find_events(article["title"], article["text"], published.date())


def features(article: dict[str, Any], actors: set[str], events: list[Event]) -> Features:
    """The same features store/structure.py compares (actor names stand in for actor ids)."""
    return Features(
        published_at=datetime.fromisoformat(article["published_at"].replace("Z", "+00:00")),
        title_words=title_words(article["title"]),
        actors=frozenset(actors),
        places=frozenset(e.place for e in events if e.place),
        events=frozenset().union(
            *(
                event_keys(
                    e.kind,
                    e.occurred_on.isoformat(),
                    e.country,
                    (a.actor.name for a in e.actors),
                    (a.actor.country for a in e.actors),
                )
                for e in events
            )
        ),
    )


def b_cubed(gold: dict[str, str], found: dict[str, int]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering (item -> cluster) against gold labels."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_found: dict[int, set[str]] = defaultdict(set)
    for item, label in gold.items():
        by_gold[label].add(item)
        by_found[found[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        same = by_gold[gold[item]] & by_found[found[item]]
        precision += len(same) / len(by_found[found[item]])
        recall += len(same) / len(by_gold[gold[item]])
    return precision / len(gold), recall / len(gold)


def cluster(articles: list[dict[str, Any]], analysed: dict[str, Any]) -> dict[str, int]:
    """Online clustering in publication order, as the crawl stores articles."""
    clusterer = Clusterer()
    assigned: dict[str, int] = {}
    order = sorted(articles, key=lambda a: (a["published_at"], a["id"]))
    for index, article in enumerate(order):
        actors, events = analysed[article["id"]]
        assigned[article["id"]] = clusterer.add(index, features(article, actors, events))
    # Merges move articles: read the final membership back.
    final: dict[int, int] = {}
    for story in clusterer.stories.values():
        for index in story.articles:
            final[index] = story.id
    return {a["id"]: final[i] for i, a in enumerate(order)}


def _field_items(
    article_id: str, events: Iterable[dict[str, Any]], name: str
) -> set[tuple[str, ...]]:
    items: set[tuple[str, ...]] = set()
    for event in events:
        if name == "kind":
            items.add((article_id, event["kind"]))
        elif name == "visitor":  # folded: "José Múcio" is "Jose Mucio"
            if event["kind"] == "visit" and event["visitor"]:
                items.add((article_id, fold(event["visitor"])))
        elif event[name] is not None:
            items.add((article_id, event["kind"], event[name]))
    return items


@cache
def _spellings() -> dict[str, frozenset[str]]:
    """Folded canonical name -> the folded spellings the gazetteer knows for that actor."""
    return {
        fold(actor.name): frozenset(fold(p) for p in (actor.name, *actor.aliases))
        for actor in gazetteer().actors
    }


def _as_gold(found: set[tuple[str, ...]], gold: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Found (article, folded name) items, each under the gold's spelling when the gold of its
    article names the same actor another way the gazetteer knows ("Sergey Lavrov")."""
    gold_names: dict[str, set[str]] = defaultdict(set)
    for article_id, name in gold:
        gold_names[article_id].add(name)
    out: set[tuple[str, ...]] = set()
    for article_id, name in found:
        same = set()
        if name not in gold_names[article_id]:
            same = gold_names[article_id] & _spellings().get(name, frozenset())
        out.add((article_id, min(same)) if same else (article_id, name))
    return out


def _as_labels(events: list[Event]) -> list[dict[str, Any]]:
    return [
        {
            "kind": e.kind,
            "visitor": e.main_actor.name if e.kind == "visit" else None,
            "country": e.country,
            "place": e.place,
            "day": e.occurred_on.isoformat(),
        }
        for e in events
    ]


def _pr(found: set[tuple[str, ...]], gold: set[tuple[str, ...]]) -> tuple[float, float, int, int]:
    hit = len(found & gold)
    return (hit / len(found) if found else 1.0, hit / len(gold) if gold else 1.0, len(found),
            len(gold))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print up to N wrong or missed items per measure")  # fmt: skip
    parser.add_argument("--set", action="append", dest="sets", metavar="FILE",
                        help="score only this set (file name, e.g. heldout3.jsonl); repeatable, "
                        "so a blind set can be left out")  # fmt: skip
    parser.add_argument("--held-out", action="store_true",
                        help=f"also score the held-out set ({HELD_OUT.name}); left out by "
                        "default, so whoever tunes the rules never sees its figures by "
                        "accident")  # fmt: skip
    args = parser.parse_args(argv)
    sets: tuple[tuple[str, Path], ...] = (
        ("dev set (rules tuned on it)", DATA),
        ("dev-2 (former held-out, tuned on from 2026-12-06)", DEV_2),
        ("dev-3 (hand-written 2026-12-06 to probe new rules)", DEV_3),
        ("dev-4 (written blind 2026-12-06, tuned on from 2026-12-07)", DEV_4),
        ("dev-5 (written blind 2026-12-07, tuned on from 2026-12-07)", DEV_5),
        ("dev-6 (written blind 2026-12-07, tuned on from 2026-12-08)", DEV_6),
        ("dev-7 (written blind 2026-12-07, tuned on from 2026-12-09)", DEV_7),
        ("dev-8 (written blind 2026-12-07, tuned on from 2026-12-10)", DEV_8),
        ("dev-9 (written blind 2026-12-07, tuned on from 2026-12-11)", DEV_9),
    )
    if args.held_out:
        sets += (("held-out (written blind 2026-12-07, never tuned on)", HELD_OUT),)
    if args.sets:
        unknown = set(args.sets) - {path.name for _, path in sets}
        if unknown:
            parser.error(f"no such set: {', '.join(sorted(unknown))}")
        sets = tuple((name, path) for name, path in sets if path.name in args.sets)
    for name, path in sets:
        print(f"== {name}: {path.name}")
        report(load(path), args.show_misses)
        print()
    return 0


def report(articles: list[dict[str, Any]], show_misses: int) -> None:
    """Print the figures for one labelled set (and up to `show_misses` misses per measure)."""
    analysed = {a["id"]: analyse(a) for a in articles}
    stories = cluster(articles, analysed)
    gold_story = {a["id"]: a["story"] for a in articles}
    precision, recall = b_cubed(gold_story, stories)
    languages = sorted({a["language"] for a in articles})
    print(f"{len(articles)} articles, {len(set(gold_story.values()))} gold stories, "
          f"{sum(len(a['events']) for a in articles)} event mentions, languages "
          f"{', '.join(languages)}; {len(set(stories.values()))} stories found")  # fmt: skip
    print(f"stories   B-cubed precision {precision:.3f}  recall {recall:.3f}   (goal 0.90)")
    misses: dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]] = {}
    for name in FIELDS:
        found: set[tuple[str, ...]] = set()
        gold: set[tuple[str, ...]] = set()
        for article in articles:
            found |= _field_items(article["id"], _as_labels(analysed[article["id"]][1]), name)
            gold |= _field_items(article["id"], article["events"], name)
        if name == "visitor":
            found = _as_gold(found, gold)
        p, r, nf, ng = _pr(found, gold)
        misses[name] = (found - gold, gold - found)
        print(f"event {name:<8} precision {p:.3f}  recall {r:.3f}   ({nf} found, {ng} gold; "
              "goal 0.85)")  # fmt: skip
    gold_actors: set[tuple[str, ...]] = {(a["id"], fold(n)) for a in articles for n in a["actors"]}
    found_actors = _as_gold(
        {(a["id"], fold(n)) for a in articles for n in analysed[a["id"]][0]}, gold_actors
    )
    p, r, nf, ng = _pr(found_actors, gold_actors)
    misses["actors"] = (found_actors - gold_actors, gold_actors - found_actors)
    print(f"actors    precision {p:.3f}  recall {r:.3f}   ({nf} found, {ng} gold)")
    by_language: dict[str, list[float]] = defaultdict(lambda: [0, 0])
    for article in articles:
        gold_days = _field_items(article["id"], article["events"], "day")
        found_days = _field_items(article["id"], _as_labels(analysed[article["id"]][1]), "day")
        by_language[article["language"]][0] += len(gold_days & found_days)
        by_language[article["language"]][1] += len(gold_days)
    print("event day recall by language: " + ", ".join(
        f"{lang} {hit / total:.2f} ({total:.0f})" for lang, (hit, total) in
        sorted(by_language.items()) if total))  # fmt: skip
    if show_misses:
        wrong_story = defaultdict(set)
        for article_id, story in stories.items():
            wrong_story[story].add(gold_story[article_id])
        mixed = {s: g for s, g in wrong_story.items() if len(g) > 1}
        print(f"\nfound stories mixing gold stories: {len(mixed)}")
        for story, golds in list(mixed.items())[:show_misses]:
            print(f"  {story}: {sorted(golds)}")
        # The recall side: a gold story told in several found stories, each part with its
        # articles (the language says which reports the rules failed to bring together).
        parts: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        language = {a["id"]: a["language"] for a in articles}
        for article_id, story in sorted(stories.items()):
            parts[gold_story[article_id]][story].append(f"{article_id} ({language[article_id]})")
        split = {g: pieces for g, pieces in parts.items() if len(pieces) > 1}
        print(f"\ngold stories split across found stories: {len(split)}")
        for label, pieces in sorted(split.items())[:show_misses]:
            print(f"  {label}: " + " | ".join(", ".join(ids) for ids in pieces.values()))
        for name, (extra, missed) in misses.items():
            print(f"\n{name}: {len(extra)} wrong, {len(missed)} missed")
            for item in sorted(extra, key=str)[:show_misses]:
                print(f"  wrong  {item}")
            for item in sorted(missed, key=str)[:show_misses]:
                print(f"  missed {item}")


if __name__ == "__main__":
    sys.exit(main())
