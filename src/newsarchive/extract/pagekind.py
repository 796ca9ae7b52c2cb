"""Is this page an article at all? Bot challenges, section fronts and tag pages are not.

Thresholds (in words of the extracted body, see `text_size`):
- a body with no text at all is never an article;
- a body under `MIN_WORDS_UNMARKED` words is an article only if the page marks itself as one
  (JSON-LD or microdata Article type, `og:type=article`, `article:published_time`), as a blog
  post (a `/YYYY/MM/DD/slug` or `/YYYY/MM/slug` permalink, a microformats `hentry`/`h-entry`
  element) or dates its headline (a byline date, as `dates.find_published` reads it), because
  short pages without such marks are nearly always hubs, galleries or error pages, while short
  posts keep their blog engine's marks or a dated byline even without structured data (a
  headline that is itself a date, `is_date_title`, is a day's page and dates no byline);
- a body of `MIN_WORDS_STORY_ADDRESS` words or more is an article at a story's address (a slug
  of four or more words and a number in the path, `is_story_address`): outlets file short items
  (a radio piece's summary, a photo gallery's caption, a video's standfirst) under the same
  addresses as their stories, while fronts, tag pages and archives are named in a word or
  three (a front's own short body may still pass here: losing a story costs more);
- a body under `MIN_WORDS_STORY_ADDRESS` words at a section's address (`is_section_address`)
  is an article only if the page declares one in JSON-LD or microdata or gives its publication
  time, or dates its headline: `og:type=article` alone does not do (outlets set it on every
  page: foxnews.com/person/personalities.html is an empty search, 8 words under that tag);
- a body in which at least `MIN_TEASERS` lines, and `TEASER_SHARE` of all lines, are texts of
  teasers for other stories of the outlet (headline links and the standfirsts next to them), or
  in which `MIN_TEASERS` teaser texts cover `TEASER_SHARE` of the characters (cards the
  extractor ran together into one line), is a list of teasers (section front, tag page, search
  result), whatever its length; a teaser may link to any host of the outlet's site (portals
  file stories under finance.yahoo.com and www.yahoo.com alike);
- a page at a site's root or its `/blog/` holding `MIN_INDEX_POSTS` posts marked hentry or
  h-entry is the blog's index (a single post marks itself once), as is one there showing a post
  whose title links to the post's permalink or story address (Blogger's and Joomla's fronts
  show their newest posts whole);
- a page whose address is a later page of a listing (`/page/3/`, `?paged=5`), or, without
  article markup or with the dated headlines or marked posts of a list, a category, tag,
  section, author or date archive (`/category/navy/`, `/archives/cat_103640.html`,
  `/2019/04/`), is a listing: on the fronts of the article-or-not and autopager corpora,
  blog engines mark every post of a list as a post, and the address is what says "list";
- a page at the root of its site (path `/`) without article markup that links at least
  `HOME_HEADLINE_LINKS` headlines, or `HOME_LONG_LINKS` links with headline-long texts, is the
  outlet's home page: home pages link headlines on other hosts or on the front itself, so the
  teaser test misses them, and their ribbons of short blurbs pass the word count. Articles that
  live at a site's root (one-page sites, landing pages) link a handful at most;
- a page at a section's address (no digit in its path or query, at most four path segments,
  the last of at most three words: `/politics`, `/news/world/middle_east`, `/tech.html`) that
  declares no Article in JSON-LD or microdata nor its publication time, links
  `SECTION_HEADLINE_LINKS` or more headlines of the outlet (links of 20+ characters in or
  around an `<h1>`-`<h6>`) and holds at most `SECTION_MAX_PROSE` paragraphs of prose is a
  section front. Outlets tag their fronts
  `og:type=article` (foxnews.com, bbc.com/future) and cut each card's standfirst to a line or
  two, so neither markup nor the body's length tells them from a story; a story's address names
  it in a slug of four or more words or an id with digits, and a story has paragraphs. A
  section's address ending in an id (`/en/tv/s-1452`) counts for a page with no article
  markup at all.
  Paragraphs inside the posts of a stream (`MIN_STREAM_POSTS` or more `<article>`s of one
  class, each with a heading and a date: a live page, a topic page printing its latest posts
  whole) are the posts', not the page's own prose.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from lxml.html import HtmlElement

from newsarchive.extract.page import ARTICLE_TYPES, LISTING_TYPES, Page
from newsarchive.extract.tree import (
    StoryLinks,
    join_url,
    same_host,
    short_text,
    text_content,
    text_of,
)

MIN_WORDS_UNMARKED = 80
MIN_WORDS_STORY_ADDRESS = 30
_STORY_SLUG_WORDS = 4
MIN_TEASERS = 3
TEASER_SHARE = 0.5
_TEASER_BLOCKS = ("p", "h2", "h3", "h4", "h5", "span", "div", "time")
_TEASER_CONTAINERS = ("article", "li", "div", "section", "header")
_MIN_TEASER_CHARS = 20
HOME_HEADLINE_LINKS = 10
HOME_LONG_LINKS = 50
_HEADINGS = ("h2", "h3", "h4")
SECTION_HEADLINE_LINKS = 10
SECTION_ANY_HEADLINES = 15
_STANDFIRST_LEVELS = 5
_CARD_EXTRA_CHARS = 500
SECTION_MAX_PROSE = 3
#: A live page's or a topic page's stream: this many `<article>`s of one class, each with its
#: own heading and a date, whose paragraphs are the posts', not the page's own prose.
MIN_STREAM_POSTS = 4
#: ... of which this many print paragraphs of prose: a story in an `<article>` of the class its
#: related cards share (headline and time each) is the one post of its group that has prose.
_MIN_STREAM_WRITERS = 2
_SECTION_MAX_DEPTH = 4
_SECTION_MAX_WORDS = 3
#: A paragraph of prose: this long, and mostly not link text (a card's standfirst is shorter).
_PROSE_CHARS = 150
_ALL_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp)$", re.IGNORECASE)
_SLUG_WORDS = re.compile(r"[^-_+.\s]+")
#: A segment that is only an id: digits, perhaps after a letter or two (`s-1452`, `a_77`).
_ID_SEGMENT = re.compile(r"(?:[a-z]{1,2}[-_])?\d+(?:\.html?)?", re.IGNORECASE)
#: A blog permalink: a full date, then the post's slug (a bare /YYYY/MM/DD/ is a day archive).
_PERMALINK = re.compile(r"/(?:19|20)\d\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])/[^/?#]+")
#: A month permalink (WordPress `/%year%/%monthnum%/%postname%/`, Movable Type
#: `/archives/YYYY/MM/slug.html`): year and month, then a slug with letters as the path's last
#: segment. A month archive ends at the month or pages on (`/2019/04/page/2/`), and a day is
#: digits: neither is a slug.
_MONTH_PERMALINK = re.compile(
    r"/(?:19|20)\d\d/(?:0[1-9]|1[0-2])/(?!(?:page|index|feed)(?:[./]|$))"
    r"[^/?#]*[^\W\d_][^/?#]*/?$"
)
_LONG_LINK_CHARS = 30
#: Posts a blog engine marks as such (microformats hentry, h-entry).
_POST_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')]"
)
#: Links in a post's title as microformats mark it (hentry's entry-title, h-entry's p-name).
_TITLE_LINK_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' p-name ')]//a[@href]"
)
#: Where a blog keeps its index: the site's root or one of these paths.
_INDEX_PATHS = frozenset({"", "blog", "news", "articles", "posts"})
MIN_INDEX_POSTS = 3
MIN_DATED_POSTS = 4
_MIN_DATED_HEADLINE_CHARS = 10
_CARD_LEVELS = 4
_CARD_MAX_CHARS = 3000
#: A date as blogs write one under a headline: ISO or a year then a month (2016-03, 2016年3月),
#: day.month.year (10.03.2016, 10/3/16), a day, a month's name and a year (10 de marzo de 2016,
#: 10. März 2016), or a month's name, a day and a year (March 10, 2016).
_WRITTEN_DATE = re.compile(
    r"\b(?:19|20)\d\d[-./年]\s?\d{1,2}"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d\b"
    r"|\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d]{3,}\.?\s+(?:de\s+)?(?:19|20)\d\d\b"
    r"|\b[^\W\d]{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)
#: What is left of a day's page title once its date is cut: the date's own characters.
_DATE_REMAINS = re.compile(r"[\d年月日号]+")
#: A title that is a date and at most this much else (words, two CJK characters a word).
_DATE_TITLE_WORDS = 2
#: A query naming one item: WordPress's plain permalinks put every post at the root (`/?p=3163`).
_ITEM_QUERY = re.compile(r"(?:^|&)(?:p|page_id|post|id|story|article)=", re.IGNORECASE)
#: The later pages of a listing: `/page/2/` (WordPress and most blog engines), `/seite-3`,
#: `?paged=5`, `?page=2`, `?start=10`, `?PAGEN_1=5` (Bitrix). A first page is the listing itself
#: and `page=1` also rides on article addresses (entermedia.co.kr's news_view.html?idx=..&page=1).
_PAGED_PATH = re.compile(r"/(?:page|seite|pagina|strona)[/-]?\d+/?$", re.IGNORECASE)
_PAGED_QUERY = re.compile(
    r"(?:^|&)(?:paged|page|start|pagen_\d+)=(?:[2-9]|\d\d+)(?:&|$)", re.IGNORECASE
)
#: The address of a category, tag, section or author page, or of a month or day archive: the
#: collection's name is the path's last segment (an article filed under a category has its
#: slug after it), a blog engine numbers the category (`/archives/cat_103640.html`, livedoor
#: and Movable Type), or the path ends at a month or a day. `?cat=N` is WordPress's plain category
#: link. Words such as "topics" or "themen" also head article paths (`/themen/<slug>`), so only
#: these are read.
_COLLECTION_PATH = re.compile(
    r"/(?:category|categories|tag|tags|section|author)/[^/.]+/?$"
    r"|/(?:cat|category|tag)[-_]\d+(?:\.html?)?$"
    r"|/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?/?$",
    re.IGNORECASE,
)
_COLLECTION_QUERY = re.compile(r"(?:^|&)cat=\d+(?:&|$)")
#: Second-level labels under a country code that registries sell names below (bbc.co.uk).
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CHALLENGE_TITLE = re.compile(
    r"^(?:just a moment[.\u2026]*|attention required!? \| cloudflare|checking your browser.*|"
    r"please wait[.\u2026]*(?: \| cloudflare)?|ddos-guard|one more step|access denied|"
    r"are you a robot\??|pardon our interruption|security check|verifying you are human.*)$",
    re.IGNORECASE,
)
_CHALLENGE_TEXT = (
    "checking your browser before accessing",
    "enable javascript and cookies to continue",
    "cf-browser-verification",
    "_cf_chl_opt",
    "verify you are human by completing the action below",
    "ddos protection by",
    "_incapsula_resource",  # Imperva: an empty page that only loads the challenge script
    "incapsula incident id",
    "sucuri website firewall",
    "captcha-delivery.com",  # DataDome
    "px-captcha",  # PerimeterX / HUMAN
)
#: A challenge page is small; a long article that quotes one of these phrases is not one.
_CHALLENGE_MAX_TEXT = 2000


def text_size(text: str) -> int:
    """Words, counting two CJK characters as one (Chinese and Japanese have no spaces)."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def is_bot_challenge(page: Page, html: str) -> bool:
    return challenge_evidence(page, html) is not None


def challenge_evidence(page: Page, html: str) -> str | None:
    """What shows the page to be a bot challenge (its title or a marker), None if nothing does.

    The crawler records this as the detail of a `blocked` fetch, so an operator can tell a
    Cloudflare wall from a DataDome one without opening the stored page.
    """
    title = page.tree.find(".//title")
    if title is not None and _CHALLENGE_TITLE.match(text_of(title)):
        return f"title {text_of(title)!r}"
    body = page.tree.find("body")
    if body is not None and short_text(page.body_text, _CHALLENGE_MAX_TEXT) is None:  # long
        return None
    lowered = html[:100_000].casefold()
    for marker in _CHALLENGE_TEXT:
        if marker in lowered:
            return f"marker {marker!r}"
    return None


def is_date_title(title: str | None) -> bool:
    """The headline is a date, with `_DATE_TITLE_WORDS` words at most besides ("2016年3月9日の
    新着", "News of March 9, 2016"): a day's page (what was new that day), whose "byline" date
    is its headline's, not the date of a story written under it."""
    if not title or not _WRITTEN_DATE.search(title):
        return False
    rest = _DATE_REMAINS.sub(" ", _WRITTEN_DATE.sub(" ", title))
    return text_size(rest) <= _DATE_TITLE_WORDS


def has_article_markers(page: Page) -> bool:
    if declares_article(page):
        return True
    return (page.meta_first("og:type") or "").casefold() == "article"


def declares_article(page: Page) -> bool:
    """The page declares an Article in JSON-LD or microdata, or its publication time: marks an
    outlet puts on its stories. `og:type=article` alone is not one of them: outlets set it on
    every page, fronts and search pages included (foxnews.com/person/personalities.html)."""
    if page.article_object is not None or page.schema_types & ARTICLE_TYPES:
        return True
    return page.meta_first("article:published_time") is not None


def marks_a_post(page: Page) -> bool:
    """Article markup, or the marks a blog engine leaves on a single post."""
    path = urlsplit(page.url).path
    if has_article_markers(page) or _PERMALINK.search(path) or _MONTH_PERMALINK.search(path):
        return True
    return bool(page.tree.xpath(_POST_XPATH))


def declares_listing(page: Page) -> bool:
    """The page calls itself a collection and says nothing of being an article."""
    return bool(page.schema_types & LISTING_TYPES) and not has_article_markers(page)


def is_blog_index(page: Page) -> bool:
    """The page is a blog's index: at the site's root or its `/blog/` (`/news/`, `/articles/`,
    `/news.html`), with no query naming one post, holding `MIN_INDEX_POSTS` or more posts that
    the blog engine marks (hentry, h-entry), none inside another, `MIN_DATED_POSTS` or more
    dated headlines (`dated_headlines`), or a post whose title links to its permalink
    elsewhere (`_titles_a_permalink`).

    A single post marks itself once, and its related posts, marked too, sit beside it on a
    post's own address; at a root or blog address, several marked posts are the index's list.
    Blogs whose engine marks nothing (juanmerodio.com, inmykonos.com, kijonan.com) still date
    each post under its headline, and an index shows its posts whole, so the body's length
    and the absence of teasers say nothing: the repeated dated headlines do.
    """
    parts = urlsplit(page.url)
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1].casefold().startswith("index."):
        segments.pop()
    path = _PAGE_SUFFIX.sub("", "/".join(segments)).casefold()
    if path not in _INDEX_PATHS or _ITEM_QUERY.search(parts.query):
        return False
    return _lists_posts(page) or _titles_a_permalink(page, SiteLinks(page.url))


def _titles_a_permalink(page: Page, story_links: StoryLinks) -> bool:
    """A post's title (microformats `entry-title` or `p-name`) links to a permalink of the site
    (`/2016/03/slug.html`) or a story's address (`/blog/20-classes/174-online-course-from-
    scratch`, `is_story_address`): the post lives there, and this page only shows it, as
    Blogger's front shows its newest post whole, one BlogPosting like the post's own page, and
    Joomla's front its newest posts whole, each titled with a link to its own page."""
    for anchor in page.tree.xpath(_TITLE_LINK_XPATH):
        target = story_links.target(anchor.get("href") or "")
        if target is None:
            continue
        path = urlsplit(target).path
        if _PERMALINK.search(path) or _MONTH_PERMALINK.search(path) or is_story_address(target):
            return True
    return False


def dated_headlines(page: Page) -> int:
    """How many distinct stories of the site the page heads with a dated headline: a link of
    `_MIN_DATED_HEADLINE_CHARS` or more characters inside an `<h1>`-`<h6>`, whose card (the
    heading's nearest ancestor, up to `_CARD_LEVELS` levels and `_CARD_MAX_CHARS` characters,
    that holds a date) carries a `<time>` or a written date (`2016-03-10`, `10.03.2016`,
    `10 de marzo de 2016`, `March 10, 2016`, `2016年3月`)."""
    story_links = SiteLinks(page.url)
    dated: set[str] = set()
    for anchor in page.tree.iter("a"):
        target = story_links.target(anchor.get("href") or "")
        if target is None or target in dated:
            continue
        if len(" ".join(anchor.text_content().split())) < _MIN_DATED_HEADLINE_CHARS:
            continue
        heading = next((e for e in anchor.iterancestors() if e.tag in _ALL_HEADINGS), None)
        if heading is not None and _card_is_dated(heading):
            dated.add(target)
    return len(dated)


def _card_is_dated(heading: HtmlElement) -> bool:
    node = heading.getparent()
    for _ in range(_CARD_LEVELS):
        if node is None or node.tag in ("body", "main", "html"):
            return False
        text = node.text_content()
        if len(text) > _CARD_MAX_CHARS:
            return False
        if next(node.iter("time"), None) is not None or _WRITTEN_DATE.search(text):
            return True
        node = node.getparent()
    return False


def listing_address(page: Page) -> str | None:
    """What in the page's address names a listing, None when nothing does.

    A later page of a listing (`/page/3/`, `?paged=5`) is one whatever its markup: blog engines
    mark each post of the list as an article (hentry, BlogPosting), so markup cannot clear it.
    A category, tag, section, author or date-archive address is a listing when the page does
    not mark itself as an article, or when it shows the posts of a list (`_lists_posts`):
    outlets that tag every page `og:type=article` aside, an article never lives at such an
    address, and blog engines mark the posts of a category page as they mark a post.
    """
    parts = urlsplit(page.url)
    if _PAGED_PATH.search(parts.path) or _PAGED_QUERY.search(parts.query):
        return "a later page of a listing"
    if not (_COLLECTION_PATH.search(parts.path) or _COLLECTION_QUERY.search(parts.query)):
        return None
    if not has_article_markers(page) or _lists_posts(page):
        return "a category, tag, section, author or date archive"
    return None


def _lists_posts(page: Page) -> bool:
    """The page shows `MIN_DATED_POSTS` dated headlines or `MIN_INDEX_POSTS` posts marked hentry
    or h-entry, none inside another: at a collection's address that is its list, even where the
    blog engine marks each post as a BlogPosting (livedoor's /archives/cat_103640.html)."""
    posts = page.tree.xpath(_POST_XPATH)
    marked = set(posts)
    outermost = [p for p in posts if not any(a in marked for a in p.iterancestors())]
    return len(outermost) >= MIN_INDEX_POSTS or dated_headlines(page) >= MIN_DATED_POSTS


def is_home_page(page: Page) -> bool:
    """The page is its site's front page: at the root and full of headline links."""
    if urlsplit(page.url).path.strip("/") or has_article_markers(page):
        return False
    headline_links = long_links = 0
    for anchor in page.tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text) >= _LONG_LINK_CHARS:
            long_links += 1
        if len(text) >= _MIN_TEASER_CHARS and _in_or_holds_heading(anchor):
            headline_links += 1
    return headline_links >= HOME_HEADLINE_LINKS or long_links >= HOME_LONG_LINKS


def is_story_address(url: str) -> bool:
    """The address names one story: its path holds a number (the story's id or date) and a
    segment whose slug has `_STORY_SLUG_WORDS` or more words with letters
    (`/la-perte-des-terres-fertiles/a-6533123`, `/schwierige-gespraeche-so-gehts-24376.aspx`).
    Fronts, tags and archives are named in a word or three (`/news/world`, `/tag/navy`)."""
    path = urlsplit(url.strip()).path
    if not re.search(r"\d", path):
        return False
    for segment in path.split("/"):
        words = _SLUG_WORDS.findall(_PAGE_SUFFIX.sub("", segment))
        if sum(1 for word in words if not word.isdigit()) >= _STORY_SLUG_WORDS:
            return True
    return False


def is_section_address(url: str) -> bool:
    """The address names a section rather than one story: no digit in its path or query, no
    query naming an item, at most `_SECTION_MAX_DEPTH` path segments (an `index.*` page dropped)
    and a last segment of at most `_SECTION_MAX_WORDS` words (`/news/world/middle_east`,
    `/tech.html`, `/nightly-news`). Stories carry an id or a slug of a headline's length."""
    parts = urlsplit(url.strip())
    if re.search(r"\d", parts.path + parts.query) or _ITEM_QUERY.search(parts.query):
        return False
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1].casefold().startswith("index."):
        segments.pop()
    if not segments:
        return True
    last = _PAGE_SUFFIX.sub("", segments[-1])
    return (
        len(segments) <= _SECTION_MAX_DEPTH and len(_SLUG_WORDS.findall(last)) <= _SECTION_MAX_WORDS
    )


def is_numbered_section_address(url: str) -> bool:
    """The address is a section's followed by a bare id as its last segment (`/en/tv/s-1452`,
    `/news/world/12345.html`): CMSs number their section pages as they number their stories."""
    parts = urlsplit(url.strip())
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or not _ID_SEGMENT.fullmatch(segments[-1]):
        return False
    rest = "/".join(segments[:-1])
    return is_section_address(f"{parts.scheme}://{parts.netloc}/{rest}/?{parts.query}")


def section_front_evidence(page: Page) -> str | None:
    """Why the page is a section front by its address and its cards, None if it is not one.

    At a section's address (`is_section_address`), a page that declares no Article in JSON-LD
    or microdata, links `SECTION_HEADLINE_LINKS` or more distinct headlines of the outlet (or
    `SECTION_ANY_HEADLINES` headlines anywhere: aggregators such as yahoo.com/news/topics link
    other outlets' stories, and video fronts play theirs from script, with no address) and
    holds at most `SECTION_MAX_PROSE` paragraphs of prose of its own is a list of cards.
    A paragraph inside a headline's card (`_in_card`: the standfirst of a teaser) is the card's,
    not the page's: fronts print a long standfirst under each headline, while a story's
    paragraphs stand together, away from the headlines of its sidebars. `og:type=article` does
    not clear it: outlets set it on every page, fronts included. A section's address followed
    by an id (`is_numbered_section_address`: dw.com's /en/top-stories/arts/s-10553) counts only
    on a page with no article markup at all, since stories also live at /article/791661.
    A page that gives its publication time (`article:published_time`) is cleared as one that
    declares an Article is: a short wire story at a short slug under a rail of related
    headlines has both the cards and the few paragraphs of a front, and no front of the
    article-or-not and autopager corpora declares a publication time.
    """
    if not is_section_address(page.url) and not (
        is_numbered_section_address(page.url) and not has_article_markers(page)
    ):
        return None
    if declares_article(page):
        return None
    story_links = SiteLinks(page.url)
    own = urlsplit(page.url)
    headlines: set[str] = set()
    anywhere: set[str] = set()
    anchors: set[HtmlElement] = set()
    for anchor in page.tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text) < _MIN_TEASER_CHARS or not _near_heading(anchor):
            continue
        href = (anchor.get("href") or "").strip()
        target = story_links.target(href)
        if target is not None:
            headlines.add(target)
        elif href and _points_to(page.url, href, own):
            continue  # the page's own headline, linked to itself
        anywhere.add(text.casefold())
        anchors.add(anchor)
    if len(headlines) < SECTION_HEADLINE_LINKS and len(anywhere) < SECTION_ANY_HEADLINES:
        return None
    posts = stream_posts(page)
    prose = sum(
        1
        for p in page.tree.iter("p")
        if _is_prose(p) and not _in_card(p, anchors) and not _in_post(p, posts)
    )
    if prose > SECTION_MAX_PROSE:
        return None
    return (
        f"a section's address with {max(len(headlines), len(anywhere))} headline links"
        f" and {prose} paragraphs"
    )


def stream_posts(page: Page) -> set[HtmlElement]:
    """The posts of a stream the page shows: `MIN_STREAM_POSTS` or more `<article>`s of one
    class, none inside another, each with a heading of its own and a date (a `<time>` or a
    written one), `_MIN_STREAM_WRITERS` of them holding paragraphs of prose.

    Live pages and topic pages (bbc.com/news/world/middle_east) print their latest posts whole,
    a headline, a time and a few paragraphs each, so their paragraphs read as a story's prose;
    a story is one `<article>`, and the cards of its related stories, which may share its class
    and be headed and dated as it is, hold no paragraphs of prose.
    """
    by_class: dict[str, list[HtmlElement]] = {}
    for article in page.tree.iter("article"):
        if any(a.tag == "article" for a in article.iterancestors()):
            continue
        headed = any(e.tag in _ALL_HEADINGS for e in article.iterdescendants())
        dated = next(article.iter("time"), None) is not None or bool(
            _WRITTEN_DATE.search(article.text_content())
        )
        if headed and dated:
            by_class.setdefault(" ".join((article.get("class") or "").split()), []).append(article)
    return {
        article
        for group in by_class.values()
        if len(group) >= MIN_STREAM_POSTS
        and sum(1 for a in group if any(_is_prose(p) for p in a.iter("p"))) >= _MIN_STREAM_WRITERS
        for article in group
    }


def _in_post(paragraph: HtmlElement, posts: set[HtmlElement]) -> bool:
    return bool(posts) and any(a in posts for a in paragraph.iterancestors("article"))


def _near_heading(anchor: HtmlElement) -> bool:
    return any(e.tag in _ALL_HEADINGS for e in anchor.iterancestors()) or any(
        e.tag in _ALL_HEADINGS for e in anchor.iterdescendants()
    )


def _points_to(page_url: str, href: str, own: SplitResult) -> bool:
    joined = join_url(page_url, href)
    if joined is None:
        return False
    target = urlsplit(joined)
    return same_host(target.netloc, own.netloc) and target.path.rstrip("/") == own.path.rstrip("/")


def _in_card(paragraph: HtmlElement, headline_anchors: set[HtmlElement]) -> bool:
    """The paragraph is a teaser's standfirst: a small ancestor (up to `_STANDFIRST_LEVELS`
    levels up, holding at most `_CARD_EXTRA_CHARS` characters besides the paragraph) holds a
    headline link."""
    size = len(paragraph.text_content())
    node = paragraph.getparent()
    for _ in range(_STANDFIRST_LEVELS):
        if node is None or node.tag in ("body", "main", "html"):
            return False
        if len(node.text_content()) > size + _CARD_EXTRA_CHARS:
            return False
        if any(a in headline_anchors for a in node.iter("a")):
            return True
        node = node.getparent()
    return False


def _is_prose(paragraph: HtmlElement) -> bool:
    text = " ".join(paragraph.text_content().split())
    if len(text) < _PROSE_CHARS:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in paragraph.iter("a"))
    return linked < 0.3 * len(text)


def _in_or_holds_heading(anchor: HtmlElement) -> bool:
    return any(e.tag in _HEADINGS for e in anchor.iterancestors()) or any(
        e.tag in _HEADINGS for e in anchor.iterdescendants()
    )


class SiteLinks(StoryLinks):
    """Story links anywhere on the outlet's site, its other hosts included.

    Portals file their stories under one host per desk (finance.yahoo.com and www.yahoo.com,
    edition.cnn.com and money.cnn.com), and their fronts link across them; a teaser of a story
    on a sister host is still a teaser. The site is the host's last two labels, or three under
    a second-level suffix such as co.uk or com.au.
    """

    def __init__(self, page_url: str) -> None:
        super().__init__(page_url)
        self._site = _site_of(self._host)

    def _on_outlet(self, host: str) -> bool:
        return _site_of(host) == self._site


def _site_of(host: str) -> str:
    labels = host.split(":")[0].split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def teaser_texts(page: Page, own_headline: str | None = None) -> frozenset[str]:
    """Normalised texts of the teasers the page shows for other stories of the outlet.

    A teaser is a block holding one link to another story whose text is the block's headline
    (the link is nearly all of its heading's text), plus what surrounds it up to a small
    container: the standfirst, the date, "Continue reading". Story paragraphs that merely
    contain a link are not headlines, so they never make a teaser. A link whose text is the
    page's own headline leads to the story itself under another path (its photo or video
    overlay, a print or comments view: dw.com wraps its standfirst in one), so it is no teaser.
    """
    texts: set[str] = set()
    story_links = SiteLinks(page.url)
    own = _key(own_headline or "")
    for anchor in page.tree.iter("a"):
        target = story_links.target(anchor.get("href") or "")
        if target is None:
            continue
        headline = _key(text_content(anchor))
        if len(headline) < _MIN_TEASER_CHARS or headline == own:
            continue
        block = _enclosing_block(anchor)
        if block is None or len(_key(text_content(block))) > len(headline) / 0.9:
            continue
        texts.add(headline)
        container = _teaser_container(block, target, story_links)
        if container is not None:
            texts.update(
                _key(text_content(element))
                for element in container.iter(*_TEASER_BLOCKS)
                if element is not block
            )
    texts.discard("")
    return frozenset(texts)


def is_teaser_list(lines: list[str], teasers: frozenset[str]) -> bool:
    """Most of the body is teasers: as whole lines, or as the words of teasers it holds.

    The second reading is for bodies whose extractor ran teasers together (a front whose cards
    are inline elements comes out as one long line) or kept only part of each card: the body
    is a list when `MIN_TEASERS` teaser texts of `_MIN_TEASER_CHARS` or more appear in it and
    they cover `TEASER_SHARE` of its characters. Nested teaser blocks (a card and its headline)
    overlap: a span inside one already counted adds neither a teaser nor characters.
    """
    if not teasers:
        return False
    count = sum(1 for line in lines if _key(line) in teasers)
    if count >= MIN_TEASERS and count >= TEASER_SHARE * len(lines):
        return True
    body = _key(" ".join(lines))
    spans = []
    for teaser in teasers:
        at = body.find(teaser) if len(teaser) >= _MIN_TEASER_CHARS else -1
        if at >= 0:
            spans.append((at, at + len(teaser)))
    # A card's headline and summary are teasers inside the card's own: count outermost spans only,
    # or one short story whose paragraphs sit in a single linked container counts as three.
    covered = bytearray(len(body))
    found = 0
    for start, end in sorted(spans, key=lambda span: span[0] - span[1]):
        if not all(covered[start:end]):
            found += 1
            covered[start:end] = b"\1" * (end - start)
    return found >= MIN_TEASERS and sum(covered) >= TEASER_SHARE * len(body)


def _enclosing_block(element: HtmlElement) -> HtmlElement | None:
    for ancestor in element.iterancestors():
        if ancestor.tag in _TEASER_BLOCKS or ancestor.tag in _TEASER_CONTAINERS:
            return ancestor
    return None


def _teaser_container(
    block: HtmlElement, target: str, story_links: StoryLinks
) -> HtmlElement | None:
    """The largest small ancestor of a headline that links to no other story."""
    found = None
    for ancestor in block.iterancestors():
        if ancestor.tag in ("body", "main", "html") or len(ancestor.text_content()) > 600:
            break
        targets = {story_links.target(a.get("href") or "") for a in ancestor.iter("a")}
        if targets - {target, None}:
            break
        found = ancestor
    return found


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
