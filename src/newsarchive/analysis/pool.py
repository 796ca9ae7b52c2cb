"""The extraction pool's entry points, importable without importing extraction itself.

The crawl process hands `extract_page` and `warm_up` to its pool by name; were they
analysis/page.py's own, the crawl process would import trafilatura, py3langid and ftfy (about
40 MiB) only to name them. Each worker imports analysis/page.py on its first call.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
from datetime import datetime
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import TYPE_CHECKING

from newsarchive.analysis.result import PageExtraction
from newsarchive.extract.record import Evidence, ExtractionHints, OutletFacts

if TYPE_CHECKING:
    from newsarchive.registry import Outlet


#: Workers from which on a forkserver preloading the models (analysis/preload.py) takes less
#: memory than workers loading their own. The server holds a whole copy of the extraction stack
#: (~150 MiB) and each worker forked from it still dirties ~40 MiB of it, against ~150 MiB for a
#: worker that loads its own (bench/crawl.py, 2 workers: summed PSS 314 MiB for the server and
#: its workers, 305 for two spawned workers; summed RSS 476 against 345).
SHARED_MODELS_FROM = 3


def pool_context(workers: int) -> ForkServerContext | SpawnContext:
    """The multiprocessing context of an extraction pool of `workers` processes. Never fork:
    the crawl process runs the reactor and holds database connections. One or two workers are
    spawned, each loading its own models; from SHARED_MODELS_FROM on, they are forked from a
    forkserver that preloads analysis/preload.py, and share the models it loads."""
    if workers < SHARED_MODELS_FROM:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsarchive.analysis.preload"])
    return context


def extract_page(
    body: bytes,
    http_charset: str | None,
    url: str,
    evidence: Evidence,
    now: datetime | None = None,
    outlet: OutletFacts | None = None,
    compress: bool = False,
) -> PageExtraction:
    """analysis.page.extract_page, run in a pool worker."""
    from newsarchive.analysis.page import extract_page as run

    return run(body, http_charset, url, evidence, now, outlet, compress)


def warm_up() -> None:
    """analysis.page.warm_up: a worker's imports and first parse, before its first page."""
    return_large_blocks()
    from newsarchive.analysis.page import warm_up as run

    run()
    collect_less()


#: Net container allocations between collections of the youngest generation in a pool worker
#: (Python's default: 700).
WORKER_YOUNG_THRESHOLD = 10_000


def collect_less() -> None:
    """Freeze what the worker loaded and let the youngest generation grow to
    WORKER_YOUNG_THRESHOLD before it is collected.

    A page allocates thousands of short-lived containers (lxml's element proxies, the lists and
    tuples of every rule), so with the default threshold the collector ran about twice per page,
    and every older-generation pass walked the ~76,000 objects of the loaded models and tables,
    which live as long as the worker anyway. Most of a page's objects die by reference counting;
    cycles wait longer, which a worker that holds one page at a time can afford. One process over
    the 181 AEB pages: collections 294 -> 2, their CPU 0.80 -> 0.03 ms per page. In a forked
    worker the frozen objects' headers are also never written by a collection, so the pages it
    shares with the forkserver stay shared.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(WORKER_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


#: glibc's mallopt parameter for the size from which a block is mapped on its own.
_M_MMAP_THRESHOLD = -3
#: From this size (glibc's starting value) a block is its own mapping, returned when freed.
LARGE_BLOCK = 128 * 1024


def return_large_blocks() -> bool:
    """Keep glibc's mmap threshold at LARGE_BLOCK in this process; False where there is none.

    glibc maps a block of 128 KiB or more on its own, but raises that threshold to the size of
    each such block freed, up to 32 MiB; after its first pages a worker's page-sized buffers
    (each body it is sent, its decoded text, the compressed copy: hundreds of KiB) come from the
    heap, which they leave fragmented. Fixed, each is unmapped when freed. One worker over the
    181 AEB pages twice: RSS 232 -> 224 MiB, CPU the same (14.4-14.8 s against 13.8-14.6 s).
    """
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK))


def outlet_facts(outlet: Outlet) -> OutletFacts:
    """The registry's word on an outlet that extraction needs, in extraction's own terms."""
    hints = ExtractionHints(
        body_selector=outlet.body_selector,
        exclude_selectors=outlet.exclude_selectors,
        title_selector=outlet.title_selector,
        date_selector=outlet.date_selector,
    )
    return OutletFacts(name=outlet.name, timezone=outlet.timezone, hints=hints)
