"""the function the story triggers call is PL/pgSQL, its UPDATE planned once per session, and
returns at once when no story changed

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 23:10:00

The statement triggers on articles and article_actors (migrations 0018, 0019) call
newsarchive_story_features. As a LANGUAGE sql function called from a trigger it is not inlined,
and PostgreSQL 15 plans a SQL function's body anew on every call: each article a batch links to
its actors (a new article has no story yet, so nothing is recomputed) and each article that joins
a story paid the planning of its UPDATE with two lateral subqueries. As PL/pgSQL the UPDATE is
planned once per session and kept; an empty array returns before it. The rows it writes are the
same. At 300,000 articles (bench/scale.py's archive, a batch of 50 new articles assigned and
rolled back, three batches at each revision, alternated three times, load ~8): the server's CPU
time for linking the batch's articles to their actors went from 42-65 ms to 14-17 ms, and for
the whole assignment from 242-343 ms to 219-249 ms (the backend's own run time, from
/proc/PID/schedstat, which the machine's load does not inflate as it does wall time).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
FEATURES = "newsarchive_story_features"
COMMENT = (
    "Recomputes the given stories' rows from their articles in one UPDATE: title, times, "
    "counts, languages, countries, titles and actor ids (PL/pgSQL: planned once per session)"
)
OLD_COMMENT = (
    "Recomputes the given stories' rows from their articles in one UPDATE: title, times, "
    "counts, languages, countries, titles and actor ids"
)

#: Migration 0019's UPDATE, unchanged.
_UPDATE = """
  UPDATE stories s SET
    title = coalesce(f.title, s.title),
    first_published_at = coalesce(f.first_at, s.first_published_at),
    last_published_at = coalesce(f.last_at, s.last_published_at),
    article_count = f.articles, outlet_count = f.outlets, languages = f.languages,
    countries = f.countries, titles = f.titles,
    actor_ids = ARRAY(
      SELECT DISTINCT aa.actor_id FROM articles a
      JOIN article_actors aa ON aa.article_id = a.id JOIN actors ac ON ac.id = aa.actor_id
      WHERE a.story_id = s.id AND ac.kind <> 'state' ORDER BY 1)
  FROM unnest(story_ids) AS u(id)
  CROSS JOIN LATERAL (
    SELECT (array_agg(a.title ORDER BY coalesce(a.published_at, a.first_seen_at), a.id))[1]
             AS title,
           min(coalesce(a.published_at, a.first_seen_at)) AS first_at,
           max(coalesce(a.published_at, a.first_seen_at)) AS last_at,
           count(*) AS articles, count(DISTINCT a.outlet_id) AS outlets,
           coalesce(array_agg(DISTINCT a.language) FILTER (WHERE a.language IS NOT NULL),
                    '{}') AS languages,
           coalesce(array_agg(a.title ORDER BY a.id), '{}') AS titles,
           ARRAY(SELECT DISTINCT c FROM articles b, unnest(b.countries) c
                 WHERE b.story_id = u.id ORDER BY c) AS countries
    FROM articles a WHERE a.story_id = u.id
  ) f
  WHERE s.id = u.id
"""


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FEATURES}(story_ids bigint[]) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
          IF cardinality(story_ids) = 0 THEN
            RETURN;
          END IF;
          {_UPDATE};
        END $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {FEATURES}(bigint[]) IS {_quoted(COMMENT)}")


def downgrade() -> None:
    op.execute(
        f"CREATE OR REPLACE FUNCTION {FEATURES}(story_ids bigint[]) RETURNS void "
        f"LANGUAGE sql AS $${_UPDATE}$$"
    )
    op.execute(f"COMMENT ON FUNCTION {FEATURES}(bigint[]) IS {_quoted(OLD_COMMENT)}")
