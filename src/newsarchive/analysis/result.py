"""What analysis adds to an article before it is stored: topics, relevance, countries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Analysis:
    topics: tuple[str, ...] = ()
    relevance: float | None = None
    countries: tuple[str, ...] = ()
