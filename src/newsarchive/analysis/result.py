"""What analysis adds to an article before it is stored: topics, relevance, countries, and the
actors and events the story structure links (store/structure.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from newsarchive.analysis.actors import Actor, find_actors
from newsarchive.analysis.events import Event, find_events
from newsarchive.extract.record import ArticleRecord, NotArticle


@dataclass(frozen=True)
class Structure:
    """An article's actors and events, found in the extraction pool rather than by the crawl
    process (which would otherwise run them on its one core while the pool idles).

    `published_on` is the day the events' relative dates ("on Tuesday") were resolved against:
    the store checks it against the day the row holds (published_at, else first_seen_at) and
    finds them again when the two differ (an undated article stored just after midnight).
    """

    body: str  # the "title\\ntext" the actors were found in, to check it is the stored one
    published_on: date
    #: Each actor named, with how often, in order of first mention.
    actors: tuple[tuple[Actor, int], ...]
    events: tuple[Event, ...]


def find_structure(title: str, text: str, published_on: date) -> Structure:
    """The actors and events of an article, as the story structure links them."""
    body = f"{title}\n{text}"
    counts = Counter(m.actor for m in find_actors(body))
    events = find_events(title, text, published_on)
    return Structure(body, published_on, tuple(counts.items()), tuple(events))


@dataclass(frozen=True)
class Analysis:
    topics: tuple[str, ...] = ()
    relevance: float | None = None
    countries: tuple[str, ...] = ()
    #: None: not found in the pool (reextract, an old spooled batch): the store finds them.
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
