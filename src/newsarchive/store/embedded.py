"""The embedded PostgreSQL used when no DATABASE_URL is set.

A first-time user should get a working archive with no database setup, and hourly cron runs must
build up one archive, so the server's data directory lives under NEWSARCHIVE_HOME and persists.
pgserver ships a PostgreSQL build in its wheel (no system packages) and talks over a Unix socket.
The server is left running after a command exits, so `newsarchive db url` hands psql a URL that
answers; `newsarchive db stop` stops it.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

import psycopg

log = logging.getLogger(__name__)

DATABASE_NAME = "newsarchive"


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says why and where."""


def _server(pgdata: Path):  # type: ignore[no-untyped-def]
    try:
        from pgserver import get_server  # type: ignore[attr-defined]
    except ImportError as exc:  # pragma: no cover - pgserver is a hard dependency
        raise EmbeddedDatabaseError(
            "no DATABASE_URL is set and the embedded server (pgserver) is not installed"
        ) from exc
    try:
        pgdata.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EmbeddedDatabaseError(
            f"cannot use {pgdata} for the embedded database ({exc.strerror}): "
            "set NEWSARCHIVE_HOME to a writable directory, or DATABASE_URL"
        ) from exc
    if not (pgdata / "PG_VERSION").exists():
        # initdb takes many seconds; say so, or a cron mail shows a long unexplained pause.
        log.warning("initialising the embedded PostgreSQL in %s (first run: about 20 s)", pgdata)
    try:
        # cleanup_mode=None: keep the server up after this process exits (see module docstring).
        return get_server(pgdata, cleanup_mode=None)
    except Exception as exc:
        raise EmbeddedDatabaseError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}"
        ) from exc


def _socket_dir(uri: str) -> str:
    # pgserver's URI looks like postgresql://postgres:@/postgres?host=/path/to/socket/dir
    return uri.rsplit("host=", 1)[1].split("&", 1)[0]


def ensure_embedded_database(pgdata: Path) -> str:
    """Start (or find) the embedded server, create our database, return its SQLAlchemy URL."""
    server = _server(pgdata)
    socket_dir = _socket_dir(server.get_uri())
    with psycopg.connect(
        dbname="postgres", user="postgres", host=socket_dir, autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            log.info("creating database %s in the embedded server at %s", DATABASE_NAME, pgdata)
            # Another newsarchive command may create it at the same moment: that is fine.
            with suppress(psycopg.errors.UniqueViolation, psycopg.errors.DuplicateDatabase):
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return f"postgresql+psycopg://postgres@/{DATABASE_NAME}?host={quote(socket_dir, safe='/')}"


def stop_embedded_database(pgdata: Path) -> bool:
    """Stop the embedded server if it runs; True when one was stopped."""
    if not (pgdata / "postmaster.pid").exists():
        return False
    server = _server(pgdata)
    server.cleanup_mode = "stop"
    server.cleanup()
    return True
