"""The jusText fallback's all-languages stop words, held once per extraction process.

trafilatura kept them as a tuple and jusText cached a lower-cased copy keyed by that tuple:
~30 MiB in each pool worker from its first fallback page on. extract/stoplist.py makes both hold
one set; the words, and so jusText's verdict on every paragraph, stay the same.
"""

from __future__ import annotations

import justext.core
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists
from lxml.html import fromstring

import newsarchive.extract.body  # noqa: F401  (its import shares the list)
from newsarchive.extract.stoplist import all_stop_words

#: A page in no language trafilatura is told of, so jusText reads every language's stop words.
PAGE = (
    "<html><body><div>"
    + "<p>The ministers of the two governments met in the capital on Tuesday and said that "
    "they would hold talks again before the end of the year about the border.</p>"
    * 6
    + "<p>Home | News | Contact | Login</p></div></body></html>"
)


def test_the_fallback_holds_one_set_of_stop_words() -> None:
    body = trafilatura.external.try_justext(fromstring(PAGE), "https://wire.example/a", None)
    held = trafilatura.external.JT_STOPLIST
    assert isinstance(held, frozenset)
    # jusText's cache hands back the very set trafilatura holds: no second, lower-cased copy.
    assert justext.core.define_stoplist(held) is held
    assert held is all_stop_words()
    assert len(body) == 6  # the six sentences kept, the menu line dropped


def test_the_stop_words_are_those_trafilatura_and_justext_would_use() -> None:
    own = tuple({word for language in get_stoplists() for word in get_stoplist(language)})
    assert all_stop_words() == frozenset(word.lower() for word in own)
