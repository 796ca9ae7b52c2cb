"""The small tree questions that extraction asks of every page, pinned to exact answers.

They were rewritten for speed (issue #12: extraction within 1.25 x plain trafilatura's time), so
these tests hold them to what the slower forms answered: the text a reader sees, and which
class and id names mark page furniture.
"""

from __future__ import annotations

from lxml.html import HtmlElement, fromstring

from newsarchive.extract.boilerplate import _is_furniture
from newsarchive.extract.language import detect_language
from newsarchive.extract.tree import visible_text

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
