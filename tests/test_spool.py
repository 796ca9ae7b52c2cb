"""The spool replays what it kept, including batches written before a row class moved module."""

from __future__ import annotations

import pickle
from pathlib import Path

from sqlalchemy import Engine, text

from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import PageRow
from newsarchive.store.spool import MOVED_MODULES, SPOOL_FORMAT, Spool, SpooledBatch

FEED = "https://wire.example/feed/"


def _outlet() -> Outlet:
    return Outlet(
        slug="wire",
        name="Wire",
        domains=("wire.example",),
        country=None,
        language="en",
        kind="newspaper",
        feeds=(FEED,),
    )


def _spool_as_an_older_version_did(directory: Path, batch: SpooledBatch) -> None:
    """Protocol 0 names classes as text lines, so the old module name can be written back."""
    data = pickle.dumps(batch, protocol=0)
    for old, new in MOVED_MODULES.items():
        assert new.encode() in data
        data = data.replace(f"c{new}\n".encode(), f"c{old}\n".encode())
    directory.mkdir()
    (directory / "00000000000000000001-1.batch").write_bytes(data)


def test_a_batch_spooled_under_the_old_module_name_is_replayed(
    engine: Engine, tmp_path: Path
) -> None:
    sync_outlets(engine, [_outlet()])
    page = PageRow("wire", "feed", FEED, "listed", http_status=200, listed=3)
    spool = Spool(tmp_path / "spool")
    _spool_as_an_older_version_did(spool.directory, SpooledBatch(SPOOL_FORMAT, None, [], [page]))

    result = spool.replay(ArticleWriter(engine).store_batch)

    assert (result.replayed, result.rejected, spool.pending()) == (1, 0, [])
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT url, outcome FROM pages")).all()
        health = conn.execute(text("SELECT url, last_listed FROM listing_sources")).all()
    assert [tuple(row) for row in stored] == [(FEED, "listed")]
    assert [tuple(row) for row in health] == [(FEED, 3)]
