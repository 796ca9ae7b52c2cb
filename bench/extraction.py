"""Body extraction quality on the article-extraction-benchmark, ours beside plain trafilatura.

Scores exactly as the dataset's README describes (4-token shingles, per-page normalised tp/fp/fn,
F1 of the mean precision and mean recall, exact-token accuracy), so the figures compare with the
published table printed at the end. Figures only; nothing is asserted.

    python bench/extraction.py [--dataset ../shared/benchmarks/aeb]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from newsarchive.extract import ArticleRecord, extract_article

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = REPO.parent / "shared" / "benchmarks" / "aeb"
PUBLISHED_BEST = (
    "published best: F1 0.970 (Zyte AutoExtract, rs_trafilatura), accuracy 0.470 (Zyte AutoExtract)"
)
_WORD = re.compile(r"\w+")


@dataclass
class Page:
    id: str
    url: str
    html: str
    truth: str


@dataclass
class Score:
    f1: float
    precision: float
    recall: float
    accuracy: float
    docs_per_second: float


def load(dataset: Path) -> list[Page]:
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        html = gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, item["url"], html.decode("utf-8"), item["articleBody"]))
    return pages


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    true, pred = shingles(truth), shingles(predicted)
    keys = true.keys() | pred.keys()
    tp = sum(min(true[k], pred[k]) for k in keys)
    fp = sum(max(0, pred[k] - true[k]) for k in keys)
    fn = sum(max(0, true[k] - pred[k]) for k in keys)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pages: list[Page], extract: Callable[[Page], str]) -> tuple[Score, dict[str, float]]:
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    per_page: dict[str, float] = {}
    started = time.perf_counter()
    outputs = [extract(page) for page in pages]
    elapsed = time.perf_counter() - started
    for page, predicted in zip(pages, outputs, strict=True):
        tp, fp, fn = page_counts(page.truth, predicted)
        if tp + fp > 0:
            precisions.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fn))
        exact += _WORD.findall(page.truth) == _WORD.findall(predicted)
        per_page[page.id] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(f1, precision, recall, exact / len(pages), len(pages) / elapsed), per_page


def ours(page: Page) -> str:
    record = extract_article(page.html, page.url)
    return record.text if isinstance(record, ArticleRecord) else ""


def plain_trafilatura(page: Page) -> str:
    return trafilatura.extract(page.html) or ""


def benchmark_runner_trafilatura(page: Page) -> str:
    """How the benchmark's own runner calls trafilatura (its published rows use this)."""
    return trafilatura.extract(page.html, include_comments=False) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages")
    args = parser.parse_args()
    pages = load(args.dataset)
    # Pay import and model-loading costs before timing either side.
    ours(pages[0])
    plain_trafilatura(pages[0])
    print(f"{len(pages)} pages from {args.dataset}")
    print(f"{'extractor':<32}{'F1':>7}{'P':>7}{'R':>7}{'acc':>7}{'docs/s':>9}")
    results = {}
    extractors = (
        ("newsarchive", ours),
        ("trafilatura.extract", plain_trafilatura),
        ("  same, include_comments=False", benchmark_runner_trafilatura),
    )
    for name, extract in extractors:
        result, per_page = score(pages, extract)
        results[name] = per_page
        print(
            f"{name:<32}{result.f1:>7.3f}{result.precision:>7.3f}{result.recall:>7.3f}"
            f"{result.accuracy:>7.3f}{result.docs_per_second:>9.1f}"
        )
    print(PUBLISHED_BEST)
    if args.worst:
        ranked = sorted(results["newsarchive"].items(), key=lambda item: item[1])
        for page_id, f1 in ranked[: args.worst]:
            print(
                f"  {f1:.3f} (trafilatura {results['trafilatura.extract'][page_id]:.3f}) {page_id}"
            )


if __name__ == "__main__":
    main()
