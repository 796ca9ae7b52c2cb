"""A fixture ministry site: no feed, no sitemap, only a paginated HTML index of press releases.

Shaped like real defence and foreign ministry sites: a header menu and a footer full of links
(about, contact, language switch, a "most read" sidebar pointing at an old release), the index
at /en/press/index.html listing releases by relative links (`./202603/t20260312_4021.html`, as
Chinese government CMSs write them) with the date printed in each list item ("12 March 2026"),
and a "Next ›" link to /en/press/index_2.html with older releases. Release pages carry no
machine-readable date: the list item's date is the only one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from tests.fixtureweb.server import OriginServer, Resource
from tests.fixtureweb.stories import load_story
from tests.fixtureweb.themes import esc

HTML = "text/html; charset=utf-8"
BUILT = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)
INDEX = "/en/press/index.html"
PAGE_2 = "/en/press/index_2.html"

#: (path under /en/press/, story, day listed): page 1 holds the first three, page 2 the rest.
RELEASES = (
    ("202603/t20260312_4021.html", "nasirzadeh_qingdao", datetime(2026, 3, 12, tzinfo=UTC)),
    ("202603/t20260310_4019.html", "raisi_wei_tehran", datetime(2026, 3, 10, tzinfo=UTC)),
    ("202603/t20260306_4011.html", "naval_drill_gulf_of_oman", datetime(2026, 3, 6, tzinfo=UTC)),
    ("202602/t20260227_3990.html", "china_iran_military_ties", datetime(2026, 2, 27, tzinfo=UTC)),
    ("202602/t20260219_3975.html", "saudi_iran_restore_ties", datetime(2026, 2, 19, tzinfo=UTC)),
)
ON_PAGE_1 = 3


@dataclass(frozen=True)
class Release:
    url: str
    title: str
    listed_on: datetime
    first_paragraph: str


@dataclass
class MinistrySite:
    """The ministry's pages, and what a crawl must (and must not) store."""

    base_url: str
    routes: dict[str, Resource] = field(default_factory=dict)
    releases: list[Release] = field(default_factory=list)
    navigation_urls: list[str] = field(default_factory=list)

    @property
    def index_url(self) -> str:
        return self.base_url + INDEX

    @property
    def page_2_url(self) -> str:
        return self.base_url + PAGE_2

    def registry_entry(self, *, depth: int) -> str:
        return registry_entry(
            "ministry",
            "Ministry of National Defense (fixture)",
            self.base_url,
            f'listing_pages = ["{self.index_url}"]',
            f"listing_depth = {depth}",
        )


def registry_entry(
    slug: str, name: str, base_url: str, *keys: str, language: str = "en", kind: str = "state_media"
) -> str:
    """An [[outlet]] table for a fixture site on 127.0.0.1 with its listing keys."""
    return "\n".join(
        [
            "[[outlet]]",
            f'slug = "{slug}"',
            f'name = "{name}"',
            f'domains = ["{base_url.removeprefix("http://")}"]',
            f'language = "{language}"',
            f'kind = "{kind}"',
            *keys,
            "allow_private_network = true",
            "",
        ]
    )


def _chrome(body: str, title: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(title)} - Ministry of National Defense</title></head><body>
<header class="top"><a href="/en/"><img src="/logo.png" alt="Ministry of National Defense"></a>
<nav class="main-menu"><ul>
  <li><a href="/en/">Home</a></li><li><a href="/en/about/">About the Ministry</a></li>
  <li><a href="{INDEX}">Press releases</a></li><li><a href="/en/contact.html">Contact</a></li>
  <li><a href="/zh/">中文</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/en/">Home</a> &gt; <a href="{INDEX}">Press releases</a></div>
{body}
<aside class="sidebar"><h3>Most read</h3><ul>
  <li><a href="/en/press/202501/t20250101_1001.html">Statement on the new year defence review</a>
  </li></ul></aside>
<footer><p>Copyright 2026 Ministry of National Defense</p>
<a href="/en/privacy.html">Privacy</a> <a href="/en/sitemap.html">Site map</a></footer>
</body></html>"""


def _index(releases: list[tuple[str, str, datetime]], next_page: str | None) -> str:
    items = "\n".join(
        f'<li><a href="./{path}">{esc(load_story(story).title)}</a>'
        f'<span class="date">{day.day} {day:%B} {day.year}</span></li>'
        for path, story, day in releases
    )
    pager = f'<div class="pages"><a href="{next_page}">Next ›</a></div>' if next_page else ""
    body = f'<div class="content"><h1>Press Releases</h1><ul class="list">{items}</ul>{pager}</div>'
    return _chrome(body, "Press releases")


def _release(story_key: str) -> str:
    story = load_story(story_key)
    paragraphs = "\n".join(f"<p>{esc(text)}</p>" for text in story.paragraphs)
    body = f'<div class="content"><h1>{esc(story.title)}</h1>\n{paragraphs}\n</div>'
    return _chrome(body, story.title)


def build_ministry(server: OriginServer) -> MinistrySite:
    """Install the ministry's pages on `server` and say what a crawl must store."""
    site = MinistrySite(server.base_url)
    page_1 = list(RELEASES[:ON_PAGE_1])
    page_2 = list(RELEASES[ON_PAGE_1:])
    pages = {
        "/robots.txt": ("User-agent: *\nDisallow: /admin/\n", "text/plain; charset=utf-8"),
        INDEX: (_index(page_1, "index_2.html"), HTML),
        PAGE_2: (_index(page_2, None), HTML),
    }
    for path, story_key, day in RELEASES:
        pages[f"/en/press/{path}"] = (_release(story_key), HTML)
        story = load_story(story_key)
        site.releases.append(
            Release(site.base_url + f"/en/press/{path}", story.title, day, story.paragraphs[0])
        )
    for path, (text, content_type) in pages.items():
        site.routes[path] = Resource.text(text, content_type, last_modified=BUILT)
    site.navigation_urls = [
        site.base_url + path
        for path in (
            "/en/",
            "/en/about/",
            "/en/contact.html",
            "/zh/",
            "/en/privacy.html",
            "/en/sitemap.html",
            "/en/press/202501/t20250101_1001.html",
        )
    ]
    server.serve(site.routes)
    return site
