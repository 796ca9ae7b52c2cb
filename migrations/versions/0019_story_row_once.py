"""a story's counts are kept by the triggers that keep its titles and actors: an article joining
a story updates the story's row once

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 11:10:00

Since migration 0018 an article joining a story (store/structure.py) fired the statement
trigger that recomputes the story's titles and actors, an UPDATE of the story's row, and the
store then refreshed the story's title, times, counts, languages and countries, a second UPDATE
of the same row reading the same articles again: two row versions (and index entries, when the
latest time moved) per join. The function the triggers call now recomputes all of these in one
UPDATE, so the store no longer refreshes anything after a join, a merge or a rebuild's
unassignment. It also runs when an article's time, outlet, language or countries change (a
re-fetch, a re-extraction), which left the story's times and counts stale before. A story left
without articles keeps its title and times (a merge deletes it right after) and gets empty
titles, actors, languages and countries and zero counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
FEATURES = "newsarchive_story_features"
ARTICLES_FUNCTION = "newsarchive_articles_story_features"
FEATURES_COMMENT = (
    "Recomputes the given stories' rows from their articles in one UPDATE: title, times, "
    "counts, languages, countries, titles and actor ids"
)
ARTICLES_FUNCTION_COMMENT = (
    "Statement trigger: recomputes the stories whose articles were added, removed, moved, "
    "retitled, or changed time, outlet, language or countries"
)
OLD_FEATURES_COMMENT = "Recomputes stories.titles and stories.actor_ids of the given stories"
OLD_ARTICLES_FUNCTION_COMMENT = (
    "Statement trigger: recomputes the features of the stories whose articles were added, "
    "removed, moved or retitled"
)

_FEATURES_BODY = """
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
_OLD_FEATURES_BODY = """
  UPDATE stories s SET
    titles = ARRAY(SELECT a.title FROM articles a WHERE a.story_id = s.id ORDER BY a.id),
    actor_ids = ARRAY(
      SELECT DISTINCT aa.actor_id FROM articles a
      JOIN article_actors aa ON aa.article_id = a.id JOIN actors ac ON ac.id = aa.actor_id
      WHERE a.story_id = s.id AND ac.kind <> 'state' ORDER BY 1)
  WHERE s.id = ANY(story_ids)
"""
#: What makes an updated article's story (old and new) be recomputed.
_CHANGED = (
    "o.title IS DISTINCT FROM n.title OR o.story_id IS DISTINCT FROM n.story_id "
    "OR coalesce(o.published_at, o.first_seen_at) "
    "IS DISTINCT FROM coalesce(n.published_at, n.first_seen_at) "
    "OR o.outlet_id IS DISTINCT FROM n.outlet_id OR o.language IS DISTINCT FROM n.language "
    "OR o.countries IS DISTINCT FROM n.countries"
)
_OLD_CHANGED = "o.title IS DISTINCT FROM n.title OR o.story_id IS DISTINCT FROM n.story_id"


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def _functions(body: str, changed: str, comment: str, articles_comment: str) -> None:
    op.execute(
        f"CREATE OR REPLACE FUNCTION {FEATURES}(story_ids bigint[]) RETURNS void "
        f"LANGUAGE sql AS $${body}$$"
    )
    op.execute(f"COMMENT ON FUNCTION {FEATURES}(bigint[]) IS {_quoted(comment)}")
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {ARTICLES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM {FEATURES}(ARRAY(
              SELECT DISTINCT story_id FROM new_rows WHERE story_id IS NOT NULL));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM {FEATURES}(ARRAY(
              SELECT DISTINCT story_id FROM old_rows WHERE story_id IS NOT NULL));
          ELSE
            PERFORM {FEATURES}(ARRAY(
              SELECT unnest(ARRAY[o.story_id, n.story_id]) FROM old_rows o
              JOIN new_rows n ON n.id = o.id
              WHERE {changed}
              EXCEPT SELECT NULL));
          END IF;
          RETURN NULL;
        END $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {ARTICLES_FUNCTION}() IS {_quoted(articles_comment)}")


def upgrade() -> None:
    _functions(_FEATURES_BODY, _CHANGED, FEATURES_COMMENT, ARTICLES_FUNCTION_COMMENT)


def downgrade() -> None:
    _functions(
        _OLD_FEATURES_BODY, _OLD_CHANGED, OLD_FEATURES_COMMENT, OLD_ARTICLES_FUNCTION_COMMENT
    )
