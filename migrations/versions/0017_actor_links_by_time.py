"""article_actors carries its article's time, indexed with the actor, so story assignment finds
the stories naming an actor within the story window from one index range

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 02:00:00

Story assignment (store/structure.py) looks for the stories of the last days that name one of a
new article's actors. It read every article of the six-day window and probed article_actors
for each: ~3,300 probes per new article at a million articles over five years, growing with
how much the archive holds around that time. With the article's time (published, else first
seen) copied into article_actors and indexed after the actor, the lookup reads only the links
of the article's actors within the window. A trigger keeps the copy equal to the article's
time when a re-fetch or a re-extraction changes it. Filling the column reads article_actors and
articles once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (a migration must not follow the code).
COLUMN_COMMENT = (
    "The article's time (published, else first seen), kept equal to it by a trigger: "
    "story assignment reads an actor's articles of a time window"
)
INDEX_COMMENT = (
    "Links by actor and article time: the articles naming an actor within a time window "
    "(story assignment), and the links an actor's deletion cascades to"
)
FUNCTION = "newsarchive_article_actors_time"
FUNCTION_COMMENT = "Copies an article's new time to its article_actors rows"
TRIGGER = "articles_time_to_actor_links"
TRIGGER_COMMENT = (
    "Keeps article_actors.published_at equal to coalesce(published_at, first_seen_at) "
    "of its article"
)


def _quoted(comment: str) -> str:
    return "'" + comment.replace("'", "''") + "'"  # COMMENT takes no bind parameters


def upgrade() -> None:
    op.add_column(
        "article_actors",
        sa.Column("published_at", sa.DateTime(timezone=True), comment=COLUMN_COMMENT),
    )
    op.execute(
        "UPDATE article_actors aa SET published_at = coalesce(a.published_at, a.first_seen_at) "
        "FROM articles a WHERE a.id = aa.article_id"
    )
    op.alter_column("article_actors", "published_at", nullable=False)
    op.create_index(
        "ix_article_actors_actor_published",
        "article_actors",
        ["actor_id", "published_at"],
        postgresql_include=["article_id"],
    )
    op.execute(f"COMMENT ON INDEX ix_article_actors_actor_published IS {_quoted(INDEX_COMMENT)}")
    op.drop_index("ix_article_actors_actor_id", table_name="article_actors")
    op.execute(
        f"""
        CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE article_actors SET published_at = coalesce(NEW.published_at, NEW.first_seen_at)
          WHERE article_id = NEW.id;
          RETURN NULL;
        END $$
        """
    )
    op.execute(f"COMMENT ON FUNCTION {FUNCTION}() IS {_quoted(FUNCTION_COMMENT)}")
    op.execute(
        f"CREATE TRIGGER {TRIGGER} AFTER UPDATE OF published_at, first_seen_at ON articles "
        "FOR EACH ROW WHEN (coalesce(OLD.published_at, OLD.first_seen_at) "
        "IS DISTINCT FROM coalesce(NEW.published_at, NEW.first_seen_at)) "
        f"EXECUTE FUNCTION {FUNCTION}()"
    )
    op.execute(f"COMMENT ON TRIGGER {TRIGGER} ON articles IS {_quoted(TRIGGER_COMMENT)}")


def downgrade() -> None:
    op.execute(f"DROP TRIGGER {TRIGGER} ON articles")
    op.execute(f"DROP FUNCTION {FUNCTION}()")
    op.create_index("ix_article_actors_actor_id", "article_actors", ["actor_id"])
    op.drop_index("ix_article_actors_actor_published", table_name="article_actors")
    op.drop_column("article_actors", "published_at")
