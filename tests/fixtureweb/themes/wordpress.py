# ruff: noqa: E501 - markup lines are kept whole, as the CMS emits them
"""A WordPress newspaper theme: date in `article:published_time`, AMP twins, Yoast-style clutter."""

from __future__ import annotations

from dataclasses import dataclass

from tests.fixtureweb.themes import (
    ArticlePage,
    SectionPage,
    Teaser,
    byline_names,
    esc,
    long_date,
    promo_lines,
    story_blocks,
)

MENU = ("UK News", "World", "Defence & Security", "Opinion", "Podcasts", "Crosswords")
COOKIE_TEXT = "We use cookies to personalise content and ads, and to analyse our traffic."
NEWSLETTER_TEXT = "Get the Morning Briefing in your inbox every weekday at 6am."
SHARE = ("Share on Facebook", "Share on WhatsApp", "Email this article")
RELATED_HEADING = "You may also like"
MOST_READ_HEADING = "Most read"
COMMENTS_OPEN = (
    "Leave a Comment",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
)
COMMENTS_CLOSED = ("Comments are closed.",)

PROMO = '<p class="read-also"><strong>{label}<a href="{href}">{headline}</a></strong></p>'
FIGURE = (
    '<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="576"'
    ' src="/wp-content/uploads/photo.jpg" alt=""><figcaption class="wp-element-caption">'
    "{caption}</figcaption></figure>"
)


@dataclass(frozen=True)
class WordPressTheme:
    name: str
    tagline: str

    @property
    def copyright(self) -> str:
        return f"© 2026 {self.name}"

    def boilerplate(self, page: ArticlePage) -> tuple[str, ...]:
        comments = COMMENTS_OPEN if page.comments_open else COMMENTS_CLOSED
        return (
            "Defence & Security",
            "Podcasts",
            "Crosswords",
            f"Home » {page.section} »",
            *SHARE,
            COOKIE_TEXT,
            NEWSLETTER_TEXT,
            RELATED_HEADING,
            *(teaser.title for teaser in page.related),
            MOST_READ_HEADING,
            page.most_read.title,
            *comments,
            self.copyright,
            *promo_lines(page.story),
        )

    def _head(self, title: str, extra: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{extra}
<link rel="alternate" type="application/rss+xml" title="{esc(self.name)} &raquo; Feed" href="/feed/">
<link rel="stylesheet" id="harbour-style-css" href="/wp-content/themes/harbour/style.css?ver=6.5.2" media="all">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>"""

    def _masthead(self) -> str:
        items = "\n".join(
            f'<li class="menu-item menu-item-type-taxonomy"><a href="/category/{i}/">{esc(item)}</a></li>'
            for i, item in enumerate(MENU)
        )
        return f"""<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden">
<div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">{esc(COOKIE_TEXT)}</span>
<span class="cn-buttons-container"><a href="#" id="cn-accept-cookie" class="cn-set-cookie cn-button">Accept all</a></span></div>
</div>
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">{esc(self.name)}</a></p>
<p class="site-description">{esc(self.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<ul id="primary-menu" class="menu">
{items}
</ul></nav>
</header>"""

    def _sidebar(self, most_read: Teaser) -> str:
        return f"""<aside id="secondary" class="widget-area">
<section id="newsletter-2" class="widget widget_newsletter"><h2 class="widget-title">Newsletter</h2>
<p>{esc(NEWSLETTER_TEXT)}</p>
<form class="newsletter-form" method="post" action="/newsletter/"><input type="email" name="email" placeholder="Your email address"><button type="submit">Sign up</button></form>
</section>
<section id="popular-posts-2" class="widget popular-posts"><h2 class="widget-title">{MOST_READ_HEADING}</h2>
<ul><li><a href="{esc(most_read.url)}">{esc(most_read.title)}</a>
<span class="wpp-date"><time datetime="{most_read.published.isoformat()}">{long_date(most_read.published)}</time></span></li></ul>
</section>
</aside>"""

    def _footer(self) -> str:
        return f"""<footer id="colophon" class="site-footer">
<nav class="footer-navigation"><a href="/about/">About us</a> <a href="/privacy-policy/">Privacy policy</a> <a href="/contact/">Contact</a></nav>
<div class="site-info">{esc(self.copyright)}. All rights reserved.</div>
</footer>
</div>
<script src="/wp-content/themes/harbour/js/navigation.js?ver=1.0.4" id="harbour-navigation-js"></script>
</body>
</html>
"""

    def article(self, page: ArticlePage) -> str:
        story = page.story
        amp = f'<link rel="amphtml" href="{esc(page.amp_url)}">' if page.amp_url else ""
        tags = "\n".join(
            f'<meta property="article:tag" content="{esc(tag)}">' for tag in story.tags
        )
        head = self._head(
            f"{story.title} – {self.name}",
            f"""<meta name="description" content="{esc(story.lead)}">
<link rel="canonical" href="{esc(page.canonical_url)}">
{amp}
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:description" content="{esc(story.lead)}">
<meta property="og:url" content="{esc(page.url)}">
<meta property="og:site_name" content="{esc(self.name)}">
<meta property="article:section" content="{esc(page.section)}">
{tags}
<meta property="article:published_time" content="{page.published.isoformat()}">
<meta property="article:modified_time" content="{page.modified.isoformat()}">
<meta name="author" content="{esc(byline_names(page.authors))}">""",
        )
        authors = " and ".join(
            f'<span class="author vcard"><a class="url fn n" href="/author/{esc(_slug(name))}/">'
            f"{esc(name)}</a></span>"
            for name in page.authors
        )
        share = "".join(
            f'<a class="share-link" href="#" rel="nofollow">{esc(label)}</a>' for label in SHARE
        )
        body = story_blocks(
            story.blocks, page.promo_urls, promo=PROMO, figure=FIGURE, quote_class="wp-block-quote"
        )
        related = "\n".join(
            f"""<article class="related-post"><h4 class="related-post-title"><a href="{esc(t.url)}">{esc(t.title)}</a></h4>
<time class="entry-date published" datetime="{t.published.isoformat()}">{long_date(t.published)}</time></article>"""
            for t in page.related
        )
        if page.comments_open:
            comments = f"""<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">{COMMENTS_OPEN[0]}</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author" type="text"></p>
<p class="comment-form-email"><label for="email">Email *</label><input id="email" name="email" type="email"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
</form>
<p class="akismet_comment_form_privacy_notice">{esc(COMMENTS_OPEN[1])}</p>
</div>"""
        else:
            comments = f'<p class="no-comments">{COMMENTS_CLOSED[0]}</p>'
        return f"""{head}
<body class="post-template-default single single-post postid-{page.node_id} single-format-standard">
{self._masthead()}
<div id="content" class="site-content">
<main id="primary" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumbs"><span><a href="/">Home</a> » <a href="{esc(page.section_url)}">{esc(page.section)}</a> » <span class="breadcrumb_last" aria-current="page">{esc(story.title)}</span></span></nav>
<article id="post-{page.node_id}" class="post-{page.node_id} post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header">
<h1 class="entry-title">{esc(story.title)}</h1>
<div class="entry-meta"><span class="byline">By {authors}</span>
<span class="posted-on">{long_date(page.published)}</span></div>
</header>
<div class="share-buttons">{share}</div>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="{esc(page.section_url)}" rel="category tag">{esc(page.section)}</a></span></footer>
</article>
<section class="related-posts"><h3 class="related-posts-title">{RELATED_HEADING}</h3>
{related}
</section>
<div id="comments" class="comments-area">
{comments}
</div>
</main>
{self._sidebar(page.most_read)}
</div>
{self._footer()}"""

    def amp_article(self, page: ArticlePage) -> str:
        """The AMP twin: same story, stripped-down chrome, rel=canonical to the regular page."""
        story = page.story
        body = story_blocks(
            story.blocks, page.promo_urls, promo=PROMO, figure="", quote_class="wp-block-quote"
        )
        return f"""<!doctype html>
<html amp lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<title>{esc(story.title)} – {esc(self.name)}</title>
<link rel="canonical" href="{esc(page.canonical_url)}">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<meta property="article:published_time" content="{page.published.isoformat()}">
</head>
<body>
<header class="amp-wp-header"><div><a href="/">{esc(self.name)}</a></div></header>
<article class="amp-wp-article">
<header class="amp-wp-article-header"><h1 class="amp-wp-title">{esc(story.title)}</h1>
<div class="amp-wp-meta amp-wp-byline">By {esc(byline_names(page.authors))}</div>
<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{page.published.isoformat()}">{long_date(page.published)}</time></div></header>
<div class="amp-wp-article-content">
{body}
</div>
</article>
<footer class="amp-wp-footer"><p>{esc(self.copyright)}</p><a href="{esc(page.canonical_url)}">View the full site</a></footer>
</body>
</html>
"""

    def section(self, page: SectionPage) -> str:
        teasers = "\n".join(
            f"""<article class="post type-post status-publish format-standard">
<header class="entry-header"><h2 class="entry-title"><a href="{esc(t.url)}" rel="bookmark">{esc(t.title)}</a></h2>
<div class="entry-meta"><time class="entry-date published" datetime="{t.published.isoformat()}">{long_date(t.published)}</time></div></header>
<div class="entry-summary"><p>{esc(t.blurb)} <a class="more-link" href="{esc(t.url)}">Continue reading</a></p></div>
</article>"""
            for t in page.teasers
        )
        return f"""{self._head(f"{page.title} Archives – {self.name}", f'<link rel="canonical" href="{esc(page.url)}">')}
<body class="archive category">
{self._masthead()}
<div id="content" class="site-content">
<main id="primary" class="site-main">
<header class="page-header"><h1 class="page-title">Category: <span>{esc(page.title)}</span></h1></header>
{teasers}
<nav class="navigation posts-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a href="{esc(page.url)}page/2/">Older posts</a></div></div></nav>
</main>
{self._sidebar(page.most_read)}
</div>
{self._footer()}"""

    def not_found(self) -> str:
        return f"""{self._head(f"Page not found – {self.name}", "")}
<body class="error404">
{self._masthead()}
<main id="primary" class="site-main"><section class="error-404 not-found">
<header class="page-header"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></header>
<div class="page-content"><p>It looks like nothing was found at this location. Maybe try a search?</p></div>
</section></main>
{self._footer()}"""


def _slug(name: str) -> str:
    return "-".join(name.lower().split())
