"""Per-article analysis (topics, countries, structure): ms per article, and a golden check.

Every stored article goes through `analyse()` (analysis/page.py) in the extraction pool, so its
cost per article is worth watching beside extraction's. Two kinds of article are timed:

- the AEB pages (/work/shared/benchmarks/aeb/html, or --aeb DIR), extracted first as the crawl
  extracts them, then analysed as the pool analyses them (`analyse`, and each of its parts);
- the labelled articles of bench/data/structure/*.jsonl but the blind held-out set (many
  languages, dense in events).

Figures are process time, one process, after a warm-up pass (tables load once per process).
`--dump FILE` writes every article's outputs (topics, relevance, countries, actors, events) as
JSON; `--compare FILE` checks them against such a dump and exits 1 on any difference, so a
change meant to make analysis cheaper can show it changed nothing.

    python bench/analysis.py [--runs 3] [--dump out.json | --compare out.json]
    python bench/analysis.py --story iran_china_visit_explainer   # one seed story, as before
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsarchive.analysis import classify_topics, find_countries
from newsarchive.analysis.structure import find_structure

REPO = Path(__file__).resolve().parent.parent
TEXTS = REPO / "tests" / "data" / "pages" / "stories"
STORIES = REPO / "tests" / "fixtureweb" / "stories"
STRUCTURE = REPO / "bench" / "data" / "structure"
#: The blind held-out set (bench/structure.py HELD_OUT): left out of the timing and the dumps.
HELD_OUT = frozenset({"heldout8.jsonl"})
AEB = Path("/work/shared/benchmarks/aeb/html")
#: The day AEB pages without a date of their own are taken as published (and fetched) on.
AEB_NOW = datetime(2025, 1, 7, tzinfo=UTC)


@dataclasses.dataclass(frozen=True)
class Article:
    key: str
    title: str
    text: str
    day: date


def per_article_ms(
    function: Callable[[str, str], object], title: str, text: str, runs: int
) -> float:
    """Mean milliseconds of one call, after a warm-up call (taxonomy and patterns load once)."""
    function(title, text)
    started = time.perf_counter()
    for _ in range(runs):
        function(title, text)
    return (time.perf_counter() - started) / runs * 1000


def aeb_articles(directory: Path) -> list[Article]:
    """The AEB pages that extract as articles, with the day `analyse` resolves dates against."""
    from newsarchive.extract import ArticleRecord, Evidence
    from newsarchive.extract.article import extract_article
    from newsarchive.extract.decoding import decode_html

    articles = []
    for path in sorted(directory.glob("*.html.gz")):
        html = decode_html(gzip.decompress(path.read_bytes()), None).text
        record = extract_article(html, f"http://aeb.test/{path.name}", Evidence(), now=AEB_NOW)
        if isinstance(record, ArticleRecord):
            day = (record.published_at or AEB_NOW).date()
            articles.append(Article(f"aeb/{path.name}", record.title or "", record.text, day))
    return articles


def structure_articles() -> list[Article]:
    """Every labelled article of bench/data/structure/*.jsonl but the held-out set's (its text
    stays unseen by whoever tunes the rules: a --compare listing would show its articles)."""
    articles = []
    for path in sorted(STRUCTURE.glob("*.jsonl")):
        if path.name in HELD_OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                published = datetime.fromisoformat(a["published_at"].replace("Z", "+00:00"))
                articles.append(
                    Article(f"{path.stem}/{a['id']}", a["title"], a["text"], published.date())
                )
    return articles


def outputs(article: Article) -> dict[str, Any]:
    """Everything analysis finds in one article, as JSON-ready values."""
    topics = classify_topics(article.title, article.text)
    structure = find_structure(article.title, article.text, article.day)
    return {
        "topics": list(topics.topics),
        "relevance": topics.relevance,
        "countries": list(find_countries(article.title, article.text)),
        "actors": [[dataclasses.asdict(a), n] for a, n in structure.actors],
        "events": [dataclasses.asdict(e) for e in structure.events],
        "day": structure.day,
        "source": structure.source.hex(),
    }


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def timings(articles: list[Article], runs: int) -> dict[str, float]:
    """Mean process-time milliseconds per article of each part of `analyse`, and of the whole
    (`analyse`), best of `runs`."""
    parts: dict[str, Callable[[Article], object]] = {
        "classify_topics": lambda a: classify_topics(a.title, a.text),
        "find_countries": lambda a: find_countries(a.title, a.text),
        "find_structure": lambda a: find_structure(a.title, a.text, a.day),
        # The three in a row on each article, as `analyse` runs them in the pool: what one
        # finds in a text the next may reuse (countries.py keeps the last texts' mentions).
        "analyse": lambda a: analyse(a.title, a.text, a.day),
    }
    for article in articles:  # warm-up: tables and patterns load once per process
        for part in parts.values():
            part(article)
    figures = {}
    for name, part in parts.items():
        best = float("inf")
        for _ in range(runs):
            started = time.process_time()
            for article in articles:
                part(article)
            best = min(best, time.process_time() - started)
        figures[name] = best / len(articles) * 1000
    return figures


def analyse(title: str, text: str, day: date) -> None:
    """What analysis/page.py's `analyse` does with an extracted article, in its order."""
    classify_topics(title, text)
    find_countries(title, text)
    find_structure(title, text, day)


def seed_story(story: str, runs: int) -> None:
    title = tomllib.loads((STORIES / f"{story}.toml").read_text(encoding="utf-8"))["title"]
    text = (TEXTS / f"{story}.txt").read_text(encoding="utf-8")
    words = len(text.split())
    for name, function in (
        ("classify_topics", classify_topics),
        ("find_countries", find_countries),
    ):
        ms = per_article_ms(function, title, text, runs)
        print(f"{name}: {ms:.2f} ms per article of {words} words ({runs} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="timed passes (the best is shown)")
    parser.add_argument("--story", help="time one seed story instead (tests/data/pages/stories)")
    parser.add_argument("--aeb", type=Path, default=AEB, help="directory of AEB .html.gz pages")
    parser.add_argument("--dump", type=Path, help="write every article's outputs here")
    parser.add_argument("--compare", type=Path, help="check outputs against this dump")
    parser.add_argument("--no-timing", action="store_true", help="only dump or compare")
    args = parser.parse_args()
    if args.story:
        seed_story(args.story, args.runs * 30)
        return 0
    sets = {"aeb": aeb_articles(args.aeb), "structure": structure_articles()}
    if not args.no_timing:
        for name, articles in sets.items():
            figures = timings(articles, args.runs)
            shown = ", ".join(f"{part} {ms:.2f}" for part, ms in figures.items())
            print(f"{name} ({len(articles)} articles): ms/article {shown}")
    if args.dump or args.compare:
        found = _json({a.key: outputs(a) for articles in sets.values() for a in articles})
        if args.dump:
            args.dump.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True))
            print(f"dumped {len(found)} articles to {args.dump}")
        if args.compare:
            golden = json.loads(args.compare.read_text(encoding="utf-8"))
            keys = golden.keys() | found.keys()
            differ = sorted(k for k in keys if golden.get(k) != found.get(k))
            for key in differ[:20]:
                was_all, now_all = golden.get(key) or {}, found.get(key) or {}
                for field in sorted(was_all.keys() | now_all.keys()):
                    was, now = was_all.get(field), now_all.get(field)
                    if was != now:
                        print(f"DIFF {key} {field}:\n  golden {was}\n  now    {now}")
            print(f"{len(differ)} of {len(golden)} articles differ from {args.compare}")
            return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
