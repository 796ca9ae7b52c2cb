"""Logging for every command: our own INFO lines, other libraries only when they matter.

Scrapy resets its loggers' levels when a crawl starts (its logging dictConfig), so the noise is
cut with a filter on our handler, which survives that, rather than with logger levels.
"""

from __future__ import annotations

import logging
import warnings

#: Loggers whose ERRORs repeat what our pipeline already logs once per failed fetch (a dead
#: host is reported for robots.txt, for each retry, and for the request itself).
REPEATING = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry")
#: Libraries that narrate at INFO (pgserver each initdb/pg_ctl call, Alembic each plugin).
CHATTY = ("scrapy", "pgserver", "alembic", "py.warnings", "twisted", "asyncio", "filelock")


class LibraryNoise(logging.Filter):
    """Drops other libraries' records below WARNING, and the repeating ones entirely."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if any(name == logger or name.startswith(logger + ".") for logger in REPEATING):
            return record.levelno >= logging.CRITICAL
        if any(name == logger or name.startswith(logger + ".") for logger in CHATTY):
            return record.levelno >= logging.WARNING
        return True


def configure_logging(*, verbose: bool = False, quiet: bool = False) -> str:
    """Set up the root handler once; returns the LOG_LEVEL Scrapy should use."""
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not verbose:
        handler.addFilter(LibraryNoise())
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    return logging.getLevelName(level)


def brief(error: BaseException) -> str:
    """The first line of an error, for a log line.

    SQLAlchemy's messages go on with the SQL and its parameters, which for a batch insert are
    megabytes of HTML; the first line says what went wrong (and carries no credentials).
    """
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
