"""Which database, how to connect, and bringing its schema to head."""

from __future__ import annotations

import logging
import re
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from newsarchive.settings import Settings, load_settings
from newsarchive.store.embedded import ensure_embedded_database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class DatabaseUrlError(ValueError):
    """DATABASE_URL cannot name a PostgreSQL database; the message never holds the password."""


def sqlalchemy_url(url: str) -> str:
    """Accept the URLs people paste (postgres://, postgresql://) and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except ValueError as error:
        # make_url's messages quote the URL or its port; the port is the usual culprit.
        raise DatabaseUrlError(
            "DATABASE_URL is not a database URL like postgresql://user:password@host:5432/db"
            " (is the port a number?)"
        ) from error
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseUrlError(
            f"newsarchive needs PostgreSQL; DATABASE_URL is a {parsed.get_backend_name()} URL"
        )
    if parsed.drivername in ("postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def resolve_database_url(settings: Settings | None = None) -> str:
    """DATABASE_URL when set, else the embedded server (started on demand)."""
    settings = settings or load_settings()
    if settings.database_url:
        return sqlalchemy_url(settings.database_url)
    return ensure_embedded_database(settings.embedded_pgdata)


def libpq_url(url: str) -> str:
    """The same database as a plain libpq URL, for psql, pandas or DBeaver.

    User and password are percent-encoded in full: SQLAlchemy leaves spaces as they are, which
    libpq rejects (and then quotes the password in its error).
    """
    parsed = make_url(url).set(drivername="postgresql")
    rendered = parsed.render_as_string(hide_password=False)
    if parsed.username is None:
        return rendered
    credentials = quote(parsed.username, safe="")
    if parsed.password is not None:
        credentials += ":" + quote(str(parsed.password), safe="")
    return re.sub(r"^postgresql://[^@/?]*@", f"postgresql://{credentials}@", rendered)


def scrub_password(message: str, url: str | None) -> str:
    """`message` with the password of `url` masked, in every spelling an error might quote."""
    if not url:
        return message
    try:
        password = make_url(sqlalchemy_url(url)).password
    except ValueError:
        password = url.partition("://")[2].rpartition("@")[0].partition(":")[2] or None
    if not password:
        return message
    password = str(password)
    for spelling in {password, quote(password, safe=""), quote(password), url}:
        if spelling:
            message = message.replace(spelling, "***")
    return message


def redacted(url: str) -> str:
    """The URL with its password masked, for logs and messages."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    # connect_timeout: a database that went away must fail a write, not hang the crawl.
    return create_engine(url, pool_pre_ping=True, future=True, connect_args={"connect_timeout": 10})


def alembic_config(url: str) -> Config:
    """Alembic configured in code, so an installed newsarchive can migrate without alembic.ini."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(str(files("newsarchive.migrations")))))
    # ConfigParser interpolation treats % specially; escape it in URLs with encoded characters.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_database(url: str, revision: str = "head") -> None:
    """Bring the schema to `revision`. Every command calls this before it reads the archive,
    so a schema already at head costs one query and the migration scripts' headers: Alembic
    itself (its environment, env.py, a second connection) is only run to migrate. Alembic is
    imported here, not at module level: `newsarchive status` does not need it otherwise."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(url)
    current = current_revision(url)
    target = ScriptDirectory.from_config(config).get_current_head() if revision == "head" else None
    if current is not None and current == target:
        return
    if current is None or target is not None:
        # A new archive takes many seconds of migrations: say so, or cron shows a silent pause.
        log.info(
            "migrating the archive schema from %s to %s",
            current or "empty",
            target or revision,
        )
    command.upgrade(config, revision)


def downgrade_database(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


class DatabaseUrl(str):
    """A database URL that never shows its password when printed or logged (e.g. by Scrapy's
    "Overridden settings" line)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(redacted(str(self)))
