"""Extraction's CPU time per page beside plain trafilatura's, measured fairly on a shared machine.

Issue #12 asks that extraction stay within 1.25 x plain trafilatura's time per page. Plain
trafilatura doing the same job as `extract_article` is one call that returns the body and the
metadata (title, date, author) from one parse: `trafilatura.extract(html, url=url,
output_format="json", with_metadata=True)`. The body alone (`trafilatura.extract(html)`, what
`bench/extraction.py` scores) is printed beside it for orientation.

Fair, because the machine is shared and its load changes by the second:
- CPU time of this process (`time.process_time`), not wall time: other processes' work is not
  counted, though they still slow ours through shared caches;
- both sides on the same pages in the same process, interleaved page by page (which side goes
  first alternates), so a burst of load lands on both alike;
- one untimed warm-up pass over every page first (imports, language model, lazy tables);
- several repeats: the per-repeat ratios are printed, the verdict uses the median ratio.

With several corpora (`--corpus all`: AEB, the dated pages and every gathered corpus of
`/work/corpora`), the median ratio of each corpus is printed too: a change that speeds up news
articles must not slow down fronts, recipes or forums. The verdict is on all pages together.

    python bench/speed.py [--corpus aeb --corpus dates | --corpus all] [--repeats 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import trafilatura

from corpora import DEFAULT_ROOT, SHARED, Page, load_corpora, sources
from newsarchive.extract import extract_article

NOW = datetime(2026, 12, 1, tzinfo=UTC)
TARGET = 1.25


def ours(page: Page) -> Any:
    return extract_article(page.html, page.url, now=NOW)


def trafilatura_json(page: Page) -> Any:
    return trafilatura.extract(page.html, url=page.url, output_format="json", with_metadata=True)


def trafilatura_body(page: Page) -> Any:
    return trafilatura.extract(page.html)


SIDES: dict[str, Callable[[Page], Any]] = {
    "newsarchive": ours,
    "trafilatura json+metadata": trafilatura_json,
    "trafilatura body only": trafilatura_body,
}


def one_repeat(pages: list[Page]) -> dict[str, dict[str, float]]:
    """CPU seconds of each side per corpus, the sides interleaved page by page."""
    spent: dict[str, dict[str, float]] = {}
    names = list(SIDES)
    for index, page in enumerate(pages):
        shift = index % len(names)  # who goes first rotates from page to page
        corpus = spent.setdefault(page.corpus, dict.fromkeys(SIDES, 0.0))
        for name in names[shift:] + names[:shift]:
            started = time.process_time()
            SIDES[name](page)
            corpus[name] += time.process_time() - started
    return spent


def _ratio(spent: dict[str, float]) -> float:
    return spent["newsarchive"] / spent["trafilatura json+metadata"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="gathered corpora")
    parser.add_argument("--shared", type=Path, default=SHARED, help="aeb and dates")
    parser.add_argument("--corpus", action="append", help="corpora to time, or all (default: aeb)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    only = set(args.corpus or ["aeb"])
    if "all" in only:
        only = set(sources(args.root, args.shared))
    corpora = load_corpora(args.root, args.shared, only)
    pages = [page for corpus in corpora.values() for page in corpus]
    if not pages:
        raise SystemExit("no pages: give --shared (aeb, dates) or --root")
    for page in pages:  # warm-up, untimed
        for side in SIDES.values():
            side(page)
    load = os.getloadavg()[0]
    print(f"{len(pages)} pages of {', '.join(corpora)}; load average {load:.1f} at start")
    ratios = []
    per_corpus: dict[str, list[float]] = {name: [] for name in corpora}
    for repeat in range(args.repeats):
        by_corpus = one_repeat(pages)
        spent = {name: sum(c[name] for c in by_corpus.values()) for name in SIDES}
        ms = {name: 1000 * seconds / len(pages) for name, seconds in spent.items()}
        ratio = _ratio(spent)
        ratios.append(ratio)
        for name, corpus_spent in by_corpus.items():
            per_corpus[name].append(_ratio(corpus_spent))
        print(
            f"repeat {repeat + 1}: "
            + ", ".join(f"{name} {value:.2f}" for name, value in ms.items())
            + f" ms/page CPU; newsarchive / json+metadata {ratio:.3f}"
        )
    if len(corpora) > 1:
        for name, corpus_ratios in per_corpus.items():
            print(
                f"  {name:<18}{len(corpora[name]):>6} pages  "
                f"median ratio {statistics.median(corpus_ratios):.3f}"
            )
    median = statistics.median(ratios)
    verdict = "within" if median <= TARGET else "over"
    print(
        f"median ratio {median:.3f} ({verdict} {TARGET}); "
        f"load average {os.getloadavg()[0]:.1f} at end"
    )


if __name__ == "__main__":
    main()
