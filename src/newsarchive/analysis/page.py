"""The work done in the extraction process pool: bytes in, decoded text and record out.

This module must stay free of Scrapy and database imports: it is what each pool worker imports,
and a lean import keeps worker start-up fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.analysis import classify_topics, find_countries
from newsarchive.analysis.result import Analysis
from newsarchive.extract import ArticleRecord, Evidence, extract_article
from newsarchive.extract.decoding import decode_html
from newsarchive.extract.sniff import binary_kind, bot_challenge


@dataclass(frozen=True)
class PageExtraction:
    record: ArticleRecord | None
    encoding: str | None  # None: the body is binary and was never decoded
    encoding_source: str | None
    error: str | None = None
    analysis: Analysis | None = None
    #: Why a page that is not an article is a failure rather than a non-article (a bot
    #: challenge, binary content served as HTML): a reason code; `error` holds the detail.
    failure_reason: str | None = None


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
    """Decode a fetched page and extract its article; an extractor crash becomes an error string.

    Two kinds of page are failures, not mere non-articles, because a run that keeps meeting them
    is not archiving the outlet: a binary body served as a page (`binary_content`, checked
    before decoding so no detector or parser spends time on it) and a bot challenge in place of
    the story (`blocked`, looked for only once extraction found no article, so real articles
    pay nothing for the check).
    """
    kind = binary_kind(body)
    if kind is not None:
        return PageExtraction(
            None,
            None,
            None,
            f"{kind}, {len(body)} bytes served as a page",
            failure_reason="binary_content",
        )
    decoded = decode_html(body, http_charset)
    try:
        record = extract_article(decoded.text, url, evidence)
    except Exception as exc:  # one bad page must not take the crawl down; the reason is kept
        return PageExtraction(
            None,
            decoded.encoding,
            decoded.encoding_source,
            repr(exc),
            failure_reason="extraction_error",
        )
    if record is None:
        challenge = bot_challenge(decoded.text, url)
        if challenge is not None:
            return PageExtraction(
                None,
                decoded.encoding,
                decoded.encoding_source,
                f"bot challenge page instead of the article ({challenge})",
                failure_reason="blocked",
            )
        return PageExtraction(None, decoded.encoding, decoded.encoding_source)
    analysis = analyse(record)
    return PageExtraction(record, decoded.encoding, decoded.encoding_source, analysis=analysis)


def warm_up() -> None:
    """Import-time cost (trafilatura, lxml) paid once per worker, before the first page."""
    extract_article("<html><body><p>warm up</p></body></html>", "http://localhost/")
