"""The analysts' role reads everything and can change nothing."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from newsarchive.store.database import libpq_url
from tests.support import run_cli


@pytest.fixture
def reader_role(database_url: str) -> Iterator[str]:
    role = f"newsarchive_test_reader_{secrets.token_hex(4)}"
    yield role
    # Roles are cluster-wide: remove exactly the one this test made.
    with psycopg.connect(libpq_url(database_url), autocommit=True) as conn:
        conn.execute(f'DROP OWNED BY "{role}"')  # type: ignore[arg-type]
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]


def test_grant_reader_role_can_select_everything_and_write_nothing(
    database_url: str, reader_role: str
) -> None:
    result = run_cli("db", "grant-reader", reader_role, env={"DATABASE_URL": database_url})
    assert result.returncode == 0, result.stderr
    assert f"role {reader_role} created" in result.stdout
    again = run_cli("db", "grant-reader", reader_role, env={"DATABASE_URL": database_url})
    assert f"role {reader_role} updated" in again.stdout

    as_reader = libpq_url(str(make_url(database_url).set(username=reader_role)))
    with psycopg.connect(as_reader, autocommit=True) as conn:
        for relation in (
            "articles",
            "outlets",
            "pages",
            "crawl_runs",
            "article_view",
            "daily_counts",
        ):
            conn.execute(f"SELECT * FROM {relation} LIMIT 1")  # type: ignore[arg-type]
        writes = [
            "INSERT INTO outlets (slug, name, language, kind) VALUES ('x', 'X', 'en', 'wire')",
            "UPDATE articles SET title = 'changed'",
            "DELETE FROM crawl_runs",
            "CREATE TABLE analyst_scratch (id int)",
            # Leaving read-only mode leaves the missing privileges in place.
            "SET default_transaction_read_only = off;"
            " INSERT INTO outlets (slug, name, language, kind) VALUES ('y', 'Y', 'en', 'wire')",
        ]
        for statement in writes:
            with pytest.raises(psycopg.errors.Error) as caught:
                conn.execute(statement)  # type: ignore[arg-type]
            assert isinstance(
                caught.value,
                psycopg.errors.InsufficientPrivilege | psycopg.errors.ReadOnlySqlTransaction,
            ), statement
