"""CPU work the crawl hands to its extraction pool, and what its own process never imports.

The crawl process is one core; the pool has one per CPU. Compressing each raw page, like
extracting it, is done in the pool, and the crawl process does not load the extraction stack.
"""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from sqlalchemy import Engine, text

from newsarchive.analysis.page import extract_page
from newsarchive.analysis.pool import SHARED_MODELS_FROM, pool_context
from newsarchive.analysis.pool import extract_page as pool_extract_page
from newsarchive.extract import Evidence
from newsarchive.fetch.middlewares import ReceivedGzipMiddleware, received_gzip
from newsarchive.registry import Outlet
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.outlets import sync_outlets
from newsarchive.store.rows import PageRow
from tests.support import fresh_process_prints

PAGE = (
    b"<html><head><title>Drill</title></head><body><article><h1>Drill</h1>"
    + b"<p>Warships from three navies sailed into the Gulf of Oman on Tuesday.</p>" * 20
    + b"</article></body></html>"
)


def test_the_pool_compresses_the_raw_page_only_when_asked() -> None:
    url = "https://wire.example/drill"
    compressed = pool_extract_page(PAGE, "utf-8", url, Evidence(), None, None, True)
    assert compressed.html_gz is not None
    assert gzip.decompress(compressed.html_gz) == PAGE
    plain = extract_page(PAGE, "utf-8", url, Evidence())
    assert plain.html_gz is None
    assert plain.record == compressed.record


def _as_received(wire: bytes, body: bytes, encoding: str = "gzip") -> HtmlResponse:
    """A response whose body `wire` went through ReceivedGzipMiddleware and was inflated to
    `body` (as Scrapy's HttpCompressionMiddleware, next in the chain, does)."""
    request = Request("https://wire.example/drill")
    headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
    response = HtmlResponse(request.url, body=wire, headers=headers, request=request)
    ReceivedGzipMiddleware().process_response(request, response)
    return response.replace(body=body)


def test_a_gzip_body_is_kept_as_received_only_when_it_inflates_to_the_page() -> None:
    wire = gzip.compress(PAGE, compresslevel=6, mtime=0)
    assert received_gzip(_as_received(wire, PAGE)) == wire
    # Scrapy keeps what it could inflate of a cut stream: those bytes would not read back.
    cut = len(PAGE) // 2
    assert received_gzip(_as_received(wire[:-40], PAGE[:cut])) is None
    # Two members inflate to the page, but the trailer covers the last one only.
    halves = gzip.compress(PAGE[:cut], mtime=0) + gzip.compress(PAGE[cut:], mtime=0)
    assert gzip.decompress(halves) == PAGE
    assert received_gzip(_as_received(halves, PAGE)) is None
    assert received_gzip(_as_received(wire + b"\0" * 8, PAGE)) is None
    assert received_gzip(_as_received(wire, PAGE, encoding="br")) is None


def test_the_writer_stores_the_pools_compressed_page_as_it_is(engine: Engine) -> None:
    sync_outlets(
        engine,
        [
            Outlet(
                slug="wire",
                name="Wire",
                domains=("wire.example",),
                country=None,
                language="en",
                kind="wire",
                feeds=("https://wire.example/feed/",),
            )
        ],
    )
    ready = gzip.compress(PAGE, compresslevel=1, mtime=0)
    pages = [
        PageRow("wire", "article", "https://wire.example/a", "not_article", html_gz=ready),
        PageRow("wire", "article", "https://wire.example/b", "not_article", html=PAGE),
    ]
    ArticleWriter(engine).store_batch(None, [], pages)
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT url, html_gz FROM pages")).all())
    assert bytes(stored["https://wire.example/a"]) == ready
    assert gzip.decompress(stored["https://wire.example/b"]) == PAGE


def test_the_crawl_process_does_not_import_the_extraction_stack() -> None:
    code = (
        "import sys\n"
        "import newsarchive.cli, newsarchive.fetch.runner, newsarchive.fetch.pipelines\n"
        "import newsarchive.fetch.spider, newsarchive.fetch.middlewares\n"
        "from newsarchive.extract import ArticleRecord, Evidence, OutletFacts\n"
        "heavy = ('trafilatura', 'py3langid', 'ftfy', 'justext', 'newsarchive.extract.article',\n"
        "         'numpy', 'rapidfuzz')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    assert fresh_process_prints(code) == "[]"


def test_the_forkserver_preload_loads_the_models_the_workers_share() -> None:
    code = (
        "import newsarchive.analysis.preload\n"
        "from py3langid import langid\n"
        "print(langid.IDENTIFIER is not None)\n"
    )
    assert fresh_process_prints(code) == "True"


def test_a_small_pool_spawns_its_workers_and_a_large_one_shares_the_preloaded_models() -> None:
    assert pool_context(2).get_start_method() == "spawn"
    large = pool_context(SHARED_MODELS_FROM)
    assert large.get_start_method() == "forkserver"


def test_a_warmed_up_pool_worker_freezes_its_models_and_collects_the_young_less_often() -> None:
    code = (
        "import gc\n"
        "from newsarchive.analysis.pool import WORKER_YOUNG_THRESHOLD, warm_up\n"
        "default = gc.get_threshold()\n"
        "warm_up()\n"
        "print(gc.get_freeze_count() > 10000, gc.get_threshold() == "
        "(WORKER_YOUNG_THRESHOLD, *default[1:]))\n"
    )
    assert fresh_process_prints(code) == "True True"


def test_a_pool_worker_returns_a_freed_page_sized_block_to_the_system() -> None:
    # glibc raises its mmap threshold to each large block freed, so the second 4 MiB buffer
    # would come from the heap and stay resident after it is freed; the worker's warm_up fixes it.
    code = (
        "from newsarchive.analysis.pool import return_large_blocks\n"
        "if not return_large_blocks():\n"
        "    raise SystemExit('no glibc')\n"
        "def resident():\n"
        "    with open('/proc/self/statm') as statm:\n"
        "        return int(statm.read().split()[1]) * 4096\n"
        "before = resident()\n"
        "for _ in range(3):\n"
        "    block = bytearray(4 * 2**20)\n"
        "    del block\n"
        "print(resident() - before)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if "no glibc" in out.stderr:
        pytest.skip("no glibc mallopt here")
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) < 2**20
