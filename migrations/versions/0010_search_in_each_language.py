"""full-text search in each article's language through newsarchive_search_config(language);
outlet kinds government and international_organisation in the comments

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 20:00:00

Rebuilding the stored `search` column rewrites every row of `articles` (to_tsvector runs at
roughly 600 rows/s on two cores: about half an hour per million articles), and holds an
exclusive lock on the table meanwhile: run it between crawls.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of models.SEARCH_CONFIGS as of this revision (a migration must not follow the models).
SEARCH_CONFIGS = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# Frozen copy of models.SEARCH_CHARACTER_LANGUAGES: written without spaces between words.
CHARACTER_LANGUAGES = ("zh", "ja")
#: Hiragana, katakana, CJK extension A, CJK unified and compatibility ideographs.
CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
BASE = "pg_catalog.split_part(pg_catalog.lower(language), '-', 1)"
NEW_VECTOR = (
    "to_tsvector(newsarchive_search_config(language), newsarchive_search_text(language, "
    "coalesce(title, '') || ' ' || coalesce(text, '')))"
)
NEW_COMMENT = (
    "Full-text search vector over title and body in the article's language "
    "(newsarchive_search_config); query it with newsarchive_search_query(language, '...')"
)
# Frozen copy of 0004's expression and comment, restored by the downgrade.
OLD_VECTOR = (
    "to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig "
    "WHEN 'ru' THEN 'russian'::regconfig WHEN 'fr' THEN 'french'::regconfig "
    "WHEN 'de' THEN 'german'::regconfig WHEN 'es' THEN 'spanish'::regconfig "
    "WHEN 'it' THEN 'italian'::regconfig WHEN 'pt' THEN 'portuguese'::regconfig "
    "WHEN 'nl' THEN 'dutch'::regconfig WHEN 'tr' THEN 'turkish'::regconfig "
    "ELSE 'simple'::regconfig END, coalesce(title, '') || ' ' || coalesce(text, ''))"
)
OLD_COMMENT = "Full-text search vector over title and body, in the article's language"

#: (signature, body, comment); a region suffix such as pt-BR is ignored.
FUNCTIONS = (
    (
        "newsarchive_search_config(language text) RETURNS regconfig",
        # Configurations are named with their schema so a restore (search_path = '') finds them.
        f"SELECT CASE {BASE} "
        + " ".join(
            f"WHEN '{code}' THEN 'pg_catalog.{config}'::pg_catalog.regconfig"
            for code, config in SEARCH_CONFIGS.items()
        )
        + " ELSE 'pg_catalog.simple'::pg_catalog.regconfig END",
        "The text search configuration of an ISO 639-1 language: PostgreSQL's stemmed one "
        "where it ships one, else 'simple' (no stemming)",
    ),
    (
        "newsarchive_search_text(language text, body text) RETURNS text",
        f"SELECT CASE WHEN {BASE} IN {CHARACTER_LANGUAGES} "
        f"THEN pg_catalog.regexp_replace(body, '({CJK})', ' \\1 ', 'g') ELSE body END",
        "The text as indexed: in Chinese and Japanese, every Han and kana character is a word "
        "of its own, so words can be found inside unspaced sentences",
    ),
    (
        "newsarchive_search_query(language text, query text) RETURNS tsquery",
        f"SELECT CASE WHEN {BASE} IN {CHARACTER_LANGUAGES} THEN ("
        "SELECT pg_catalog.string_agg('(' || phrase::text || ')', ' & ')::pg_catalog.tsquery "
        "FROM pg_catalog.regexp_split_to_table(query, '\\s+') AS word, "
        "pg_catalog.phraseto_tsquery('pg_catalog.simple', "
        "newsarchive_search_text(language, word)) AS phrase "
        "WHERE pg_catalog.numnode(phrase) > 0) "
        "ELSE pg_catalog.websearch_to_tsquery(newsarchive_search_config(language), query) END",
        "A search box query for articles in a language: web-search syntax (quotes, OR, -) "
        "stemmed in that language; in Chinese and Japanese, every space-separated word must "
        "appear as written. Use: WHERE search @@ newsarchive_search_query(language, '...')",
    ),
)

#: (relation, column, comment before, comment after)
KIND_COMMENTS = (
    (
        "outlets",
        "kind",
        "wire, state_media, newspaper, broadcaster, specialist_defence, think_tank or magazine",
        "wire, state_media, newspaper, broadcaster, specialist_defence, think_tank, magazine, "
        "government or international_organisation",
    ),
    (
        "article_view",
        "outlet_kind",
        "wire, state_media, newspaper, broadcaster, specialist_defence, ...",
        "wire, state_media, newspaper, broadcaster, specialist_defence, think_tank, magazine, "
        "government or international_organisation",
    ),
)


def _literal(text: str) -> str:
    # COMMENT takes no bind parameters: quote the (constant, trusted) text as a SQL literal.
    return "'" + text.replace("'", "''") + "'"


def _arguments(signature: str) -> str:
    # "f(language text, body text) RETURNS text" -> "f(text, text)", as DROP and COMMENT name it.
    name, rest = signature.split("(", 1)
    types = [argument.split()[1] for argument in rest.split(")", 1)[0].split(",")]
    return f"{name}({', '.join(types)})"


def _rebuild_search(vector: str, comment: str) -> None:
    op.drop_index("ix_articles_search", table_name="articles", postgresql_using="gin")
    op.drop_column("articles", "search")
    op.add_column(
        "articles",
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(vector, persisted=True),
            nullable=False,
            comment=comment,
        ),
    )
    op.create_index(
        "ix_articles_search", "articles", ["search"], unique=False, postgresql_using="gin"
    )


def _set_kind_comments(which: int) -> None:
    for relation, column, *comments in KIND_COMMENTS:
        op.execute(f"COMMENT ON COLUMN {relation}.{column} IS {_literal(comments[which])}")


def upgrade() -> None:
    # Arabic, Greek, Hindi, Indonesian, ... articles were indexed with 'simple' (no stemming:
    # "الدفاع" did not find "دفاع"), Chinese sentences as one word each. One function holds the
    # language mapping; the column and analysts' queries call it.
    for signature, body, comment in FUNCTIONS:
        op.execute(
            f"CREATE FUNCTION {signature} LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ {body} $$"
        )
        op.execute(f"COMMENT ON FUNCTION {_arguments(signature)} IS {_literal(comment)}")
    _rebuild_search(NEW_VECTOR, NEW_COMMENT)
    _set_kind_comments(1)


def downgrade() -> None:
    _set_kind_comments(0)
    _rebuild_search(OLD_VECTOR, OLD_COMMENT)
    for signature, _, _ in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION {_arguments(signature)}")
