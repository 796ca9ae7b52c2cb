"""Extraction: a pure function from a fetched page (HTML, URL, feed evidence) to an article record.

No network, no database, no Scrapy, no clock (the caller passes `now`): the crawler runs it in a
process pool, benchmarks run it on folders of files, and a re-extraction reruns it on stored HTML.
"""

from typing import TYPE_CHECKING, Any

from newsarchive.extract.record import (
    EXTRACTOR_VERSION,
    ArticleRecord,
    Evidence,
    ExtractionHints,
    NotArticle,
    OutletFacts,
)

if TYPE_CHECKING:
    from newsarchive.extract.article import extract_article


def __getattr__(name: str) -> Any:
    """`extract_article` is imported on first use: the crawl process needs the record types (to
    read what its extraction pool sends back) but not trafilatura, py3langid and ftfy, which
    would take ~40 MiB of it for nothing (the pool's workers import them)."""
    if name == "extract_article":
        from newsarchive.extract.article import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleRecord",
    "Evidence",
    "ExtractionHints",
    "NotArticle",
    "OutletFacts",
    "extract_article",
]
