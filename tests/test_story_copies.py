"""Syndicated copies join their original's story, those of a batch in one statement.

A copy (articles.duplicate_of) is never analysed: it goes in its original's story. The store
places every copy whose original has a story at once, after the batch's originals; a copy
whose original has none yet (stored but not assigned) is assigned on its own as before.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine, event, text

from newsarchive.extract import Evidence
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import ArticleRow, PageRow
from newsarchive.store.structure import assign_urls
from tests.test_duplicates import outlet
from tests.test_pool_structure import extracted

ORIGINAL = "https://monitor.example/2022/04/28/china-iran-ties/"
COPIES = [f"https://wire.example/2022/04/28/copy-{n}/" for n in range(3)]


def _outlets(engine: Engine) -> None:
    sync_outlets(engine, [outlet("monitor"), outlet("wire")])


def _store(engine: Engine, urls: list[str], assign: bool = True) -> list[str]:
    """Store the same article under each URL (the first is the earliest copy) in one batch,
    and assign the new ones their stories as the crawl does; returns the new URLs."""
    result = extracted()
    assert result.record is not None
    rows = [
        ArticleRow(
            url.split(".")[0].removeprefix("https://"),
            url,
            url,
            url,
            replace(result.record, url=url),
            Evidence(),
        )
        for url in urls
    ]
    pages = [PageRow(row.outlet, "article", row.url, "stored", article_url=row.url) for row in rows]
    stored = ArticleWriter(engine).store_batch(None, rows, pages)
    if assign:
        assert assign_urls(engine, stored.new_urls) == len(stored.new_urls)
    return stored.new_urls


def _stories(engine: Engine) -> dict[str, int | None]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT url, story_id, duplicate_of FROM articles")).all()
    assert sum(1 for row in rows if row.duplicate_of is None) == 1
    return {row.url: row.story_id for row in rows}


def test_copies_in_the_originals_batch_and_later_ones_join_its_story(engine: Engine) -> None:
    _outlets(engine)
    _store(engine, [ORIGINAL, *COPIES[:2]])
    _store(engine, [COPIES[2]])
    stories = _stories(engine)
    assert stories[ORIGINAL] is not None
    assert set(stories.values()) == {stories[ORIGINAL]}
    with engine.connect() as conn:
        analysed = conn.execute(text("SELECT DISTINCT article_id FROM article_actors")).all()
        [[count]] = conn.execute(text("SELECT count(*) FROM stories")).all()
    assert len(analysed) == 1 and count == 1  # the copies were never analysed


def test_the_statements_a_batch_of_copies_takes_do_not_grow_with_the_copies(
    engine: Engine,
) -> None:
    _outlets(engine)
    _store(engine, [ORIGINAL])
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        taken = []
        for batch in ([COPIES[0]], COPIES[1:]):
            urls = _store(engine, batch, assign=False)
            statements.clear()
            assert assign_urls(engine, urls) == len(batch)
            taken.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert taken[0] == taken[1]
    assert set(_stories(engine).values()) == {_stories(engine)[ORIGINAL]}


def test_a_copy_whose_original_has_no_story_yet_gets_one_of_its_own(engine: Engine) -> None:
    _outlets(engine)
    _store(engine, [ORIGINAL], assign=False)  # stored; its assignment never ran (a stray)
    _store(engine, [COPIES[0]])
    stories = _stories(engine)
    assert stories[ORIGINAL] is None
    assert stories[COPIES[0]] is not None
