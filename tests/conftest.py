"""Real things for the tests: a PostgreSQL server, fresh databases, the CLI in a subprocess.

The server is the one on 127.0.0.1:5432 when it answers (CI and developer machines here), else an
embedded one started for the session (a fresh machine with nothing but Python).
NEWSARCHIVE_TEST_EMBEDDED=1 ignores the local server, so CI can run the suite both ways on one
machine. Each test gets its
own database, cloned from a migrated template, and drops it afterwards; no other database is
touched.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine

from newsarchive.store.database import make_engine, upgrade_database

LOCAL_SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"


@dataclass(frozen=True)
class PostgresServer:
    """Where to create test databases: a libpq conninfo for the admin database, and URL parts."""

    admin_conninfo: str
    url_prefix: str  # postgresql+psycopg://user@host:port/  (database name appended)
    url_suffix: str  # e.g. ?host=/socket/dir for a Unix-socket server

    def url(self, database: str) -> str:
        return f"{self.url_prefix}{database}{self.url_suffix}"

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.admin_conninfo, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


def _local_server() -> PostgresServer | None:
    if os.environ.get("NEWSARCHIVE_TEST_EMBEDDED", "") not in ("", "0"):
        return None  # as on a machine with no PostgreSQL server
    conninfo = os.environ.get("NEWSARCHIVE_TEST_ADMIN_CONNINFO", LOCAL_SERVER)
    try:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            info = conn.info
            host, port, user = info.host, info.port, info.user
    except psycopg.OperationalError:
        return None
    return PostgresServer(conninfo, f"postgresql+psycopg://{user}@{host}:{port}/", "")


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    server = _local_server()
    if server is not None:
        yield server
        return
    from newsarchive.store.embedded import start_server

    pgdata = tmp_path_factory.mktemp("embedded-postgres")
    embedded = start_server(pgdata, cleanup_mode="stop")
    socket_dir = embedded.get_uri().rsplit("host=", 1)[1]
    yield PostgresServer(
        f"host={socket_dir} user=postgres dbname=postgres",
        "postgresql+psycopg://postgres@/",
        f"?host={socket_dir}",
    )
    embedded.cleanup()


def _new_database_name(kind: str) -> str:
    return f"newsarchive_test_{kind}_{os.getpid()}_{secrets.token_hex(4)}"


@pytest.fixture(scope="session")
def migrated_template(postgres_server: PostgresServer) -> Iterator[str]:
    """A database migrated to head once per session, cloned for each test (much faster)."""
    name = _new_database_name("template")
    postgres_server.execute(f'CREATE DATABASE "{name}"')
    upgrade_database(postgres_server.url(name))
    yield name
    postgres_server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_database(server: PostgresServer, template: str) -> Iterator[str]:
    """Create a database from the migrated template; drop it on exit."""
    name = _new_database_name("db")
    server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield server.url(name)
    finally:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database_url(postgres_server: PostgresServer, migrated_template: str) -> Iterator[str]:
    """A fresh database at the newest schema, dropped after the test."""
    with fresh_database(postgres_server, migrated_template) as url:
        yield url


@pytest.fixture
def empty_database_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh database with no schema at all."""
    name = _new_database_name("empty")
    postgres_server.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.url(name)
    postgres_server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def newsarchive_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home
