"""What a fetched body really is, before anyone trusts its Content-Type to say it is a page.

Servers label whatever they return `text/html`: an image or PDF behind a rewritten URL, a body
gzipped twice (or gzipped with the Content-Encoding header lost), a CDN's bot challenge in
place of the story. None of those is an article, and none should be counted as an ordinary
non-article either: a crawl that keeps getting them needs an operator, so the crawler records
them as failures with these findings as the detail.
"""

from __future__ import annotations

from newsarchive.extract.page import parse_page
from newsarchive.extract.pagekind import challenge_evidence

#: File signatures at offset 0 (magic numbers) of formats that turn up served as HTML.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip data (compressed but not declared so)"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
#: RIFF containers say what they hold at offset 8.
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
#: How much of the start of a body is inspected: a text page shows itself in its first bytes.
_SAMPLE_BYTES = 8192
#: Share of control bytes (other than tab, newline, form feed, carriage return and escape)
#: above which a sample is binary. Text in any charset has next to none; compressed or
#: encrypted data has about one in eight.
_CONTROL_SHARE = 0.05
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: A bot challenge page is a few KiB of markup; a body much bigger than this is not one, and
#: parsing it to find out would cost more than it tells.
CHALLENGE_MAX_BYTES = 512 * 1024


def binary_kind(body: bytes) -> str | None:
    """A short description of the binary format of `body`, or None when it looks like text.

    A text page starts with markup or text, never with a file signature, and has no NUL or
    other control bytes in its first KiB (UTF-16 aside, which starts with a BOM or has its NULs
    in every other byte).
    """
    if body.startswith(_BOMS):
        return None
    for signature, kind in _SIGNATURES:
        if body.startswith(signature):
            return kind
    if body.startswith(b"RIFF") and len(body) >= 12:
        return _RIFF_KINDS.get(body[8:12], "RIFF media file")
    sample = body[:_SAMPLE_BYTES]
    if not sample:
        return None
    if b"\x00" in sample:
        if _looks_like_utf16(sample):
            return None  # the decoder's detector reads it
        return f"binary data (NUL bytes in the first {len(sample)} bytes)"
    control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if control > _CONTROL_SHARE * len(sample):
        share = control / len(sample)
        return f"binary data ({share:.0%} control bytes in the first {len(sample)} bytes)"
    return None


def _looks_like_utf16(sample: bytes) -> bool:
    """ASCII-range text in UTF-16 without a BOM: all the NULs in the even or the odd bytes."""
    even, odd = sample[0::2], sample[1::2]
    for zeros, text in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.9 * len(zeros) and text.count(0) == 0:
            return True
    return False


def bot_challenge(html: str, url: str) -> str | None:
    """The evidence that `html` is a bot challenge (title or marker), else None.

    For callers that hold the markup but no parsed page: the crawler, for the body of a 403 or
    503 response and for a 200 page that extraction found not to be an article.
    """
    if len(html) > CHALLENGE_MAX_BYTES:
        return None
    page = parse_page(html, url)
    if page is None:
        return None
    return challenge_evidence(page, html)


__all__ = ["CHALLENGE_MAX_BYTES", "binary_kind", "bot_challenge"]
