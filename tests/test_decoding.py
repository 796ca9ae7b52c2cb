"""Decoding fetched bytes: declared charsets are believed only when the text comes out clean."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsarchive.extract.decoding import decode_html

PAGES = Path(__file__).parent / "data" / "pages"

RUSSIAN = "Министр обороны Китая Вэй Фэнхэ прибыл в Тегеран с официальным визитом."
ARABIC = "أعرب الرئيس الإيراني إبراهيم رئيسي عن رغبة حكومته في تعاون أوثق مع الصين"
CURLY = "Chinese Defense Minister Wei Fenghe’s visit to Tehran"


def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def without(body: bytes, fragment: bytes) -> bytes:
    assert fragment in body, "the test page no longer has the markup this test removes"
    return body.replace(fragment, b"")


CYRILLIC_META = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">\n'
ARABIC_META = b'<meta charset="utf-8">\n'


def test_a_correct_http_charset_is_used_and_reported_as_http() -> None:
    page = decode_html(page_bytes("arabic_utf8.html"), "utf-8")

    assert (page.encoding, page.encoding_source) == ("utf-8", "http")
    assert ARABIC in page.text


def test_a_whole_content_type_header_value_is_accepted_as_the_http_charset() -> None:
    page = decode_html(page_bytes("arabic_utf8.html"), "text/html; charset=UTF-8")

    assert (page.encoding, page.encoding_source) == ("utf-8", "http")


def test_a_byte_order_mark_overrides_the_http_charset() -> None:
    body = codecs.BOM_UTF8 + page_bytes("arabic_utf8.html")

    page = decode_html(body, "windows-1252")

    assert (page.encoding, page.encoding_source) == ("utf-8", "bom")
    assert ARABIC in page.text
    assert not page.text.startswith("\ufeff")


def test_cyrillic_windows_1251_page_served_as_utf8_falls_back_to_its_meta_charset() -> None:
    page = decode_html(page_bytes("cyrillic_windows_1251.html"), "utf-8")

    assert (page.encoding, page.encoding_source) == ("cp1251", "meta")
    assert RUSSIAN in page.text


def test_cyrillic_windows_1251_page_without_any_declaration_is_detected() -> None:
    body = without(page_bytes("cyrillic_windows_1251.html"), CYRILLIC_META)

    page = decode_html(body, "utf-8")

    assert (page.encoding, page.encoding_source) == ("cp1251", "detected")
    assert RUSSIAN in page.text


def test_cyrillic_page_without_http_charset_uses_its_meta_charset() -> None:
    page = decode_html(page_bytes("cyrillic_windows_1251.html"), None)

    assert (page.encoding, page.encoding_source) == ("cp1251", "meta")


def test_utf8_arabic_page_served_as_latin1_uses_its_meta_charset_instead_of_mojibake() -> None:
    page = decode_html(page_bytes("arabic_utf8.html"), "iso-8859-1")

    assert (page.encoding, page.encoding_source) == ("utf-8", "meta")
    assert ARABIC in page.text


def test_utf8_arabic_page_served_as_latin1_without_meta_is_detected_as_utf8() -> None:
    body = without(page_bytes("arabic_utf8.html"), ARABIC_META)

    page = decode_html(body, "iso-8859-1")

    assert (page.encoding, page.encoding_source) == ("utf-8", "detected")
    assert ARABIC in page.text


def test_utf8_english_page_served_as_latin1_is_not_left_as_mojibake() -> None:
    body = f"<html><body><p>{CURLY} — a “strategic” move.</p></body></html>".encode()

    page = decode_html(body, "iso-8859-1")

    assert (page.encoding, page.encoding_source) == ("utf-8", "detected")
    assert CURLY in page.text
    assert "â€" not in page.text


def test_windows_1252_page_served_as_utf8_is_detected_as_windows_1252() -> None:
    page = decode_html(page_bytes("memo_windows_1252_served_as_utf8.html"), "utf-8")

    assert (page.encoding, page.encoding_source) == ("cp1252", "detected")
    assert CURLY in page.text
    assert "\ufffd" not in page.text


def test_an_unknown_http_charset_is_ignored() -> None:
    page = decode_html(page_bytes("arabic_utf8.html"), "x-no-such-charset")

    assert (page.encoding, page.encoding_source) == ("utf-8", "meta")


@pytest.mark.parametrize("http_charset", ["utf-8", None])
def test_utf8_with_a_few_damaged_bytes_keeps_utf8_with_replacement_characters(
    http_charset: str | None,
) -> None:
    body = "<html><body><p>Café naïve résumé, Müller’s “view”.</p></body></html>".encode()
    body = body.replace(b"view", b"vi\x81ew")

    page = decode_html(body, http_charset)

    assert (page.encoding, page.encoding_source) == ("utf-8", "fallback")
    assert "Café naïve résumé, Müller’s" in page.text
    assert "vi\ufffdew" in page.text


def test_text_the_outlet_stored_double_encoded_keeps_the_declared_charset() -> None:
    """No charset makes such text clean; the right one still decodes it, and extraction repairs."""
    page = decode_html(page_bytes("double_encoded_text.html"), "utf-8")

    assert (page.encoding, page.encoding_source) == ("utf-8", "http")
    assert "Wei Fengheâ€™s" in page.text


@pytest.mark.parametrize("http_charset", ["windows-1252", "iso-8859-1"])
def test_utf8_with_damaged_bytes_served_as_latin1_is_still_read_as_utf8(http_charset: str) -> None:
    body = "<html><body><p>Café naïve résumé, Müller’s “view”.</p></body></html>".encode()
    body = body.replace(b"view", b"vi\x81ew")

    page = decode_html(body, http_charset)

    assert (page.encoding, page.encoding_source) == ("utf-8", "fallback")
    assert "Café naïve résumé, Müller’s" in page.text


def test_mojibake_far_into_a_long_page_is_still_seen() -> None:
    # The probe samples non-ASCII text spread over the whole page, not only its first part:
    # 300 KB of ASCII markup, then one accented paragraph of UTF-8 served as Latin-1.
    filler = b"<p>" + b"The defence ministry said nothing new. " * 7_700 + b"</p>\n"
    prose = "<p>Le ministre est arrivé à Genève pour la réunion de l’OTAN.</p>".encode()
    body = b"<html><body>" + filler + prose + b"</body></html>"

    page = decode_html(body, "iso-8859-1")

    assert page.encoding == "utf-8"
    assert "arrivé à Genève" in page.text


def test_the_mojibake_signs_are_in_every_string_ftfy_calls_bad() -> None:
    """repair.py skips ftfy's pattern on text without one of MOJIBAKE_SIGNS: every pair of
    characters that pattern can see, and real double-encodings, must hold one."""
    import re

    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

    from newsarchive.extract.repair import MOJIBAKE_SIGNS, repair_mojibake

    classes = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    alphabet = {chr(c) for c in range(0x80, 0x3000) if classes.match(chr(c))}
    alphabet |= {c for c in BADNESS_RE.pattern if not c.isascii()}
    alphabet |= set("aZ .,!?\n")
    pairs = [a + b for a in sorted(alphabet) for b in sorted(alphabet)]
    flagged = [pair for pair in pairs if is_bad(pair)]
    assert flagged  # the pattern does flag pairs: the loop below is not vacuous
    assert [pair for pair in flagged if not MOJIBAKE_SIGNS.search(pair)] == []
    for text in ("Iranâ€™s", "cafÃ©", "Ã ", "вЂ™", "ГўВЂВ™s", "Î²â‚¬â„¢", "Ø§Ù„Ø¹", "‚Äôs"):
        assert MOJIBAKE_SIGNS.search(text), text
    assert repair_mojibake("Iranâ€™s navy") == ("Iran’s navy", True)
    typographic = "“We’re ready” — the minister said… ‘quietly’ «oui»"
    assert not MOJIBAKE_SIGNS.search(typographic)
    assert repair_mojibake(typographic) == (typographic, False)
