"""stories, actors and events: the structure of the news across outlets

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 06:59:56.464224
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


STORY_VIEW = """
CREATE VIEW story_view AS
SELECT s.id AS story_id, s.title, s.first_published_at, s.last_published_at, s.article_count,
       s.outlet_count, s.languages, s.countries,
       (SELECT array_agg(DISTINCT o.slug ORDER BY o.slug)
        FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.story_id = s.id) AS outlets,
       (SELECT count(*) FROM events e WHERE e.story_id = s.id) AS event_count
FROM stories s
"""

EVENT_VIEW = """
CREATE VIEW event_view AS
SELECT e.id AS event_id, e.kind, e.occurred_on, e.place, e.country, e.story_id,
       (SELECT array_agg(ac.name ORDER BY ac.name) FROM event_actors ea
        JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = e.id
        AND ea.role = 'visitor') AS visitors,
       (SELECT array_agg(ac.name ORDER BY ac.name) FROM event_actors ea
        JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = e.id
        AND ea.role = 'host') AS hosts,
       (SELECT array_agg(ac.name || ' (' || ea.role || ')' ORDER BY ea.role, ac.name)
        FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
        WHERE ea.event_id = e.id) AS actors,
       (SELECT count(*) FROM event_articles r WHERE r.event_id = e.id) AS article_count,
       (SELECT array_agg(DISTINCT o.slug ORDER BY o.slug) FROM event_articles r
        JOIN articles a ON a.id = r.article_id JOIN outlets o ON o.id = a.outlet_id
        WHERE r.event_id = e.id) AS outlets
FROM events e
"""

VIEW_COMMENTS = {
    "story_view": (
        "One row per story with the outlets that reported it: where to start reading stories",
        {
            "story_id": "stories.id",
            "title": "Headline of its earliest article",
            "first_published_at": "Earliest article's publication time",
            "last_published_at": "Latest article's publication time",
            "article_count": "Articles in it, syndicated copies included",
            "outlet_count": "Distinct outlets that reported it",
            "languages": "ISO 639-1 languages of its articles",
            "countries": "ISO alpha-2 countries its articles are about",
            "outlets": "Slugs of the outlets that reported it",
            "event_count": "Events whose first report is in it",
        },
    ),
    "event_view": (
        "One row per event with its actors by role and the outlets that reported it",
        {
            "event_id": "events.id",
            "kind": "visit, meeting, call, summit, exercise, agreement, arms_transfer, sanction",
            "occurred_on": "Day it happened",
            "place": "City where it happened",
            "country": "ISO alpha-2 country where it happened",
            "story_id": "The story of its first report",
            "visitors": "Names of the actors in the visitor role",
            "hosts": "Names of the actors in the host role",
            "actors": "Every actor as 'name (role)'",
            "article_count": "Articles that report it",
            "outlets": "Slugs of the outlets that reported it",
        },
    ),
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column(
            "id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key of the actor",
        ),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Name and country, lower case: what a later mention matches",
        ),
        sa.Column(
            "name", sa.Text(), nullable=False, comment="Canonical name (the gazetteer's spelling)"
        ),
        sa.Column(
            "kind", sa.Text(), nullable=False, comment="person, organisation, armed_force or state"
        ),
        sa.Column(
            "country",
            sa.Text(),
            nullable=True,
            comment="ISO alpha-2 country it belongs to; NULL for international bodies",
        ),
        sa.Column(
            "aliases",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="Other spellings, transliterations and scripts",
        ),
        sa.Column(
            "office",
            sa.Text(),
            nullable=True,
            comment="People: office held, from the gazetteer or the title they were named with",
        ),
        sa.Column(
            "in_gazetteer",
            sa.Boolean(),
            nullable=False,
            comment='false for people recognised only from a title ("Gen. X")',
        ),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'armed_force', 'state')",
            name=op.f("ck_actors_kind_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("key", name=op.f("uq_actors_key")),
        comment="People, organisations, armed forces and states named in articles",
    )
    op.create_table(
        "stories",
        sa.Column(
            "id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key of the story",
        ),
        sa.Column("title", sa.Text(), nullable=False, comment="Headline of its earliest article"),
        sa.Column(
            "first_published_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="Publication time of its earliest article (first seen when undated)",
        ),
        sa.Column(
            "last_published_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="Publication time of its latest article: open to new articles for 3 days after",
        ),
        sa.Column(
            "article_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Articles in it, syndicated copies included",
        ),
        sa.Column(
            "outlet_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Distinct outlets that reported it",
        ),
        sa.Column(
            "languages",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="ISO 639-1 languages of its articles",
        ),
        sa.Column(
            "countries",
            postgresql.ARRAY(sa.Text()),
            server_default="{}",
            nullable=False,
            comment="ISO alpha-2 countries its articles are about",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
        comment="Stories: the articles of all outlets that report one news event",
    )
    op.create_index("ix_stories_last_published_at", "stories", ["last_published_at"], unique=False)
    op.create_table(
        "events",
        sa.Column(
            "id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key of the event",
        ),
        sa.Column(
            "kind",
            sa.Text(),
            nullable=False,
            comment="visit, meeting, call, summit, exercise, agreement, arms_transfer or sanction",
        ),
        sa.Column(
            "occurred_on",
            sa.Date(),
            nullable=False,
            comment="Day it happened (relative days resolved on the article's publication day)",
        ),
        sa.Column("place", sa.Text(), nullable=True, comment="City where it happened"),
        sa.Column(
            "country", sa.Text(), nullable=True, comment="ISO alpha-2 country where it happened"
        ),
        sa.Column(
            "story_id", sa.BigInteger(), nullable=True, comment="The story of its first report"
        ),
        sa.CheckConstraint(
            "kind IN ('visit', 'meeting', 'call', 'summit', 'exercise', 'agreement', "
            "'arms_transfer', 'sanction')",
            name=op.f("ck_events_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_events_story_id_stories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        comment="Events reported by articles: one row per real-world event",
    )
    op.create_index("ix_events_kind_occurred_on", "events", ["kind", "occurred_on"], unique=False)
    op.create_index("ix_events_story_id", "events", ["story_id"], unique=False)
    op.create_table(
        "article_actors",
        sa.Column("article_id", sa.BigInteger(), nullable=False, comment="The article"),
        sa.Column("actor_id", sa.BigInteger(), nullable=False, comment="The actor"),
        sa.Column(
            "mentions",
            sa.Integer(),
            nullable=False,
            comment="Times the article names the actor (surname alone included)",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_article_actors_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_actors_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name=op.f("pk_article_actors")),
        comment="Actors named in each article",
    )
    op.create_index("ix_article_actors_actor_id", "article_actors", ["actor_id"], unique=False)
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.BigInteger(), nullable=False, comment="The event"),
        sa.Column("actor_id", sa.BigInteger(), nullable=False, comment="The actor"),
        sa.Column(
            "role",
            sa.Text(),
            nullable=False,
            comment="visitor, host, participant, signatory, supplier, recipient or target",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_event_actors_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_actors_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "actor_id", "role", name=op.f("pk_event_actors")),
        comment="Actors of each event with their role",
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"], unique=False)
    op.create_table(
        "event_articles",
        sa.Column("event_id", sa.BigInteger(), nullable=False, comment="The event"),
        sa.Column("article_id", sa.BigInteger(), nullable=False, comment="The article"),
        sa.Column(
            "evidence", sa.Text(), nullable=False, comment="The sentence that reports the event"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_articles_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "article_id", name=op.f("pk_event_articles")),
        comment="Reports of each event",
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"], unique=False)
    op.create_table(
        "story_merges",
        sa.Column(
            "merged_story_id",
            sa.BigInteger(),
            nullable=False,
            comment="The story that no longer exists (its former id)",
        ),
        sa.Column(
            "into_story_id", sa.BigInteger(), nullable=False, comment="The story it was merged into"
        ),
        sa.Column(
            "article_id", sa.BigInteger(), nullable=True, comment="The article that bridged them"
        ),
        sa.Column(
            "merged_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When the merge happened",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_story_merges_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["into_story_id"],
            ["stories.id"],
            name=op.f("fk_story_merges_into_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("merged_story_id", name=op.f("pk_story_merges")),
        comment="Stories merged into another by a bridging article",
    )
    op.add_column(
        "articles",
        sa.Column(
            "story_id",
            sa.BigInteger(),
            nullable=True,
            comment=(
                "The story this article reports on (its original's story for a syndicated copy)"
            ),
        ),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_articles_story_id_stories"),
        "articles",
        "stories",
        ["story_id"],
        ["id"],
        ondelete="SET NULL",
    )
    op.execute(STORY_VIEW)
    op.execute(EVENT_VIEW)
    for view, (comment, columns) in VIEW_COMMENTS.items():
        op.execute(f"COMMENT ON VIEW {view} IS {_literal(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {view}.{column} IS {_literal(text)}")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS event_view")
    op.execute("DROP VIEW IF EXISTS story_view")
    op.drop_constraint(op.f("fk_articles_story_id_stories"), "articles", type_="foreignkey")
    op.drop_index("ix_articles_story_id", table_name="articles")
    op.drop_column("articles", "story_id")
    op.drop_table("story_merges")
    op.drop_index("ix_event_articles_article_id", table_name="event_articles")
    op.drop_table("event_articles")
    op.drop_index("ix_event_actors_actor_id", table_name="event_actors")
    op.drop_table("event_actors")
    op.drop_index("ix_article_actors_actor_id", table_name="article_actors")
    op.drop_table("article_actors")
    op.drop_index("ix_events_story_id", table_name="events")
    op.drop_index("ix_events_kind_occurred_on", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_stories_last_published_at", table_name="stories")
    op.drop_table("stories")
    op.drop_table("actors")
