"""The small tree questions that extraction asks of every page, pinned to exact answers.

They were rewritten for speed (issue #12: extraction within 1.25 x plain trafilatura's time), so
these tests hold them to what the slower forms answered: the text a reader sees, and which
class and id names mark page furniture.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement, fromstring

from newsarchive.extract.boilerplate import _is_furniture, _is_hidden, maybe_hidden
from newsarchive.extract.language import detect_language
from newsarchive.extract.title import _HOME_PATHS, _may_be_home
from newsarchive.extract.tree import (
    StoryLinks,
    join_url,
    short_text_of,
    text_content,
    text_of,
    visible_text,
)

PAGE = """<html><head><title>Frigates</title><style>p { color: red }</style></head><body>
<div id="story">Navy <!-- a comment's text is never shown -->orders<script>var ad = "AD TEXT";
</script> four <b>new</b>   frigates<?php echo 1 ?> for
<noscript><p>Enable <i>scripts</i> to see the video</p></noscript> the Baltic.
<p>Officials said <style>.x{}</style>so on <em>Thursday</em>.</p></div>
</body></html>"""


def _element(html: str, xpath: str) -> HtmlElement:
    [element] = fromstring(html).xpath(xpath)
    assert isinstance(element, HtmlElement)
    return element


def test_visible_text_leaves_out_scripts_styles_noscripts_and_comments_keeps_tails() -> None:
    story = _element(PAGE, "//div[@id='story']")
    assert visible_text(story) == (
        "Navy orders four new frigates for the Baltic. Officials said so on Thursday."
    )
    assert visible_text(_element(PAGE, "//body")) == visible_text(story)
    # Scripts stay in the tree: only what is counted changes.
    assert "AD TEXT" in story.text_content()


def test_visible_text_of_an_element_inside_a_noscript_or_a_script_is_empty() -> None:
    assert visible_text(_element(PAGE, "//noscript/p")) == ""
    assert visible_text(_element(PAGE, "//noscript/p/i")) == ""
    assert visible_text(_element(PAGE, "//div/script")) == ""


def test_visible_text_without_anything_hidden_is_the_normalised_text() -> None:
    paragraph = _element("<div><p> Said  on <em>Thursday</em>\n.</p></div>", "//p")
    assert visible_text(paragraph) == "Said on Thursday ."


def test_visible_text_gives_back_the_tree_it_read_as_it_was() -> None:
    """The unseen elements are emptied in place for the read: their text, children and the
    children's tails must all be back after it, nested ones too, in page order."""
    from lxml.html import tostring

    page = PAGE.replace(
        "<noscript>", "<noscript>before <script>var inner = 1;</script> after <b>bold</b> tail "
    )
    tree = fromstring(page)
    before = tostring(tree, encoding="unicode")
    body = tree.find("body")
    assert body is not None
    seen = " ".join(
        "".join(
            body.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
        ).split()
    )
    assert visible_text(body) == seen
    assert tostring(tree, encoding="unicode") == before
    noscript = tree.find(".//noscript")
    assert noscript is not None and noscript.text == "before "
    assert [child.tag for child in noscript] == ["script", "b", "p"]


def test_short_text_is_the_text_up_to_the_limit_and_none_beyond_it() -> None:
    """Splitting stops early on long texts: the answer must be text_of's, at every length."""
    for words in range(0, 40):
        for spacing in (" ", "  \n ", "\u00a0"):
            markup = spacing.join(["ab"] * words + ["c"] * (words % 3))
            element = _element(f"<div><p>{spacing}{markup} <b>x</b>{spacing}</p></div>", "//p")
            full = text_of(element)
            for limit in (1, 2, 10, 59, 60, 61, 100):
                expected = full if len(full) <= limit else None
                assert short_text_of(element, limit) == expected, (words, spacing, limit)


def test_every_block_that_is_hidden_is_one_the_hidden_story_rule_reads() -> None:
    """The rule reads only the blocks an XPath finds: it must find all that `_is_hidden` takes."""
    marks = [
        'class="toggle-group hideOnInit"',
        'class="HIDDEN"',
        'class="is_hidden"',
        'class="x-hıdden"',  # Python's IGNORECASE takes a dotless i for "i"
        'class="HİDE"',  # and a dotted capital I
        'id="story-Hidden"',
        'style="display: none"',
        'style="visibility:hidden"',
        "hidden",
        'aria-hidden="true"',
        'class="shown"',
        'id="hiding"',
    ]
    blocks = "".join(f"<div {mark}><p>text</p></div>" for mark in marks)
    body = _element(f"<html><body>{blocks}</body></html>", "//body")
    found = set(maybe_hidden(body))
    hidden = [div for div in body.iter("div") if _is_hidden(div)]
    assert len(hidden) == len(marks) - 2
    assert all(div in found for div in hidden)


def test_furniture_names_are_whole_words_of_the_class_and_id() -> None:
    furniture = [
        '<div class="post-share">',
        '<div class="Sharebar">',
        '<div id="mostread-box">',
        '<div class="widget\tlatest">',
        '<div class="x" id="ads">',
        '<div class="article__related-">',
        '<div class="author-box-wrap">',  # a phrase, inside a longer name
        '<nav class="crumbs" role="navigation">',
    ]
    not_furniture = [
        '<div class="shared-story">',  # "shared" is not "share"
        '<div class="loads">',  # "ads" inside a word
        '<div class="tagsx">',
        '<div class="story">',
        '<p class="share">',  # paragraphs are never furniture by name
    ]
    for markup in furniture:
        element = _element(f"<html><body>{markup}text</div></body></html>", "//body/*")
        assert _is_furniture(element), markup
    for markup in not_furniture:
        element = _element(f"<html><body>{markup}text</div></body></html>", "//body/*")
        assert not _is_furniture(element), markup


def test_language_is_guessed_from_40_letters_of_any_script_and_digits_do_not_count() -> None:
    assert detect_language("x1 " * 39) is None
    assert detect_language("x1 " * 40) is not None
    assert detect_language("ж " * 39) is None
    assert detect_language("ж " * 40) is not None
    assert detect_language("The defence ministers met in Brussels on Thursday.") == "en"


def _story_link_by_urljoin(page_url: str, href: str) -> str | None:
    """What StoryLinks answered before its shortcut: every link through urljoin."""
    absolute = join_url(page_url, href)
    if absolute is None:
        return None
    target = urlsplit(absolute)
    if target.scheme not in ("http", "https"):
        return None
    here = urlsplit(page_url)
    if target.netloc.casefold().removeprefix("www.") != here.netloc.casefold().removeprefix("www."):
        return None
    path = target.path.rstrip("/")
    return absolute if path and path != here.path.rstrip("/") else None


#: Links as news pages write them, and the near misses where urljoin rewrites a link: dot
#: segments, params, empty "?" and "#", ports, users, IPv6 hosts, upper-case schemes, spaces,
#: tabs, non-ASCII paths, scheme-relative and relative paths.
LINKS = (
    "https://www.defensenews.com/naval/2026/12/01/navy-orders-four-frigates/",
    "https://defensenews.com/naval/2026/12/01/navy-orders-four-frigates?utm_source=rss&x=1",
    "https://www.defensenews.com/naval/frigates/#comments",
    "http://www.defensenews.com/naval/frigates/",
    "https://www.defensenews.com",
    "https://www.defensenews.com/",
    "https://www.defensenews.com?page=2",
    "https://WWW.DefenseNews.com/Naval/Frigates",
    "https://www.defensenews.com/naval/2026/12/01/story-of-the-day",
    "https://www.defensenews.com/naval/2026/12/01/story-of-the-day/",
    "https://www.defensenews.com//naval//frigates",
    "https://www.defensenews.com/naval/../air/jets",
    "https://www.defensenews.com/naval/./frigates",
    "https://www.defensenews.com/naval;jsessionid=1/frigates",
    "https://www.defensenews.com/naval/frigates;jsessionid=1",
    "https://www.defensenews.com/naval/frigates?",
    "https://www.defensenews.com/naval/frigates#",
    "https://www.defensenews.com/naval/frigates?a=1#",
    "https://www.defensenews.com/naval/frigates?a=1;b=2#top?x#y",
    "https://www.defensenews.com:443/naval/frigates",
    "https://www.defensenews.com:99999/naval/frigates",
    "https://user@www.defensenews.com/naval/frigates",
    "https://[ccpa-preferences]/",
    "https://[::1]/naval/frigates",
    "HTTPS://www.defensenews.com/naval/frigates",
    "https://www.defensenews.com/naval/fri gates",
    "https://www.defensenews.com/naval/fri\tgates",
    "https://www.defensenews.com/naval/fregatten-für-die-marine",
    "https://www.other-outlet.com/naval/frigates",
    "https://news.defensenews.com/naval/frigates",
    "ftp://www.defensenews.com/naval/frigates",
    "/naval/2026/12/01/navy-orders-four-frigates/",
    "/naval/frigates?utm_source=rss",
    "/naval/frigates#comments",
    "/naval/frigates?#",
    "/naval/../air/jets",
    "/naval/./frigates",
    "/naval/..",
    "/naval/.",
    "/naval/.hidden/...",
    "/naval//frigates",
    "/naval;p=1/frigates",
    "/",
    "/?page=2",
    "/naval/2026/12/01/story-of-the-day",
    "  /naval/frigates  ",
    "/naval/fri\ngates",
    "//www.defensenews.com/naval/frigates",
    "//cdn.defensenews.com/naval/frigates",
    "naval/frigates",
    "../naval/frigates",
    "?page=2",
    "#comments",
    "",
    "javascript:void(0)",
    "mailto:desk@defensenews.com",
)
PAGE_URLS = (
    "https://www.defensenews.com/naval/2026/12/01/story-of-the-day/",
    "http://www.defensenews.com/naval/2026/12/01/story-of-the-day",
    "https://www.defensenews.com:8443/naval/2026/12/01/story-of-the-day",
    "https://www.defensenews.com",
    "ftp://www.defensenews.com/naval/story",
    "",
)


def test_story_links_answer_as_urljoin_does_for_plain_links_and_near_misses() -> None:
    for page_url in PAGE_URLS:
        links = StoryLinks(page_url)
        for href in LINKS:
            assert links.target(href) == _story_link_by_urljoin(page_url, href), (page_url, href)


def test_story_links_take_plain_links_without_urljoin() -> None:
    links = StoryLinks("https://www.defensenews.com/naval/2026/12/01/story-of-the-day/")
    assert links.target("/naval/frigates?utm_source=rss") == (
        "https://www.defensenews.com/naval/frigates?utm_source=rss"
    )
    assert links.target("https://defensenews.com/air/jets#top") == (
        "https://defensenews.com/air/jets#top"
    )
    assert links.target("/naval/2026/12/01/story-of-the-day") is None  # the page itself
    assert links.target("/") is None  # the front page
    assert links.target("https://www.other-outlet.com/naval/frigates") is None
    assert links._plain("/naval/frigates") is not None
    assert links._plain("https://defensenews.com/air/jets#top") is not None
    assert links._plain("/naval/../air") is None  # dot segments go through urljoin
    assert links._plain("/naval/frigates;p=1") is None  # so do params


def test_pruning_walks_into_kept_blocks_and_not_into_dropped_ones() -> None:
    """Top down: a furniture name on the story's wrapper (it holds the headline) keeps it, and
    the furniture inside it still goes; a dropped block goes whole, with its own furniture."""
    from lxml.html import tostring

    from newsarchive.extract.boilerplate import prune_boilerplate

    story = " ".join(["The navy ordered four frigates for the Baltic on Thursday."] * 4)
    tree = fromstring(
        "<html><body>"
        '<div class="content-with-sidebar"><h1>Navy orders frigates</h1>'
        f'<div class="share-bar"><a href="/x">Share</a></div><p>{story}</p>'
        '<div class="related"><div class="share">Share this</div><p>Other story</p></div>'
        "</div>"
        '<div id="sidebar"><div class="popular">Most read</div></div>'
        "</body></html>"
    )
    prune_boilerplate(tree, "https://www.defensenews.com/naval/2026/12/01/frigates/")
    assert tostring(tree.find("body"), encoding="unicode") == (
        '<body><div class="content-with-sidebar"><h1>Navy orders frigates</h1>'
        f"<p>{story}</p></div></body>"
    )


_HOME_PATH_LINKS = [
    "",
    "/",
    "./",
    "/.",
    ".",
    "..",
    "../",
    "index.html",
    "/index.php",
    "./index.htm",
    "/index.html?ref=logo",
    "/?ref=logo",
    "/#top",
    "#main",
    "https://example.com",
    "https://example.com/",
    "https://www.example.com/index.html",
    "https://example.com#x",
    "https://example.com?x=1",
    "//example.com",
    "//example.com/",
    "//example.com/news/",
    "http:/example.com",
    "mailto:desk@example.com",
    "javascript:void(0)",
    "https://[ccpa-preferences]/",
    "/news/2024/05/story.html",
    "/news/",
    "/news",
    "news/index.html",
    "/INDEX.HTML",
    "/index.html/",
    "https://example.com/a//b",
    "https://example.com:8080",
    "/\tindex.html",
    "/ind\nex.html",
    " / ",
    "\x01//example.com",
    "https://example.com/index.php#x?y",
    "?page=2",
    "#",
]


def _home_path_by_urlsplit(href: str) -> bool:
    """The rule `_is_home_link` applies, through urlsplit alone."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return not parts.query and parts.path.lstrip("./") in _HOME_PATHS


def test_the_home_link_prefilter_never_rules_out_a_link_urlsplit_takes_home() -> None:
    ruled_out = 0
    for href in _HOME_PATH_LINKS:
        if _home_path_by_urlsplit(href):
            assert _may_be_home(href.strip()), href
        ruled_out += not _may_be_home(href.strip())
    assert ruled_out >= 5  # and it does rule out the story and section links


def test_parsed_pages_give_form_elements_the_plain_class_and_the_same_text() -> None:
    """parse_page's parser picks element classes in C: a form is a plain HtmlElement (lxml.html's
    own lookup, a Python call per element, made it a FormElement), with the same text."""
    from lxml.html import FormElement

    from newsarchive.extract.page import parse_page

    html = (
        "<html><body><form id='f'><label>Name <input name='q' value='x'></label>"
        "<select name='s'><option>Navy</option></select><textarea>Hi</textarea></form>"
        "<p>Frigates <b>sail</b>.</p></body></html>"
    )
    page = parse_page(html, "https://example.org/a")
    assert page is not None
    classes = {node.tag: type(node) for node in page.tree.iter()}
    assert classes == dict.fromkeys(
        ("html", "body", "form", "label", "input", "select", "option", "textarea", "p", "b"),
        HtmlElement,
    )
    assert type(fromstring(html).find(".//form")) is FormElement  # what the lookup would give
    assert text_of(page.tree) == text_of(fromstring(html)) == "Name NavyHiFrigates sail."


def test_text_content_reads_a_leaf_s_text_and_leaves_its_tail() -> None:
    """text_content() answers as lxml's does: a leaf's own text without its tail, "" for an
    empty leaf, and the whole subtree's text, comments' text left out, for any other."""
    div = fromstring(
        "<div><p>Navy <!-- hidden --> ships <b>sail</b></p><a href='/x'>Frigates</a> after"
        "<br><span></span></div>"
    )
    p, a, br, span = div
    assert [text_content(e) for e in (p, a, br, span, div)] == [
        "Navy  ships sail",
        "Frigates",
        "",
        "",
        "Navy  ships sailFrigates after",
    ]
    elements = [e for e in div.iter() if isinstance(e.tag, str)]  # not the comment
    assert [text_content(e) for e in elements] == [e.text_content() for e in elements]
