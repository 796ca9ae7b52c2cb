"""docs/schema.md is exactly what the migrated database's comments say."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from newsarchive.store.schema_doc import render_schema

SCHEMA_DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def test_docs_schema_md_is_generated_from_the_database_comments(engine: Engine) -> None:
    assert render_schema(engine) == SCHEMA_DOC.read_text(encoding="utf-8"), (
        "docs/schema.md is stale: regenerate it with "
        "`python -m newsarchive.store.schema_doc > docs/schema.md`"
    )
