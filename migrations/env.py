"""Alembic environment: migrates the database newsarchive is configured for.

The URL comes from the Alembic config when newsarchive passes one in (``newsarchive db upgrade``),
otherwise from DATABASE_URL or the embedded server, exactly as the crawler resolves it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool, text

from newsarchive.store.models import Base

config = context.config
target_metadata = Base.metadata

#: Objects migrations create that the models don't describe (autogenerate must leave them be).
UNMODELLED_INDEXES = {"ix_articles_title_trgm"}


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from newsarchive.store.database import resolve_database_url

    return resolve_database_url()


def run_migrations_offline() -> None:
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


#: Advisory lock key held while migrating ("na" namespace, see newsarchive.store.locks).
MIGRATION_LOCK = 0x6E61_0000


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, include_object=include_object
    )
    with context.begin_transaction():
        # Two crawls started at once on a new database would both create the schema; the second
        # waits here and then finds it at head. The lock ends with the migration's transaction.
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _migrate(connectable)
        return
    engine = create_engine(_database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        _migrate(connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
