"""Article upserts and re-extraction writes: a stored row changes only when its content did.

Articles are keyed on their normalised URL, so a re-crawl never creates a second row; a changed
body keeps the old text in `article_revisions`. Each batch is one transaction (articles, their
pages, duplicate links and the frontier's bookkeeping), so a batch lands whole or not at all.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, literal, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.analysis import RELEVANCE_THRESHOLD
from newsarchive.analysis.result import HTML_GZ_LEVEL, Analysis
from newsarchive.extract import EXTRACTOR_VERSION, ArticleRecord
from newsarchive.store.duplicates import link_duplicates
from newsarchive.store.frontier import RetryPolicy, record_failed_urls, record_listing_health
from newsarchive.store.models import Article, ArticleRevision, Page
from newsarchive.store.outlets import OutletIds
from newsarchive.store.rows import ArticleRow, BatchResult, PageRow

#: Record fields stored under another name, in another unit: the offset as whole minutes.
_RENAMED = {"published_offset": "published_utc_offset"}
#: The article columns an extraction decides: ArticleRecord's fields, by the same names (its
#: `url` is the row's key, never refreshed) but for the renamed ones.
RECORD_COLUMNS = tuple(
    _RENAMED.get(f.name, f.name) for f in fields(ArticleRecord) if f.name != "url"
)
#: The article columns an analysis decides (see ArticleWriter._analysis_values).
ANALYSIS_COLUMNS = ("topics", "countries", "relevance", "is_relevant")
#: Columns a re-fetch replaces when the article's content changed (and re-extraction rewrites).
REFRESHED_COLUMNS = (*RECORD_COLUMNS, *ANALYSIS_COLUMNS, "extractor_version", "final_url")
#: The article columns a revision keeps (an old text and what produced it).
REVISION_COLUMNS = ("title", "text", "content_hash", "extractor_version")


class ArticleWriter:
    """Writes fetched batches and re-extractions. Synchronous: callers run it off the reactor."""

    def __init__(
        self,
        engine: Engine,
        relevance_threshold: float = RELEVANCE_THRESHOLD,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.engine = engine
        self.relevance_threshold = relevance_threshold
        self.retry_policy = retry_policy or RetryPolicy()
        self.outlet_ids = OutletIds()

    def store_batch(
        self, run_id: int | None, articles: Sequence[ArticleRow], pages: Sequence[PageRow]
    ) -> BatchResult:
        """Upsert articles and record pages in one transaction."""
        result = BatchResult()
        with Session(self.engine) as session, session.begin():
            article_ids = self._upsert_articles(session, articles, result)
            new_ids = [article_ids[url] for url in result.new_urls if url in article_ids]
            if new_ids:
                link_duplicates(session, new_ids)
            if pages:
                session.execute(
                    insert(Page),
                    [self._page_values(session, run_id, page, article_ids) for page in pages],
                )
                record_listing_health(session, self.outlet_ids, pages)
                record_failed_urls(session, self.outlet_ids, self.retry_policy, pages)
        return result

    def _upsert_articles(
        self, session: Session, articles: Sequence[ArticleRow], result: BatchResult
    ) -> dict[str, int]:
        # One statement cannot touch the same row twice: the last copy of a URL in a batch wins.
        by_url = {row.url: row for row in articles}
        if not by_url:
            return {}
        # Result objects have .keys(): build dicts from rows explicitly, not with dict(result).
        existing = {
            url: content_hash
            for url, content_hash in session.execute(
                select(Article.url, Article.content_hash).where(Article.url.in_(by_url))
            )
        }
        changed_urls = [
            url
            for url, row in by_url.items()
            if url in existing and existing[url] != row.record.content_hash
        ]
        if changed_urls:
            _keep_revisions(session, Article.url.in_(changed_urls), reason="refetch")
        now = datetime.now(UTC)
        values = [self._article_values(session, row, now) for row in by_url.values()]
        # One statement executed with the batch's rows as parameters (psycopg's "insert many
        # values", still one round trip per 1,000 rows), not a VALUES list built into the
        # statement: that one was compiled anew for every batch, about 5% of the crawl
        # process's CPU (py-spy, bench/crawl.py).
        stmt = insert(Article)
        changed = stmt.excluded.content_hash != Article.content_hash
        # An unchanged page only moves last_fetched_at; a changed one replaces the record.
        set_: dict[str, Any] = {
            name: case((changed, stmt.excluded[name]), else_=getattr(Article, name))
            for name in REFRESHED_COLUMNS
        }
        set_["last_fetched_at"] = stmt.excluded.last_fetched_at
        upsert = stmt.on_conflict_do_update(index_elements=[Article.url], set_=set_).returning(
            Article.url, Article.id
        )
        ids = {url: id_ for url, id_ in session.connection().execute(upsert, values)}
        for url, row in by_url.items():
            if url not in existing:
                result.new += 1
                result.new_urls.append(url)
            elif existing[url] != row.record.content_hash:
                result.updated += 1
            else:
                result.unchanged += 1
        return ids

    def apply_reextraction(
        self, records: Sequence[tuple[int, ArticleRecord | None, Analysis | None]]
    ) -> BatchResult:
        """Store fresh extractions of archived pages: changed records replace the stored ones
        (old bodies become revisions); every re-extracted row records the extractor version.

        A page that no longer extracts as an article keeps its row (nothing is lost); it counts
        as unchanged here and the caller reports it.
        """
        result = BatchResult()
        found = {article_id: record for article_id, record, _ in records if record is not None}
        analyses = {article_id: analysis for article_id, _, analysis in records if analysis}
        if not found:
            return result
        with Session(self.engine) as session, session.begin():
            current = {
                row.id: row
                for row in session.execute(select(Article).where(Article.id.in_(found))).scalars()
            }
            body_changed = [
                article_id
                for article_id, record in found.items()
                if article_id in current and current[article_id].content_hash != record.content_hash
            ]
            if body_changed:
                _keep_revisions(session, Article.id.in_(body_changed), reason="reextract")
            for article_id, record in found.items():
                article = current.get(article_id)
                if article is None:
                    continue
                fresh = _record_values(record)
                if article_id in analyses:
                    fresh |= self._analysis_values(analyses[article_id])
                differs = any(getattr(article, name) != value for name, value in fresh.items())
                for name, value in fresh.items():
                    setattr(article, name, value)
                article.extractor_version = EXTRACTOR_VERSION
                if differs:
                    result.updated += 1
                else:
                    result.unchanged += 1
        return result

    def _analysis_values(self, analysis: Analysis) -> dict[str, Any]:
        relevance = analysis.relevance
        is_relevant = relevance is not None and relevance >= self.relevance_threshold
        values = (list(analysis.topics), list(analysis.countries), relevance, is_relevant)
        return dict(zip(ANALYSIS_COLUMNS, values, strict=True))

    def _article_values(self, session: Session, row: ArticleRow, now: datetime) -> dict[str, Any]:
        return {
            "outlet_id": self.outlet_ids.get(session, row.outlet),
            "url": row.url,
            "original_url": row.original_url,
            "final_url": row.final_url,
            **_record_values(row.record),
            **self._analysis_values(row.analysis),
            "listed_title": row.evidence.title,
            "listed_published_at": row.evidence.published_at,
            "listed_in": row.evidence.listed_in,
            "extractor_version": EXTRACTOR_VERSION,
            "first_seen_at": now,
            "last_fetched_at": now,
        }

    def _page_values(
        self, session: Session, run_id: int | None, page: PageRow, article_ids: dict[str, int]
    ) -> dict[str, Any]:
        article_id = article_ids.get(page.article_url) if page.article_url else None
        if page.article_url and article_id is None:
            article_id = session.scalar(select(Article.id).where(Article.url == page.article_url))
        return {
            "crawl_run_id": run_id,
            "outlet_id": self.outlet_ids.get(session, page.outlet),
            "article_id": article_id,
            "kind": page.kind,
            "url": page.url,
            "final_url": page.final_url,
            "outcome": page.outcome,
            "error": page.error,
            "http_status": page.http_status,
            "content_type": page.content_type,
            "encoding": page.encoding,
            "encoding_source": page.encoding_source,
            "headers": page.headers,
            "html_gz": page.html_gz if page.html_gz is not None else _compressed(page.html),
        }


def _compressed(html: bytes | None) -> bytes | None:
    return gzip.compress(html, compresslevel=HTML_GZ_LEVEL) if html else None


def _record_values(record: ArticleRecord) -> dict[str, Any]:
    """The article columns an extraction decides, named as the record's fields (tuples as lists)."""
    values = {_RENAMED.get(f.name, f.name): getattr(record, f.name) for f in fields(record)}
    del values["url"]
    offset = record.published_offset
    values["published_utc_offset"] = None if offset is None else offset // timedelta(minutes=1)
    return {name: list(v) if isinstance(v, tuple) else v for name, v in values.items()}


def _keep_revisions(session: Session, which: Any, reason: str) -> None:
    """Copy the current text of the selected articles into article_revisions before a change."""
    session.execute(
        insert(ArticleRevision).from_select(
            ["article_id", *REVISION_COLUMNS, "valid_from", "reason"],
            select(
                Article.id,
                *(getattr(Article, name) for name in REVISION_COLUMNS),
                Article.last_fetched_at,
                literal(reason),
            ).where(which),
        )
    )
