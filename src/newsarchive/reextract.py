"""Re-run extraction over the raw pages the archive kept, when the extractor improves.

Reads each article's newest stored page (gzip-compressed HTML), extracts it again in a process
pool with the evidence the feed or sitemap gave at the time, and stores what changed: bodies that
change keep their old text in article_revisions, and every re-extracted row records the current
extractor version. Each page is extracted with its outlet's facts as the crawl gives them (the
registry's name, time zone and extraction hints), so a selector added to the registry fixes the
stored articles of that outlet. The actors and events of every re-extracted article are found again
(store/structure.py `relink`); stories are left to `newsarchive stories rebuild`. Streams in
chunks, so memory stays flat on a large archive.
"""

from __future__ import annotations

import gzip
import logging
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import Session

from newsarchive.analysis.page import extract_page, warm_up
from newsarchive.analysis.result import Analysis
from newsarchive.extract import EXTRACTOR_VERSION, ArticleRecord, Evidence, OutletFacts
from newsarchive.store.articles import ArticleWriter
from newsarchive.store.models import Article, Outlet, Page
from newsarchive.store.structure import relink

log = logging.getLogger(__name__)

CHUNK = 200


@dataclass
class ReextractSummary:
    articles: int = 0
    updated: int = 0
    unchanged: int = 0
    not_article_now: int = 0
    failed: int = 0
    seconds: float = 0.0
    #: Articles whose actors and events were recomputed, and the events they now report.
    relinked: int = 0
    events: int = 0

    def describe(self) -> str:
        return (
            f"re-extracted {self.articles} articles with extractor {EXTRACTOR_VERSION} in "
            f"{self.seconds:.0f}s: {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.not_article_now} no longer extract as articles (kept as they were), "
            f"{self.failed} failed; actors and events recomputed for {self.relinked} articles "
            f"({self.events} events); stories are kept as they were: "
            f"run `newsarchive stories rebuild` to regroup them"
        )


@dataclass(frozen=True)
class StoredPage:
    article_id: int
    url: str
    html_gz: bytes
    fetched_at: datetime  # extraction is told the page's own fetch time, never the clock
    content_type: str | None
    evidence: Evidence
    outlet: OutletFacts


def stored_pages_query(outlet: str | None, since: datetime | None) -> Select[Any]:
    """Each selected article with its newest page that kept HTML."""
    newest_page = (
        select(Page.html_gz, Page.content_type, Page.fetched_at)
        .where(Page.article_id == Article.id, Page.html_gz.is_not(None))
        .order_by(Page.fetched_at.desc(), Page.id.desc())
        .limit(1)
        .lateral("newest_page")
    )
    query = (
        select(
            Article.id,
            Article.url,
            Article.listed_title,
            Article.listed_published_at,
            Article.listed_in,
            newest_page.c.html_gz,
            newest_page.c.content_type,
            newest_page.c.fetched_at,
            Outlet.slug.label("outlet_slug"),
            Outlet.name.label("outlet_name"),
            Outlet.timezone.label("outlet_timezone"),
        )
        .select_from(Article)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .join(newest_page, newest_page.c.html_gz.is_not(None))
        .order_by(Article.id)
    )
    if outlet is not None:
        query = query.where(Outlet.slug == outlet)
    if since is not None:
        query = query.where(Article.first_seen_at >= since)
    return query


def stored_pages(
    engine: Engine,
    outlet: str | None,
    since: datetime | None,
    facts: Mapping[str, OutletFacts] | None = None,
) -> Iterator[list[StoredPage]]:
    """The selected pages in chunks, each with what extraction is told about its outlet.

    `facts` (by slug) is the registry's word, as the crawl passes it to the pool; an outlet the
    registry no longer lists is read with the name and time zone its mirror row kept, no hints.
    """
    facts = facts or {}
    with Session(engine) as session:
        result = session.execute(
            stored_pages_query(outlet, since), execution_options={"yield_per": CHUNK}
        )
        for partition in result.partitions():
            yield [
                StoredPage(
                    article_id=row.id,
                    url=row.url,
                    html_gz=row.html_gz,
                    fetched_at=row.fetched_at,
                    content_type=row.content_type,
                    evidence=Evidence(
                        title=row.listed_title,
                        published_at=row.listed_published_at,
                        listed_in=row.listed_in,
                    ),
                    outlet=facts.get(row.outlet_slug)
                    or OutletFacts(name=row.outlet_name, timezone=row.outlet_timezone),
                )
                for row in partition
            ]


def count_articles(engine: Engine, outlet: str | None, since: datetime | None) -> int:
    from sqlalchemy import func

    with Session(engine) as session:
        subquery = stored_pages_query(outlet, since).subquery()
        return session.scalar(select(func.count()).select_from(subquery)) or 0


def _extract(page: StoredPage) -> tuple[int, ArticleRecord | None, Analysis | None, str | None]:
    charset = None
    for part in (page.content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip("\"' ") or None
    result = extract_page(
        gzip.decompress(page.html_gz),
        charset,
        page.url,
        page.evidence,
        page.fetched_at,
        page.outlet,
    )
    return page.article_id, result.record, result.analysis, result.error


def reextract(
    engine: Engine,
    *,
    outlet: str | None = None,
    since: datetime | None = None,
    workers: int = 0,
    progress: Callable[[ReextractSummary, int], None] | None = None,
    outlets: Mapping[str, OutletFacts] | None = None,
) -> ReextractSummary:
    """Re-extract the selected articles' stored pages and store what changed.

    `outlets` maps a slug to its `OutletFacts` (`analysis.page.outlet_facts` of the registry's
    outlets, as the crawl builds them): without it, pages are read with no hints.
    """
    started = time.monotonic()
    writer = ArticleWriter(engine)
    summary = ReextractSummary()
    total = count_articles(engine, outlet, since)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        max_workers=workers or None, mp_context=context, initializer=warm_up
    ) as pool:
        for chunk in stored_pages(engine, outlet, since, outlets):
            outcomes = list(pool.map(_extract, chunk, chunksize=8))
            _count(outcomes, summary)
            stored = writer.apply_reextraction([(aid, rec, ana) for aid, rec, ana, _ in outcomes])
            summary.updated += stored.updated
            summary.unchanged += stored.unchanged
            # Every re-extracted article, changed or not: the gazetteer or the event rules may
            # have changed since its actors and events were found.
            found = {aid: ana.structure for aid, _, ana, _ in outcomes if ana and ana.structure}
            relinked, events = relink(engine, [aid for aid, rec, _, _ in outcomes if rec], found)
            summary.relinked += relinked
            summary.events += events
            if progress is not None:
                progress(summary, total)
    summary.seconds = time.monotonic() - started
    return summary


def _count(
    outcomes: Sequence[tuple[int, ArticleRecord | None, Analysis | None, str | None]],
    summary: ReextractSummary,
) -> None:
    for article_id, record, _, error in outcomes:
        summary.articles += 1
        if error is not None:
            summary.failed += 1
            log.warning("article %d: extraction failed: %s", article_id, error)
        elif record is None:
            summary.not_article_now += 1
            log.info("article %d no longer extracts as an article; kept as it was", article_id)


def terminal_progress(summary: ReextractSummary, total: int) -> None:
    """A live line on a terminal; a log line per chunk otherwise."""
    line = f"{summary.articles}/{total} articles, {summary.updated} updated"
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[2K" + line)
        sys.stderr.flush()
    else:
        log.info("re-extraction progress: %s", line)
