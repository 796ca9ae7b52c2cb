"""The run ledger: a crawl run is recorded when it starts and when it ends, whatever happens.

A run's row in `crawl_runs` says what it was asked to crawl, how it ended and what it counted.
Listing validators (ETag, Last-Modified) are committed only when a run ends without failing, so a
run killed halfway never makes the next one skip articles it did not store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, text, update
from sqlalchemy.orm import Session

from newsarchive.store.models import CrawlRun


@dataclass
class RunSummary:
    """Counts a finished crawl run is recorded with."""

    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    non_articles: int = 0
    failures: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)


def start_run(engine: Engine, outlets: Sequence[str]) -> int:
    """Record a run as 'running' and return its id."""
    with Session(engine) as session, session.begin():
        run = CrawlRun(outlets=list(outlets), outcome="running")
        session.add(run)
        session.flush()
        return run.id


def finish_run(
    engine: Engine,
    run_id: int,
    summary: RunSummary,
    outcome: str,
    *,
    skipped_outlets: Sequence[str] = (),
    alerts: Sequence[dict[str, str]] = (),
) -> None:
    """Record how the run ended, with its counts; commit its listing validators unless it failed."""
    with Session(engine) as session, session.begin():
        session.execute(
            update(CrawlRun)
            .where(CrawlRun.id == run_id)
            .values(
                finished_at=func.now(),
                outcome=outcome,
                **vars(summary),
                skipped_outlets=list(skipped_outlets),
                alerts=list(alerts),
            )
        )
        if outcome != "failed":
            _commit_validators(session, run_id)


def abandon_stale_runs(engine: Engine, run_lock_namespace: int) -> list[int]:
    """Mark runs still 'running' whose process is gone (killed, machine lost) as failed.

    A live run holds an advisory lock on its id (see store.locks); a 'running' row whose
    lock nobody holds belongs to a process that died without finishing.
    """
    with Session(engine) as session, session.begin():
        return list(session.scalars(_ABANDON_STALE_RUNS, {"ns": run_lock_namespace}))


_ABANDON_STALE_RUNS = text(
    """
    UPDATE crawl_runs r
    SET outcome = 'failed', finished_at = now(),
        alerts = r.alerts || jsonb_build_array(jsonb_build_object(
            'outlet', '', 'check', 'abandoned',
            'detail', 'the process ended without finishing the run (killed or lost)'))
    WHERE r.outcome = 'running'
      AND NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory'
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = CAST(:ns AS oid) AND l.objid = CAST(r.id AS oid) AND l.objsubid = 2
            AND l.granted)
    RETURNING r.id
    """
)

_COMMIT_VALIDATORS = text(
    """
    UPDATE listing_sources s
    SET etag = p.headers ->> 'ETag', last_modified = p.headers ->> 'Last-Modified'
    FROM (
        SELECT DISTINCT ON (url) url, headers, error FROM pages
        WHERE crawl_run_id = :run_id AND kind <> 'article' AND outcome = 'listed'
        ORDER BY url, id DESC
    ) p
    WHERE s.url = p.url AND p.error IS NULL
    """
)


def _commit_validators(session: Session, run_id: int) -> None:
    """Keep the ETag/Last-Modified of listings this run read in full and acted on.

    Only at the end of a run that did not fail: a run killed after reading a feed but before
    storing its articles must not leave a validator behind, or the next run would get 304 Not
    Modified and never see those articles again. A listing the run left incomplete (URL cap,
    --max-articles, a database error) carries an error note and keeps no validator either.
    """
    session.execute(_COMMIT_VALIDATORS, {"run_id": run_id})
