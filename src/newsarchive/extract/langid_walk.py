"""py3langid's classifier with its byte walk done by numpy: the same answers, a fifth of the time.

py3langid counts the byte n-gram features of a text by walking its tokenizer, an Aho-Corasick
automaton, one byte at a time in a Python loop: about 2 ms for the 6,000 characters of a story
that `detect_language` reads, most of the classifier's time. An Aho-Corasick state is the longest
suffix of the input read so far that is a prefix of a feature, so it depends only on the last
`depth` bytes, `depth` being the longest feature (the farthest state from the start: 6 bytes in
py3langid 0.4's model). The walk from every position can therefore start `depth` bytes back,
and numpy takes those `depth` steps for all positions at once. The counts come out in the order
the loop's `Counter` has (first occurrence), so the scores, summed in that order, are the same
to the bit; tests/test_language.py compares both walks on real text of many scripts.

Only py3langid's own classifier is reused (its model, scoring and tie rules): the subclass changes
the walk and nothing else. A py3langid whose classifier is laid out otherwise is used as it is.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
from py3langid import langid


def classify(text: str) -> str:
    """The language py3langid's `classify` gives `text`."""
    identifier = _identifier()
    language, _score = (identifier or langid._get_identifier()).classify(text)
    return str(language)


def visit_counts(walk: _Walk, data: bytes) -> dict[int, int] | None:
    """Feature counts of `data` as py3langid's `visit_counts` gives them, in its order too."""
    if not data:
        return None
    symbols = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
    states = np.zeros(len(symbols), dtype=np.int64)
    # Step k moves each position p >= k over byte p - k: after the last step every position
    # holds the state of a walk from the start over its last `depth` bytes, which is the state
    # the one long walk has there.
    for k in range(min(walk.depth, len(symbols)) - 1, -1, -1):
        states[k:] = walk.nextmove[walk.rowbase[states[k:]] + symbols[: len(symbols) - k]]
    features = walk.output[states]
    features = features[features >= 0]
    if not len(features):
        return None
    values, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first)  # a Counter's order: by first occurrence
    return dict(zip(values[order].tolist(), counts[order].tolist(), strict=True))


#: Rows of the move table read per step of the depth walk (_Walk._depth): 2 MiB of indices.
_ROWS_PER_STEP = 1024


class _Walk:
    """The tokenizer's tables as numpy arrays (views, not copies, where py3langid's allow)."""

    def __init__(self, identifier: Any) -> None:
        moves = identifier.tk_nextmove  # 10 million states' moves: viewed, never copied
        self.nextmove = np.frombuffer(moves, dtype=np.dtype(moves.typecode))
        self.rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
        self.output = np.asarray(identifier.tk_output, dtype=np.int64)
        self.depth = self._depth()

    def _depth(self) -> int:
        """How many bytes from the start the farthest state lies: the walk's memory."""
        seen = np.zeros(len(self.rowbase), dtype=bool)
        seen[0] = True
        frontier = np.array([0], dtype=np.int64)
        depth = 0
        moves = np.arange(256)
        while len(frontier):
            reached = np.zeros_like(seen)
            rows = np.unique(self.rowbase[frontier])
            # A few thousand rows at a time: all 100,000 at once made a 200 MB index array,
            # and the worker kept ~30 MiB of that peak for good (bench/crawl.py's pool RSS).
            for start in range(0, len(rows), _ROWS_PER_STEP):
                chunk = rows[start : start + _ROWS_PER_STEP]
                reached[self.nextmove[(chunk[:, None] + moves).ravel()]] = True
            frontier = np.flatnonzero(reached & ~seen)
            seen |= reached
            depth += 1
        return depth - 1


class _FastIdentifier(langid.LanguageIdentifier):
    """py3langid's identifier, sharing its model, with the walk above."""

    __slots__ = ("_walk",)

    def _raw_score(self, text: bytes) -> Any:
        visits = visit_counts(self._walk, text)
        if visits:
            return self._sparse_score(visits, self.nb_ptc)
        return super()._raw_score(text)  # no features: py3langid's own floor


@cache
def _identifier() -> _FastIdentifier | None:
    base = langid._get_identifier()
    slots = langid.LanguageIdentifier.__slots__
    if not all(hasattr(base, name) for name in ("_rowbase", "tk_nextmove", "tk_output", *slots)):
        return None
    fast = object.__new__(_FastIdentifier)
    for name in slots:
        setattr(fast, name, getattr(base, name))
    fast._walk = _Walk(base)
    return fast
