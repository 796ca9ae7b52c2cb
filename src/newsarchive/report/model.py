"""The report's shapes, shared by its queries and its rendering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsarchive.status.model import ArchiveStatus


@dataclass(frozen=True)
class OutletReport:
    """One outlet over the period."""

    slug: str
    name: str
    per_day: tuple[int, ...]  # articles first stored each day of Report.days
    with_date: int  # of the period's articles, those with a publication date
    with_body: int  # of the period's articles, those whose body is not thin
    failures: dict[str, int]  # failed fetches of the period by reason
    flags: tuple[str, ...]  # SILENT, FAILING, GAVE_UP as status sets them
    in_rotation: bool  # crawled recently (status's definition)

    @property
    def articles(self) -> int:
        return sum(self.per_day)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())


@dataclass(frozen=True)
class ArchiveTotals:
    """The whole archive, not just the period."""

    outlets: int
    articles: int
    with_date: int
    with_body: int
    first_stored: datetime | None
    runs: dict[str, int]  # runs started in the period, by outcome
    pages_fetched: int  # fetch attempts in the period (listings and articles)


@dataclass(frozen=True)
class Report:
    generated_at: datetime
    days: tuple[date, ...]  # the period, oldest first
    totals: ArchiveTotals
    outlets: tuple[OutletReport, ...]  # by slug
    status: ArchiveStatus  # the health report of `newsarchive status`, for flags and feeds

    @property
    def failures(self) -> dict[str, int]:
        """Failed fetches of the period by reason, all outlets, most frequent first."""
        counts: dict[str, int] = {}
        for outlet in self.outlets:
            for reason, count in outlet.failures.items():
                counts[reason] = counts.get(reason, 0) + count
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
