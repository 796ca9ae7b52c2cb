"""Test support shared by several modules: running the command as a user would."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


REPO = Path(__file__).resolve().parent.parent


def fresh_process_prints(code: str) -> str:
    """What `code` prints run in a fresh Python process: what a new crawl process or pool
    worker imports and loads, unaffected by this test process's own imports."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def generator_check(script: str) -> tuple[int, str]:
    """(exit status, output) of bench/`script` --check: whether a shipped table is what its
    generator writes."""
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def run_cli(*args: str, env: dict[str, str], timeout: float = 600) -> CliRun:
    """Run `python -m newsarchive ARGS` as a user would, in its own process (and reactor)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    full_env.update(env)
    completed = subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CliRun(completed.returncode, completed.stdout, completed.stderr)


def query(database_url: str, sql: str, **params: object) -> list[Any]:
    """Rows of one SQL statement against a test database, on a connection of its own."""
    from sqlalchemy import text

    from newsarchive.store.database import make_engine

    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


#: Names event_fields reads under another: an event's day is its `occurred_on`.
_EVENT_FIELDS = {"day": "occurred_on"}


def event_fields(event: Any, *names: str) -> tuple[Any, ...]:
    """The named fields of one event however a test holds it (an `Event` the rules found, a row
    of the events table, a line of the export's events.csv), so that each asserts the same
    shape in one line: "visitor" is an `Event`'s main actor's name, "day" its `occurred_on`,
    and days come as ISO text, as events.csv writes them."""
    values = []
    for name in names:
        if name == "visitor" and hasattr(event, "main_actor"):
            value = event.main_actor.name
        else:
            key = _EVENT_FIELDS.get(name, name)
            value = event[key] if isinstance(event, Mapping) else getattr(event, key)
        values.append(value.isoformat() if isinstance(value, date) else value)
    return tuple(values)


#: Polite defaults stay on (robots.txt, AutoThrottle); only the delays shrink on 127.0.0.1.
FAST = ("-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_START_DELAY=0.1")


def crawl(registry: Path, database_url: str, home: Path, *extra: str) -> CliRun:
    """`newsarchive crawl` of a registry into a test database, as cron would run it."""
    return run_cli(
        "crawl",
        "--registry",
        str(registry),
        *FAST,
        *extra,
        env={"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(home)},
    )


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released): an outlet down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def no_browser() -> str | None:
    """Why a headless Chromium cannot be driven here (a skip reason), or None when it can."""
    from newsarchive.fetch.browser import chromium_path

    if importlib.util.find_spec("scrapy_playwright") is None:
        return "scrapy-playwright is not installed (pip install 'newsarchive[browser]')"
    if chromium_path() is None:
        return "no Chromium on this machine (.ci/run installs Debian's chromium)"
    return None


def outlet_and_three_people(conn: Any) -> tuple[int, list[int]]:
    """An outlet and three gazetteer people (`person 0|` … `person 2|`) for the story-window tests,
    which build small archives of their own in SQL; returns the outlet id and the actor ids."""
    from sqlalchemy import text

    outlet = conn.execute(
        text(
            "INSERT INTO outlets (slug, name, language, kind) "
            "VALUES ('w', 'W', 'en', 'newspaper') RETURNING id"
        )
    ).scalar_one()
    actors = list(
        conn.execute(
            text(
                "INSERT INTO actors (key, name, kind, in_gazetteer) "
                "SELECT 'person ' || n || '|', 'Person ' || n, 'person', true "
                "FROM generate_series(0, 2) n ORDER BY n RETURNING id"
            )
        ).scalars()
    )
    return outlet, actors
