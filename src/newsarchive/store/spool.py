"""A local spool for batches the database could not take, so a fetched article is never lost.

When the database goes away mid-crawl, the store pipeline cannot write its batch. Dropping it
would lose pages we downloaded (and, with conditional requests, perhaps never see again); keeping
them in memory would lose them with the process. So a batch that fails to write is written to
disk under NEWSARCHIVE_HOME/spool/ (one file per batch, written atomically) and replayed, in
order, when the database is back: at the end of the same run and at the start of the next one.

Files are pickles of our own dataclasses, written and read only by newsarchive on the same
machine (the spool directory is private to the user). A batch the database rejects for a reason
other than being unreachable is moved to spool/rejected/ with the error logged, so one bad batch
cannot wedge every later run.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from newsarchive.logs import brief
from newsarchive.store.rows import ArticleRow, PageRow

log = logging.getLogger(__name__)

#: Bumped when the pickled shape changes in a way older files can't be read with.
SPOOL_FORMAT = 1
#: Modules a spooled class was pickled from before it moved: a batch spooled by an older version
#: (its database away across the upgrade) is still replayed, not set aside.
MOVED_MODULES = {"newsarchive.store.writes": "newsarchive.store.rows"}


@dataclass(frozen=True)
class SpooledBatch:
    format: int
    run_id: int | None
    articles: Sequence[ArticleRow]
    pages: Sequence[PageRow]


@dataclass
class ReplayResult:
    replayed: int = 0
    articles: int = 0
    left: int = 0
    rejected: int = 0


class Spool:
    """Batches waiting for the database, oldest first."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def put(
        self, run_id: int | None, articles: Sequence[ArticleRow], pages: Sequence[PageRow]
    ) -> Path:
        """Write one batch atomically (temporary file, fsync, rename); return its path."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        batch = SpooledBatch(SPOOL_FORMAT, run_id, list(articles), list(pages))
        name = f"{time.time_ns():020d}-{os.getpid()}.batch"
        fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(batch, handle, protocol=pickle.HIGHEST_PROTOCOL)
                handle.flush()
                os.fsync(handle.fileno())
            final = self.directory / name
            os.replace(temporary, final)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return final

    def pending(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(self.directory.glob("*.batch"))

    def replay(
        self, store: Callable[[int | None, Sequence[ArticleRow], Sequence[PageRow]], object]
    ) -> ReplayResult:
        """Store every pending batch with `store`; stop at the first one the database can't take.

        Each batch is one transaction (ArticleWriter.store_batch), and its file is deleted only
        after the commit, so a crash between the two replays it once more: harmless, as writes are
        upserts keyed on the URL.
        """
        result = ReplayResult()
        files = self.pending()
        for index, path in enumerate(files):
            try:
                with path.open("rb") as handle:
                    batch: SpooledBatch = _Unpickler(handle).load()
                if batch.format != SPOOL_FORMAT:
                    raise ValueError(f"spool format {batch.format}, expected {SPOOL_FORMAT}")
            except Exception as error:
                self._reject(path, f"unreadable: {error}")
                result.rejected += 1
                continue
            try:
                store(batch.run_id, batch.articles, batch.pages)
            except (OperationalError, DBAPIError) as error:
                if isinstance(error, OperationalError) or error.connection_invalidated:
                    log.warning("database still unreachable; %d spooled batches wait", len(files))
                    result.left = len(files) - index
                    return result
                self._reject(path, brief(error))
                result.rejected += 1
                continue
            path.unlink()
            result.replayed += 1
            result.articles += len(batch.articles)
        return result

    def _reject(self, path: Path, why: str) -> None:
        rejected = self.directory / "rejected"
        rejected.mkdir(exist_ok=True, mode=0o700)
        os.replace(path, rejected / path.name)
        log.error("spooled batch %s set aside in %s: %s", path.name, rejected, why)


class _Unpickler(pickle.Unpickler):
    """Reads a spooled batch, finding classes that moved module under their new name."""

    def find_class(self, module: str, name: str) -> object:
        return super().find_class(MOVED_MODULES.get(module, module), name)
