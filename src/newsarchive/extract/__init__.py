"""Extraction: a pure function from a fetched page (HTML, URL, feed evidence) to an article record.

No network, no database, no Scrapy, no clock (the caller passes `now`): the crawler runs it in a
process pool, benchmarks run it on folders of files, and a re-extraction reruns it on stored HTML.
"""

from newsarchive.extract.article import extract_article
from newsarchive.extract.record import (
    EXTRACTOR_VERSION,
    ArticleRecord,
    Evidence,
    ExtractionHints,
    NotArticle,
    OutletFacts,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleRecord",
    "Evidence",
    "ExtractionHints",
    "NotArticle",
    "OutletFacts",
    "extract_article",
]
