"""Topics and countries: milliseconds per article on a thousand-word seed story.

Both run on every stored article at crawl and re-extraction time, so their cost per article is
worth watching beside extraction's. Figures only; nothing is asserted.

    python bench/analysis.py [--runs 100] [--story iran_china_visit_explainer]
"""

from __future__ import annotations

import argparse
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from newsarchive.analysis import classify_topics, find_countries

REPO = Path(__file__).resolve().parent.parent
TEXTS = REPO / "tests" / "data" / "pages" / "stories"
STORIES = REPO / "tests" / "fixtureweb" / "stories"


def per_article_ms(
    function: Callable[[str, str], object], title: str, text: str, runs: int
) -> float:
    """Mean milliseconds of one call, after a warm-up call (taxonomy and patterns load once)."""
    function(title, text)
    started = time.perf_counter()
    for _ in range(runs):
        function(title, text)
    return (time.perf_counter() - started) / runs * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=100, help="calls timed per function")
    parser.add_argument("--story", default="iran_china_visit_explainer", help="seed story key")
    args = parser.parse_args()
    title = tomllib.loads((STORIES / f"{args.story}.toml").read_text(encoding="utf-8"))["title"]
    text = (TEXTS / f"{args.story}.txt").read_text(encoding="utf-8")
    words = len(text.split())
    for name, function in (
        ("classify_topics", classify_topics),
        ("find_countries", find_countries),
    ):
        ms = per_article_ms(function, title, text, args.runs)
        print(f"{name}: {ms:.2f} ms per article of {words} words ({args.runs} runs)")


if __name__ == "__main__":
    main()
