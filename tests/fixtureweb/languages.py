"""Fixture outlets writing in Persian, Arabic, Chinese and Russian, each shaped like its kind.

- fa_agency: a Persian news agency (right to left, `<html lang="fa" dir="rtl">`), RSS feed at
  /fa/rss, articles at /fa/news/<id>/<slug> with Persian navigation and Persian digits.
- ar_news: an Arabic news site (right to left) with JSON-LD, RSS at /ar/rss.xml, article URLs
  with percent-encoded Arabic slugs, as such sites write them.
- zh_ministry: a Chinese defence ministry: no feed, a press-release index at /xwfb/index.html
  with relative links and dates in the list items (listing_pages).
- ru_agency: a Russian news agency, Yandex-style RSS at /rss/v2.xml.

The texts are the stories fa_*, ar_*, zh_*, ru_* in stories/; every page is UTF-8.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import quote

from tests.fixtureweb.listings import Entry, plain_rss
from tests.fixtureweb.ministry import registry_entry
from tests.fixtureweb.server import OriginServer, Resource
from tests.fixtureweb.stories import Story, load_story
from tests.fixtureweb.themes import esc

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
BUILT = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
TEHRAN = timezone(timedelta(hours=3, minutes=30))
RIYADH = timezone(timedelta(hours=3))
BEIJING = timezone(timedelta(hours=8))
MOSCOW = timezone(timedelta(hours=3))


@dataclass(frozen=True)
class Site:
    """How one outlet writes its pages: language, direction and its own words for the chrome."""

    slug: str
    name: str
    language: str
    story: str
    path: str  # the article's path, as the outlet links it
    published: datetime  # in the outlet's own offset
    direction: str  # ltr | rtl
    menu: tuple[str, ...]  # navigation labels, in the outlet's language
    feed: str | None  # the feed's path, or None for a listing page (the ministry)
    listing: str | None = None


SITES = (
    Site(
        "fa_agency",
        "خبرگزاری آزمایشی",
        "fa",
        "fa_nasirzadeh_beijing",
        "/fa/news/85041234/وزیر-دفاع-ایران-در-پکن",
        datetime(2026, 3, 10, 14, 25, tzinfo=TEHRAN),
        "rtl",
        ("صفحه نخست", "سیاسی", "بین‌الملل", "دفاعی", "اقتصادی"),
        "/fa/rss",
    ),
    Site(
        "ar_news",
        "الموقع الإخباري التجريبي",
        "ar",
        "ar_saudi_iran_beijing",
        "/ar/news/2026/3/12/وزيرا-خارجية-السعودية-وإيران",
        datetime(2026, 3, 12, 9, 40, tzinfo=RIYADH),
        "rtl",
        ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رأي"),
        "/ar/rss.xml",
    ),
    Site(
        "zh_ministry",
        "国防部网（测试）",
        "zh",
        "zh_dong_jun_nasirzadeh",
        "/xwfb/202603/t20260312_4122.html",
        datetime(2026, 3, 12, 18, 30, tzinfo=BEIJING),
        "ltr",
        ("首页", "新闻发布", "国防动员", "军事外交", "图片"),
        None,
        "/xwfb/index.html",
    ),
    Site(
        "ru_agency",
        "Информационное агентство (тест)",
        "ru",
        "ru_maritime_belt_2026",
        "/armiya-i-opk/21345678",
        datetime(2026, 3, 11, 10, 15, tzinfo=MOSCOW),
        "ltr",
        ("Главное", "Политика", "Армия и ОПК", "Международная панорама", "Экономика"),
        "/rss/v2.xml",
    ),
)


@dataclass(frozen=True)
class Published:
    """One article a crawl must store, with the text it must keep byte for byte."""

    site: Site
    url: str  # as stored: the path percent-encoded, as a browser would request it
    story: Story


@dataclass
class LanguageWeb:
    """The four outlets, their registry and what a crawl must store."""

    registry: str = ""
    articles: list[Published] = field(default_factory=list)


def _href(path: str) -> str:
    return quote(path, safe="/-_.")


def _article(site: Site, base_url: str, story: Story) -> str:
    url = base_url + _href(site.path)
    menu = "".join(f'<li><a href="/{site.language}/{n}/">{esc(label)}</a></li>'
                   for n, label in enumerate(site.menu))  # fmt: skip
    paragraphs = "\n".join(f"<p>{esc(text)}</p>" for text in story.paragraphs)
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "datePublished": site.published.isoformat(),
            "inLanguage": site.language,
            "publisher": {"@type": "Organization", "name": site.name},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="{site.language}" dir="{site.direction}"><head><meta charset="utf-8">
<title>{esc(story.title)} | {esc(site.name)}</title>
<meta name="description" content="{esc(story.lead)}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="article:published_time" content="{site.published.isoformat()}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json_ld}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">{esc(site.name)}</a>
<nav><ul>{menu}</ul></nav></header>
<main><article>
<h1>{esc(story.title)}</h1>
<time datetime="{site.published.isoformat()}">{site.published:%Y-%m-%d %H:%M}</time>
<div class="article-body">
{paragraphs}
</div>
<ul class="tags">{"".join(f"<li>{esc(tag)}</li>" for tag in story.tags)}</ul>
</article></main>
<footer><p>© 2026 {esc(site.name)}</p></footer>
</body></html>"""


def _index(site: Site, story: Story) -> str:
    """A Chinese government CMS's press-release index: relative links, a date per item."""
    link = "./" + site.path.rsplit("/xwfb/", 1)[1]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>新闻发布 - {esc(site.name)}</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/xwfb/index.html">新闻发布</a>
<a href="/en/">English</a></div>
<div class="list"><ul>
<li><a href="{link}" target="_blank">{esc(story.title)}</a>
<span>{site.published:%Y-%m-%d}</span></li>
</ul></div>
<div class="footer">版权所有 {esc(site.name)}</div></body></html>"""


def build_language_web(servers: dict[str, OriginServer]) -> LanguageWeb:
    """Install the four outlets on their servers (keyed by slug) and say what must be stored."""
    web = LanguageWeb()
    entries = []
    for site in SITES:
        server = servers[site.slug]
        story = load_story(site.story)
        url = server.base_url + _href(site.path)
        pages = {
            "/robots.txt": Resource.text("User-agent: *\nAllow: /\n", "text/plain"),
            _href(site.path): Resource.text(_article(site, server.base_url, story), HTML),
        }
        if site.feed is not None:
            entry = Entry(url, story.title, site.published, site.published, summary=story.lead)
            feed = plain_rss(
                site_name=site.name, base_url=server.base_url, description="", entries=[entry]
            ).replace("<language>en-us</language>", f"<language>{site.language}</language>")
            pages[site.feed] = Resource.text(feed, RSS, last_modified=BUILT)
            keys = [f'feeds = ["{server.base_url}{site.feed}"]']
        else:
            assert site.listing is not None
            pages[site.listing] = Resource.text(_index(site, story), HTML, last_modified=BUILT)
            keys = [f'listing_pages = ["{server.base_url}{site.listing}"]']
        server.serve(pages)
        kind = "government" if site.feed is None else "state_media"
        entries.append(
            registry_entry(
                site.slug, site.name, server.base_url, *keys, language=site.language, kind=kind
            )
        )
        web.articles.append(Published(site, url, story))
    web.registry = "\n".join(entries)
    return web
