"""The headline as the page shows it, without the outlet's name that templates glue around it.

Pages state their headline up to five times: the story's `<h1>`, `og:title`, the JSON-LD
`headline`, `twitter:title` and `<title>`. The metadata copies are often an SEO variant or carry
the outlet's name behind a separator (`…：朝日新聞デジタル`, `…-정치ㅣ한국일보`, `… | CBC News`);
the `<h1>` is what a reader sees but on many templates the first one is the logo. So an `<h1>`
wins only when it agrees with a metadata title, and otherwise the metadata titles are used with
the outlet's name cut off; a heading that shows a run of a metadata title's segments whole
(`<div class="title">` on templates without an `<h1>`) keeps that run. An `<h1>` agrees when
it is like a metadata title, when it opens one, or when it closes og:title or the JSON-LD
headline while the page shows the opening as a heading or link of its own ("Artist – Song");
a second og:title (templates running two SEO plugins state the shown headline there) counts
as a metadata title too; a headline set over two headings (`<h1>…</h1><h2>with …</h2>`) is
read joined, and a byline behind it in the `<h1>` ("… by 30Seconds Food") is cut when the
metadata states it alone. A page describing one recipe (schema.org `Recipe`) is titled with
the recipe's name, not the post's SEO headline. Meta titles a CMS escaped twice
(`&amp;#039;`) are read as the reader sees them.
Only a whole segment that names the site (or, beside it, the page's sections) is ever cut: a
headline that itself contains a separator stays whole. Sections stand between the headline
and the name behind its separator or another (`… - Politica - Ansa.it`,
`…: Политика: Россия: Lenta.ru`, `… - 社会 : 日刊スポーツ`,
`… < 정치 < 기사본문 - 미디어오늘`), and are cut when they are a menu's word or two, or a
short segment named after the site (`… | ETtoday政治新聞 | ETtoday新聞雲`). A name is
recognised with the words outlets put around it, in any script (`Новости ТАСС`,
`BBC News عربي`, `読売新聞オンライン` for `… : 読売新聞`, `手机搜狐网`), with a qualifier
in brackets (`央视网(cctv.com)`), with the day behind it (`РИА Новости, 05.12.2025`) or
without its accents (`Nestlé Marktplatz` of nestle-marktplatz.de). The story's own `<h1>` is
asked before the rest of the page's, so a related-stories list repeating og:title word for
word does not win.
The site's names come from the registry
(also without a qualifier: "Xinhua (English)"), the meta tags, JSON-LD, the host and the domain
it is registered under (the Public Suffix List: "iG" of receitas.ig.com.br), the page's
links home (the logo's `alt`, their text), an `<h1>` that is the logo (a link to the home
page), which names the site on templates that state no name anywhere else (`…_智能_好奇心日报`),
and an `<h1>` opening the `<title>` whose rest the page shows as a heading of its own (a
diary's name above the day's entry: `高木浩光＠自宅の日記 - 改正NICT法が…`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from copy import deepcopy
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from tld import get_fld

from newsarchive.extract.page import Page, schema_types
from newsarchive.extract.tree import host_key, same_host, text_of

#: Where a title splits into segments. Latin separators need spaces around them, so hyphenated
#: words, "U.S.-led" and "10:30" never split, nor does a breadcrumb's `<` or `>` stand without
#: them (`… < 정치 < 기사본문 - 미디어오늘`); the full-width and CJK ones (`｜`, `：`, `ㅣ`,
#: `丨`), a doubled hyphen and an underscore mark a segment without spaces. A horizontal bar (`―`,
#: Sponichi's `… ― スポニチ Sponichi Annex 社会`) is a dash of its own.
_SEPARATOR = re.compile(r"\s+[|–—―:·•»~/<>-]\s+|\s*[|｜：ㅣ│»丨]\s*|\s*--+\s*|\s*_\s*")
#: A separator at a title's end with nothing behind it, where a template printed the site's name
#: empty (`Über André Loibl |`). A colon and a "»" are left: French writes them after a space
#: (`… :`, `« … »`).
_DANGLING = re.compile(r"(?:\s+[|–—·-]|\s*[|｜ㅣ])\s*$")
#: A separator written without spaces, cut only beside a segment that is exactly the site's name.
_TIGHT_SEPARATOR = re.compile(r"[|:\-–—_·»/]")
_SECTION_MAX_CHARS = 16
_SECTION_MAX_WORDS = 2  # "World", "Latest News", "Новости мира"; three with a label word
#: A section label behind a separator other than the one before the site's name
#: (`… - 社会 : 日刊スポーツ`) is cut only when it is one word this short.
_MIXED_SECTION_MAX_CHARS = 10
#: Before a site's name behind a colon (`…: Политика: Россия: Lenta.ru`), a colon and a space
#: split its labels too.
_COLON_LABELS = re.compile(_SEPARATOR.pattern + r"|:\s+")
#: Between a headline and its section a bare hyphen is also used (`…-정치ㅣ한국일보`): it is only
#: cut when the segment after it is the section the page declares.
_SECTION_SEPARATOR = re.compile(_SEPARATOR.pattern + r"|-")
#: Where a title splits around a headline the page shows whole: any separator, also a bare
#: hyphen and a colon ("Krimiblog: …"), as only a run a heading repeats exactly is taken.
_SHOWN_SEPARATOR = re.compile(_SECTION_SEPARATOR.pattern + r"|:\s+")
#: The page count some outlets put behind the headline of a story split over pages:
#: "（1/2ページ）", "(2ページ目)", "(page 2)", "（第2页）".
_PAGE_COUNT = re.compile(
    r"\s*[(（]\s*(?:\d{1,3}\s*/\s*\d{1,3}\s*(?:ページ|页|頁|페이지)?|\d{1,3}\s*ページ目"
    r"|[Pp]age\s+\d{1,3}|第\s*\d{1,3}\s*[页頁])\s*[)）]$"
)
#: "Halaman all" (all pages) that Indonesian outlets put behind a headline (Kompas).
_ALL_PAGES = re.compile(r"\s+[Hh]alaman\s+(?:all|\d{1,3})$")
#: A name with a qualifier in brackets: "央视网(cctv.com)", "Xinhua (English)".
_QUALIFIED_NAME = re.compile(r"^(.+?)\s*[(（]([^()（）]{1,40})[)）]$")
#: The day (and time) some outlets print behind their name: "РИА Новости, 05.12.2025",
#: "3 декабря 2020, 18:47".
_DATE_TAIL = re.compile(
    r"(?:^|[,\s]+)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+\w{3,12}\.?\s+\d{4})"
    r"(?:,?\s+\d{1,2}:\d{2})?$"
)
#: A name in brackets closing a title: `… [Archive of Our Own]`, `…【日経】`.
_BRACKETED = re.compile(r"\s*[\[【]([^\[\]【】]{1,60})[\]】]$")
#: Where a byline follows the headline in its `<h1>`: "… Comfort Food by 30Seconds Food".
_BYLINE = re.compile(r"\s+[Bb]y\s+")
_TAG = re.compile(r"<[^<>]{1,200}>")
#: A character reference left in a title once the page is parsed: "&#039;", "&amp;", "&#x2019;".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A URL's slug: lower-case words and digits joined by hyphens or underscores, no space.
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")
#: What templates print in a meta tag for a value their script did not have.
_EMPTY_VALUES = frozenset({"null", "undefined", "None", "NaN", "[object Object]"})
_WORD = re.compile(r"\w")
_TRUNCATED = ("...", "…")
#: Words around an outlet's name in its own label: "CBC News", "The Verge", "Mirror Online",
#: "sheego ♥ Magazin", "Python Wiki".
_LABEL_WORDS = frozenset(
    {"the", "news", "online", "digital", "com", "net", "org", "tv", "live", "daily", "web"}
    | {"blog", "magazine", "magazin", "wiki"}
    # "Новости ТАСС", "KBS 뉴스", "BBC News عربي", "Berita", "Haberler", "Nachrichten"
    | {"новости", "новини", "뉴스", "عربي", "نت", "berita", "haberler", "nachrichten"}
    | {"noticias", "notícias", "nieuws", "notizie", "actualités", "info"}
)
#: The same words as scripts without spaces glue them to a name: "読売新聞オンライン",
#: "手机搜狐网", "澎湃新闻", "自由時報電子報" (longest first: "新闻网" before "网").
_LABEL_SUFFIXES = (
    "電子報",
    "新闻网",
    "新聞網",
    "オンライン",
    "デジタル",
    "ニュース",
    "新闻",
    "新聞",
    "网",
    "網",
)
_LABEL_PREFIXES = ("手机",)
_MIN_CORE_CHARS = 3  # "cbc"; two for a name in CJK ("搜狐", "読売")
#: An `<h1>` this close to a metadata title (Dice coefficient of character bigrams) is the same
#: headline as the page shows it; a logo or a section name in an `<h1>` is far below it.
_AGREEMENT = 0.5
#: An `<h1>` closing a metadata title is its headline only when this long ("Purple Rain"):
#: a one-word section ("World") closes many titles.
_MIN_CLOSING_CHARS = 8
_LABEL_MAX_WORDS, _LABEL_MAX_CHARS = 3, 30  # "Allergies Health Center", "好奇心日报"
_MAX_NAME_WORDS = 6  # an "application-name" longer than this is a title, not a name
_MAX_NAME_CHARS = 40  # a link home labelled longer than this is a teaser, not the site's name
_MAX_HOME_LINKS = 8  # the logo and a breadcrumb's first step come early; footers repeat them
#: Where a template without an `<h1>` around the headline sets it.
_HEADING_XPATH = (
    "//h1|//h2|//h3|//*[@itemprop='headline']"
    "|//*[contains(@class, 'title') or contains(@class, 'headline')]"
)
_MAX_HEADINGS, _MAX_HEADING_CHARS = 200, 300
_MAX_H1S = 16  # a page of teasers in <h1>s: the headline is among the first
#: The headings a template splits one headline over (a headline and its "with …" line).
_SPLIT_HEADINGS = frozenset({"h1", "h2", "h3"})
#: Paths of a link to a site's home page (relative or absolute, without a query).
_HOME_PATHS = frozenset({"", "index.html", "index.htm", "index.php"})


def find_title(
    page: Page,
    evidence_title: str | None,
    outlet_name: str | None = None,
    *,
    site_names: set[str] | None = None,
) -> str:
    """The headline: an `<h1>` that agrees with the metadata, else the cleanest title in the
    order og:title, JSON-LD headline, the story's first `<h1>`, twitter:title, `<title>`, feed.

    `site_names` is `site_names_of(page, outlet_name)` when the caller has it already (the
    author rules need it too, and it walks every link of the page): given, it is not read again.
    """
    if site_names is None:
        site_names = site_names_of(page, outlet_name)
    sections = _sections(page)
    recipe = _recipe_name(page)
    if recipe:
        return _clean(recipe, site_names, sections) or recipe
    og, ld = _meta_title(page, "og:title"), _json_ld_headline(page.article_object)
    later = (_meta_title(page, "twitter:title"), _title_element(page), evidence_title)
    raw = [c for c in (og, ld, *later) if c and c.strip()]
    cleaned = [c for c in (_clean(r, site_names, sections) for r in (*raw, *_more_og(page))) if c]
    # The titles the page states for sharing and search (og:title, JSON-LD), cut of the site.
    stated = [c for c in (_clean(r, site_names, sections) for r in (og, ld) if r) if c]
    headline = _agreeing_h1(page, cleaned, stated, site_names, sections)
    if headline:
        return headline
    # Without an og:title or JSON-LD headline, a page's own <h1> beats an SEO <title>.
    rest = [c for c in (_clean(r, site_names, sections) for r in later if r) if c]
    first_h1 = _first_h1(page, site_names, sections, rest[0] if rest else "")
    if stated and first_h1 and _names_the_topic_of(stated[0], first_h1):
        stated = []
    ordered = [*stated, *([first_h1] if first_h1 else []), *rest]
    for title in ordered:
        if title.endswith(_TRUNCATED) and any(
            other.startswith(title.rstrip(".…").rstrip()) and len(other) > len(title)
            for other in ordered
        ):
            continue
        return _shown_part(page, title, site_names) or title
    if raw:  # every title is the outlet's name (a home page): better that than nothing
        return " ".join(raw[0].split())
    return ""


def _more_og(page: Page) -> list[str]:
    """The og:title tags after the first. Pages whose templates run two SEO plugins state the
    headline twice, the SEO variant first ("Bahama Mama Drink - Recept på goda drinkar -
    Drinkoteket") and the headline as the `<h1>` shows it second ("Bahama Mama"): an `<h1>` that
    agrees with either is the headline, but only the first is ever taken without one."""
    return [
        _unescaped(t) for t in page.meta.get("og:title", [])[1:] if _unless_slug(t) and t.strip()
    ]


def _meta_title(page: Page, name: str) -> str | None:
    """A meta tag's title as text: the first one, unless a slug, its entities unescaped."""
    title = _unless_slug(page.meta_first(name))
    return _unescaped(title) if title else title


def _unescaped(title: str) -> str:
    """A meta title whose CMS escaped it twice (`content="Australian &amp;#039;megablaze&amp;#039;
    …"`, read as "Australian &#039;megablaze&#039; …") as the reader sees it. A headline that
    means an entity's letters writes them so rarely that an entity left after parsing is an
    escape."""
    return html.unescape(title) if _ENTITY.search(title) else title


def _unless_slug(title: str | None) -> str | None:
    """The title, unless it is a URL's slug a CMS filled in ("adac-kindersitztest-herbst-2018"
    for "18 Kindersitze im Test: Vier Modelle fallen durch") or a script's empty value printed
    as a word (abcnews.go.com's `og:title` "null"): no headline is written so."""
    if title and (_SLUG.fullmatch(title.strip()) or title.strip() in _EMPTY_VALUES):
        return None
    return title


def _shown_part(page: Page, title: str, site_names: set[str]) -> str | None:
    """The run of `title`'s first or last segments that the page shows as a heading of its
    own, when the rest are labels no meta tag names (`… : 정치일반 : 정치 : 뉴스 : 한겨레`,
    `…|法国|总统`, `…-정치`, `Krimiblog: …`).

    Templates that set the headline in a `<div class="title">` or an `<h2>` rather than an
    `<h1>` still show it whole: the longest such run that an element made for headings holds
    as its whole text is the headline (a bare hyphen splits too, as the heading must match the
    run exactly). A run shorter than what it would drop ("Site" of `Site: Headline`) is never
    taken: it names the outlet, not the story.
    """
    parts: dict[str, str] = {}
    for match in _SHOWN_SEPARATOR.finditer(title):
        opening, closing = title[: match.start()].strip(), title[match.end() :].strip()
        for part, dropped in ((opening, closing), (closing, opening)):
            key = _flat(part)
            if key and len(key) >= len(_flat(dropped)) and key not in site_names:
                parts.setdefault(key, part)
    if not parts:
        return None
    best: str | None = None
    for element in _heading_elements(page):
        text = text_of(element)
        if len(text) > _MAX_HEADING_CHARS:
            continue
        shown = parts.get(_flat(text))
        if shown is not None and (best is None or len(shown) > len(best)):
            best = shown
    return best


def _heading_elements(page: Page) -> list[HtmlElement]:
    """Elements a template sets a headline in: `<h1>`–`<h3>`, `itemprop="headline"`, and any
    element whose class names a title or headline."""
    found: list[HtmlElement] = page.tree.xpath(_HEADING_XPATH)
    return found[:_MAX_HEADINGS]


def _names_the_topic_of(label: str, h1: str) -> bool:
    """An og:title of a label's size whose words the longer `<h1>` all holds ("Arbeit" beside
    "Wir kämpfen für gute Arbeit") names the page's topic; the `<h1>` is its headline."""
    words = _key(label).split()
    return _is_label(label) and len(h1.split()) > len(words) and set(words) <= set(_key(h1).split())


def _first_h1(page: Page, site_names: set[str], sections: Iterable[str], title: str) -> str | None:
    """The first `<h1>` (the story's own first) that is neither the outlet's name nor a label.

    Templates without metadata put the logo ("POLITICO Politico Logo"), the section ("Business
    Monday", "Allergies Health Center") or the blog's name in the first `<h1>`: a label of a few
    words that the page's `<title>`, twice as long, does not repeat is not the headline.
    """
    h1s = _h1_texts(page)
    for h1 in h1s:
        candidate = strip_site_name(h1, site_names, sections)
        if _flat(candidate) in site_names:
            continue
        repeated = _flat(candidate) in _flat(title)
        # A lone label that shares no word with the <title> names a part of the site
        # ("Information and Resources"); a page of many <h1>s heads its sections with them.
        unrelated = len(h1s) == 1 and not _content_words(candidate) & _content_words(title)
        long_title = len(title) >= 2 * len(candidate)
        if _is_label(candidate) and (long_title or unrelated) and not repeated:
            continue
        return candidate
    return None


def _content_words(text: str) -> set[str]:
    """Words of four letters or more: "and", "of", "的" join any two titles."""
    return {word for word in _key(text).split() if len(word) >= 4}


def _is_label(text: str) -> bool:
    """A few words, as a logo, a section or a blog's name is (a headline says more)."""
    return len(text.split()) <= _LABEL_MAX_WORDS and len(text) <= _LABEL_MAX_CHARS


def strip_site_name(title: str, site_names: set[str], sections: Iterable[str] = ()) -> str:
    """Drop leading and trailing segments that name the outlet (and the section beside them),
    and the page count of a story split over pages (`…（1/2ページ） - 産経ニュース`)."""
    title = _DANGLING.sub("", _without_bracketed_name(" ".join(title.split()), site_names))
    section_keys = {_flat(s) for s in sections} - {""}
    start, end = 0, len(title)
    while True:
        spans = [m.span() for m in _SEPARATOR.finditer(title, start, end)]
        last = title[spans[-1][1] : end] if spans else ""
        first = title[start : spans[0][0]] if spans else ""
        if not (_names_site(last, site_names) or _names_site(first, site_names)):
            tight = _tight_spans(title, start, end, site_names)
            if tight:
                spans, last, first = tight, title[tight[0][1] : end], title[start : tight[0][0]]
        if not spans:
            break
        if end == len(title) and _names_time(last) and spans[-1][0] > start:
            end = spans[-1][0]  # "… | 3 декабря 2020, 18:47": the outlet's stamp, no headline's
        elif _names_site(last, site_names):
            separator = title[spans[-1][0] : spans[-1][1]].strip()
            end = spans[-1][0]
            end = _strip_section(title, start, end, section_keys)
            if end == spans[-1][0]:
                end = _strip_labels(title, start, end, separator, site_names)
        elif _names_site(first, site_names):
            start = spans[0][1]
        else:
            end = _site_segments_start(title, start, end, spans, site_names)
            break
    stripped = title[start:end].strip()
    return _ALL_PAGES.sub("", _PAGE_COUNT.sub("", stripped)) or stripped or title


def _without_bracketed_name(title: str, site_names: set[str]) -> str:
    """The title less the site's name in brackets at its end (`… [LWN.net]`, `…【日経】`)."""
    match = _BRACKETED.search(title)
    if match and match.start() > 0 and _names_site(match.group(1), site_names):
        return title[: match.start()]
    return title


def _site_segments_start(
    title: str, start: int, end: int, spans: list[tuple[int, int]], site_names: set[str]
) -> int:
    """The end of the headline when the site's name stands behind it as segments of its own
    but not last: a name holding a separator ("Salsa-Figuren - Rueda in Berlin"), or a name
    with the site's tagline after it ("… : Krimiblog-Archiv | Ermittlungen zum Verfall …").
    Only a name given exactly counts here: a headline's own segment is never cut."""
    for index, (cut, after) in enumerate(spans):
        if _flat(title[after:end]) in site_names:
            return cut
        following = spans[index + 1][0] if index + 1 < len(spans) else end
        if _flat(title[after:following]) in site_names and cut > start:
            return cut
    return end


def _tight_spans(title: str, start: int, end: int, site_names: set[str]) -> list[tuple[int, int]]:
    """A separator without spaces (`…「Treeviz」:phpspot開発日誌`) around a first or last segment
    that is exactly the outlet's name: "U.S.-led" and "10:30" never name a site, and a hyphen
    after the name opens a compound ("GdP-Vize Klemmer"), not a headline."""
    spans = [m.span() for m in _TIGHT_SEPARATOR.finditer(title, start, end)]
    if not spans:
        return []
    last, first = spans[-1], spans[0]
    if _flat(title[last[1] : end]) in site_names:
        return [last]
    if title[first[0]] not in "-–" and _flat(title[start : first[0]]) in site_names:
        return [first]
    return []


def _strip_labels(title: str, start: int, end: int, separator: str, site_names: set[str]) -> int:
    """The end of the title once the section labels are cut that stand between the headline
    and the site's name (`…_智能_好奇心日报`, `…--时政--人民网`, `… - Politica - Ansa.it`,
    `…: Политика: Россия: Lenta.ru`, `… < 정치 < 기사본문 - 미디어오늘`), when the page declares
    no section.

    A label is a word or two (three with a word such as "News") behind the separator that
    stands before the site's name, or one short word behind another separator (`… - 社会 :
    日刊スポーツ`), or a short segment holding the site's own name (`… | ETtoday政治新聞 |
    ETtoday新聞雲`); the headline left must be twice as wide as what is cut (an ideograph as
    wide as two letters), so a headline's own separator ("Ukraine - Russia talks | Arab
    News") is never taken for a label's.
    """
    # "…: Политика: Россия: Lenta.ru": a colon before the site's name splits its labels too.
    pattern = _COLON_LABELS if separator == ":" else _SEPARATOR
    while True:
        spans = [m.span() for m in pattern.finditer(title, start, end)]
        if not spans or spans[-1][0] <= start:
            return end
        cut, after = spans[-1]
        segment, headline = title[after:end].strip(), title[start:cut].strip()
        words, mark = segment.split(), title[cut:after].strip()
        wide = _width(headline)
        if _holds_site_name(segment, site_names) and len(words) <= _SECTION_MAX_WORDS:
            fits = len(segment) <= _LABEL_MAX_CHARS and wide >= _width(segment)
        elif mark == separator or "<" in (mark, separator):
            fits = _is_section_label(words, segment) and wide >= 2 * _width(segment)
        else:
            one_word = len(words) == 1 and len(segment) <= _MIXED_SECTION_MAX_CHARS
            labelled = _is_section_label(words, segment) and any(
                w.casefold() in _LABEL_WORDS for w in words
            )
            fits = (one_word or labelled) and wide >= 2 * _width(segment)
        if not fits:
            return end
        end = cut


def _holds_site_name(segment: str, site_names: set[str]) -> bool:
    """A segment holding one of the site's names, such as a section the site names after
    itself ("ETtoday政治新聞", "澎湃号·政务")."""
    key = _flat(segment)
    return any(_long_enough(name) and name in key for name in site_names)


def _width(text: str) -> int:
    """How wide a text reads: an ideograph, kana or hangul syllable says as much as two letters."""
    return sum(2 if "\u2e80" <= c <= "\ud7af" else 1 for c in text)


def _is_section_label(words: list[str], segment: str) -> bool:
    """A section's name: a word or two ("World", "Новости мира"), or three around a label word
    ("Latest News India"), short enough for a menu."""
    if not words or len(segment) > _SECTION_MAX_CHARS + 4:
        return False
    if len(words) <= _SECTION_MAX_WORDS:
        return len(segment) <= _SECTION_MAX_CHARS
    return len(words) == 3 and any(w.casefold() in _LABEL_WORDS for w in words)


def _strip_section(title: str, start: int, end: int, section_keys: set[str]) -> int:
    """The end of the title once a trailing segment naming the page's section is cut."""
    if not section_keys:
        return end
    spans = [m.span() for m in _SECTION_SEPARATOR.finditer(title, start, end)]
    if not spans or spans[-1][0] <= start:
        return end
    segment = title[spans[-1][1] : end]
    if _flat(segment) in section_keys or _label_core(segment) in section_keys:
        return spans[-1][0]
    return end


def _names_site(segment: str, site_names: set[str]) -> bool:
    """Whether a title's segment is the outlet's name: one of `site_names`, the start of one
    ("Arab News" of arabnews.com), or one with the words outlets put around names, a qualifier
    in brackets ("央视网(cctv.com)") or the day behind it ("РИА Новости, 05.12.2025")."""
    key = _flat(segment)
    if not key:
        return False
    # "Arab News" names arabnews.com; "Iran" does not name iranintl.com.
    if any(
        key == name or (len(key) >= 4 and name.startswith(key) and len(key) >= 0.6 * len(name))
        for name in site_names
    ):
        return True
    if _fold(key) != key and _fold(key) in site_names:  # "Nestlé Marktplatz", nestle-marktplatz.de
        return True
    # "CBC News" names cbc.ca, "The Verge" theverge.com: the name with label words around it.
    core = _label_core(segment)
    if core and core != key and core in site_names:
        return True
    qualified = _QUALIFIED_NAME.match(segment.strip())
    if qualified:
        return any(_names_site(part, site_names) for part in qualified.groups())
    # "スポニチ Sponichi Annex 社会": the name with the section glued behind it.
    if any(
        len(name) >= 4 and key.startswith(name) and len(key) - len(name) <= 4 for name in site_names
    ):
        return True
    dated = _DATE_TAIL.search(segment)
    if dated is None or dated.start() == 0:
        return False
    return _names_site(segment[: dated.start()], site_names)


def _names_time(segment: str) -> bool:
    """A segment that is only a day and a time ("3 декабря 2020, 18:47", "05.12.2025 14:30"):
    outlets stamp their titles so at the end; a headline's own day ("Wochenbericht 14. - 20.
    Januar 2022") states no time."""
    match = _DATE_TAIL.search(segment.strip())
    return match is not None and match.start() == 0 and ":" in match.group()


def _label_core(text: str) -> str:
    """A label without the words outlets put around names: "Bhopal News" → "bhopal",
    "読売新聞オンライン" → "読売", "手机搜狐网" → "搜狐"."""
    words = _key(text).split()
    while words and words[0] in _LABEL_WORDS:
        words.pop(0)
    while words and words[-1] in _LABEL_WORDS:
        words.pop()
    core = "".join(words)
    for _ in range(2):  # "読売新聞オンライン": "オンライン", then "新聞"
        suffix = next((x for x in _LABEL_SUFFIXES if core.endswith(x) and core != x), "")
        core = core.removesuffix(suffix)
    prefix = next((x for x in _LABEL_PREFIXES if core.startswith(x) and core != x), "")
    core = core.removeprefix(prefix)
    return "" if core in _LABEL_SUFFIXES else core  # "新聞網" is "news net": no name


def _fold(key: str) -> str:
    """A key without accents ("nestlémarktplatz" → "nestlemarktplatz"): hosts spell names so."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _clean(candidate: str, site_names: set[str], sections: Iterable[str]) -> str:
    stripped = strip_site_name(candidate, site_names, sections)
    if _flat(stripped) in site_names:
        return ""  # og:title that is only the outlet's name
    return stripped


def _agreeing_h1(
    page: Page,
    titles: list[str],
    stated: list[str],
    site_names: set[str],
    sections: Iterable[str],
) -> str | None:
    """The `<h1>` most like a metadata title, if one is like it enough to be the same headline,
    or that closes a `stated` title (og:title, JSON-LD) as `_closes` says.

    The story's own `<h1>`s are asked first (`_story_h1s`): a list of related stories may hold
    the og:title word for word (abcnews.go.com lists the story itself under its og:title, a
    shorter SEO headline than the one the page shows), and only when none of the story's own
    agrees is the rest of the page asked.
    """
    story = len(_story_h1s(page))
    readings = _h1_readings(page, lines=True)
    for group in (readings[:story], readings[story:]):
        best: tuple[float, str] | None = None
        for h1 in (text for texts in group for text in texts):
            candidate = strip_site_name(h1, site_names, sections)
            if _flat(candidate) in site_names:
                continue
            score = max((_agreement(candidate, t) for t in titles), default=0.0)
            if score < _AGREEMENT and any(_closes(page, candidate, t) for t in stated):
                score = _AGREEMENT
            if score >= _AGREEMENT and (best is None or score > best[0]):
                best = (score, candidate)
        if best is not None:
            headline = _without_byline(_without_kicker(best[1], titles), titles)
            return _with_written_case(headline, titles)
    return None


def _with_written_case(h1: str, titles: list[str]) -> str:
    """A metadata title's spelling of an `<h1>` whose markup is all one case.

    Templates type some headlines in capitals or in lower case and let CSS set the case the
    reader sees ("PURÊ DE BATATA COM FRANGO", "green minestrone soup"); the same words in
    og:title or `<title>` are the headline as it is written.
    """
    if h1 not in (h1.upper(), h1.lower()) or h1.upper() == h1.lower():
        return h1
    key = _key(h1)
    return next((t for t in titles if _key(t) == key and t not in (t.upper(), t.lower())), h1)


def _without_kicker(h1: str, titles: list[str]) -> str:
    """The `<h1>` less a kicker before a separator when a metadata title is the rest of it
    ("Psychiatrist's view / People who are scared…" where og:title is "People who are…")."""
    keys = {_flat(t) for t in titles}
    for match in _SEPARATOR.finditer(h1):
        rest = h1[match.end() :]
        if _flat(rest) in keys:
            return rest.strip()
    return h1


def _without_byline(h1: str, titles: list[str]) -> str:
    """The `<h1>` less a byline behind the headline when a metadata title is the headline
    alone ("… Comfort Food by 30Seconds Food" where JSON-LD says "… Comfort Food")."""
    keys = {_flat(t) for t in titles}
    for match in _BYLINE.finditer(h1):
        headline, credit = h1[: match.start()], h1[match.end() :]
        if len(credit.split()) <= _MAX_NAME_WORDS and _flat(headline) in keys:
            return headline.strip()
    return h1


def _agreement(h1: str, title: str) -> float:
    """How surely `h1` is the headline `title` states: their similarity, and at least enough
    when the `<h1>` opens the title as whole segments ("About bugs – Vortex Cannon")."""
    key = _flat(h1)
    if len(key) >= 6:
        cuts = [m.start() for m in _SEPARATOR.finditer(title)]
        if any(_flat(title[:cut]) == key for cut in cuts):
            return max(_AGREEMENT, _similarity(h1, title))
    return _similarity(h1, title)


def _closes(page: Page, h1: str, title: str) -> bool:
    """The `<h1>` is the title's last segments and the page shows the segments before them,
    a name's few words, as a heading or a link of their own: "Artist – Song" in og:title
    beside an `<h1>` "Song" under an `<h2>` "Artist" (the page's headline is the song). Only
    og:title and JSON-LD are asked: a `<title>` "Post title : forum" closes with the forum's
    name, which such a template sets in its `<h1>`."""
    key = _flat(h1)
    if len(key) < _MIN_CLOSING_CHARS:
        return False
    openings = {
        _flat(title[: m.start()])
        for m in _SEPARATOR.finditer(title)
        if _flat(title[m.end() :]) == key and len(title[: m.start()].split()) <= _MAX_NAME_WORDS
    } - {""}
    if not openings:
        return False
    shown = (text_of(e) for e in (*_heading_elements(page), *page.tree.iter("a")))
    return any(len(text) <= _MAX_HEADING_CHARS and _flat(text) in openings for text in shown)


def _similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two texts, ignoring case and punctuation."""
    x, y = _bigrams(_flat(a)), _bigrams(_flat(b))
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def site_names_of(page: Page, outlet_name: str | None = None) -> set[str]:
    """Every name the outlet goes by on this page, as keys: registry, meta tags, JSON-LD, host."""
    names: list[str] = [outlet_name] if outlet_name else []
    if outlet_name and "(" in outlet_name:
        # "Xinhua (English)", "CNA (Channel NewsAsia)": pages sign with the name alone.
        names.append(outlet_name.split("(", 1)[0])
    names.extend(_logo_texts(page))
    names.extend(_home_link_names(page))
    for meta in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
        value = page.meta_first(meta)
        if value and len(value.split()) <= _MAX_NAME_WORDS:
            names.append(value.lstrip("@"))
    for obj in [page.article_object or {}, *page.json_ld]:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        types = schema_types(obj)
        if ("website" in types or "organization" in types) and isinstance(obj.get("name"), str):
            names.append(obj["name"])
    host = urlsplit(page.url).netloc.casefold().removeprefix("www.").split(":")[0]
    if host:
        names.append(host)  # "arabnews.com"
        names.append(host.rsplit(".", 1)[0])  # "arabnews"
        domain = _registered_domain(host)
        if domain:  # "iG" names receitas.ig.com.br, "BBC" news.bbc.co.uk
            names.append(domain.split(".", 1)[0])
    keys = _name_keys(names)
    return keys | _name_keys(_blog_name(page, keys))


def _name_keys(names: Iterable[str]) -> set[str]:
    """Names as keys, each also without the words around it: "NHK" names "NHK News", "CBC"
    "CBC News"."""
    names = list(names)
    keys = {_flat(n) for n in names} | {c for c in map(_label_core, names) if _long_enough(c)}
    return {k for k in keys if k}


def _long_enough(core: str) -> bool:
    """A name's core long enough to name the site: three letters, or two CJK ideographs or
    kana ("搜狐", "読売"), which say as much as a word."""
    if len(core) >= _MIN_CORE_CHARS:
        return True
    return len(core) == 2 and all(
        "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in core
    )


def _sections(page: Page) -> list[str]:
    """The section the page declares it belongs to (meta tags, JSON-LD `articleSection`)."""
    found = list(page.meta.get("article:section", ()))
    value = (page.article_object or {}).get("articleSection")
    values = value if isinstance(value, list) else [value]
    found.extend(v for v in values if isinstance(v, str))
    return [s for s in found if s.strip()]


def _recipe_name(page: Page) -> str | None:
    """The name of the one recipe a page describes (schema.org `Recipe`), if it describes one.

    A recipe page's `<h1>` and `og:title` are the blog post's SEO headline ("Homemade Sourdough
    Croissants (Easy Step-by-Step)"); the recipe card names the dish, which is what the page is
    about. A page with several recipes is an article about them and keeps its headline.
    """
    names = [
        obj["name"]
        for obj in page.json_ld
        if "recipe" in schema_types(obj) and isinstance(obj.get("name"), str)
    ]
    return (_json_text(names[0]) or None) if len(names) == 1 else None


def _json_text(value: str) -> str:
    """A JSON-LD string as text: CMSs write it HTML-escaped, some twice (`&amp;amp;`, `&#8217;`),
    and a few with inline markup (`<strong>…</strong>`), which a reader never sees."""
    for _ in range(2):
        value = html.unescape(_TAG.sub("", value))
    return " ".join(value.split())


def _json_ld_headline(obj: dict[str, Any] | None) -> str | None:
    if not obj:
        return None
    for key in ("headline", "name", "alternativeHeadline"):
        value = obj.get(key)
        if isinstance(value, str) and _json_text(value):
            return _json_text(value)
    return None


def _h1_texts(page: Page) -> list[str]:
    """The `<h1>` texts of the story's element first, then of the page, without repeats."""
    texts: list[str] = []
    for readings in _h1_readings(page):
        texts.extend(text for text in readings if text not in texts)
    return texts[:8]


def _h1_readings(page: Page, *, lines: bool = False) -> list[list[str]]:
    """Per `<h1>`, the story's own first and then the rest of the page's, the ways to read it:
    its text, joined with a heading that goes on from it, and with `lines` each line a `<br>`
    breaks. A reading given by an earlier `<h1>` is not repeated."""
    seen: set[str] = set()
    readings: list[list[str]] = []
    for h1 in _story_h1s(page) + _other_h1s(page):
        text = _headline_text(h1)
        before = _sibling_heading(h1, preceding=True)
        if before is not None and _continues(text):
            text = f"{text_of(before)} {text}"  # "baba ghanoush" / "with hand-cut chips"
        after = _sibling_heading(h1, preceding=False)
        rest = text_of(after) if after is not None else ""
        joined = [f"{text} {rest}"] if _continues(rest) else []
        found = [t for t in [text, *joined, *(_lines_of(h1) if lines else ())] if t]
        found = list(dict.fromkeys(t for t in found if t not in seen))
        seen.update(found)
        if found:
            readings.append(found)
        if len(readings) >= _MAX_H1S:
            break
    return readings


def _story_h1s(page: Page) -> list[HtmlElement]:
    """The `<h1>`s of the story's element that are neither the logo nor a list's item.

    A list in the story's element holds teasers of other stories (abcnews.go.com lists the
    story itself among them under its og:title, a shorter SEO headline than the story's own
    `<h1>`) or a breadcrumb (divyabhaskar.co.in puts the English headline there, over the
    Gujarati one the page shows): neither is the headline as the page shows it.
    """
    if page.story is None:
        return []
    return [
        h1
        for h1 in page.story.iter("h1")
        if not _is_logo(h1, page.url) and not any(True for _ in h1.iterancestors("li"))
    ]


def _other_h1s(page: Page) -> list[HtmlElement]:
    """The page's `<h1>`s that `_story_h1s` does not give, the logo left out, in order."""
    story = _story_h1s(page)
    return [
        h1
        for h1 in page.tree.iter("h1")
        if not any(h1 is e for e in story) and not _is_logo(h1, page.url)
    ]


def _sibling_heading(h1: HtmlElement, *, preceding: bool) -> HtmlElement | None:
    """The element beside an `<h1>` (before or after it) when it is a heading too."""
    sibling = next(
        (e for e in h1.itersiblings(preceding=preceding) if isinstance(e.tag, str)), None
    )
    return sibling if sibling is not None and sibling.tag in _SPLIT_HEADINGS else None


def _continues(text: str) -> bool:
    """A heading whose first word is in lower case goes on from the heading before it:
    templates set a headline over two (`<h1>BBQ Chickpeas & Farro</h1><h2>with Corn,
    Cucumbers…</h2>`), and the metadata titles join them. A name such as "iPhone" opens a
    headline of its own."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].islower()


def _lines_of(h1: HtmlElement) -> list[str]:
    """The lines of an `<h1>` its `<br>`s break, when it has any. Some templates set the byline
    or a kicker on a line of the headline's `<h1>` ("…トランプ戦術の成否<br>編集委員 中沢克二"): the
    line that agrees with the metadata better than the whole is the headline."""
    if h1.find(".//br") is None:
        return []
    copy = deepcopy(h1)
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [" ".join(line.split()) for line in copy.text_content().split("\n") if line.strip()]


def _logo_texts(page: Page) -> list[str]:
    """The texts of the `<h1>`s that are the site's logo: its name, as the page shows it."""
    return [text for h1 in page.tree.iter("h1") if _is_logo(h1, page.url) and (text := text_of(h1))]


def _blog_name(page: Page, known: set[str]) -> list[str]:
    """The `<h1>` that opens the `<title>` as a segment of its own while the page shows the
    rest of the `<title>` whole as a heading: a diary's or a blog's name
    (`<h1>高木浩光＠自宅の日記</h1>` above an entry's `<h3>■ 改正NICT法が…</h3>`, titled
    `高木浩光＠自宅の日記 - 改正NICT法が…`). Such templates mark the name up as the page's `<h1>`
    without linking it home and state it in no meta tag; the entry's heading, which the
    `<title>` repeats, is the headline. An `<h1>` that og:title or the JSON-LD headline
    states is the headline itself (Medium's "Headline - Publication" under a publication's
    `<h2>`), and so is one whose rest of the `<title>` is a name the site goes by elsewhere
    (`known`: "Plejaden, M45 - Abenteuer Astronomie" beside og:site_name "Abenteuer
    Astronomie", which the header shows as its title)."""
    title = _title_element(page)
    if not title:
        return []
    title = " ".join(title.split())
    stated = {
        _flat(t) for t in (page.meta_first("og:title"), _json_ld_headline(page.article_object)) if t
    }
    h1s = {
        key: text
        for h1 in page.tree.iter("h1")
        if (key := _flat(text := text_of(h1))) and key not in stated
    }
    for match in _SEPARATOR.finditer(title):
        name = h1s.get(_flat(title[: match.start()]))
        rest = _flat(title[match.end() :])
        if not name or len(rest) <= len(_flat(name)) or _names_site(title[match.end() :], known):
            continue
        shown = (text_of(e) for e in _heading_elements(page) if e.tag != "h1")
        if any(len(text) <= _MAX_HEADING_CHARS and _flat(text) == rest for text in shown):
            return [name]
    return []


def _is_logo(h1: HtmlElement, url: str) -> bool:
    """An `<h1>` that is all one link to the site's home page, or sits inside one, is the logo
    (`<a href="/"><h1>好奇心日报</h1></a>`, `<h1><a href="index.html">evolve extension for
    Mercurial</a></h1>`): many templates without metadata mark their name up so, and the
    `<title>` then ends in that name (`…_智能_好奇心日报`), which no meta tag gives."""
    text = text_of(h1)
    if not text:
        return False
    links = [a for a in h1.iterancestors("a")] + [a for a in h1.iter("a") if text_of(a) == text]
    return any(_is_home_link(a.get("href"), url) for a in links)


def _home_link_names(page: Page) -> list[str]:
    """The names on the page's links to the site's home page: the logo's `alt`, the link's
    `title` or `aria-label`, its text. Many templates state the outlet's name nowhere else
    (`<a href="https://www.asahi.com/"><img alt="朝日新聞デジタル"></a>` beside a `<title>` ending
    in `：朝日新聞デジタル`); a link home labelled "Home" or "トップ" names no headline's
    segment."""
    names: list[str] = []
    links = 0
    for a in page.tree.iter("a"):
        if not _is_home_link(a.get("href"), page.url, sister_hosts=True):
            continue
        labels = [img.get("alt") for img in a.iter("img")]
        labels += [a.get("title"), a.get("aria-label"), text_of(a)]
        names.extend(
            " ".join(label.split())
            for label in labels
            if label
            and label.strip()
            and len(label.split()) <= _MAX_NAME_WORDS
            and len(label) <= _MAX_NAME_CHARS
        )
        links += 1
        if links >= _MAX_HOME_LINKS:
            break
    return names


def _same_site(host: str, other: str) -> bool:
    """Two hosts under one registered domain, sisters of one outlet (`politics.people.com.cn`
    and `www.people.com.cn`; not `a.co.jp` and `b.co.jp`, registered apart under a public
    suffix, as the Public Suffix List that `tld` carries says)."""
    domain = _registered_domain(host)
    return domain is not None and domain == _registered_domain(other)


@lru_cache(maxsize=4096)
def _registered_domain(host: str) -> str | None:
    """The domain a host is registered under (`ig.com.br` of `receitas.ig.com.br`), or None
    for a host no public suffix covers (an address, `localhost`)."""
    found = get_fld(host_key(host).split(":")[0], fix_protocol=True, fail_silently=True)
    return found if isinstance(found, str) else None


def _is_home_link(href: str | None, url: str, *, sister_hosts: bool = False) -> bool:
    if href is None or not href.strip() or href.strip().startswith("#"):
        return False  # "" and "#": a link to nowhere in particular, not to the home page
    if not _may_be_home(href.strip()):
        return False
    try:
        parts = urlsplit(href.strip())
    except ValueError:  # "https://[ccpa-preferences]/": no address at all, so no home page
        return False
    if parts.query or parts.path.lstrip("./") not in _HOME_PATHS:
        return False
    if not parts.netloc:
        return True
    host = urlsplit(url).netloc
    return same_host(parts.netloc, host) or (sister_hosts and _same_site(parts.netloc, host))


def _may_be_home(href: str) -> bool:
    """False for a link whose path, as `urlsplit` cuts it, cannot be a home path.

    Every link of the page is asked whether it goes home, and few do: this rules most out with
    two string tests instead of a `urlsplit` each. The path is the end of what comes before the
    first "#" or "?" (scheme and host hold neither, nor does the host hold "/"), so a home path
    ends that part in "/", "." or an index file's name, or is empty, when no "/" is left once
    the "//" before the host is taken out. urlsplit deletes tabs and line breaks anywhere in a
    link: links with any are left to it.
    """
    if "\t" in href or "\n" in href or "\r" in href:
        return True
    head = href.split("#", 1)[0].split("?", 1)[0]
    return head.endswith(_HOME_ENDINGS) or "/" not in head.replace("//", "", 1)


_HOME_ENDINGS = ("/", ".", *sorted(_HOME_PATHS - {""}))


def _headline_text(h1: HtmlElement) -> str:
    """An `<h1>`'s text without a link beside the headline (the logo some templates put in it)."""
    full = text_of(h1)
    links = [a for a in h1.iter("a") if text_of(a) and text_of(a) != full]
    if not links:
        return full
    copy = deepcopy(h1)
    for a in list(copy.iter("a")):  # a permalink mark ("¶", "#") first: it is no word
        if not _WORD.search(text_of(a)):
            a.drop_tree()
    rest = text_of(copy)
    for a in list(copy.iter("a")):
        if text_of(a) and text_of(a) != rest:
            a.drop_tree()
    return text_of(copy) or rest or full


def _title_element(page: Page) -> str | None:
    element = page.tree.find(".//title")
    return text_of(element) if element is not None else None


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _flat(text: str) -> str:
    return _key(text).replace(" ", "")
