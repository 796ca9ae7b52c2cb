"""stories carry what story assignment compares them on: their articles' titles and the actors
(other than states) their articles name, kept by triggers

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 04:40:00

Story assignment (store/structure.py) compares a new article with every story of the window
that shares an actor with it: at a million articles ~130 stories per article, and for each it
read all the story's articles, their actor links and the actors' kinds. With the titles and
the actor ids kept on the story row, a candidate costs one row. Triggers recompute a story's
two columns, from its articles, whenever an article joins or leaves it, an article's title
changes (a re-fetch, a re-extraction), or an article's actor links are added or removed
(a re-extraction's relink), so they always equal what the query computed; one statement-level
trigger per table and operation recomputes each touched story once. Filling the columns reads
articles and article_actors once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
TITLES_COMMENT = (
    "Titles of its articles, syndicated copies included, kept by triggers: story assignment "
    "compares a new article's title words with them"
)
ACTORS_COMMENT = (
    "Ids of the actors other than states its articles name (article_actors), kept by "
    "triggers: story assignment compares a new article's actors with them"
)
FEATURES = "newsarchive_story_features"
FEATURES_COMMENT = "Recomputes stories.titles and stories.actor_ids of the given stories"
ARTICLES_FUNCTION = "newsarchive_articles_story_features"
ARTICLES_FUNCTION_COMMENT = (
    "Statement trigger: recomputes the features of the stories whose articles were added, "
    "removed, moved or retitled"
)
LINKS_FUNCTION = "newsarchive_actor_links_story_features"
LINKS_FUNCTION_COMMENT = (
    "Statement trigger: recomputes the features of the stories whose articles' actor links "
    "were added or removed"
)
#: (trigger, table, operation, transition tables)
TRIGGERS = (
    ("articles_story_features_insert", "articles", "INSERT", "NEW TABLE AS new_rows"),
    (
        "articles_story_features_update",
        "articles",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    ),
    ("articles_story_features_delete", "articles", "DELETE", "OLD TABLE AS old_rows"),
    ("actor_links_story_features_insert", "article_actors", "INSERT", "NEW TABLE AS new_rows"),
    ("actor_links_story_features_delete", "article_actors", "DELETE", "OLD TABLE AS old_rows"),
)
TRIGGER_COMMENT = "Keeps stories.titles and stories.actor_ids equal to what its articles say"


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.add_column(
        "stories",
        sa.Column(
            "titles",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment=TITLES_COMMENT,
        ),
    )
    op.add_column(
        "stories",
        sa.Column(
            "actor_ids",
            postgresql.ARRAY(sa.BigInteger()),
            server_default="{}",
            nullable=False,
            comment=ACTORS_COMMENT,
        ),
    )
    op.execute(
        """
        UPDATE stories s SET titles = f.titles
        FROM (SELECT story_id, array_agg(title ORDER BY id) AS titles FROM articles
              WHERE story_id IS NOT NULL GROUP BY story_id) f
        WHERE f.story_id = s.id
        """
    )
    op.execute(
        """
        UPDATE stories s SET actor_ids = f.actor_ids
        FROM (SELECT a.story_id, array_agg(DISTINCT aa.actor_id ORDER BY aa.actor_id) AS actor_ids
              FROM article_actors aa JOIN articles a ON a.id = aa.article_id
              JOIN actors ac ON ac.id = aa.actor_id
              WHERE a.story_id IS NOT NULL AND ac.kind <> 'state' GROUP BY a.story_id) f
        WHERE f.story_id = s.id
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION {FEATURES}(story_ids bigint[]) RETURNS void LANGUAGE sql AS $$
          UPDATE stories s SET
            titles = ARRAY(SELECT a.title FROM articles a WHERE a.story_id = s.id ORDER BY a.id),
            actor_ids = ARRAY(
              SELECT DISTINCT aa.actor_id FROM articles a
              JOIN article_actors aa ON aa.article_id = a.id JOIN actors ac ON ac.id = aa.actor_id
              WHERE a.story_id = s.id AND ac.kind <> 'state' ORDER BY 1)
          WHERE s.id = ANY(story_ids)
        $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {FEATURES}(bigint[]) IS {_quoted(FEATURES_COMMENT)}")
    op.execute(
        f"""
        CREATE FUNCTION {ARTICLES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
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
              WHERE o.title IS DISTINCT FROM n.title OR o.story_id IS DISTINCT FROM n.story_id
              EXCEPT SELECT NULL));
          END IF;
          RETURN NULL;
        END $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {ARTICLES_FUNCTION}() IS {_quoted(ARTICLES_FUNCTION_COMMENT)}")
    op.execute(
        f"""
        CREATE FUNCTION {LINKS_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM {FEATURES}(ARRAY(
              SELECT DISTINCT a.story_id FROM new_rows r JOIN articles a ON a.id = r.article_id
              WHERE a.story_id IS NOT NULL));
          ELSE
            PERFORM {FEATURES}(ARRAY(
              SELECT DISTINCT a.story_id FROM old_rows r JOIN articles a ON a.id = r.article_id
              WHERE a.story_id IS NOT NULL));
          END IF;
          RETURN NULL;
        END $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {LINKS_FUNCTION}() IS {_quoted(LINKS_FUNCTION_COMMENT)}")
    for name, table, operation, transitions in TRIGGERS:
        function = ARTICLES_FUNCTION if table == "articles" else LINKS_FUNCTION
        op.execute(
            f"CREATE TRIGGER {name} AFTER {operation} ON {table} REFERENCING {transitions} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
        op.execute(f"COMMENT ON TRIGGER {name} ON {table} IS {_quoted(TRIGGER_COMMENT)}")


def downgrade() -> None:
    for name, table, _, _ in TRIGGERS:
        op.execute(f"DROP TRIGGER {name} ON {table}")
    op.execute(f"DROP FUNCTION {LINKS_FUNCTION}()")
    op.execute(f"DROP FUNCTION {ARTICLES_FUNCTION}()")
    op.execute(f"DROP FUNCTION {FEATURES}(bigint[])")
    op.drop_column("stories", "actor_ids")
    op.drop_column("stories", "titles")
