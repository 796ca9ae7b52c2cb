"""`extract_article` answers every input with a record or a NotArticle, never an exception.

Real pages are cut, spliced and sprinkled with the markup that made the extractor raise on real
outlets (links to invalid hosts, broken JSON-LD, stray bytes); the property is checked on the
inner function, below the safety net that turns an exception into `extraction_error`, so a
crash is a failure here and not hidden.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.extract import ArticleRecord, NotArticle, OutletFacts
from newsarchive.extract.article import Reading, _read

PAGES = sorted((Path(__file__).parent / "data" / "pages").glob("*.html"))
NOW = datetime(2026, 1, 1, tzinfo=UTC)

#: Snippets that made the extractor raise or that stress its parsers.
HOSTILE = (
    '<a href="https://[ccpa-preferences]/">x</a>',
    '<link rel="canonical" href="http://[::1">',
    '<meta property="og:url" content="https://[oops]/a">',
    '<script type="application/ld+json">{"@type": ["NewsArticle", 3], "headline": {}',
    '<script type="application/ld+json">[{"datePublished": "2024-13-45T99:99"}]</script>',
    '<time datetime="99999-01-01">x</time>',
    '<meta property="article:published_time" content="0000-00-00">',
    "\x00\x01\ufffd",
    "<html><html><body></head>",
    '<a href="http://example.com:99999/">port</a>',
    "<h1></h1><title></title>",
)


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    # Some fixture pages are in legacy charsets (decoding tests): read them leniently.
    html = PAGES[draw(st.integers(0, len(PAGES) - 1))].read_bytes().decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 4))):
        cut = draw(st.integers(0, len(html)))
        choice = draw(st.integers(0, 2))
        if choice == 0:
            html = html[:cut] + draw(st.sampled_from(HOSTILE)) + html[cut:]
        elif choice == 1:
            end = draw(st.integers(cut, min(len(html), cut + 5000)))
            html = html[:cut] + html[end:]
        else:
            html = html[:cut] + draw(st.text(max_size=40)) + html[cut:]
    return html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=mutated_page(), as_bytes=st.booleans())
def test_a_mutated_real_page_gives_a_record_or_a_reason(html: str, as_bytes: bool) -> None:
    data: str | bytes = html.encode("utf-8", "surrogatepass") if as_bytes else html
    url = "https://www.gulfdefencereview.com/2024/01/02/story"
    result = _read(data, url, None, NOW, OutletFacts(name="Gulf Defence Review"))

    assert isinstance(result, Reading | NotArticle)
    if isinstance(result, Reading):
        assert isinstance(result.record, ArticleRecord) and result.record.word_count > 0
    else:
        assert result.reason in {
            "unparsable",
            "binary",
            "bot_challenge",
            "section_front",
            "teaser_list",
            "no_body",
            "too_short",
        }
