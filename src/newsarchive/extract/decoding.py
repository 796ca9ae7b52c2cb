"""Bytes to text the way Scrapy does it, except that a charset which does not fit is not trusted.

Scrapy decodes with the BOM, else the HTTP charset, else the page's `<meta>`, and silently turns
undecodable bytes into U+FFFD. Servers mislabel pages often enough (Latin-1 pages served as UTF-8,
UTF-8 pages served as ISO-8859-1) that the archive would keep damaged text, so each candidate is
tried strictly and checked for mojibake, and `encoding_source` records which one was believed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import charset_normalizer
from ftfy.badness import is_bad
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

#: Replacement characters are looked for in this much text: enough to see a page's prose.
_SAMPLE_CHARS = 200_000
#: The mojibake probe reads only the text around non-ASCII runs (mojibake is never ASCII): the
#: page is cut in blocks of this many characters (`str.isascii` on a block is a C scan, ~0.02 ms
#: a page), this many of the non-ASCII blocks are taken evenly spaced over the page, and from each
#: the first few runs, cut to a few characters, with enough context either side for ftfy's
#: patterns (which span at most five characters). ftfy over a whole page costs as much as
#: extracting it (~20 ms, GROUND.md); over this sample well under a millisecond. A page decoded
#: with the wrong charset is mojibake wherever it is not ASCII, so any sample of its runs shows it.
_PROBE_BLOCK = 1024
_PROBE_BLOCKS = 12
_PROBE_RUNS = 4
_PROBE_RUN_CHARS = 8
_PROBE_CONTEXT = 3
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Charsets a detector may name for a web page, most common first: when several give the same
#: text (an English page with a few curly quotes fits cp1250, cp1252 and cp850 alike), the one
#: the web actually uses wins. DOS code pages and the like never do.
_WEB_CHARSETS = tuple(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "cp1252",
        "cp1251",
        "cp1250",
        "cp1256",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1257",
        "cp1258",
        "cp874",
        "gb18030",
        "big5hkscs",
        "cp932",
        "euc_jp",
        "iso2022_jp",
        "cp949",
        "euc_kr",
        "koi8_r",
        "koi8_u",
        "iso8859_2",
        "iso8859_5",
        "iso8859_6",
        "iso8859_7",
        "iso8859_8",
        "iso8859_15",
        "mac_cyrillic",
        "mac_roman",
        "utf-16-le",
        "utf-16-be",
    )
)


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str  # python codec name actually used
    encoding_source: str  # "bom" | "http" | "meta" | "detected" | "fallback"


def decode_html(body: bytes, http_charset: str | None) -> DecodedPage:
    """Decode a fetched page, preferring the declared charsets but only when they decode cleanly.

    `http_charset` is the charset parameter of the Content-Type header ("utf-8"), or the whole
    header value; None when the server sent none.
    """
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        # A BOM is unambiguous; browsers let it override every declaration.
        codec = _codec(bom_encoding) or "utf-8"
        return DecodedPage(body[len(bom) :].decode(codec, "replace"), codec, "bom")

    first_choice: str | None = None
    strict: DecodedPage | None = None
    for codec, source in _candidates(body, http_charset):
        if source == "detected" and _mostly_utf8(body):
            break  # UTF-8 with a few damaged bytes: a detector would only trade them for mojibake
        first_choice = first_choice or codec
        text, clean = _decode(body, codec)
        if text is not None and clean:
            return DecodedPage(text, codec, source)
        if text is not None and strict is None:
            strict = DecodedPage(text, codec, source)

    if _mostly_utf8(body):
        return DecodedPage(body.decode("utf-8", "replace"), "utf-8", "fallback")
    # Mojibake whatever the charset: the outlet stored it so (extraction repairs it); keep the
    # first charset that at least decodes every byte.
    if strict is not None:
        return strict
    # Nothing decodes: keep what Scrapy would have chosen, with replacement characters.
    codec = first_choice or "utf-8"
    return DecodedPage(body.decode(codec, "replace"), codec, "fallback")


def _candidates(body: bytes, http_charset: str | None) -> Iterator[tuple[str, str]]:
    """Charsets to try, in Scrapy's order of trust, then the detector's guess."""
    seen: set[str] = set()
    declared = (
        ("http", _http_codec(http_charset)),
        ("meta", _codec(html_body_declared_encoding(body))),
    )
    for source, codec in declared:
        if codec is not None and codec not in seen:
            seen.add(codec)
            yield codec, source
    detected = _detected_codec(body)
    if detected is not None and detected not in seen:
        seen.add(detected)
        yield detected, "detected"
    if not seen:
        # Undeclared and undetectable (mostly ASCII): UTF-8 is what nearly all the web uses.
        yield "utf-8", "detected"


def _decode(body: bytes, codec: str) -> tuple[str | None, bool]:
    """The text if `codec` decodes every byte, and whether it is clean (no U+FFFD, no mojibake)."""
    try:
        text = body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None, False
    if text.find("\ufffd", 0, _SAMPLE_CHARS) != -1:
        return text, False
    return text, text.isascii() or not is_bad(_mojibake_probe(text))


def _mojibake_probe(text: str) -> str:
    """A bounded sample of where `text` could hold mojibake: its non-ASCII runs, with context.

    Windows that touch are joined as in the text; others are separated by a newline, which
    none of ftfy's patterns can take for part of a run (each window starts and ends on real
    context).
    """
    blocks = [
        begin
        for begin in range(0, len(text), _PROBE_BLOCK)
        if not text[begin : begin + _PROBE_BLOCK].isascii()
    ]
    step = max(len(blocks) / _PROBE_BLOCKS, 1.0)
    chosen = [blocks[int(index * step)] for index in range(min(len(blocks), _PROBE_BLOCKS))]
    pieces: list[str] = []
    emitted = 0  # the text before this offset is in the probe already
    for begin in chosen:
        runs = _NON_ASCII.finditer(text, begin, begin + _PROBE_BLOCK)
        for count, run in enumerate(runs):
            if count == _PROBE_RUNS:
                break
            start = max(run.start() - _PROBE_CONTEXT, 0)
            stop = min(run.end(), run.start() + _PROBE_RUN_CHARS) + _PROBE_CONTEXT
            if stop <= emitted:
                continue
            if start > emitted and pieces:
                pieces.append("\n")
            pieces.append(text[max(start, emitted) : stop])
            emitted = stop
    return "".join(pieces)


def _http_codec(http_charset: str | None) -> str | None:
    if not http_charset:
        return None
    if "charset" in http_charset.lower():
        return _codec(http_content_type_encoding(http_charset))
    return _codec(http_charset.strip().strip("\"'"))


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, with the web's aliases (latin-1 is cp1252)."""
    if not label:
        return None
    resolved = resolve_encoding(label)
    if resolved is None:
        return None
    return codecs.lookup(resolved).name


def _detected_codec(body: bytes) -> str | None:
    """charset-normalizer's best guess among the web's charsets.

    Guesses the detector scores alike (same chaos, same coherence) are one guess: a page of
    English with a few accented letters fits cp1250 as well as cp1252 by its measures, though
    one turns "Genève" into "Genčve". Among tied guesses the charset the web uses most wins, as
    among the charsets that give the very same text.
    """
    matches = list(charset_normalizer.from_bytes(body))
    while matches:
        score = (matches[0].chaos, matches[0].coherence)
        tied = [m for m in matches if (m.chaos, m.coherence) == score]
        names = {
            _codec(name)
            for match in tied
            for name in (match.encoding, *match.could_be_from_charset)
        }
        for codec in _WEB_CHARSETS:
            if codec in names:
                return codec
        matches = [m for m in matches if (m.chaos, m.coherence) != score]
    return None


def _mostly_utf8(body: bytes) -> bool:
    """Valid multi-byte UTF-8 outnumbers invalid bytes (a legacy charset has almost none valid)."""
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd")
    if invalid == 0:
        return False
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    return valid >= 2 * invalid
