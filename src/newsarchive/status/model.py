"""The status report's shapes and flag names, shared by the queries and the renderers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SILENT = "SILENT"
FAILING = "FAILING"
GAVE_UP = "GAVE_UP"
STALE = "STALE"
NO_RUNS = "NO_RUNS"
RUN_FAILED = "RUN_FAILED"

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
    outlets: tuple[str, ...] = ()  # the outlets the run was asked to crawl

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
            "outlets": list(self.outlets),
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


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None
