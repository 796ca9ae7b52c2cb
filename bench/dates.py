"""Publication-date accuracy on the htmldate sample of 200 news pages, ours beside htmldate.

A page scores when the calendar day extracted equals the expected day; no date counts as wrong.
Ours is scored on the day of `published_at` (UTC), on `published_on` (the outlet's own day, as
the archive stores it beside the instant), on the day as the page states it in its own time zone
(what the dataset's expectation means), and with the date
sources alone on every page, including those extraction turns away as non-articles (bot
challenges, forums, video pages, section fronts) and so gives no date. Figures only; nothing is
asserted.

    python bench/dates.py [--dataset ../shared/benchmarks/dates]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from htmldate import find_date

from newsarchive.extract import ArticleRecord, extract_article
from newsarchive.extract.article import Reading, read_article
from newsarchive.extract.boilerplate import prune_boilerplate
from newsarchive.extract.dates import find_published, guess_from_markup, guess_published
from newsarchive.extract.page import parse_page

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = REPO.parent / "shared" / "benchmarks" / "dates"


@dataclass
class Page:
    name: str
    url: str
    html: str
    expected: str  # YYYY-MM-DD


def load(dataset: Path) -> list[Page]:
    expected = json.loads((dataset / "expected.json").read_text(encoding="utf-8"))
    pages = []
    for name, item in sorted(expected.items()):
        raw = gzip.decompress((dataset / "pages" / name).read_bytes())
        pages.append(Page(name, item["url"], raw.decode("utf-8", "replace"), item["date"]))
    return pages


def ours_utc(page: Page) -> str | None:
    record = extract_article(page.html, page.url)
    if not isinstance(record, ArticleRecord) or record.published_at is None:
        return None
    return record.published_at.date().isoformat()


def ours_published_on(page: Page) -> str | None:
    """The outlet's own day as the archive stores it (`published_on`)."""
    record = extract_article(page.html, page.url)
    if not isinstance(record, ArticleRecord) or record.published_on is None:
        return None
    return record.published_on.isoformat()


def ours_page_day(page: Page) -> str | None:
    """The same extraction, the day read in the offset the page wrote its date with."""
    reading = read_article(page.html, page.url)
    if not isinstance(reading, Reading) or reading.published is None:
        return None
    return reading.published.value.date().isoformat()


def ours_date_chain(page: Page) -> str | None:
    """Our date sources on every page, even those extraction turns away as non-articles."""
    parsed = parse_page(page.html, page.url)
    if parsed is None:
        return None
    now = datetime.now(UTC)
    finding = find_published(parsed, None, now) or guess_from_markup(parsed.tree, page.url, now)
    if finding is None:
        prune_boilerplate(parsed.tree, page.url)
        finding = guess_published(parsed.tree, page.url, now)
    return finding.value.date().isoformat() if finding else None


def htmldate(page: Page) -> str | None:
    found = find_date(page.html, url=page.url, original_date=True)
    return str(found) if found else None


def accuracy(
    pages: list[Page], find: Callable[[Page], str | None]
) -> tuple[float, float, list[str]]:
    started = time.perf_counter()
    found = [find(page) for page in pages]
    elapsed = time.perf_counter() - started
    misses = [
        f"{page.name}: expected {page.expected}, got {day}"
        for page, day in zip(pages, found, strict=True)
        if day != page.expected
    ]
    return 1 - len(misses) / len(pages), len(pages) / elapsed, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--misses", action="store_true", help="list the pages we get wrong")
    args = parser.parse_args()
    pages = load(args.dataset)
    print(f"{len(pages)} pages from {args.dataset}")
    print(f"{'date finder':<46}{'accuracy':>9}{'docs/s':>9}")
    results = {}
    for name, find in (
        ("newsarchive published_at (UTC day)", ours_utc),
        ("newsarchive published_on (stored day)", ours_published_on),
        ("newsarchive, day in the page's own offset", ours_page_day),
        ("  same, date sources alone (no article gate)", ours_date_chain),
        ("htmldate find_date(original_date=True)", htmldate),
    ):
        share, speed, misses = accuracy(pages, find)
        results[name] = misses
        print(f"{name:<46}{share:>9.1%}{speed:>9.1f}")
    if args.misses:
        for miss in results["newsarchive, day in the page's own offset"]:
            print(f"  {miss}")


if __name__ == "__main__":
    main()
