"""Coverage monitors: after each crawl run, name the outlets whose harvest went wrong quietly.

A crawl can "succeed" and still archive nothing useful: a feed that moved answers 200 with an
empty channel, a redesign hides the publication date from the extractor, a consent wall turns
every body into a teaser. None of that is a failed fetch, so none of it reaches the run's failure
counts. These checks look at what the run actually stored for each outlet, in the database, and
compare it with the outlet's own recent past. Any alert makes the run `partial` (the runner does
that) and is printed and kept in crawl_runs.alerts. The checks, per outlet:

- ``no_articles_listed``: the outlet's feeds and sitemaps answered in this run but listed no
  article URL at all (or every listing was skipped, e.g. refused by robots.txt, or none was read).
  A 304 Not Modified answer means "unchanged since last time" and is fine, as is a listing of
  URLs the archive already holds: a quiet hour on an unchanged outlet raises nothing.
- ``listings_failed``: every feed and sitemap of the outlet failed. Those failures already make
  the run partial or failed and are counted by reason, but only per run; this alert names the
  outlet, so an operator knows which registry entry to look at. It is a separate check, not
  ``no_articles_listed``, because we do not know what a listing that did not answer lists.
- ``date_coverage_dropped`` / ``body_coverage_dropped``: among the articles stored in this run
  (pages with outcome 'stored'), the share with a publication date, or with a body that is not
  thin, fell well below the outlet's own share over the previous `history_days` days. "Well
  below" is statistical, so a handful of undated briefs does not page anyone: the alert fires
  when even the optimistic end of the run's share (the upper bound of its 95 % Wilson interval)
  is more than `max_drop` under the baseline. Runs with fewer than `min_articles` stored articles
  are never judged; an outlet with fewer than `min_history` articles in its history is judged
  against an absolute floor instead (`date_floor`, `body_floor`).

Why not Spidermon: it was tried (spidermon 1.27.0 with Scrapy 2.19.0, offline spider): its
ItemCountMonitor and FieldCoverageMonitor run and pass or fail as documented, but they judge the
whole spider's Scrapy stats against fixed thresholds from settings: coverage is counted per item
class over every item of the run, so one outlet's collapse is diluted by the others, there is no
notion of an outlet's own history, and a field set to None counted as covered until
SPIDERMON_FIELD_COVERAGE_SKIP_NONE was set. It runs at spider_closed, before the runner writes
spooled batches, and reports through its own actions rather than returning findings we can store
in crawl_runs.alerts. It also pulled in 14 packages besides itself (jsonschema[format],
python-slugify and their dependencies) and logged a ScrapyDeprecationWarning (Spider.log) on
Scrapy 2.19. What we need is a few SQL aggregates per outlet over tables we already keep, so that
is what this is, and newsarchive does not depend on Spidermon.

Call `check_run` at the end of the run, before another run can touch the same outlets:
listing_sources keeps only the latest attempt of each feed and sitemap.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, text

NO_ARTICLES_LISTED = "no_articles_listed"
LISTINGS_FAILED = "listings_failed"
DATE_COVERAGE_DROPPED = "date_coverage_dropped"
BODY_COVERAGE_DROPPED = "body_coverage_dropped"

#: z of the two-sided 95 % interval used to decide that a run's share is really low.
CONFIDENCE_Z = 1.96

#: Default thresholds (keyword arguments of `check_run`; NEWSARCHIVE_MONITOR_* settings).
MIN_ARTICLES = 5  # stored in the run before coverage is judged at all
HISTORY_DAYS = 30  # the outlet's baseline: articles first seen in these days before the run
MIN_HISTORY = 20  # baseline articles needed; with fewer the floors apply
MAX_DROP = 0.2  # how far under its baseline an outlet's share may fall (0.2 = 20 points)
DATE_FLOOR = 0.5  # share of dated articles expected without history
BODY_FLOOR = 0.5  # share of non-thin bodies expected without history
#: Extra word floor for a body to count; 0 leaves it to the extractor's 'thin' flag, which counts
#: CJK characters (word_count splits on spaces and would call every Chinese article thin).
MIN_WORDS = 0

#: Setting name -> (keyword of check_run, type).
SETTINGS: dict[str, tuple[str, type[int] | type[float]]] = {
    "NEWSARCHIVE_MONITOR_MIN_ARTICLES": ("min_articles", int),
    "NEWSARCHIVE_MONITOR_HISTORY_DAYS": ("history_days", int),
    "NEWSARCHIVE_MONITOR_MIN_HISTORY": ("min_history", int),
    "NEWSARCHIVE_MONITOR_MAX_DROP": ("max_drop", float),
    "NEWSARCHIVE_MONITOR_DATE_FLOOR": ("date_floor", float),
    "NEWSARCHIVE_MONITOR_BODY_FLOOR": ("body_floor", float),
    "NEWSARCHIVE_MONITOR_MIN_WORDS": ("min_words", int),
}


@dataclass(frozen=True)
class Alert:
    """One finding about one outlet in one run, as crawl_runs.alerts stores it."""

    outlet: str
    check: str
    detail: str

    def as_json(self) -> dict[str, str]:
        return {"outlet": self.outlet, "check": self.check, "detail": self.detail}


def monitor_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments for `check_run` from NEWSARCHIVE_MONITOR_* settings that are present.

    Values may be strings (`-s NAME=VALUE` on the command line); a bad one raises ValueError
    naming the setting, so a typo is not silently replaced by a default.
    """
    found: dict[str, Any] = {}
    for name, (keyword, kind) in SETTINGS.items():
        if name not in settings or settings[name] in (None, ""):
            continue
        try:
            found[keyword] = kind(settings[name])
        except (TypeError, ValueError) as error:
            raise ValueError(f"{name} must be a number, got {settings[name]!r}") from error
    return found


def check_run(
    engine: Engine,
    run_id: int,
    outlets: Sequence[str],
    *,
    min_articles: int = MIN_ARTICLES,
    history_days: int = HISTORY_DAYS,
    min_history: int = MIN_HISTORY,
    max_drop: float = MAX_DROP,
    date_floor: float = DATE_FLOOR,
    body_floor: float = BODY_FLOOR,
    min_words: int = MIN_WORDS,
) -> list[Alert]:
    """The coverage alerts of run `run_id` for `outlets` (slugs the run crawled), outlet order.

    Pass the outlets the run actually crawled (locked), not ones another run was crawling.
    """
    slugs = list(dict.fromkeys(outlets))
    if not slugs:
        return []
    with engine.connect() as conn:
        window = conn.execute(_RUN_WINDOW, {"run_id": run_id}).one_or_none()
        if window is None:
            raise ValueError(f"crawl run {run_id} does not exist")
        started_at, ended_at = window
        params = {"run_id": run_id, "slugs": slugs, "started": started_at, "ended": ended_at}
        readings = _listing_readings(conn.execute(_LISTINGS, params).all())
        coverage = {
            row.slug: row
            for row in conn.execute(
                _COVERAGE,
                params | {"since": started_at - timedelta(days=history_days), "words": min_words},
            )
        }
    thresholds = _Thresholds(min_articles, history_days, min_history, max_drop)
    alerts: list[Alert] = []
    for slug in slugs:
        listing_alert = _judge_listings(slug, readings.get(slug, []))
        if listing_alert is not None:
            alerts.append(listing_alert)
        row = coverage.get(slug)
        if row is None:
            continue
        checks = (
            (DATE_COVERAGE_DROPPED, "have a date", row.dated, row.base_dated, date_floor),
            (BODY_COVERAGE_DROPPED, "have a full body", row.bodied, row.base_bodied, body_floor),
        )
        for check, what, hits, base_hits, floor in checks:
            detail = _judge_coverage(
                what, hits, row.stored, base_hits, row.base_total, floor, thresholds
            )
            if detail is not None:
                alerts.append(Alert(slug, check, detail))
    return alerts


# -- listings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """How one feed or sitemap URL of an outlet fared in the run."""

    url: str
    outcome: str  # listed | not_modified | failed | skipped
    listed: int | None  # URLs it listed (articles and child sitemaps); None when unknown
    child: bool  # a sitemap found in an index rather than configured in the registry
    reason: str | None


def _listing_readings(rows: Sequence[Any]) -> dict[str, list[_Reading]]:
    by_outlet: dict[str, list[_Reading]] = {}
    for row in rows:
        reason = row.error.split(":", 1)[0].strip() if row.error else None
        by_outlet.setdefault(row.slug, []).append(
            _Reading(row.url, row.outcome, row.listed, bool(row.child), reason)
        )
    return by_outlet


def _judge_listings(slug: str, readings: Sequence[_Reading]) -> Alert | None:
    """no_articles_listed or listings_failed for one outlet, or None when its listings are fine.

    `listed` counts a sitemap index's child sitemaps too (see spider.parse_listing); each child
    the run read is therefore taken off once, leaving the article URLs. Children an index names
    but the run did not read (over the cap, disabled) still count, which can hide an empty
    outlet, never invent one.
    """
    if not readings:
        return Alert(slug, NO_ARTICLES_LISTED, "no feed or sitemap was read in this run")
    outcomes = Counter(reading.outcome for reading in readings)
    if outcomes["not_modified"]:
        return None  # unchanged since a full listing: nothing new is fine
    answered = [reading for reading in readings if reading.outcome == "listed"]
    failed = [reading for reading in readings if reading.outcome == "failed"]
    skipped = [reading for reading in readings if reading.outcome == "skipped"]
    if not answered:
        if failed:
            return Alert(
                slug,
                LISTINGS_FAILED,
                f"all {_count(len(readings), 'feed or sitemap', 'feeds and sitemaps')} "
                f"failed{_reasons(failed + skipped)}",
            )
        return Alert(
            slug,
            NO_ARTICLES_LISTED,
            f"every feed and sitemap was skipped{_reasons(skipped)}",
        )
    if any(reading.listed is None for reading in answered):
        return None  # a count we do not know: do not guess an empty outlet
    articles = sum(reading.listed or 0 for reading in answered)
    articles -= sum(1 for reading in readings if reading.child)
    if articles > 0:
        return None
    detail = (
        f"{_count(len(answered), 'feed or sitemap', 'feeds and sitemaps')} answered "
        "but listed no article URL"
    )
    if failed or skipped:
        detail += f"; {len(failed) + len(skipped)} more did not answer{_reasons(failed + skipped)}"
    return Alert(slug, NO_ARTICLES_LISTED, detail)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _reasons(readings: Sequence[_Reading]) -> str:
    counts = Counter(reading.reason or "unknown" for reading in readings)
    if not counts:
        return ""
    return " (" + ", ".join(f"{reason} x{n}" for reason, n in sorted(counts.items())) + ")"


# -- coverage ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Thresholds:
    min_articles: int
    history_days: int
    min_history: int
    max_drop: float


def wilson_upper(hits: int, n: int, z: float = CONFIDENCE_Z) -> float:
    """Upper bound of the Wilson score interval of hits/n: the highest share the run's sample
    is still consistent with. Small samples get wide intervals, so they rarely alert."""
    if n <= 0:
        return 1.0
    p = hits / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return min(1.0, (centre + margin) / (1 + z2 / n))


def _judge_coverage(
    what: str,
    hits: int,
    n: int,
    base_hits: int,
    base_n: int,
    floor: float,
    th: _Thresholds,
) -> str | None:
    """The alert detail when this run's share is clearly below what the outlet usually gets."""
    if n < th.min_articles:
        return None
    if base_n >= th.min_history:
        baseline = base_hits / base_n
        limit = baseline - th.max_drop
        against = f"{baseline:.0%} over the previous {th.history_days} days ({base_n} articles)"
    else:
        limit = floor
        against = (
            f"a floor of {floor:.0%} (only {base_n} articles in the previous "
            f"{th.history_days} days to compare with)"
        )
    if wilson_upper(hits, n) >= limit:
        return None
    return f"{hits} of {n} articles stored in this run ({hits / n:.0%}) {what}, against {against}"


# -- SQL -----------------------------------------------------------------------------------------

_RUN_WINDOW = text(
    "SELECT started_at, coalesce(finished_at, now()) AS ended_at FROM crawl_runs WHERE id = :run_id"
)

#: Each listing URL of the outlets once: from this run's pages (the last row per URL), else from
#: listing_sources rows attempted during the run (read by another process sharing a Redis queue,
#: whose pages carry that process's run id). last_listed is used only when it was written during
#: this run.
_LISTINGS = text(
    """
    WITH run_pages AS (
        SELECT DISTINCT ON (p.url) p.outlet_id, p.url, p.kind, p.outcome, p.error
        FROM pages p
        WHERE p.crawl_run_id = :run_id AND p.kind <> 'article'
        ORDER BY p.url, p.id DESC
    ), other_reads AS (
        SELECT s.outlet_id, s.url, s.kind,
               CASE WHEN s.last_failure_at = s.last_attempt_at THEN 'failed'
                    WHEN s.last_status = 304 THEN 'not_modified'
                    ELSE 'listed' END AS outcome,
               s.last_error AS error
        FROM listing_sources s
        WHERE s.last_attempt_at BETWEEN :started AND :ended
          AND NOT EXISTS (SELECT 1 FROM run_pages r WHERE r.url = s.url)
    ), readings AS (
        SELECT * FROM run_pages UNION ALL SELECT * FROM other_reads
    )
    SELECT o.slug, r.url, r.outcome, r.error,
           CASE WHEN s.last_attempt_at BETWEEN :started AND :ended THEN s.last_listed END
               AS listed,
           r.kind = 'sitemap' AND NOT (r.url = ANY(o.feeds) OR r.url = ANY(o.sitemaps)) AS child
    FROM readings r
    JOIN outlets o ON o.id = r.outlet_id
    LEFT JOIN listing_sources s ON s.url = r.url
    WHERE o.slug = ANY(:slugs)
    ORDER BY o.slug, r.url
    """
)

#: Per outlet: articles stored by this run and how many have a date / a body, then the same over
#: the outlet's articles first seen in the history window before the run (the baseline).
_COVERAGE = text(
    """
    WITH stored AS (
        SELECT DISTINCT p.article_id FROM pages p
        WHERE p.crawl_run_id = :run_id AND p.kind = 'article' AND p.outcome = 'stored'
          AND p.article_id IS NOT NULL
    ), judged AS (
        SELECT a.outlet_id,
               a.id IN (SELECT article_id FROM stored) AS in_run,
               a.published_at IS NOT NULL AS dated,
               a.word_count >= :words AND NOT ('thin' = ANY(a.quality_flags)) AS bodied
        FROM articles a
        WHERE a.outlet_id IN (SELECT id FROM outlets WHERE slug = ANY(:slugs))
          AND (a.id IN (SELECT article_id FROM stored)
               OR (a.first_seen_at >= :since AND a.first_seen_at < :started))
    )
    SELECT o.slug,
           count(*) FILTER (WHERE in_run) AS stored,
           count(*) FILTER (WHERE in_run AND dated) AS dated,
           count(*) FILTER (WHERE in_run AND bodied) AS bodied,
           count(*) FILTER (WHERE NOT in_run) AS base_total,
           count(*) FILTER (WHERE NOT in_run AND dated) AS base_dated,
           count(*) FILTER (WHERE NOT in_run AND bodied) AS base_bodied
    FROM judged j JOIN outlets o ON o.id = j.outlet_id
    WHERE o.slug = ANY(:slugs)
    GROUP BY o.slug
    """
)
