"""What analysis adds to an article before it is stored: topics, relevance, countries, and its
actors and events (which the store links, store/structure.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsarchive.extract.record import ArticleRecord, NotArticle

if TYPE_CHECKING:  # the crawl process reads results without importing the analysis itself
    from newsarchive.analysis.structure import Structure


@dataclass(frozen=True)
class Analysis:
    topics: tuple[str, ...] = ()
    relevance: float | None = None
    countries: tuple[str, ...] = ()
    #: Actors and events, found in the pool so the single-threaded crawl process only links
    #: them; None where nobody looked (the store then finds them itself).
    structure: Structure | None = None


#: gzip level of a stored raw page (`pages.html_gz`), whoever compresses it: level 1 is several
#: times faster than the default 9 for a little more space.
HTML_GZ_LEVEL = 1


@dataclass(frozen=True)
class PageExtraction:
    """What an extraction-pool worker sends back for one page (analysis/page.py): defined here,
    apart from the extraction code, so the crawl process reads it without importing that."""

    record: ArticleRecord | None
    encoding: str | None  # None: the body is binary and was never decoded
    encoding_source: str | None
    error: str | None = None
    analysis: Analysis | None = None
    #: Why a page that is not an article is a failure rather than a non-article (a bot
    #: challenge, binary content served as HTML): a reason code; `error` holds the detail.
    failure_reason: str | None = None
    #: Why extraction found no article on the page ("reason: detail"), for `pages.error`.
    not_article: NotArticle | None = None
    #: The raw page gzip-compressed for `pages.html_gz` when asked for (the crawl's pool does
    #: it, off the crawl process); None otherwise.
    html_gz: bytes | None = None
