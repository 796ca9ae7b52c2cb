"""Advisory locks that make overlapping crawl runs safe.

Cron does not know whether the last hour's run has finished. Each run holds, on one connection
of its own for its whole life, a PostgreSQL session-level advisory lock per outlet it crawls and
one on its own run id. A second run skips the outlets it cannot lock (and says so); a run row
still marked 'running' whose lock nobody holds belongs to a process that died, and the next run
marks it failed. Session-level locks vanish with the connection, so a killed process or a lost
database never leaves a lock behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, text

#: First key of the two-key advisory lock form, one namespace per kind of lock ("na" + n).
OUTLET_LOCK_NAMESPACE = 0x6E61_0001
RUN_LOCK_NAMESPACE = 0x6E61_0002

_TRY_LOCK = text("SELECT pg_try_advisory_lock(CAST(:ns AS integer), CAST(:key AS integer))")


class RunLocks:
    """The locks of one crawl run; use as a context manager, release by closing."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.connection: Connection | None = None

    def __enter__(self) -> Self:
        # Autocommit: a session-level lock must not sit inside an open transaction for hours.
        self.connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _try(self, namespace: int, key: int) -> bool:
        assert self.connection is not None, "use RunLocks as a context manager"
        return bool(self.connection.execute(_TRY_LOCK, {"ns": namespace, "key": key}).scalar())

    def hold_run(self, run_id: int) -> None:
        """Mark the run as alive for as long as this connection lives."""
        self._try(RUN_LOCK_NAMESPACE, run_id)

    def lock_outlets(self, outlet_ids: Iterable[tuple[str, int]]) -> tuple[list[str], list[str]]:
        """Lock each (slug, id) that no other run holds: (locked slugs, skipped slugs)."""
        locked: list[str] = []
        skipped: list[str] = []
        for slug, outlet_id in outlet_ids:
            (locked if self._try(OUTLET_LOCK_NAMESPACE, outlet_id) else skipped).append(slug)
        return locked, skipped

    def close(self) -> None:
        """Release every lock. The pool keeps connections open, so unlock explicitly; if the
        database is gone, the connection is thrown away (and the server drops its locks)."""
        connection, self.connection = self.connection, None
        if connection is None:
            return
        try:
            connection.execute(text("SELECT pg_advisory_unlock_all()"))
        except Exception:
            connection.invalidate()
        finally:
            connection.close()
