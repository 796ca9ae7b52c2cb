"""The work done in the extraction process pool: bytes in, decoded text and record out.

This module must stay free of Scrapy and database imports: it is what each pool worker imports,
and a lean import keeps worker start-up fast.
"""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import UTC, datetime

from newsarchive.analysis import classify_topics, find_countries
from newsarchive.analysis.pool import outlet_facts as outlet_facts  # its home before pool.py
from newsarchive.analysis.result import HTML_GZ_LEVEL, Analysis, PageExtraction
from newsarchive.analysis.structure import find_structure
from newsarchive.extract import ArticleRecord, Evidence, NotArticle, OutletFacts
from newsarchive.extract.article import extract_article
from newsarchive.extract.decoding import decode_html
from newsarchive.extract.sniff import binary_kind

#: Verdicts of extraction that are failures, not mere non-articles, with the reason the
#: crawler counts them under: a run that keeps meeting them is not archiving the outlet.
FAILURE_REASONS = {"bot_challenge": "blocked", "extraction_error": "extraction_error"}


def analyse(record: ArticleRecord, now: datetime) -> Analysis:
    """Topics, relevance, countries, actors and events of an article extracted at `now`.

    Actors and events are found here, in the pool, though the store links them only for
    articles that are not syndicated copies (which take their original's story): finding them
    in the crawl process, which runs the reactor on one core, made it the crawl's bottleneck.
    An article without a date is stored as first seen at about `now`, whose day resolves its
    relative dates; the store finds them again should its day differ (Structure.fits).
    """
    topics = classify_topics(record.title, record.text)
    day = (record.published_at or now).date()
    return Analysis(
        topics=topics.topics,
        relevance=topics.relevance,
        countries=find_countries(record.title, record.text),
        structure=find_structure(record.title, record.text, day),
    )


def extract_page(
    body: bytes,
    http_charset: str | None,
    url: str,
    evidence: Evidence,
    now: datetime | None = None,
    outlet: OutletFacts | None = None,
    compress: bool = False,
) -> PageExtraction:
    """Decode a fetched page and extract its article as of `now` (the fetch time); with
    `compress`, also gzip the raw page for storage (the crawl asks its pool to: that is CPU
    work its own process would otherwise do for every page).
    """
    result = _extract_page(body, http_charset, url, evidence, now, outlet)
    if compress and body:
        return replace(result, html_gz=gzip.compress(body, compresslevel=HTML_GZ_LEVEL))
    return result


def _extract_page(
    body: bytes,
    http_charset: str | None,
    url: str,
    evidence: Evidence,
    now: datetime | None,
    outlet: OutletFacts | None,
) -> PageExtraction:
    """Decode a fetched page and extract its article as of `now` (the fetch time).

    Three kinds of page are failures, not mere non-articles, because a run that keeps meeting
    them is not archiving the outlet: a binary body served as a page (`binary_content`, checked
    before decoding so no detector or parser spends time on it), a bot challenge in place of
    the story (`blocked`) and a page the extractor failed on (`extraction_error`). Extraction
    says why a page is not an article, so nothing here parses the page again.
    """
    kind = binary_kind(body)
    if kind is not None:
        return PageExtraction(
            None,
            None,
            None,
            f"{kind}, {len(body)} bytes served as a page",
            failure_reason="binary_content",
            not_article=NotArticle("binary", kind),
        )
    decoded = decode_html(body, http_charset)
    result = extract_article(decoded.text, url, evidence, now=now, outlet=outlet)
    if isinstance(result, NotArticle):
        failure = FAILURE_REASONS.get(result.reason)
        error = result.detail if failure is not None else None
        if result.reason == "bot_challenge":
            error = f"bot challenge page instead of the article ({result.detail})"
        return PageExtraction(
            None,
            decoded.encoding,
            decoded.encoding_source,
            error,
            failure_reason=failure,
            not_article=result,
        )
    analysis = analyse(result, now or datetime.now(UTC))
    return PageExtraction(result, decoded.encoding, decoded.encoding_source, analysis=analysis)


#: A short article that takes every step of the page path (language, topics, countries), so
#: that warm_up loads each model and table it needs.
_WARM_UP_PAGE = (
    b'<html><head><title>Defence ministers meet</title><meta property="og:type" '
    b'content="article"></head><body><article><h1>Defence ministers meet</h1>'
    b"<p>China's defence minister visited Tehran on Tuesday and held talks with Iran's "
    b"president about joint naval exercises in the Gulf of Oman next spring.</p>"
    b"<p>The two governments agreed to expand military cooperation, officials in Beijing said, "
    b"and to hold regular consultations on regional security and arms control.</p>"
    b"<p>Washington said it was watching the talks closely and warned that any arms sales "
    b"would breach the sanctions that the United Nations imposed on Iran years ago.</p>"
    b"<p>Russia's foreign minister is expected in Tehran next week for talks on trade, energy "
    b"and the war in Ukraine, the Iranian foreign ministry said in a statement.</p>"
    b"</article></body></html>"
)


def warm_up() -> None:
    """Imports, models and tables (trafilatura, lxml, the language model, the topic tables) loaded
    once per process, before the first page: in the crawl's forkserver, so that the pool's
    workers share them (analysis/preload.py, from three workers on), else in each worker."""
    extract_page(_WARM_UP_PAGE, "utf-8", "http://localhost/warm-up", Evidence(), _WARM_UP_NOW)


_WARM_UP_NOW = datetime(2025, 1, 7, tzinfo=UTC)
