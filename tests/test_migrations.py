"""The schema is built and removed only by migrations, and they go both ways."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from newsarchive.store.database import (
    current_revision,
    downgrade_database,
    make_engine,
    upgrade_database,
)
from newsarchive.store.models import Base

TABLES = {"outlets", "articles", "article_revisions", "pages", "crawl_runs"}

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
