"""The schema is built and removed only by migrations, and they go both ways."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from newsarchive.store.database import (
    alembic_config,
    current_revision,
    downgrade_database,
    make_engine,
    upgrade_database,
)
from newsarchive.store.models import Base

TABLES = {
    "outlets",
    "articles",
    "article_revisions",
    "pages",
    "crawl_runs",
    "listing_sources",
    "failed_urls",
}

#: Created only where the server has the extension (not on the embedded server): not in models.
OPTIONAL_INDEXES = {"ix_articles_title_trgm"}


def _not_optional_index(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "index" and name in OPTIONAL_INDEXES)


def test_upgrade_to_head_then_downgrade_to_base_on_an_empty_database(
    empty_database_url: str,
) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade_database(empty_database_url)
        assert set(inspect(engine).get_table_names()) >= TABLES
        assert current_revision(empty_database_url) is not None

        downgrade_database(empty_database_url, "base")
        engine.dispose()
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert current_revision(empty_database_url) is None

        upgrade_database(empty_database_url)  # and back up again, from base
        assert set(inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_migrations_produce_exactly_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": _not_optional_index})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_raw_html_is_stored_without_a_second_compression(database_url: str) -> None:
    from sqlalchemy import text

    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            storage = conn.scalar(
                text(
                    "SELECT attstorage FROM pg_attribute"
                    " WHERE attrelid = 'pages'::regclass AND attname = 'html_gz'"
                )
            )
    finally:
        engine.dispose()
    assert storage == "e"  # EXTERNAL: out of line, not pglz-compressed


def test_every_table_view_and_column_says_what_it_is(database_url: str) -> None:
    """`\\d+` in psql (and docs/schema.md) explains everything analysts can query."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            missing = (
                conn.execute(
                    text(
                        "SELECT c.relname || coalesce('.' || a.attname, '') FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' "
                        "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
                        "AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL "
                        "WHERE c.relkind IN ('r', 'v', 'm') AND c.relname <> 'alembic_version' "
                        "AND (a.attname IS NOT NULL OR obj_description(c.oid, 'pg_class') IS NULL)"
                    )
                )
                .scalars()
                .all()
            )
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar()
    finally:
        engine.dispose()
    assert tables and tables >= 7
    assert missing == []


def test_two_processes_migrating_a_new_database_at_once_both_succeed(
    empty_database_url: str,
) -> None:
    """Two crawls started together on a fresh database must not both create the schema."""
    script = (
        "import sys; from newsarchive.store.database import upgrade_database; "
        "upgrade_database(sys.argv[1])"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, empty_database_url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outcomes = [(process.wait(timeout=120), process.communicate()[1]) for process in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert (
        current_revision(empty_database_url)
        == ScriptDirectory.from_config(alembic_config(empty_database_url)).get_current_head()
    )
