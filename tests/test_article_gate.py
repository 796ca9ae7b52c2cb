"""The article gate on pages shaped like real listings: fronts are turned away, stories kept.

A home page, a section front, a tag page or an archive stored as an article is noise in every
count an analyst makes; an article turned away is lost. Each rule here has a listing it catches
and an article of the same shape it must let through (bench/extraction.py measures both on the
article-or-not and autopager corpora).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsarchive.extract import ArticleRecord, NotArticle, extract_article
from newsarchive.extract.page import parse_page
from newsarchive.extract.pagekind import (
    SiteLinks,
    dated_headlines,
    is_numbered_section_address,
    is_section_address,
    is_story_address,
    section_front_evidence,
    stream_posts,
)

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


_HEADLINES = (
    "Senate passes the defence bill after a night of votes",
    "Navy names the captain of its newest frigate",
    "Allies agree to share radar data over the Baltic",
    "Drone maker wins the army's contract for scouts",
    "Minister visits the shipyard as sea trials begin",
    "Parliament debates the cost of air defence batteries",
    "Border guards report more night-time incursions",
    "Ammunition plant opens its second production line",
    "Coast guard takes delivery of two patrol boats",
    "Defence chiefs meet in Brussels ahead of the summit",
    "Army trains reservists on new artillery systems",
    "Treaty talks resume after a month-long pause",
)


def _slug(headline: str) -> str:
    return headline.casefold().replace(" ", "-")


def _section_front(markup: str = "<meta property='og:type' content='article'>") -> str:
    """A news site's section front (foxnews.com's and nbcnews.com's shape): a heading for the
    section, then cards, each a headline linking to its story and a one-line standfirst. Fox
    tags such fronts og:type=article, so markup does not clear them."""
    cards = "".join(
        f"<article class='story'><div class='m'><a href='/politics/{_slug(headline)}'>"
        f"<img src='/i/{i}.jpg' alt=''></a></div><div class='info'><h4 class='title'>"
        f"<a href='/politics/{_slug(headline)}'>{headline}</a></h4>"
        f"<p class='dek'>Read the full story from our defence desk.</p></div></article>"
        for i, headline in enumerate(_HEADLINES)
    )
    return (
        f"<html><head><title>Politics | Defence Desk</title>{markup}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a>"
        " <a href='/world'>World</a></nav>"
        f"<main><h1>Politics</h1><div class='collection'>{cards}</div>"
        "<a class='more' href='/politics?page=2'>More</a></main>"
        "<footer>Defence Desk</footer></body></html>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.defencedesk.example.com/politics",
        "https://www.defencedesk.example.com/news/world/middle_east",
        "https://www.defencedesk.example.com/tech.html",
        "https://www.defencedesk.example.com/category/tech/topics/military-tech.html",
    ],
)
def test_section_front_with_article_markup_is_a_section_front(url: str) -> None:
    page = parse_page(_section_front(), url)
    assert page is not None

    detail = "a section's address with 12 headline links and 0 paragraphs"
    assert section_front_evidence(page) == detail
    assert extract_article(_section_front(), url) == NotArticle("section_front", detail)


@pytest.mark.parametrize(
    ("url", "markup"),
    [
        # the same cards under a story's address: a slug of a headline's length, or an id
        ("https://www.defencedesk.example.com/politics/senate-passes-the-defence-bill", ""),
        ("https://www.defencedesk.example.com/politics/story?id=63252005", ""),
        # a page that declares itself an Article in JSON-LD
        (
            "https://www.defencedesk.example.com/politics",
            "<script type='application/ld+json'>"
            '{"@type": "NewsArticle", "headline": "Politics"}</script>',
        ),
    ],
)
def test_cards_under_a_story_address_or_declared_article_are_no_section_evidence(
    url: str, markup: str
) -> None:
    page = parse_page(_section_front(markup), url)
    assert page is not None

    assert section_front_evidence(page) is None


def _story_with_related_links(paragraphs: int = 4, markup: str = "") -> str:
    """A story at a short address (a magazine's evergreen piece, /zaubernuss-im-winter) with a
    rail of twelve related headlines: its four paragraphs of prose make it a story."""
    related = "".join(
        f"<li><h3><a href='/{_slug(headline)}'>{headline}</a></h3></li>" for headline in _HEADLINES
    )
    story = "".join(f"<p>{text}</p>" for text in _EXCERPTS[:paragraphs])
    return (
        f"<html><head><title>Frigate starts sea trials</title>{markup}</head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<article><h1>Frigate starts sea trials</h1>{story}</article>"
        f"<aside><h2>Related</h2><ul>{related}</ul></aside>"
        "<footer>Defence desk</footer></body></html>"
    )


def test_a_story_at_a_short_address_with_related_headlines_stays_an_article() -> None:
    url = "https://defencedesk.example.org/frigate-trials/"
    page = parse_page(_story_with_related_links(), url)
    assert page is not None

    assert section_front_evidence(page) is None
    verdict = extract_article(_story_with_related_links(), url)
    assert isinstance(verdict, ArticleRecord)
    assert verdict.title == "Frigate starts sea trials"


def test_a_short_wire_story_at_a_short_address_is_kept_by_its_publication_time() -> None:
    """Two paragraphs of a wire story at a slug of three words, under twelve related headlines
    and og:type=article (which fronts carry too): the publication time it declares is what no
    front of the article-or-not and autopager corpora declares."""
    url = "https://defencedesk.example.org/frigate-trials/"
    published = "<meta property='article:published_time' content='2026-05-12T09:00:00Z'>"
    tagged = "<meta property='og:type' content='article'>"
    assert extract_article(_story_with_related_links(2, tagged), url) == NotArticle(
        "section_front", "a section's address with 12 headline links and 2 paragraphs"
    )

    verdict = extract_article(_story_with_related_links(2, tagged + published), url)

    assert isinstance(verdict, ArticleRecord)
    assert verdict.text == "\n".join(_EXCERPTS[:2])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.com/news/world/middle_east", True),
        ("https://www.nbcnews.com/news/week-in-pictures", True),
        ("http://www.foxnews.com/science.html", True),
        ("https://www.example.com/", True),
        ("https://www.example.com/blog/index.php", True),
        ("https://www.example.com/a/b/c/d/e", False),  # deeper than a section
        ("https://www.example.com/news/frigate-starts-sea-trials", False),  # a headline's slug
        ("https://www.dw.com/en/tv/s-1452", False),  # digits: section or story id alike
        ("https://www.example.com/politics?cid=12", False),
        ("https://www.example.com/?p=3163", False),  # WordPress's plain permalink
    ],
)
def test_section_address(url: str, expected: bool) -> None:
    assert is_section_address(url) is expected


_DATES = ("10 de marzo de 2016", "March 8, 2016", "02.03.2016", "2016年2月28日")


def _unmarked_blog_index() -> str:
    """A blog's home page as small engines make it (juanmerodio.com, inmykonos.com): each post
    shown whole under its linked headline and a written date, and no hentry, h-entry or
    schema.org marks, so only the repeated dated headlines tell an index from a post."""
    posts = "".join(
        f"<div class='post'><h2><a href='/{_slug(headline)}/'>{headline}</a></h2>"
        f"<div class='meta'>Publicado el {day} por Juan</div>{_paragraphs(i)}</div>"
        for i, (headline, day) in enumerate(zip(_HEADLINES, _DATES, strict=False))
    )
    return (
        "<html><head><title>Defence desk blog</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/contacto/'>Contacto</a></nav>"
        f"<div id='content'>{posts}</div><footer>Defence desk</footer></body></html>"
    )


@pytest.mark.parametrize(
    "url", ["https://defencedesk.example.org/", "https://defencedesk.example.org/news.html"]
)
def test_dated_headlines_at_a_blogs_root_are_its_index(url: str) -> None:
    page = parse_page(_unmarked_blog_index(), url)
    assert page is not None

    assert dated_headlines(page) == 4
    assert extract_article(_unmarked_blog_index(), url) == NotArticle(
        "section_front", "the address of a listing: a blog's index of posts"
    )


def test_dated_headlines_on_a_posts_own_address_are_no_index() -> None:
    # the same page under a post's address: its neighbours, dated, sit beside the post
    verdict = extract_article(
        _unmarked_blog_index(), "https://defencedesk.example.org/senate-passes-the-defence-bill/"
    )

    assert isinstance(verdict, ArticleRecord)


def test_three_dated_headlines_at_a_root_are_too_few_for_an_index() -> None:
    # a landing page at a site's root with a box of three dated news items stays an article
    html = _unmarked_blog_index().replace(
        f"<a href='/{_slug(_HEADLINES[3])}/'>{_HEADLINES[3]}</a>", _HEADLINES[3]
    )
    page = parse_page(html, "https://defencedesk.example.org/")
    assert page is not None

    assert dated_headlines(page) == 3
    assert isinstance(extract_article(html, "https://defencedesk.example.org/"), ArticleRecord)


def _front_with_standfirsts(outlet: str) -> str:
    """A front whose cards each print a paragraph-long standfirst under the headline: yahoo.com's
    topic pages (each headline linking to the outlet that wrote the story, `outlet` = "other")
    and civfanatics.ru's news front (its own stories, `outlet` = ""). Fifteen standfirsts of
    prose length: only their place, one in each headline's card, says they are teasers."""
    cards = "".join(
        f"<li class='stream-item'><div class='cf'><h3><a href='https://{outlet or 'www'}"
        f".defencedesk.example.{'net' if outlet else 'com'}/{_slug(headline)}-{i}'>{headline}"
        f"</a></h3><div class='summary'><p>{_EXCERPTS[i % len(_EXCERPTS)]}</p></div>"
        "<span class='source'>Defence Desk</span></div></li>"
        for i, headline in enumerate(_HEADLINES + tuple(f"{h}, again" for h in _HEADLINES[:3]))
    )
    return (
        "<html><head><title>Science</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
        f"<main><h1>Science</h1><ul class='stream'>{cards}</ul></main>"
        "<footer>Defence Desk</footer></body></html>"
    )


def test_a_front_of_cards_with_long_standfirsts_is_a_section_front() -> None:
    url = "https://www.defencedesk.example.com/news/topics/science"
    detail = "a section's address with 15 headline links and 0 paragraphs"

    # the aggregator's headlines link other outlets: no teaser of its own, the cards tell
    assert extract_article(_front_with_standfirsts("other"), url) == NotArticle(
        "section_front", detail
    )
    # its own stories' cards: each standfirst is the card's, not a paragraph of the page
    page = parse_page(_front_with_standfirsts(""), url)
    assert page is not None
    assert section_front_evidence(page) == detail


def test_a_short_story_beside_related_cards_with_standfirsts_stays_an_article() -> None:
    """A three-paragraph story at a two-word address with no markup (creativecommons.at's
    /faircoin-hackathon) beside six related cards with standfirsts and four headings linking
    elsewhere: ten headlines, too few for a front, and the story's paragraphs its own."""
    related = "".join(
        f"<div class='views-row'><h4><a href='/{_slug(headline)}'>{headline}</a></h4>"
        f"<p>Earlier this year: {_EXCERPTS[i % len(_EXCERPTS)]}</p></div>"
        for i, headline in enumerate(_HEADLINES[:6])
    )
    elsewhere = "".join(
        f"<h4><a href='https://commons.example.net/{_slug(headline)}'>{headline}</a></h4>"
        for headline in _HEADLINES[6:10]
    )
    html = (
        "<html><head><title>Frigate trials</title></head><body>"
        f"<header>{elsewhere}</header>"
        f"<div id='content'><h1>Frigate trials</h1>{_paragraphs(0)}</div>"
        f"<aside>{related}</aside><footer>Defence desk</footer></body></html>"
    )
    html = html.replace(f"<p>{_EXCERPTS[3]}</p>", "", 1)  # three paragraphs of its own
    url = "https://defencedesk.example.org/frigate-trials"
    page = parse_page(html, url)
    assert page is not None

    assert section_front_evidence(page) is None
    assert isinstance(extract_article(html, url), ArticleRecord)


def _short_item() -> str:
    """A radio piece's page as dw.com serves it: no markup, a two-sentence summary (some 45
    words) and the credits, under navigation."""
    return (
        "<html><head><title>Soil loss and elephants in Guinea</title></head><body>"
        "<nav><a href='/fr/'>Accueil</a> <a href='/fr/afrique/s-12345'>Afrique</a></nav>"
        "<div class='col3'><h1>Soil loss and elephants in Guinea</h1>"
        "<p class='intro'>Twenty-four billion tonnes of fertile soil are lost every year as"
        " biodiversity declines, according to a study led by the research institute in Dakar,"
        " which followed herds of forest elephants across the south of the country for three"
        " years.</p><p>Author: Kossivi Tiassou</p><p>Editor: M-A. Pierron</p></div>"
        "<footer>Deutsche Welle</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "story"),
    [
        ("https://www.dw.com/fr/la-perte-des-terres-fertiles-et-les-elephants/a-6533123", True),
        (
            "https://www.speicherguide.de/faktor-mensch/schwierige-gespraeche-so-gehts-24376.aspx",
            True,
        ),
        ("https://www.detaykibris.com/yikilan-binalar-izmirden-goruntuler-2196g.htm", True),
        # a headline-long slug without an id, an id without a slug, a section with an id
        ("https://www.theverge.com/iphone-android-app-review", False),
        ("https://www.israelhayom.co.il/article/791661", False),
        ("https://www.dw.com/en/top-stories/arts/s-10553", False),
    ],
)
def test_story_address(url: str, story: bool) -> None:
    assert is_story_address(url) is story


def test_a_short_item_at_a_story_address_is_an_article() -> None:
    url = "https://www.dw.com/fr/la-perte-des-terres-fertiles-et-les-elephants/a-6533123"

    verdict = extract_article(_short_item(), url)

    assert isinstance(verdict, ArticleRecord)
    assert verdict.text.startswith("Twenty-four billion tonnes")


def test_the_same_short_item_elsewhere_is_too_short() -> None:
    verdict = extract_article(_short_item(), "https://www.dw.com/fr/afrique/s-12345")

    assert isinstance(verdict, NotArticle)
    assert verdict.reason == "too_short"


@pytest.mark.parametrize(
    ("url", "numbered"),
    [
        ("https://www.dw.com/en/top-stories/arts/s-10553", True),
        ("https://www.dw.com/en/tv/s-1452", True),
        ("https://www.israelhayom.co.il/article/791661", True),  # a story's too: markup decides
        ("https://www.dw.com/en/la-perte-des-terres-fertiles/a-6533123", False),
        ("https://www.dw.com/a-6533123", False),
        ("https://www.dw.com/en/tv/", False),
    ],
)
def test_numbered_section_address(url: str, numbered: bool) -> None:
    assert is_numbered_section_address(url) is numbered


def test_cards_at_a_numbered_section_without_markup_are_a_section_front() -> None:
    # dw.com numbers its sections as its stories (/en/top-stories/arts/s-10553) and marks neither
    url = "https://www.defencedesk.example.com/en/politics/s-10553"
    page = parse_page(_section_front(""), url)
    assert page is not None

    assert section_front_evidence(page) == (
        "a section's address with 12 headline links and 0 paragraphs"
    )
    # with article markup the id may be a story's (/article/791661): no evidence
    marked = parse_page(_section_front(), url)
    assert marked is not None
    assert section_front_evidence(marked) is None


def test_a_category_archive_listing_dated_posts_is_a_listing_despite_post_markup() -> None:
    """livedoor's category pages (/archives/cat_103640.html) mark the page a BlogPosting, as
    its posts are, and list the category's posts under dated headlines."""
    html = _unmarked_blog_index().replace(
        "</title>",
        "</title><script type='application/ld+json'>"
        '{"@type": "BlogPosting", "headline": "Defence desk blog"}</script>',
    )
    url = "https://defencedesk.example.org/archives/cat_103640.html"

    assert extract_article(html, url) == NotArticle(
        "section_front",
        "the address of a listing: a category, tag, section, author or date archive",
    )


def _blogger_front() -> str:
    """Blogger's front page set to show one post: the newest post whole, its title linking to
    its permalink, marked as the post's own page is (hentry, BlogPosting)."""
    return (
        "<html><head><title>Defence desk</title></head><body>"
        "<h1 class='title'>Defence desk</h1>"
        "<div class='blog-posts hfeed'><h2 class='date-header'>Thursday, March 17, 2016</h2>"
        "<div class='post hentry' itemscope itemtype='http://schema.org/BlogPosting'>"
        "<h3 class='post-title entry-title' itemprop='name'><a href='"
        "https://defencedesk.example.org/2016/03/frigate-trials.html'>Frigate starts sea"
        f" trials</a></h3><div class='post-body entry-content'>{_paragraphs(0)}</div></div>"
        "</div><div class='sidebar'><a href='/2016/'>2016 (102)</a></div></body></html>"
    )


def _joomla_front() -> str:
    """Joomla's front page showing its two newest posts whole (hentry, no other markup), each
    title linking to the post's own page, an id and a slug (/blog/20-desk/174-frigate-...)."""
    posts = "".join(
        f"<div class='item hentry'><h2 class='entry-title'><a href='/blog/20-desk/{174 - i}-"
        f"frigate-starts-sea-trials-{i}'>Frigate starts sea trials, part {i}</a></h2>"
        f"<div class='entry-content'>{_paragraphs(i)}</div></div>"
        for i in range(2)
    )
    return (
        "<html><head><title>Defence desk</title></head><body>"
        f"<div class='blog-featured'>{posts}</div>"
        "<div class='moduletable'><h3>Classes</h3></div></body></html>"
    )


#: Blog fronts showing their newest posts whole, with the address of the front and of a post.
_BLOG_FRONTS = [
    (
        _blogger_front,
        "https://defencedesk.example.org/",
        "https://defencedesk.example.org/2016/03/frigate-trials.html",
    ),
    (
        _joomla_front,
        "http://www.defencedesk.example.ru/",
        "http://www.defencedesk.example.ru/blog/20-desk/174-frigate-starts-sea-trials-0",
    ),
]


@pytest.mark.parametrize(("front", "front_url", "post_url"), _BLOG_FRONTS)
def test_a_blogs_front_showing_its_newest_posts_is_its_index(
    front: Callable[[], str], front_url: str, post_url: str
) -> None:
    assert extract_article(front(), front_url) == NotArticle(
        "section_front", "the address of a listing: a blog's index of posts"
    )


@pytest.mark.parametrize(("front", "front_url", "post_url"), _BLOG_FRONTS)
def test_the_post_on_its_own_address_stays_an_article(
    front: Callable[[], str], front_url: str, post_url: str
) -> None:
    assert isinstance(extract_article(front(), post_url), ArticleRecord)


def _empty_search_page(markup: str = "") -> str:
    """An outlet's people page whose list a script fills: what the server sends is the rights
    notice its template prints above the content and an empty search, under the og:type=article
    the outlet sets on every page (foxnews.com/person/personalities.html)."""
    return (
        "<html><head><title>TV Personalities | Defence News</title>"
        f"<meta property='og:type' content='article'>{markup}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='content'><p>This material may not be published, broadcast, rewritten, or"
        " redistributed. ©2026 Defence News Network, LLC. All rights reserved.</p>"
        "<div class='search-results'><p>Sorry, your search returned 0 results. Try again.</p>"
        "</div></div></body></html>"
    )


def test_a_short_page_at_a_section_address_with_og_type_alone_is_no_article() -> None:
    url = "http://www.defencenews.example.com/person/personalities.html"

    assert extract_article(_empty_search_page(), url) == NotArticle(
        "too_short",
        "8 words (< 30) at a section's address, no Article or publication time declared",
    )


def test_a_short_item_declaring_its_publication_time_at_a_section_address_is_kept() -> None:
    html = _empty_search_page(
        "<meta property='article:published_time' content='2026-05-12T09:00:00Z'>"
    )
    record = extract_article(html, "http://www.defencenews.example.com/person/personalities.html")

    assert isinstance(record, ArticleRecord)
    assert record.text == "Sorry, your search returned 0 results. Try again."


def _day_page(headline: str) -> str:
    """A site's page of what was new on a day (gekiura.com/news/201639/): the day as headline
    and again under it, then the form to mail the page to a phone, no article markup. Under a
    story's headline the same date is its byline, which keeps a short post."""
    return (
        f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
        "<div class='date'>March 9, 2016</div><div class='mail'><p>Send this page of the day's"
        " new items to your phone: enter your address and press the button.</p>"
        "<p>Tell a friend about this page by mail; the page's address is put into the"
        " message for you.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    ("headline", "kept"),
    [("New on March 9, 2016", False), ("Frigate leaves the yard for sea trials", True)],
)
def test_a_headline_that_is_a_date_dates_no_byline(headline: str, kept: bool) -> None:
    record = extract_article(_day_page(headline), "http://www.defencedesk.example.jp/news/201639/")

    assert isinstance(record, ArticleRecord) is kept
    if not kept:
        assert record == NotArticle(
            "too_short", "36 words (< 80) and no article, post or byline marks"
        )


def _live_page(*, story: bool) -> str:
    """bbc.com/news/world/middle_east's shape: a topic page's rail of a dozen headline cards
    beside its "Latest Updates" stream, ten `<article class="lx-stream-post">`s, each a headline,
    a `<time>` and, for some, three or four paragraphs printed whole. With `story`, the page is a
    story instead: five paragraphs in an `<article>` headed and timed as the four related cards
    beside it are, and of their class (a template that marks every item up alike)."""
    rail = "".join(
        f"<li><h3><a href='/news/{_slug(headline)}-{i}'>{headline}</a></h3></li>"
        for i, headline in enumerate(_HEADLINES)
    )
    if story:
        own = "<article class='lx-stream-post'><h1>Frigate trials</h1><time>09:30</time>"
        own += f"{_paragraphs(0)}<p>{_EXCERPTS[1]}</p></article>"
        posts = "".join(
            f"<article class='lx-stream-post'><h3>{headline}</h3>"
            f"<time datetime='2019-05-14T09:{i:02}'>09:{i:02}</time></article>"
            for i, headline in enumerate(_HEADLINES[:4])
        )
    else:
        own = ""
        posts = "".join(
            f"<article class='lx-stream-post'><h3>{headline}</h3>"
            f"<time datetime='2019-05-14T09:{i:02}'>09:{i:02}</time>"
            f"<div class='lx-stream-post-body'>{_paragraphs(i % 4) if i < 3 else ''}</div>"
            "</article>"
            for i, headline in enumerate(_HEADLINES[:10])
        )
    return (
        "<html><head><title>Middle East - BBC News</title></head><body>"
        f"<main>{own}<ol class='lx-stream'>{posts}</ol><ul class='rail'>{rail}</ul></main>"
        "<footer>BBC</footer></body></html>"
    )


def test_a_live_pages_stream_of_posts_is_no_prose_of_its_own() -> None:
    url = "https://www.defencedesk.example.com/news/world/middle_east"
    page = parse_page(_live_page(story=False), url)
    assert page is not None
    assert len(stream_posts(page)) == 10
    # twelve paragraphs of prose, all inside the stream's posts: the page has none of its own
    assert section_front_evidence(page) == (
        "a section's address with 12 headline links and 0 paragraphs"
    )
    assert extract_article(_live_page(story=False), url) == NotArticle(
        "section_front", "a section's address with 12 headline links and 0 paragraphs"
    )


def test_a_story_beside_four_related_posts_keeps_its_own_prose() -> None:
    url = "https://www.defencedesk.example.com/news/world/middle_east"
    page = parse_page(_live_page(story=True), url)
    assert page is not None
    # five <article>s of one class, headed and timed, but only the story has prose: no stream
    assert stream_posts(page) == set()
    assert section_front_evidence(page) is None
