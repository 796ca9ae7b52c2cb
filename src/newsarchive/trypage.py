"""`newsarchive try`: what the archive would store for one page, for tuning an outlet by hand.

The page goes through the crawl's own decode and extraction (`analysis.page.extract_page`) with
the outlet's registry facts, so what this prints is what a crawl would store; nothing is
written anywhere.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from newsarchive.analysis.page import extract_page
from newsarchive.analysis.result import PageExtraction
from newsarchive.extract import Evidence, OutletFacts
from newsarchive.probe import FetchFailed, network_reason, read_capped
from newsarchive.settings import USER_AGENT

#: Characters of the body printed unless `--full` asks for all of it.
BODY_PREVIEW = 600


@dataclass(frozen=True)
class Page:
    """A page to try: its bytes, the charset its server declared, and the URL it stands for."""

    body: bytes
    http_charset: str | None
    url: str


def is_url(target: str) -> bool:
    """Whether `try`'s argument is a web address rather than a file on disk."""
    return target.startswith(("http://", "https://"))


def fetch(url: str, timeout: float) -> Page:
    """One plain GET with our User-Agent; raises FetchFailed with a one-line reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = read_capped(response)
            return Page(body, response.headers.get_content_charset(), response.geturl())
    except urllib.error.HTTPError as error:
        raise FetchFailed(f"HTTP {error.code}") from error
    except urllib.error.URLError as error:
        raise FetchFailed(network_reason(error.reason, timeout)) from error
    except OSError as error:
        raise FetchFailed(network_reason(error, timeout)) from error


def read(path: Path, url: str | None) -> Page:
    """A saved page; its URL is `url` when given (relative links, URL rules), else file://."""
    return Page(path.read_bytes(), None, url or path.resolve().as_uri())


def try_page(page: Page, now: datetime, outlet: OutletFacts | None) -> PageExtraction:
    """The crawl's extraction of one page as of `now`, with no feed evidence."""
    return extract_page(page.body, page.http_charset, page.url, Evidence(), now=now, outlet=outlet)


def render(page: Page, result: PageExtraction, outlet: str, *, full: bool) -> str:
    """The record as labelled lines, the body last; or why the page is not an article."""
    lines = [f"url:        {page.url}", f"outlet:     {outlet}"]
    if result.encoding is not None:
        lines.append(f"encoding:   {result.encoding} (from {result.encoding_source})")
    record = result.record
    if record is None:
        verdict = str(result.not_article) if result.not_article else "no article"
        lines.append(f"verdict:    not an article: {verdict}")
        if result.error and result.error not in verdict:
            lines.append(f"error:      {result.error}")
        return "\n".join(lines)
    lines.append("verdict:    article")
    lines.append(f"title:      {record.title}")
    if record.published_at is None:
        lines.append("published:  none found")
    else:
        offset = _offset(record.published_offset)
        lines.append(
            f"published:  {record.published_at.isoformat()} (source {record.published_source}, "
            f"precision {record.published_precision}, outlet day {record.published_on}"
            f"{offset})"
        )
    if record.modified_at is not None:
        lines.append(f"modified:   {record.modified_at.isoformat()}")
    lines.append(f"authors:    {', '.join(record.authors) or 'none'}")
    lines.append(f"language:   {record.language or 'unknown'}")
    lines.append(f"section:    {record.section or 'none'}")
    lines.append(f"tags:       {', '.join(record.tags) or 'none'}")
    lines.append(f"canonical:  {record.canonical_url or 'none'}")
    lines.append(f"wire:       {record.wire_source or 'none'}")
    lines.append(f"paywalled:  {'yes' if record.is_paywalled else 'no'}")
    lines.append(f"flags:      {', '.join(record.quality_flags) or 'none'}")
    if result.analysis is not None:
        topics = ", ".join(result.analysis.topics) or "none"
        lines.append(f"topics:     {topics} (relevance {result.analysis.relevance})")
    lines.append(f"words:      {record.word_count}")
    text = record.text
    if full or len(text) <= BODY_PREVIEW:
        lines.append(f"body ({len(text)} characters):")
        lines.append(text)
    else:
        lines.append(f"body (first {BODY_PREVIEW} of {len(text)} characters; --full for all):")
        lines.append(text[:BODY_PREVIEW])
    return "\n".join(lines)


def _offset(offset: timedelta | None) -> str:
    """`, UTC+01:00` for a known outlet offset, nothing when unknown."""
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f", UTC{sign}{hours:02d}:{rest:02d}"
