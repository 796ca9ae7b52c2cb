"""A read-only role for analysts: SELECT on every table and view, nothing else.

Analysts connect with psql, DBeaver or pandas; giving them the crawler's own credentials would
let a stray UPDATE rewrite the archive. Default privileges cover tables and views that later
migrations create, and the role's sessions are read-only by default as a second fence.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from newsarchive.store.database import libpq_url


class RoleInUseError(ValueError):
    """The role asked for is the crawler's own."""


def grant_reader(database_url: str, role: str, password: str | None = None) -> bool:
    """Create (or update) `role` as a read-only login role; True when it was created."""
    with psycopg.connect(libpq_url(database_url), autocommit=True) as conn:
        current = conn.execute("SELECT current_user").fetchone()
        if current is not None and current[0] == role:
            # Its sessions would turn read-only and the next crawl could not write.
            raise RoleInUseError(
                f"{role} is the role newsarchive connects as; name another role for analysts"
            )
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        name = sql.Identifier(role)
        if not exists:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE").format(name)
            )
        if password is not None:
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(name, sql.Literal(password)))
        database = conn.execute("SELECT current_database()").fetchone()
        assert database is not None
        statements = [
            "GRANT CONNECT ON DATABASE {db} TO {role}",
            "GRANT USAGE ON SCHEMA public TO {role}",
            "REVOKE CREATE ON SCHEMA public FROM {role}",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
            "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER"
            " ON ALL TABLES IN SCHEMA public FROM {role}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {role}",
            "ALTER ROLE {role} IN DATABASE {db} SET default_transaction_read_only = on",
        ]
        for statement in statements:
            conn.execute(sql.SQL(statement).format(db=sql.Identifier(database[0]), role=name))
    return not exists
