"""What the crawl hands the store: the rows of one batch, and what writing it came to.

Declared apart from the writers so the spool (which pickles batches while the database is away)
and the frontier's bookkeeping can name them without importing the article upserts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsarchive.analysis.result import Analysis
from newsarchive.extract import ArticleRecord, Evidence


@dataclass(frozen=True)
class ArticleRow:
    """An extracted article ready to store under `url` (its normalised canonical URL)."""

    outlet: str
    url: str
    original_url: str
    final_url: str
    record: ArticleRecord
    evidence: Evidence
    analysis: Analysis = field(default_factory=Analysis)


@dataclass(frozen=True)
class PageRow:
    """One fetch attempt, whatever came of it; `article_url` links it to the stored article."""

    outlet: str
    kind: str
    url: str
    outcome: str
    final_url: str | None = None
    error: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    html: bytes | None = None
    #: The page already gzip-compressed (the crawl's extraction pool does it); else the writer
    #: compresses `html`.
    html_gz: bytes | None = None
    article_url: str | None = None
    # Listings: URLs listed and URLs new to the archive (source health).
    listed: int | None = None
    new_articles: int | None = None
    # Failed articles: what a retry needs, and how long the server asked us to wait.
    original_url: str | None = None
    evidence: Evidence | None = None
    retry_after: float | None = None
    reason: str | None = None


@dataclass
class BatchResult:
    """How many of a batch's articles were new, changed or unchanged, and the new ones' URLs."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_urls: list[str] = field(default_factory=list)
