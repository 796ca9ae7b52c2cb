"""Status queries: read the archive and decide the flags (see the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from newsarchive.status.model import (
    FAILING,
    FAILING_DAYS,
    GAVE_UP,
    GAVE_UP_DAYS,
    NO_RUNS,
    RUN_FAILED,
    SILENT,
    SILENT_DAYS,
    STALE,
    STALE_HOURS,
    ArchiveStatus,
    OutletStatus,
    RunStatus,
    SourceStatus,
)


def outlet_status(
    engine: Engine,
    *,
    silent_days: int = SILENT_DAYS,
    now: datetime | None = None,
    outlets: Sequence[str] = (),
) -> list[OutletStatus]:
    """Per-outlet health (every outlet in the database, or just `outlets`), by slug."""
    return list(archive_status(engine, silent_days=silent_days, now=now, outlets=outlets).outlets)


@dataclass(frozen=True)
class _Limits:
    """The report's moment and its thresholds, as timedeltas."""

    now: datetime
    silent_for: timedelta
    failing_for: timedelta
    stale_for: timedelta
    outlets: tuple[str, ...]  # the selection; empty: every outlet


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
    """The status report as of `now` (default: the current time). See the package docstring."""
    now = now or datetime.now(UTC)
    limits = _Limits(
        now=now,
        silent_for=timedelta(days=silent_days),
        failing_for=timedelta(days=failing_days),
        stale_for=timedelta(hours=stale_hours),
        outlets=tuple(outlets),
    )
    runs, rows, sources = _read(engine, now, outlets, gave_up_days)
    newest = max((run.started_at for run in runs), default=None)
    failing: dict[str, list[Any]] = {}
    for source in sources:
        failing.setdefault(source.slug, []).append(source)
    finished = [run for run in runs if run.outcome != "running"]
    last_run = finished[0] if finished else None
    return ArchiveStatus(
        generated_at=now,
        silent_days=silent_days,
        last_run=last_run,
        running=tuple(run for run in runs if run.outcome == "running"),
        flags=_archive_flags(newest, last_run, limits),
        outlets=tuple(_outlet(row, failing.get(row.slug, []), newest, limits) for row in rows),
    )


def _read(
    engine: Engine, now: datetime, outlets: Sequence[str], gave_up_days: int
) -> tuple[list[RunStatus], list[Any], list[Any]]:
    """The three queries of the report, in one connection."""
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
        rows = list(conn.execute(_OUTLETS, params).all())
        sources = list(conn.execute(_FAILING_SOURCES, params).all())
    return runs, rows, sources


def _archive_flags(
    newest: datetime | None, last_run: RunStatus | None, limits: _Limits
) -> tuple[str, ...]:
    """NO_RUNS when nothing ever ran, RUN_FAILED when the last run failed, STALE when the
    scheduler seems to have stopped."""
    if newest is None:
        return (NO_RUNS,)
    flags = []
    # With --outlet, only a failed run that covered one of those outlets concerns them.
    if (
        last_run is not None
        and last_run.outcome == "failed"
        and (not limits.outlets or set(limits.outlets) & set(last_run.outlets))
    ):
        flags.append(RUN_FAILED)
    if newest < limits.now - limits.stale_for:
        flags.append(STALE)
    return tuple(flags)


def _outlet(row: Any, sources: list[Any], newest: datetime | None, limits: _Limits) -> OutletStatus:
    """One outlet's line: whether it is still crawled, its failing sources and its flags."""
    in_rotation = (
        newest is not None
        and row.last_covered_at is not None
        and row.last_covered_at >= newest - limits.silent_for
    )
    failing_sources = tuple(
        _source(source, limits)
        for source in sources
        if in_rotation
        and source.last_attempt_at is not None
        and source.last_attempt_at >= row.last_covered_at - timedelta(days=1)
    )
    return OutletStatus(
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
        flags=_outlet_flags(row, failing_sources, limits) if in_rotation else (),
    )


def _outlet_flags(
    row: Any, failing_sources: tuple[SourceStatus, ...], limits: _Limits
) -> tuple[str, ...]:
    """SILENT, FAILING and GAVE_UP for an outlet in rotation."""
    flags: list[str] = []
    quiet_since = row.last_new_article_at or row.first_covered_at
    if quiet_since is not None and quiet_since <= limits.now - limits.silent_for:
        flags.append(SILENT)
    # FAILING: a source failing for over failing_days, or, from the first run on, an outlet whose
    # feeds and sitemaps never answered (one failed run of an outlet that did answer may be a
    # blip: RUN_FAILED says so archive-wide).
    unreachable = (
        bool(failing_sources) and row.latest_run_id is not None and row.good_run_id is None
    )
    if unreachable or any(source.flagged for source in failing_sources):
        flags.append(FAILING)
    if row.gave_up_recent:
        flags.append(GAVE_UP)
    return tuple(flags)


def _source(source: Any, limits: _Limits) -> SourceStatus:
    """A failing feed or sitemap; flagged once it has failed for longer than failing_days."""
    now = limits.now
    return SourceStatus(
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
        and source.failing_since <= now - limits.failing_for,
    )


def known_outlets(engine: Engine) -> list[str]:
    """Every outlet slug in the archive, sorted: the valid choices for --outlet."""
    with engine.connect() as conn:
        return list(conn.scalars(text("SELECT slug FROM outlets ORDER BY slug")))


def unknown_outlets(engine: Engine, slugs: Sequence[str]) -> list[str]:
    """Which of these slugs no outlet in the database has (a typo on the command line)."""
    if not slugs:
        return []
    with engine.connect() as conn:
        known = set(
            conn.scalars(text("SELECT slug FROM outlets WHERE slug = ANY(:s)"), {"s": list(slugs)})
        )
    return [slug for slug in slugs if slug not in known]


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
        outlets=tuple(row.outlets or ()),
    )


# -- SQL -----------------------------------------------------------------------------------------

#: The newest finished run and every run still marked running (started before `now`).
_RUNS = text(
    """
    (SELECT id, outcome, started_at, finished_at, articles_new, failures, alerts, skipped_outlets,
            outlets
     FROM crawl_runs WHERE outcome <> 'running' AND started_at <= :now
     ORDER BY id DESC LIMIT 1)
    UNION ALL
    (SELECT id, outcome, started_at, finished_at, articles_new, failures, alerts, skipped_outlets,
            outlets
     FROM crawl_runs WHERE outcome = 'running' AND started_at <= :now)
    ORDER BY id DESC
    """
)

_OUTLETS = text(
    """
    SELECT o.slug, o.name,
           good.id AS good_run_id, good.finished_at AS good_run_at, latest.id AS latest_run_id,
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
                AND p.kind <> 'article' AND p.outcome IN ('listed', 'not_modified'))
        ORDER BY r.id DESC LIMIT 1
    ) good ON true
    LEFT JOIN LATERAL (
        SELECT r.id FROM crawl_runs r
        WHERE r.outcome <> 'running' AND r.finished_at <= :now
          AND o.slug = ANY(r.outlets) AND NOT (o.slug = ANY(r.skipped_outlets))
        ORDER BY r.id DESC LIMIT 1
    ) latest ON true
    LEFT JOIN LATERAL (
        SELECT max(r.started_at) AS last_covered_at, min(r.started_at) AS first_covered_at
        FROM crawl_runs r WHERE o.slug = ANY(r.outlets) AND r.started_at <= :now
    ) covered ON true
    LEFT JOIN LATERAL (
        -- Per outlet on ix_articles_outlet_first_seen: the last week's rows and one index
        -- probe for the newest, so status costs the same with a million articles as with none.
        SELECT count(*) FILTER (WHERE a.first_seen_at > :day) AS articles_24h,
               count(*) AS articles_7d,
               (SELECT max(l.first_seen_at) FROM articles l
                WHERE l.outlet_id = o.id AND l.first_seen_at <= :now) AS last_new_article_at
        FROM articles a
        WHERE a.outlet_id = o.id AND a.first_seen_at > :week AND a.first_seen_at <= :now
    ) art ON true
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
               WHERE p.url = s.url AND p.kind <> 'article' AND p.outcome = 'failed'
                 AND p.fetched_at > coalesce(s.last_success_at, '-infinity'::timestamptz)
           ), s.last_failure_at) AS failing_since
    FROM listing_sources s JOIN outlets o ON o.id = s.outlet_id
    WHERE s.consecutive_failures > 0 AND (:all OR o.slug = ANY(:slugs))
    ORDER BY o.slug, s.url
    """
)
