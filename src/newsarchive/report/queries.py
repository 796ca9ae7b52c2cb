"""Report queries: read the period's articles, failures and runs (see the package docstring)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, text

from newsarchive.report.model import ArchiveTotals, OutletReport, Report
from newsarchive.status import archive_status


def build_report(engine: Engine, *, days: int, now: datetime | None = None) -> Report:
    """The report over the last `days` UTC days (today included) as of `now`."""
    now = now or datetime.now(UTC)
    today = now.astimezone(UTC).date()
    period = tuple(today - timedelta(days=back) for back in range(days - 1, -1, -1))
    since = datetime.combine(period[0], time(), tzinfo=UTC)
    params = {"since": since, "now": now}
    status = archive_status(engine, now=now)
    with engine.connect() as conn:
        outlets = list(conn.execute(_OUTLETS))
        per_day = list(conn.execute(_ARTICLES_PER_DAY, params))
        failures = list(conn.execute(_FAILURES, params))
        totals = conn.execute(_TOTALS, params).one()
        runs = {row.outcome: row.runs for row in conn.execute(_RUNS, params)}
        fetched = conn.scalar(_PAGES, params) or 0
    flags = {outlet.slug: outlet for outlet in status.outlets}
    return Report(
        generated_at=now,
        days=period,
        totals=ArchiveTotals(
            outlets=len(outlets),
            articles=totals.articles,
            with_date=totals.with_date,
            with_body=totals.with_body,
            first_stored=totals.first_stored,
            runs=runs,
            pages_fetched=fetched,
        ),
        outlets=tuple(
            _outlet(row, period, per_day, failures, flags.get(row.slug)) for row in outlets
        ),
        status=status,
    )


def _outlet(
    row: Any, period: tuple[date, ...], per_day: list[Any], failures: list[Any], status: Any
) -> OutletReport:
    mine = [day for day in per_day if day.slug == row.slug]
    counts = {day.day: day.articles for day in mine}
    return OutletReport(
        slug=row.slug,
        name=row.name,
        per_day=tuple(counts.get(day, 0) for day in period),
        with_date=sum(day.with_date for day in mine),
        with_body=sum(day.with_body for day in mine),
        failures={f.reason: f.failures for f in failures if f.slug == row.slug},
        flags=status.flags if status is not None else (),
        in_rotation=status.in_rotation if status is not None else False,
    )


# -- SQL -----------------------------------------------------------------------------------------

_OUTLETS = text("SELECT slug, name FROM outlets ORDER BY slug")

#: A body is "there" when extraction did not flag it thin (extract/quality.py).
_HAS_BODY = "NOT ('thin' = ANY(a.quality_flags))"

_ARTICLES_PER_DAY = text(
    f"""
    SELECT o.slug, (a.first_seen_at AT TIME ZONE 'UTC')::date AS day, count(*) AS articles,
           count(a.published_at) AS with_date,
           count(*) FILTER (WHERE {_HAS_BODY}) AS with_body
    FROM articles a JOIN outlets o ON o.id = a.outlet_id
    WHERE a.first_seen_at >= :since AND a.first_seen_at <= :now
    GROUP BY o.slug, day
    """
)

#: pages.error is "reason: detail" for failed fetches (fetch/pipelines.py).
_FAILURES = text(
    """
    SELECT o.slug, coalesce(nullif(split_part(p.error, ':', 1), ''), 'unknown') AS reason,
           count(*) AS failures
    FROM pages p JOIN outlets o ON o.id = p.outlet_id
    WHERE p.outcome = 'failed' AND p.fetched_at >= :since AND p.fetched_at <= :now
    GROUP BY o.slug, reason
    ORDER BY o.slug, failures DESC, reason
    """
)

_TOTALS = text(
    f"""
    SELECT count(*) AS articles, count(a.published_at) AS with_date,
           count(*) FILTER (WHERE {_HAS_BODY}) AS with_body,
           min(a.first_seen_at) AS first_stored
    FROM articles a WHERE a.first_seen_at <= :now
    """
)

_RUNS = text(
    """
    SELECT outcome, count(*) AS runs FROM crawl_runs
    WHERE started_at >= :since AND started_at <= :now
    GROUP BY outcome
    """
)

_PAGES = text("SELECT count(*) FROM pages WHERE fetched_at >= :since AND fetched_at <= :now")
