"""Status rendering: the text report for a terminal or a cron mail, and JSON for scripts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from newsarchive.status.model import NO_RUNS, STALE, ArchiveStatus, OutletStatus, RunStatus


def render_json(status: ArchiveStatus) -> str:
    return json.dumps(status.as_json(), indent=2, ensure_ascii=False)


def render_text(status: ArchiveStatus) -> str:
    """A plain-text report for a terminal or a cron mail: header, table, details, verdict."""
    lines = [*_header(status), "", *_table(status)]
    lines += _failing_sources(status) + _retired(status)
    lines += ["", _verdict(status)]
    return "\n".join(lines)


def _header(status: ArchiveStatus) -> list[str]:
    """The moment, the last run with its alerts, runs in progress, archive-wide flags."""
    now = status.generated_at
    lines = [
        f"newsarchive status at {_when(now)} (an outlet is silent after {status.silent_days}"
        f" days without a new article)"
    ]
    if NO_RUNS in status.flags:
        lines.append("NO_RUNS: no crawl run is recorded in this database")
    if status.last_run is not None:
        lines += _last_run(status.last_run, now)
    for run in status.running:
        lines.append(f"running: run #{run.id} since {_when(run.started_at)}")
    if STALE in status.flags:
        newest = max(
            [r.started_at for r in status.running]
            + ([status.last_run.started_at] if status.last_run else [])
        )
        lines.append(f"STALE: no crawl run started for {_span(now - newest)}: is the job running?")
    return lines


def _last_run(run: RunStatus, now: datetime) -> list[str]:
    took = f", took {_span(run.finished_at - run.started_at)}" if run.finished_at else ""
    lines = [
        f"last run #{run.id}: {run.outcome}, started {_when(run.started_at)} "
        f"({_span(now - run.started_at)} ago){took}, {_n(run.articles_new, 'new article')}, "
        f"{_n(run.failures, 'failure')}, {_n(len(run.alerts), 'alert')}"
    ]
    for alert in run.alerts:
        where = f"{alert.get('outlet')}: " if alert.get("outlet") else ""
        lines.append(f"  alert {where}{alert.get('check')} - {alert.get('detail')}")
    if run.skipped_outlets:
        lines.append("  skipped (another run had them): " + ", ".join(run.skipped_outlets))
    return lines


_COLUMNS = (
    "OUTLET",
    "LAST GOOD RUN",
    "NEW 24H",
    "NEW 7D",
    "LAST NEW ARTICLE",
    "RETRYING",
    "GAVE UP",
    "FLAGS",
)


def _table(status: ArchiveStatus) -> list[str]:
    """One aligned row per outlet."""
    table = [_COLUMNS] + [_row(outlet, status.generated_at) for outlet in status.outlets]
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    if not status.outlets:
        lines.append("(no outlets in the database yet)")
    return lines


def _row(outlet: OutletStatus, now: datetime) -> tuple[str, ...]:
    good = (
        f"#{outlet.last_good_run_id} {_when(outlet.last_good_run_at)}"
        if outlet.last_good_run_id is not None
        else "never"
    )
    last_new = (
        f"{_when(outlet.last_new_article_at)} ({_span(now - outlet.last_new_article_at)})"
        if outlet.last_new_article_at
        else "never"
    )
    flags = " ".join(outlet.flags) or ("-" if outlet.in_rotation else "(not crawled)")
    return (
        outlet.slug,
        good,
        str(outlet.articles_24h),
        str(outlet.articles_7d),
        last_new,
        str(outlet.retry_waiting),
        str(outlet.gave_up),
        flags,
    )


def _failing_sources(status: ArchiveStatus) -> list[str]:
    now = status.generated_at
    failing = [(o.slug, s) for o in status.outlets for s in o.failing_sources]
    if not failing:
        return []
    lines = ["", "failing feeds and sitemaps:"]
    for slug, source in failing:
        since = (
            f"last success {_span(now - source.last_success_at)} ago"
            if source.last_success_at
            else "never succeeded"
        )
        mark = "FAILING " if source.flagged else ""
        streak = f" for {_span(now - source.failing_since)}" if source.failing_since else ""
        lines.append(
            f"  {mark}{slug} {source.kind} {source.url}: "
            f"{_n(source.consecutive_failures, 'failure')} in a row{streak}, {since}; "
            f"{source.last_error or 'no error recorded'}"
        )
    return lines


def _retired(status: ArchiveStatus) -> list[str]:
    retired = [o for o in status.outlets if not o.in_rotation]
    if not retired:
        return []
    return [
        "",
        "not in recent runs (not flagged): "
        + ", ".join(f"{o.slug} (last crawled {_when(o.last_crawled_at)})" for o in retired),
    ]


def _verdict(status: ArchiveStatus) -> str:
    """The last line: what cron mail readers look at."""
    if not status.flagged:
        return f"all well: {len(status.outlets)} outlets, nothing flagged"
    parts = [f"{o.slug} ({', '.join(o.flags)})" for o in status.outlets if o.flags]
    return f"flagged: {'; '.join(parts + list(status.flags))}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _span(delta: timedelta) -> str:
    """A duration as a person reads it: 45s, 12m, 5h, 3d."""
    seconds = max(delta.total_seconds(), 0)
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds // 60:.0f}m"
    if seconds < 48 * 3600:
        return f"{seconds // 3600:.0f}h"
    return f"{seconds // 86400:.0f}d"
