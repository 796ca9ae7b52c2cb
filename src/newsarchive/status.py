"""`newsarchive status`: what an operator checks in the morning, one line per outlet.

Everything is read from the database the crawler keeps anyway (crawl_runs, pages, articles,
listing_sources, failed_urls); status writes nothing. The definitions, precisely:

- last good run: the newest finished run with outcome ok or partial that covered the outlet
  (its slug is in crawl_runs.outlets and not in skipped_outlets) and in which at least one of
  the outlet's feeds or sitemaps answered (a pages row of that run with outcome listed or
  not_modified). A partial run counts: it is usually partial because of other outlets or of
  some article pages; a run in which all of the outlet's listings failed does not.
- new articles in the last 24 h / 7 d: articles whose first_seen_at falls in the window (when
  the archive first stored them, not when the outlet says it published them).
- last new article: the newest first_seen_at of the outlet.
- failing source: a feed or sitemap with consecutive_failures > 0 that is still read (attempted
  within a day before the outlet's latest run, so a source since disabled in the registry or
  dropped from a sitemap index stops counting). It has failed since the first failed fetch after
  its last success (from pages), or its last failure when pages do not tell.
- in rotation: the outlet was in a run started within `silent_days` of the newest run. Outlets
  no longer crawled (removed from the registry, disabled) are listed, without their sources,
  and never flagged.

Flags (any one makes `newsarchive status` exit 3):

- SILENT: an outlet in rotation stored no new article for `silent_days` days (counted from its
  first run when it never stored any).
- FAILING: one of its sources has been failing for more than `failing_days` (default 1) days.
- GAVE_UP: article URLs were given up on (retries exhausted) in the last `gave_up_days` days.
  Older give-ups are still counted but no longer flagged, so one dead link does not keep a
  monitor red for ever.
- STALE (archive-wide): no crawl run started in the last `stale_hours` hours: the scheduler
  stopped. NO_RUNS: the database has no crawl run at all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

SILENT = "SILENT"
FAILING = "FAILING"
GAVE_UP = "GAVE_UP"
STALE = "STALE"
NO_RUNS = "NO_RUNS"

SILENT_DAYS = 3
FAILING_DAYS = 1.0
GAVE_UP_DAYS = 7
#: A job meant to run hourly or daily that has not started for this long has stopped.
STALE_HOURS = 36


@dataclass(frozen=True)
class RunStatus:
    """One crawl run, as the header shows it."""

    id: int
    outcome: str
    started_at: datetime
    finished_at: datetime | None
    articles_new: int
    failures: int
    alerts: tuple[dict[str, str], ...]
    skipped_outlets: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outcome": self.outcome,
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
            "articles_new": self.articles_new,
            "failures": self.failures,
            "alerts": list(self.alerts),
            "skipped_outlets": list(self.skipped_outlets),
        }


@dataclass(frozen=True)
class SourceStatus:
    """A feed or sitemap that is failing."""

    url: str
    kind: str
    consecutive_failures: int
    last_error: str | None
    last_success_at: datetime | None
    failing_since: datetime | None
    days_since_success: float | None  # None: it never answered
    flagged: bool  # failing for longer than failing_days

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "kind": self.kind,
            "consecutive_failures": self.consecutive_failures,
            "last_error": self.last_error,
            "last_success_at": _iso(self.last_success_at),
            "days_since_success": self.days_since_success,
            "failing_since": _iso(self.failing_since),
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class OutletStatus:
    """One outlet's health; `flags` is empty when nothing needs attention."""

    slug: str
    name: str
    in_rotation: bool
    last_crawled_at: datetime | None
    last_good_run_id: int | None
    last_good_run_at: datetime | None
    articles_24h: int
    articles_7d: int
    last_new_article_at: datetime | None
    failing_sources: tuple[SourceStatus, ...]
    retry_waiting: int
    gave_up: int
    gave_up_recent: int
    flags: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "in_rotation": self.in_rotation,
            "last_crawled_at": _iso(self.last_crawled_at),
            "last_good_run": (
                {"id": self.last_good_run_id, "finished_at": _iso(self.last_good_run_at)}
                if self.last_good_run_id is not None
                else None
            ),
            "articles_24h": self.articles_24h,
            "articles_7d": self.articles_7d,
            "last_new_article_at": _iso(self.last_new_article_at),
            "failing_sources": [source.as_json() for source in self.failing_sources],
            "failed_urls": {
                "retry_waiting": self.retry_waiting,
                "gave_up": self.gave_up,
                "gave_up_recent": self.gave_up_recent,
            },
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class ArchiveStatus:
    """The whole report: the last run, runs in progress, archive-wide flags and the outlets."""

    generated_at: datetime
    silent_days: int
    last_run: RunStatus | None
    running: tuple[RunStatus, ...]
    flags: tuple[str, ...]
    outlets: tuple[OutletStatus, ...]

    @property
    def flagged(self) -> bool:
        """Something needs a human: the command exits 3."""
        return bool(self.flags) or any(outlet.flags for outlet in self.outlets)

    def as_json(self) -> dict[str, Any]:
        return {
            "generated_at": _iso(self.generated_at),
            "silent_days": self.silent_days,
            "flagged": self.flagged,
            "flags": list(self.flags),
            "last_run": self.last_run.as_json() if self.last_run else None,
            "running": [run.as_json() for run in self.running],
            "outlets": [outlet.as_json() for outlet in self.outlets],
        }


def outlet_status(
    engine: Engine,
    *,
    silent_days: int = SILENT_DAYS,
    now: datetime | None = None,
    outlets: Sequence[str] = (),
) -> list[OutletStatus]:
    """Per-outlet health (every outlet in the database, or just `outlets`), by slug."""
    return list(archive_status(engine, silent_days=silent_days, now=now, outlets=outlets).outlets)


def archive_status(
    engine: Engine,
    *,
    silent_days: int = SILENT_DAYS,
    now: datetime | None = None,
    outlets: Sequence[str] = (),
    failing_days: float = FAILING_DAYS,
    gave_up_days: int = GAVE_UP_DAYS,
    stale_hours: float = STALE_HOURS,
) -> ArchiveStatus:
    """The status report as of `now` (default: the current time). See the module docstring."""
    now = now or datetime.now(UTC)
    slugs = list(dict.fromkeys(outlets))
    params: dict[str, Any] = {
        "now": now,
        "day": now - timedelta(days=1),
        "week": now - timedelta(days=7),
        "gave_up_since": now - timedelta(days=gave_up_days),
        "all": not slugs,
        "slugs": slugs,
    }
    with engine.connect() as conn:
        runs = [_run(row) for row in conn.execute(_RUNS, params)]
        rows = conn.execute(_OUTLETS, params).all()
        sources = conn.execute(_FAILING_SOURCES, params).all()
    finished = [run for run in runs if run.outcome != "running"]
    last_run = finished[0] if finished else None
    newest = max((run.started_at for run in runs), default=None)

    flags: list[str] = []
    if newest is None:
        flags.append(NO_RUNS)
    elif newest < now - timedelta(hours=stale_hours):
        flags.append(STALE)

    failing: dict[str, list[Any]] = {}
    for source in sources:
        failing.setdefault(source.slug, []).append(source)
    silent_for = timedelta(days=silent_days)
    failing_for = timedelta(days=failing_days)
    statuses = []
    for row in rows:
        in_rotation = (
            newest is not None
            and row.last_covered_at is not None
            and row.last_covered_at >= newest - silent_for
        )
        current = [
            source
            for source in failing.get(row.slug, [])
            if in_rotation
            and row.last_covered_at is not None
            and source.last_attempt_at is not None
            and source.last_attempt_at >= row.last_covered_at - timedelta(days=1)
        ]
        failing_sources = tuple(
            SourceStatus(
                url=source.url,
                kind=source.kind,
                consecutive_failures=source.consecutive_failures,
                last_error=source.last_error,
                last_success_at=source.last_success_at,
                failing_since=source.failing_since,
                days_since_success=(
                    round((now - source.last_success_at).total_seconds() / 86400, 2)
                    if source.last_success_at is not None
                    else None
                ),
                flagged=source.failing_since is not None
                and source.failing_since <= now - failing_for,
            )
            for source in current
        )
        outlet_flags: list[str] = []
        if in_rotation:
            quiet_since = row.last_new_article_at or row.first_covered_at
            if quiet_since is not None and quiet_since <= now - silent_for:
                outlet_flags.append(SILENT)
            if any(source.flagged for source in failing_sources):
                outlet_flags.append(FAILING)
            if row.gave_up_recent:
                outlet_flags.append(GAVE_UP)
        statuses.append(
            OutletStatus(
                slug=row.slug,
                name=row.name,
                in_rotation=in_rotation,
                last_crawled_at=row.last_covered_at,
                last_good_run_id=row.good_run_id,
                last_good_run_at=row.good_run_at,
                articles_24h=row.articles_24h,
                articles_7d=row.articles_7d,
                last_new_article_at=row.last_new_article_at,
                failing_sources=failing_sources,
                retry_waiting=row.retry_waiting,
                gave_up=row.gave_up,
                gave_up_recent=row.gave_up_recent,
                flags=tuple(outlet_flags),
            )
        )
    return ArchiveStatus(
        generated_at=now,
        silent_days=silent_days,
        last_run=last_run,
        running=tuple(run for run in runs if run.outcome == "running"),
        flags=tuple(flags),
        outlets=tuple(statuses),
    )


def unknown_outlets(engine: Engine, slugs: Sequence[str]) -> list[str]:
    """Which of these slugs no outlet in the database has (a typo on the command line)."""
    if not slugs:
        return []
    with engine.connect() as conn:
        known = set(
            conn.scalars(text("SELECT slug FROM outlets WHERE slug = ANY(:s)"), {"s": list(slugs)})
        )
    return [slug for slug in slugs if slug not in known]


# -- rendering -----------------------------------------------------------------------------------


def render_json(status: ArchiveStatus) -> str:
    return json.dumps(status.as_json(), indent=2, ensure_ascii=False)


def render_text(status: ArchiveStatus) -> str:
    """A plain-text report for a terminal or a cron mail: header, table, details, verdict."""
    now = status.generated_at
    lines = [
        f"newsarchive status at {_when(now)} (an outlet is silent after {status.silent_days}"
        f" days without a new article)"
    ]
    if NO_RUNS in status.flags:
        lines.append("NO_RUNS: no crawl run is recorded in this database")
    if status.last_run is not None:
        run = status.last_run
        took = f", took {_span(run.finished_at - run.started_at)}" if run.finished_at else ""
        lines.append(
            f"last run #{run.id}: {run.outcome}, started {_when(run.started_at)} "
            f"({_span(now - run.started_at)} ago){took}, {_n(run.articles_new, 'new article')}, "
            f"{_n(run.failures, 'failure')}, {_n(len(run.alerts), 'alert')}"
        )
        for alert in run.alerts:
            where = f"{alert.get('outlet')}: " if alert.get("outlet") else ""
            lines.append(f"  alert {where}{alert.get('check')} - {alert.get('detail')}")
        if run.skipped_outlets:
            lines.append("  skipped (another run had them): " + ", ".join(run.skipped_outlets))
    for run in status.running:
        lines.append(f"running: run #{run.id} since {_when(run.started_at)}")
    if STALE in status.flags:
        newest = max(
            [r.started_at for r in status.running]
            + ([status.last_run.started_at] if status.last_run else [])
        )
        lines.append(f"STALE: no crawl run started for {_span(now - newest)}: is the job running?")

    lines.append("")
    header = (
        "OUTLET",
        "LAST GOOD RUN",
        "NEW 24H",
        "NEW 7D",
        "LAST NEW ARTICLE",
        "RETRYING",
        "GAVE UP",
        "FLAGS",
    )
    table = [header]
    for outlet in status.outlets:
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
        table.append(
            (
                outlet.slug,
                good,
                str(outlet.articles_24h),
                str(outlet.articles_7d),
                last_new,
                str(outlet.retry_waiting),
                str(outlet.gave_up),
                flags,
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    if not status.outlets:
        lines.append("(no outlets in the database yet)")

    failing = [(o.slug, s) for o in status.outlets for s in o.failing_sources]
    if failing:
        lines += ["", "failing feeds and sitemaps:"]
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
    retired = [o for o in status.outlets if not o.in_rotation]
    if retired:
        lines += [
            "",
            "not in recent runs (not flagged): "
            + ", ".join(f"{o.slug} (last crawled {_when(o.last_crawled_at)})" for o in retired),
        ]

    lines.append("")
    flagged = [o for o in status.outlets if o.flags]
    if not status.flagged:
        lines.append(f"all well: {len(status.outlets)} outlets, nothing flagged")
    else:
        parts = [f"{o.slug} ({', '.join(o.flags)})" for o in flagged] + list(status.flags)
        lines.append(f"flagged: {'; '.join(parts)}")
    return "\n".join(lines)


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


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _run(row: Any) -> RunStatus:
    return RunStatus(
        id=row.id,
        outcome=row.outcome,
        started_at=row.started_at,
        finished_at=row.finished_at,
        articles_new=row.articles_new,
        failures=row.failures,
        alerts=tuple(alert for alert in row.alerts or () if isinstance(alert, dict)),
        skipped_outlets=tuple(row.skipped_outlets or ()),
    )


# -- SQL -----------------------------------------------------------------------------------------

#: The newest finished run and every run still marked running (started before `now`).
_RUNS = text(
    """
    (SELECT id, outcome, started_at, finished_at, articles_new, failures, alerts, skipped_outlets
     FROM crawl_runs WHERE outcome <> 'running' AND started_at <= :now
     ORDER BY id DESC LIMIT 1)
    UNION ALL
    (SELECT id, outcome, started_at, finished_at, articles_new, failures, alerts, skipped_outlets
     FROM crawl_runs WHERE outcome = 'running' AND started_at <= :now)
    ORDER BY id DESC
    """
)

_OUTLETS = text(
    """
    SELECT o.slug, o.name,
           good.id AS good_run_id, good.finished_at AS good_run_at,
           covered.last_covered_at, covered.first_covered_at,
           coalesce(art.articles_24h, 0) AS articles_24h,
           coalesce(art.articles_7d, 0) AS articles_7d,
           art.last_new_article_at,
           coalesce(fu.retry_waiting, 0) AS retry_waiting,
           coalesce(fu.gave_up, 0) AS gave_up,
           coalesce(fu.gave_up_recent, 0) AS gave_up_recent
    FROM outlets o
    LEFT JOIN LATERAL (
        SELECT r.id, r.finished_at FROM crawl_runs r
        WHERE r.outcome IN ('ok', 'partial') AND r.finished_at <= :now
          AND o.slug = ANY(r.outlets) AND NOT (o.slug = ANY(r.skipped_outlets))
          AND EXISTS (
              SELECT 1 FROM pages p
              WHERE p.crawl_run_id = r.id AND p.outlet_id = o.id
                AND p.kind IN ('feed', 'sitemap') AND p.outcome IN ('listed', 'not_modified'))
        ORDER BY r.id DESC LIMIT 1
    ) good ON true
    LEFT JOIN LATERAL (
        SELECT max(r.started_at) AS last_covered_at, min(r.started_at) AS first_covered_at
        FROM crawl_runs r WHERE o.slug = ANY(r.outlets) AND r.started_at <= :now
    ) covered ON true
    LEFT JOIN (
        SELECT outlet_id,
               count(*) FILTER (WHERE first_seen_at > :day) AS articles_24h,
               count(*) FILTER (WHERE first_seen_at > :week) AS articles_7d,
               max(first_seen_at) AS last_new_article_at
        FROM articles WHERE first_seen_at <= :now GROUP BY outlet_id
    ) art ON art.outlet_id = o.id
    LEFT JOIN (
        SELECT outlet_id,
               count(*) FILTER (WHERE NOT gave_up) AS retry_waiting,
               count(*) FILTER (WHERE gave_up) AS gave_up,
               count(*) FILTER (WHERE gave_up AND last_failed_at > :gave_up_since) AS gave_up_recent
        FROM failed_urls GROUP BY outlet_id
    ) fu ON fu.outlet_id = o.id
    WHERE :all OR o.slug = ANY(:slugs)
    ORDER BY o.slug
    """
)

#: Sources failing now, with the start of their current failure streak.
_FAILING_SOURCES = text(
    """
    SELECT o.slug, s.url, s.kind, s.consecutive_failures, s.last_error, s.last_attempt_at,
           s.last_success_at,
           coalesce((
               SELECT min(p.fetched_at) FROM pages p
               WHERE p.url = s.url AND p.kind IN ('feed', 'sitemap') AND p.outcome = 'failed'
                 AND p.fetched_at > coalesce(s.last_success_at, '-infinity'::timestamptz)
           ), s.last_failure_at) AS failing_since
    FROM listing_sources s JOIN outlets o ON o.id = s.outlet_id
    WHERE s.consecutive_failures > 0 AND (:all OR o.slug = ANY(:slugs))
    ORDER BY o.slug, s.url
    """
)
