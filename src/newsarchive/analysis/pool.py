"""The extraction pool's entry points, importable without importing extraction itself.

The crawl process hands `extract_page` and `warm_up` to its pool by name; were they
analysis/page.py's own, the crawl process would import trafilatura, py3langid and ftfy (about
40 MiB) only to name them. Each worker imports analysis/page.py on its first call.
"""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from multiprocessing.context import ForkServerContext
from typing import TYPE_CHECKING

from newsarchive.analysis.result import PageExtraction
from newsarchive.extract.record import Evidence, ExtractionHints, OutletFacts

if TYPE_CHECKING:
    from newsarchive.registry import Outlet


def pool_context() -> ForkServerContext:
    """The multiprocessing context of an extraction pool: forkserver (the crawl process runs the
    reactor and holds database connections: it must never fork), its server preloading
    analysis/preload.py so that its workers share the models it loads."""
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
    from newsarchive.analysis.page import warm_up as run

    run()


def outlet_facts(outlet: Outlet) -> OutletFacts:
    """The registry's word on an outlet that extraction needs, in extraction's own terms."""
    hints = ExtractionHints(
        body_selector=outlet.body_selector,
        exclude_selectors=outlet.exclude_selectors,
        title_selector=outlet.title_selector,
        date_selector=outlet.date_selector,
    )
    return OutletFacts(name=outlet.name, timezone=outlet.timezone, hints=hints)
