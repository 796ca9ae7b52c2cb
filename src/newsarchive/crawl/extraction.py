"""The work done in the extraction process pool: bytes in, decoded text and record out.

This module must stay free of Scrapy and database imports: it is what each pool worker imports,
and a lean import keeps worker start-up fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.analysis import classify_topics, find_countries
from newsarchive.extract import ArticleRecord, Evidence, extract_article
from newsarchive.extract.decoding import decode_html
from newsarchive.store.analysis import Analysis


@dataclass(frozen=True)
class PageExtraction:
    record: ArticleRecord | None
    encoding: str
    encoding_source: str
    error: str | None = None
    analysis: Analysis | None = None


def analyse(record: ArticleRecord) -> Analysis:
    """Topics, relevance and countries of an extracted article (CPU work: done in the pool)."""
    topics = classify_topics(record.title, record.text)
    return Analysis(
        topics=topics.topics,
        relevance=topics.relevance,
        countries=find_countries(record.title, record.text),
    )


def extract_page(
    body: bytes, http_charset: str | None, url: str, evidence: Evidence
) -> PageExtraction:
    """Decode a fetched page and extract its article; an extractor crash becomes an error string."""
    decoded = decode_html(body, http_charset)
    try:
        record = extract_article(decoded.text, url, evidence)
    except Exception as exc:  # one bad page must not take the crawl down; the reason is kept
        return PageExtraction(None, decoded.encoding, decoded.encoding_source, repr(exc))
    analysis = analyse(record) if record is not None else None
    return PageExtraction(record, decoded.encoding, decoded.encoding_source, analysis=analysis)


def warm_up() -> None:
    """Import-time cost (trafilatura, lxml) paid once per worker, before the first page."""
    extract_article("<html><body><p>warm up</p></body></html>", "http://localhost/")
