"""A fixture outlet whose pages are empty shells filled in by JavaScript.

Like single-page ministry and broadcaster sites: /news/ serves a page with an empty list and a
script that fetches /api/news.json and draws the list items (links, dates); each article page
fetches its own JSON (title, date, paragraphs) and draws the headline, a <time> element and the
body. Fetched without a browser, every page is an empty shell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tests.fixtureweb.ministry import registry_entry
from tests.fixtureweb.server import OriginServer, Resource
from tests.fixtureweb.stories import Story, load_story

HTML = "text/html; charset=utf-8"
JSON = "application/json"
BUILT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

ARTICLES = (
    ("/news/2026/03/11/defence-minister-receives-visiting-delegation", "raisi_wei_tehran",
     datetime(2026, 3, 11, 6, 30, tzinfo=UTC)),
    ("/news/2026/03/09/navy-concludes-joint-exercise", "naval_drill_gulf_of_oman",
     datetime(2026, 3, 9, 14, 0, tzinfo=UTC)),
)  # fmt: skip

SHELL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
</head><body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main id="app"><p class="loading">Loading...</p></main>
<footer><a href="/about">About</a></footer>
<script>{script}</script></body></html>"""

LIST_SCRIPT = """
fetch('/api/news.json').then(r => r.json()).then(items => {
  const list = document.createElement('ul');
  list.className = 'news-list';
  for (const item of items) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = item.path;
    a.textContent = item.title;
    const day = document.createElement('span');
    day.className = 'date';
    day.textContent = item.day;
    li.append(a, ' ', day);
    list.append(li);
  }
  document.getElementById('app').replaceChildren(list);
});
"""

ARTICLE_SCRIPT = """
fetch('/api' + location.pathname + '.json').then(r => r.json()).then(story => {
  const article = document.createElement('article');
  const h1 = document.createElement('h1');
  h1.textContent = story.title;
  const time = document.createElement('time');
  time.setAttribute('datetime', story.published);
  time.textContent = story.day;
  article.append(h1, time);
  for (const text of story.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.title = story.title;
  document.getElementById('app').replaceChildren(article);
});
"""


@dataclass(frozen=True)
class ScriptedArticle:
    """One article as a crawl through the browser must store it."""

    url: str
    story: Story  # what the page's script draws
    published: datetime


@dataclass
class ScriptedSite:
    """The scripted outlet's routes and articles."""

    base_url: str
    routes: dict[str, Resource] = field(default_factory=dict)
    articles: list[ScriptedArticle] = field(default_factory=list)

    @property
    def news_url(self) -> str:
        return self.base_url + "/news/"

    def registry_entry(self) -> str:
        return registry_entry(
            "scripted",
            "Scripted Ministry (fixture)",
            self.base_url,
            'render = "browser"',
            f'listing_pages = ["{self.news_url}"]',
        )


def build_scripted(server: OriginServer) -> ScriptedSite:
    site = ScriptedSite(server.base_url)
    listing = []
    for path, key, published in ARTICLES:
        story = load_story(key)
        day = f"{published.day} {published:%B} {published.year}"
        listing.append({"path": path, "title": story.title, "day": day})
        document = {
            "title": story.title,
            "published": published.isoformat(),
            "day": day,
            "paragraphs": list(story.paragraphs),
        }
        site.routes[f"/api{path}.json"] = Resource.text(json.dumps(document), JSON)
        site.routes[path] = Resource.text(
            SHELL.format(title="News", script=ARTICLE_SCRIPT), HTML, last_modified=BUILT
        )
        site.articles.append(ScriptedArticle(site.base_url + path, story, published))
    site.routes["/news/"] = Resource.text(
        SHELL.format(title="News", script=LIST_SCRIPT), HTML, last_modified=BUILT
    )
    site.routes["/api/news.json"] = Resource.text(json.dumps(listing), JSON)
    site.routes["/robots.txt"] = Resource.text("User-agent: *\nAllow: /\n", "text/plain")
    server.serve(site.routes)
    return site
