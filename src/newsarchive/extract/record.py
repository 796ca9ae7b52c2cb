"""What extraction hands to the crawler: plain frozen records, picklable across the process pool."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

#: Stored with every article; bump whenever the same HTML would give a different record, so a
#: re-extraction run can find the rows an older extractor produced.
EXTRACTOR_VERSION = "2026.12.22"


@dataclass(frozen=True)
class Evidence:
    """What a feed or sitemap said about a URL before the page was fetched (all may be None)."""

    title: str | None = None
    published_at: datetime | None = None  # aware
    listed_in: str | None = None  # "rss" | "atom" | "rdf" | "sitemap" | "news_sitemap"


@dataclass(frozen=True)
class ExtractionHints:
    """An outlet's CSS selectors for what the general rules get wrong on its pages (registry data).

    `exclude_selectors` are removed before the body is extracted; `body_selector` narrows the
    body to the elements it matches (ignored when it matches nothing, so a redesign degrades to
    the general rules); `title_selector` and `date_selector` name the headline and the
    publication date and win over the page's metadata when they match.
    """

    body_selector: str | None = None
    exclude_selectors: tuple[str, ...] = ()
    title_selector: str | None = None
    date_selector: str | None = None


@dataclass(frozen=True)
class OutletFacts:
    """What the registry says about the outlet a page belongs to, for what one page cannot settle.

    `name` is the outlet's own name, cut from titles like the page's `og:site_name` (many pages
    state no site name, or one other than the title's suffix). `timezone` reads "18:30" on a
    page that names no offset as the outlet's wall clock rather than UTC.
    """

    name: str | None = None
    #: IANA zone of the outlet's clock, for pages that state a time without an offset.
    timezone: str | None = None
    hints: ExtractionHints = ExtractionHints()


@dataclass(frozen=True)
class NotArticle:
    """Why a page is not an article, so the crawler records the reason without parsing again.

    `reason` is a short code for counting (`unparsable`, `binary`, `bot_challenge`,
    `section_front`, `teaser_list`, `no_body`, `too_short`, `extraction_error`); `detail` is what
    an operator reads to check the verdict.
    """

    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the archive stores it.

    `published_at` and `modified_at` are aware and in UTC. A page that states a time without an
    offset is read in the outlet's registry `timezone`, or as UTC when it has none (one page
    cannot tell its zone). `published_offset` is the outlet's UTC offset at that instant (None:
    unknown), `published_on` the outlet's own calendar day, and `published_precision` how much
    the page stated: `day` (a bare date: `published_at` is then that day's midnight, not a
    time), `minute` or `second`.
    """

    url: str
    canonical_url: str | None
    title: str
    text: str
    lead: str | None
    authors: tuple[str, ...]
    published_at: datetime | None
    published_source: str | None
    modified_at: datetime | None
    language: str | None
    section: str | None
    tags: tuple[str, ...]
    word_count: int
    content_hash: str
    simhash: int
    quality_flags: tuple[str, ...]
    wire_source: str | None = None  # agency the text credits as its origin: "Reuters", "AP"...
    is_paywalled: bool = False  # the page marks its text as (partly) behind a paywall
    published_offset: timedelta | None = None
    published_precision: str | None = None  # "day" | "minute" | "second"
    published_on: date | None = None
