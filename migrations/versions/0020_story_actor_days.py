"""stories are indexed by actor and day of their latest article, so story assignment reads only
the stories of the window that name one of a new article's actors

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 17:20:00

Story assignment (store/structure.py) looks for the stories whose latest article is within the
story window of a new article and that share an actor with it. It read every story of the window
from ix_stories_last_published_at and tested stories.actor_ids on each: at a million articles
~1,200 story rows per new article, of which ~170 name one of its actors (bench/scale.py). A GIN
index over one key per actor and UTC day of the story's latest article finds the stories naming
an actor on the window's days directly: the keys of a lookup are the article's actors times the
window's nine days, and what it reads grows with the stories of those days naming those actors,
not with the window's stories. fastupdate is off: every join rewrites its story's row, and a
pending list would be read by every lookup.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
FUNCTION = "newsarchive_actor_days"
FUNCTION_COMMENT = (
    "One key per actor id and UTC day from first_at's to last_at's: actor id * 100000 + days "
    "since 1970-01-01 (ix_stories_actor_days, story assignment)"
)
INDEX = "ix_stories_actor_days"
INDEX_COMMENT = (
    "Stories by actor and UTC day of their latest article: the stories of the story window "
    "naming one of a new article's actors (story assignment)"
)


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.execute(
        f"""
        CREATE FUNCTION {FUNCTION}(actor_ids bigint[], first_at timestamptz, last_at timestamptz)
        RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(a * 100000 + d ORDER BY a, d), '{{}}')
          FROM unnest(actor_ids) AS a,
               generate_series((first_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01',
                               (last_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01') AS d
        $$
        """
    )
    op.execute(
        f"COMMENT ON FUNCTION {FUNCTION}(bigint[], timestamptz, timestamptz) "
        f"IS {_quoted(FUNCTION_COMMENT)}"
    )
    op.execute(
        f"CREATE INDEX {INDEX} ON stories USING gin "
        f"({FUNCTION}(actor_ids, last_published_at, last_published_at)) WITH (fastupdate = off)"
    )
    op.execute(f"COMMENT ON INDEX {INDEX} IS {_quoted(INDEX_COMMENT)}")


def downgrade() -> None:
    op.execute(f"DROP INDEX {INDEX}")
    op.execute(f"DROP FUNCTION {FUNCTION}(bigint[], timestamptz, timestamptz)")
