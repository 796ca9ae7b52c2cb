"""An article's actors (with how often each is named) and the events it reports.

A pure function of title, text and publication day, so the extraction pool finds it beside
topics and countries (analysis/page.py) and the crawl process, which runs the reactor on one
core, only links what the pool found (store/structure.py). The store checks that what the
pool found was found in the very title, text and day it stores (`Structure.fits`) and finds it
again otherwise; `newsarchive stories rebuild` finds it in-process.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from newsarchive.analysis.actors import Actor, find_actors
from newsarchive.analysis.events import Event, find_events


def source_digest(title: str, text: str) -> bytes:
    """A digest of the title and text a structure was found in: the store compares it with the
    row it stores rather than carrying the whole text back and forth."""
    digest = hashlib.blake2b(title.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.digest()


@dataclass(frozen=True)
class Structure:
    """An article's actors and events."""

    #: Each actor named, with how often, in order of first mention.
    actors: tuple[tuple[Actor, int], ...]
    events: tuple[Event, ...]
    #: The publication day the events' relative dates ("on Tuesday") were resolved against.
    day: date | None = None
    #: source_digest of the title and text it was found in.
    source: bytes = b""

    def fits(self, title: str, text: str, day: date) -> bool:
        """Whether this is the structure of that title and text published on `day`."""
        return self.day == day and self.source == source_digest(title, text)


def find_structure(title: str, text: str, published_on: date) -> Structure:
    """The actors and events of an article, as the story structure links them; the events'
    relative dates ("on Tuesday") are resolved against `published_on`."""
    actors = find_actors(f"{title}\n{text}")
    counts = Counter(m.actor for m in actors)
    return Structure(
        tuple(counts.items()),
        tuple(find_events(title, text, published_on, actors)),
        published_on,
        source_digest(title, text),
    )
