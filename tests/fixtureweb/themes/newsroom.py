# ruff: noqa: E501 - markup lines are kept whole, as the CMS emits them
"""A modern wire-service front end (React-rendered markup): the date only in JSON-LD NewsArticle.

No `article:published_time` meta and no machine-readable `<time>` in the article: the visible
date line is local time text ("April 28, 2022 1:12 AM GMT+8"), as on many wire sites.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tests.fixtureweb.themes import ArticlePage, SectionPage, Teaser, esc, long_date, story_blocks

MENU = ("World", "Asia Pacific", "Middle East", "Markets", "Sustainability", "Wire Pictures")
COOKIE_TEXT = (
    "We and our partners use cookies to improve your experience and measure audiences. "
    "Manage your choices in Cookie Settings."
)
NEWSLETTER_TEXT = "Subscribe to our mailing list to get the new updates!"
SHARE = ("Share on X", "Share on LinkedIn", "Copy link")
RELATED_HEADING = "You May Also Like"
MOST_READ_HEADING = "Popular Posts"
COMMENT_HEADING = "Join the conversation"
COMMENT_NOTE = "Comments are moderated and must follow our community guidelines."

# Inline promos here are bare headlines: a paragraph that is only a link to another story.
PROMO = '<p class="Paragraph_root"><a href="{href}">{label}{headline}</a></p>'
FIGURE = (
    '<figure class="Figure_root"><img src="/resizer/photo.jpg?width=1200" alt="" loading="lazy">'
    '<figcaption class="Figure_caption">{caption}</figcaption></figure>'
)


def _clock(moment: datetime) -> str:
    """'1:12 AM GMT+8', the wire's local-time stamp."""
    offset = moment.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 0
    return f"{moment:%I:%M %p}".lstrip("0") + f" GMT{hours:+d}"


def _json_ld(data: dict[str, Any]) -> str:
    # "</" would end the script element early.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


@dataclass(frozen=True)
class NewsroomTheme:
    name: str
    base_url: str

    @property
    def copyright(self) -> str:
        return f"© 2026 {self.name}"

    def boilerplate(self, page: ArticlePage) -> tuple[str, ...]:
        return (
            "Sustainability",
            "Wire Pictures",
            *SHARE,
            COOKIE_TEXT,
            NEWSLETTER_TEXT,
            RELATED_HEADING,
            MOST_READ_HEADING,
            *(teaser.title for teaser in page.related),
            page.most_read.title,
            page.most_read.blurb,
            COMMENT_HEADING,
            COMMENT_NOTE,
            self.copyright,
            *(promo.text for promo in page.story.promos),
        )

    def _head(self, title: str, extra: str) -> str:
        return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{esc(title)}</title>
<link rel="preload" href="/_next/static/media/source-serif.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>
<link rel="alternate" type="application/atom+xml" title="{esc(self.name)}" href="/feeds/latest.atom"/>
{extra}
<script src="/_next/static/chunks/main-8a1c2d.js" defer=""></script>
</head>"""

    def _chrome_top(self) -> str:
        items = "".join(
            f'<li class="Nav_item"><a href="/{esc(item.lower().replace(" ", "-"))}">{esc(item)}</a></li>'
            for item in MENU
        )
        return f"""<body><div id="__next">
<div class="CookieBanner_root" role="region" aria-label="Cookie banner"><p>{esc(COOKIE_TEXT)}</p>
<button type="button">Accept All</button><button type="button">Cookie Settings</button></div>
<header class="Header_root"><a class="Header_logo" href="/" aria-label="{esc(self.name)} home">{esc(self.name)}</a>
<nav aria-label="Main"><ul class="Nav_list">{items}</ul></nav>
<a class="Header_signin" href="/account/sign-in">Sign in</a></header>"""

    def _chrome_bottom(self, most_read: Teaser) -> str:
        return f"""<aside class="MostRead_root"><h2 class="MostRead_heading">{MOST_READ_HEADING}</h2>
<ol><li><a href="{esc(most_read.url)}"><span class="MostRead_title">{esc(most_read.title)}</span></a>
<time class="MostRead_date" dateTime="{most_read.published.isoformat()}">{long_date(most_read.published)}</time>
<p class="MostRead_blurb">{esc(most_read.blurb)}</p></li></ol></aside>
<section class="Newsletter_root"><h2>Newsletter</h2><p>{esc(NEWSLETTER_TEXT)}</p>
<form><input type="email" aria-label="Email" placeholder="you@example.com"/><button type="submit">Subscribe</button></form></section>
</main>
<footer class="Footer_root"><nav><a href="/about">About</a><a href="/terms">Terms of use</a><a href="/privacy">Privacy</a></nav>
<p class="Footer_copyright">{esc(self.copyright)}. All rights reserved.</p></footer>
</div></body></html>
"""

    def _article_json_ld(self, page: ArticlePage) -> str:
        story = page.story
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "@id": f"{page.canonical_url}#article",
                    "mainEntityOfPage": page.canonical_url,
                    "headline": story.title,
                    "description": story.lead,
                    "datePublished": page.published.isoformat(),
                    "dateModified": page.modified.isoformat(),
                    "articleSection": page.section,
                    "keywords": list(story.tags),
                    "inLanguage": "en",
                    "author": [
                        {
                            "@type": "Person",
                            "name": name,
                            "url": f"{self.base_url}/authors/{'-'.join(name.lower().split())}",
                        }
                        for name in page.authors
                    ],
                    "publisher": {
                        "@type": "NewsMediaOrganization",
                        "name": self.name,
                        "logo": {"@type": "ImageObject", "url": f"{self.base_url}/logo.png"},
                    },
                    "image": [f"{self.base_url}/resizer/photo.jpg?width=1200"],
                },
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {
                            "@type": "ListItem",
                            "position": 1,
                            "name": "Home",
                            "item": f"{self.base_url}/",
                        },
                        {
                            "@type": "ListItem",
                            "position": 2,
                            "name": page.section,
                            "item": page.section_url,
                        },
                    ],
                },
            ],
        }
        return _json_ld(graph)

    def article(self, page: ArticlePage) -> str:
        story = page.story
        head = self._head(
            f"{story.title} | {self.name}",
            f"""<meta name="description" content="{esc(story.lead)}"/>
<link rel="canonical" href="{esc(page.canonical_url)}"/>
<meta property="og:type" content="article"/>
<meta property="og:title" content="{esc(story.title)}"/>
<meta property="og:description" content="{esc(story.lead)}"/>
<meta property="og:url" content="{esc(page.canonical_url)}"/>
<meta property="og:site_name" content="{esc(self.name)}"/>
<meta name="twitter:card" content="summary_large_image"/>
<meta name="twitter:site" content="@meridianwire"/>
<script type="application/ld+json">{self._article_json_ld(page)}</script>""",
        )
        authors = ", ".join(
            f'<a class="Byline_author" href="/authors/{esc("-".join(n.lower().split()))}">{esc(n)}</a>'
            for n in page.authors
        )
        share = "".join(
            f'<button type="button" class="ShareBar_button">{esc(label)}</button>'
            for label in SHARE
        )
        body = story_blocks(story.blocks, page.promo_urls, promo=PROMO, figure=FIGURE)
        # React renders every paragraph with the same class; keep that look.
        body = body.replace("<p>", '<p class="Paragraph_root">')
        related = "".join(
            f"""<li class="Related_item"><a href="{esc(t.url)}"><h3 class="Related_title">{esc(t.title)}</h3></a>
<time class="Related_date" dateTime="{t.published.isoformat()}">{long_date(t.published)}</time></li>"""
            for t in page.related
        )
        stamp = f"{long_date(page.published)} {_clock(page.published)}"
        return f"""{head}
{self._chrome_top()}
<main id="main-content">
<nav aria-label="Breadcrumb" class="Breadcrumbs_root"><ol><li><a href="/">Home</a></li><li><a href="{esc(page.section_url)}">{esc(page.section)}</a></li></ol></nav>
<article class="Article_root">
<header class="ArticleHeader_root"><h1 class="ArticleHeader_headline" data-testid="Heading">{esc(story.title)}</h1>
<div class="Byline_root">By {authors}</div>
<div class="ArticleHeader_date"><span>{stamp}</span></div>
<div class="ShareBar_root">{share}</div></header>
<div class="ArticleBody_root" data-testid="ArticleBody">
{body}
</div>
</article>
<section class="Comments_root"><h2>{COMMENT_HEADING}</h2><p>{COMMENT_NOTE}</p>
<form><label for="comment-body">Your comment</label><textarea id="comment-body"></textarea><button type="submit">Post</button></form></section>
<section class="Related_root"><h2 class="Related_heading">{RELATED_HEADING}</h2><ul>{related}</ul></section>
{self._chrome_bottom(page.most_read)}"""

    def section(self, page: SectionPage) -> str:
        teasers = "".join(
            f"""<li class="StoryCard_root"><a href="{esc(t.url)}"><h3>{esc(t.title)}</h3></a>
<p>{esc(t.blurb)}</p><span>{long_date(t.published)}</span></li>"""
            for t in page.teasers
        )
        head = self._head(
            f"{page.title} | {self.name}", f'<link rel="canonical" href="{esc(page.url)}"/>'
        )
        return f"""{head}
{self._chrome_top()}
<main id="main-content"><h1 class="Section_title">{esc(page.title)}</h1>
<ul class="Section_list">{teasers}</ul>
{self._chrome_bottom(page.most_read)}"""

    def not_found(self) -> str:
        return f"""{self._head(f"Page not found | {self.name}", "")}
<body><div id="__next"><main><h1>404</h1><p>Sorry, we couldn't find the page you were looking for.</p>
<a href="/">Go to the home page</a></main></div></body></html>
"""
