"""`newsarchive report` rendering: seconds and page size for a registry the size of the shipped one.

The queries are the status report's plus a few GROUP BYs; drawing the charts is the part that grows
with outlets and days. A synthetic report (163 outlets, N days, a third of them failing, every
17th silent) is rendered a few times; the heat map of outlets by day is timed on its own too.
Figures only; nothing is asserted.

    python bench/report.py [--outlets 163] [--days 30] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from newsarchive.report import ArchiveTotals, OutletReport, Report, render_html
from newsarchive.report.render import _heatmap
from newsarchive.status import ArchiveStatus

REASONS = ("dns", "timeout", "http_404", "http_503", "connection_refused", "robots", "tls")


def synthetic_report(outlets: int, days: int, now: datetime) -> Report:
    """A plausible month: 0 to 40 articles a day per outlet, failures for every third outlet."""
    chance = random.Random(1)
    period = tuple((now - timedelta(days=back)).date() for back in range(days - 1, -1, -1))
    rows = []
    for number in range(outlets):
        per_day = tuple(chance.choice((0, 1, 3, 8, 20, 40)) for _ in period)
        failures = (
            {reason: chance.randint(1, 30) for reason in chance.sample(REASONS, 2)}
            if number % 3 == 0
            else {}
        )
        rows.append(
            OutletReport(
                slug=f"outlet_{number:03d}",
                name=f"Outlet {number}",
                per_day=per_day,
                with_date=sum(per_day) * 9 // 10,
                with_body=sum(per_day) * 8 // 10,
                failures=failures,
                flags=("SILENT",) if number % 17 == 0 else (),
                in_rotation=True,
            )
        )
    articles = sum(row.articles for row in rows)
    totals = ArchiveTotals(
        outlets=outlets,
        articles=articles,
        with_date=articles * 9 // 10,
        with_body=articles * 8 // 10,
        first_stored=now - timedelta(days=days),
        runs={"ok": days * 20, "partial": days * 4},
        pages_fetched=articles * 2,
    )
    status = ArchiveStatus(now, 3, None, (), (), ())
    return Report(now, period, totals, tuple(rows), status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--outlets", type=int, default=163, help="outlets in the report")
    parser.add_argument("--days", type=int, default=30, help="days of the period")
    parser.add_argument("--runs", type=int, default=3, help="renderings timed")
    args = parser.parse_args()
    report = synthetic_report(args.outlets, args.days, datetime.now(UTC))
    render_html(report)  # warm-up: matplotlib's imports and font cache
    pages, heatmaps = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        page = render_html(report)
        pages.append(time.perf_counter() - started)
        started = time.perf_counter()
        heatmap = _heatmap(report)
        heatmaps.append(time.perf_counter() - started)
    print(f"report of {args.outlets} outlets x {args.days} days, median of {args.runs} runs:")
    print(f"  whole page  {statistics.median(pages):6.2f} s  {len(page) / 1024:7.0f} KiB")
    print(f"  heat map    {statistics.median(heatmaps):6.2f} s  {len(heatmap) / 1024:7.0f} KiB")


if __name__ == "__main__":
    main()
