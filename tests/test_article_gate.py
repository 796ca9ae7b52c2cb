"""The article gate on pages shaped like real listings: fronts are turned away, stories kept.

A home page, a section front, a tag page or an archive stored as an article is noise in every
count an analyst makes; an article turned away is lost. Each rule here has a listing it catches
and an article of the same shape it must let through (bench/extraction.py measures both on the
article-or-not and autopager corpora).
"""

from __future__ import annotations

import pytest

from newsarchive.extract import ArticleRecord, NotArticle, extract_article
from newsarchive.extract.pagekind import SiteLinks

_EXCERPTS = (
    "The frigate left the yard on Monday for three weeks of sea trials in the Baltic, the"
    " navy said, before her crew trains with the allied squadron off Kiel this summer.",
    "Ministers from both countries signed the ammunition deal in Vilnius, where a new plant"
    " will fill shells for the army from next spring, the defence ministry said.",
    "The agency's annual report counts more drone incursions over the border than in any"
    " year before, most of them at night and along the river crossings in the north.",
    "Parliament approved the budget line for two more air defence batteries after a long"
    " debate over who pays for their upkeep once the first five years of service are over.",
)


def _paragraphs(first: int) -> str:
    """The four paragraphs, starting with the `first`: a whole story of some 700 characters."""
    order = _EXCERPTS[first:] + _EXCERPTS[:first]
    return "".join(f"<p>{text}</p>" for text in order)


def _blog_listing(markup: str = "") -> str:
    """A blog engine's listing page (WordPress's shape, set to show whole posts): every post an
    `article.hentry` with its headline linking to the post, a date and the post's text. The
    posts are long, so no post is a teaser: only the address says that this is a list."""
    posts = "".join(
        f"<article class='post-{i} post type-post hentry'{markup}>"
        f"<h2 class='entry-title'><a href='/2026/05/story-{i}/'>Story number {i} from the"
        f" defence desk</a></h2><div class='entry-meta'>May {10 + i}, 2026</div>"
        f"<div class='entry-content'>{_paragraphs(i)}</div></article>"
        for i in range(len(_EXCERPTS))
    )
    return (
        "<html><head><title>Defence desk - Page 3</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about/'>About</a></nav>"
        f"<main>{posts}<div class='nav-links'><a href='/page/2/'>Newer</a>"
        " <a href='/page/4/'>Older</a></div></main>"
        "<footer>Defence desk</footer></body></html>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://defencedesk.example.org/page/3/",
        "https://defencedesk.example.org/category/navy/page/12/",
        "https://defencedesk.example.org/?paged=3",
        "https://defencedesk.example.org/blog/index.php?PAGEN_1=5",
    ],
)
def test_a_later_page_of_a_listing_is_a_section_front_even_with_post_markup(url: str) -> None:
    html = _blog_listing(" itemscope itemtype='https://schema.org/BlogPosting'")

    verdict = extract_article(html, url)

    assert verdict == NotArticle(
        "section_front", "the address of a listing: a later page of a listing"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://defencedesk.example.org/category/navy/",
        "https://defencedesk.example.org/tag/frigates",
        "https://defencedesk.example.org/section/world-news",
        "https://defencedesk.example.org/author/karin/",
        "https://defencedesk.example.org/2026/05/",
        "https://defencedesk.example.org/2026/05/14/",
        "https://defencedesk.example.org/?cat=7",
    ],
)
def test_a_collection_address_without_article_markup_is_a_section_front(url: str) -> None:
    verdict = extract_article(_blog_listing(), url)

    assert verdict == NotArticle(
        "section_front",
        "the address of a listing: a category, tag, section, author or date archive",
    )


def _story(markup: str) -> str:
    body = _paragraphs(0)
    return (
        f"<html><head><title>Frigate starts sea trials</title>{markup}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/category/navy/'>Navy</a></nav>"
        f"<article><h1>Frigate starts sea trials</h1>{body}</article>"
        "<footer>Defence desk</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "markup"),
    [
        # filed under a category: the story's slug follows the category's name
        ("https://defencedesk.example.org/category/navy/frigate-starts-sea-trials/", ""),
        # a first page: `page=1` rides on article addresses (entermedia.co.kr)
        ("https://defencedesk.example.org/news/view.html?idx=8576&page=1", ""),
        # an outlet that files stories under /section/ and marks them as articles
        (
            "https://defencedesk.example.org/section/navy",
            "<meta property='og:type' content='article'>",
        ),
    ],
)
def test_an_article_at_an_address_like_a_listing_stays_an_article(url: str, markup: str) -> None:
    verdict = extract_article(_story(markup), url)

    assert isinstance(verdict, ArticleRecord)
    assert verdict.title == "Frigate starts sea trials"


_HOSTS = ("news", "finance", "news", "sport")


def _portal_front() -> str:
    """A portal's section front (HuffPost's and Yahoo's shape): cards of inline elements, so
    the extracted body runs them together; the stories live on the portal's other hosts."""
    cards = "".join(
        f"<span class='card'><span class='headline'>"
        f"<a href='https://{host}.newsportal.co.uk/story-{i}.html'>Story number {i} from the"
        f" defence desk</a></span> <span class='standfirst'>{text}</span></span> "
        for i, (host, text) in enumerate(zip(_HOSTS, _EXCERPTS, strict=True))
    )
    return (
        "<html><head><title>World news | News Portal</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world-news'>World</a></nav>"
        f"<main><div class='river'>{cards}</div></main>"
        "<footer>News Portal</footer></body></html>"
    )


def test_a_front_of_run_together_cards_on_sister_hosts_is_a_teaser_list() -> None:
    verdict = extract_article(_portal_front(), "https://www.newsportal.co.uk/world-news")

    assert verdict == NotArticle("teaser_list", "the body is a list of teasers (1 lines)")


@pytest.mark.parametrize(
    ("href", "target"),
    [
        ("https://finance.newsportal.co.uk/a.html", "https://finance.newsportal.co.uk/a.html"),
        ("/b.html", "https://www.newsportal.co.uk/b.html"),
        ("https://newsportal.com/c.html", None),  # another site
        ("https://otherportal.co.uk/d.html", None),
        ("https://www.newsportal.co.uk/", None),  # the front page itself
    ],
)
def test_site_links_reach_the_outlets_sister_hosts_only(href: str, target: str | None) -> None:
    assert SiteLinks("https://www.newsportal.co.uk/world-news").target(href) == target


@pytest.mark.parametrize(
    "url", ["https://defencedesk.example.org/", "https://defencedesk.example.org/blog/"]
)
def test_marked_posts_at_a_blogs_root_are_its_index(url: str) -> None:
    verdict = extract_article(_blog_listing(), url)

    assert verdict == NotArticle(
        "section_front", "the address of a listing: a blog's index of posts"
    )


def test_a_post_at_a_plain_permalink_is_no_index() -> None:
    # WordPress's plain permalinks put every post at the root: /?p=3163 names one post, and
    # the posts marked hentry around it are its neighbours, not a list.
    verdict = extract_article(_blog_listing(), "https://defencedesk.example.org/?p=3163")

    assert isinstance(verdict, ArticleRecord)
