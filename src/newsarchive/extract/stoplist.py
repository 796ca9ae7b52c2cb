"""jusText's all-languages stop-word list, held once per process instead of three times.

trafilatura's jusText fallback (extract/body.py runs it for the few pages whose fast pass found
next to nothing) reads the stop words of every language jusText ships when it does not know the
page's language: trafilatura builds them as a set, keeps them as a tuple of 154,000 words, and
jusText's `define_stoplist` caches a lower-cased frozenset copy of that tuple keyed by the tuple
itself. The words were then held twice over beside the tuple, ~30 MiB in each extraction worker
from its first fallback page on (tracemalloc after 181 AEB pages: 15.5 MiB in jusText's cache
alone), and every call hashed the whole tuple to find the cached set.

`share_stoplist` makes both ends hold one lower-cased frozenset: trafilatura's list is that set
(built on the first page that needs it, as before) and jusText's cache hands the same set back
for it. The words are the same, so jusText classifies every paragraph as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import justext.core
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists

_all_words: frozenset[str] | None = None


def all_stop_words() -> frozenset[str]:
    """Every language's stop words, lower-cased as jusText's own cache lower-cases them."""
    global _all_words
    if _all_words is None:
        _all_words = frozenset(
            word.lower() for language in get_stoplists() for word in get_stoplist(language)
        )
    return _all_words


def _shared_define(
    original: Callable[[Iterable[str]], frozenset[str]],
) -> Callable[[Iterable[str]], frozenset[str]]:
    """jusText's define_stoplist wrapped: it lower-cases and caches any other list as before."""

    def define_stoplist(stoplist: Iterable[str]) -> frozenset[str]:
        """jusText's define_stoplist, except that the shared list is already what it makes."""
        if stoplist is _all_words and _all_words is not None:
            return _all_words
        return original(stoplist)

    define_stoplist.shared = True  # type: ignore[attr-defined]
    return define_stoplist


def _init() -> frozenset[str]:
    """trafilatura.external.jt_stoplist_init, building the one shared set."""
    words = all_stop_words()
    trafilatura.external.JT_STOPLIST = words  # type: ignore[assignment]
    return words


def share_stoplist() -> None:
    """Point trafilatura's and jusText's all-languages stop-word list at one set (idempotent).

    Both libraries look these functions up as module globals when a page needs them, so
    replacing them here changes nothing else; nothing is loaded until a page needs the list.
    """
    if getattr(justext.core.define_stoplist, "shared", False):
        return
    justext.core.define_stoplist = _shared_define(justext.core.define_stoplist)
    trafilatura.external.jt_stoplist_init = _init  # type: ignore[assignment]
