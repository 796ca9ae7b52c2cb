"""What the spider hands to the pipelines: every fetch outcome is an item, so none is lost.

A request without an errback that fails is only logged by Scrapy; ours all have one, and the
errback turns the failure into a `FetchFailure` item that the store pipeline records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsarchive.analysis.result import Analysis
from newsarchive.extract import ArticleRecord, Evidence


@dataclass
class FetchedArticle:
    """An article page as downloaded; extraction fills `record` (None: not an article)."""

    outlet: str
    url: str  # normalised URL we asked for (the key unless the page names its own canonical)
    original_url: str  # as the feed or sitemap listed it
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    http_charset: str | None
    evidence: Evidence
    record: ArticleRecord | None = None
    key: str | None = None  # the URL the article is stored under, chosen after extraction
    encoding: str | None = None
    encoding_source: str | None = None
    extraction_error: str | None = None
    failure_reason: str | None = None  # extraction_error, blocked, binary_content, ...
    not_article: str | None = None  # "reason: detail" when extraction found no article
    analysis: Analysis | None = None
    #: `body` gzip-compressed for storage: as the server sent it, else by the extraction pool.
    html_gz: bytes | None = None


@dataclass
class FetchFailure:
    """A feed, sitemap or article request that produced no usable response."""

    outlet: str
    kind: str  # feed | sitemap | article
    url: str
    reason: str  # short code for counting: dns, timeout, connection, http_503, robots, ...
    error: str  # human-readable detail
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # Articles: what a later retry needs, and the server's Retry-After in seconds.
    original_url: str | None = None
    evidence: Evidence | None = None
    retry_after: float | None = None


@dataclass
class ListingFetched:
    """A feed or sitemap that was read, with how many article URLs it led to."""

    outlet: str
    kind: str  # feed | sitemap
    url: str
    final_url: str
    status: int
    listed: int
    scheduled: int
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    not_modified: bool = False  # 304 to a conditional request: nothing changed since last time
    #: Why some listed URLs were left for a later run (URL cap, --max-articles, database
    #: error); None when every new URL was scheduled. An incomplete listing keeps no validator.
    incomplete: str | None = None
