"""Page templates of the fixture outlets, one module per CMS look.

Every theme draws the same kinds of page (article, section front, home page, 404) from the same
page records, with the clutter real sites put around a story: menus, breadcrumbs, share bars,
cookie banners, newsletter boxes, comment forms, related and most-read teasers with their own
dates. Each theme also lists the clutter lines of an article page (`boilerplate`) so the
expectations are drawn from the very strings the template printed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from tests.fixtureweb.stories import Block, Story


@dataclass(frozen=True)
class Teaser:
    """A link to another story as a teaser list shows it: its own title, date and blurb."""

    title: str
    url: str
    published: datetime
    blurb: str


@dataclass(frozen=True)
class ArticlePage:
    url: str  # where the page is served
    canonical_url: str  # what its rel=canonical says (another outlet's URL for a syndicated copy)
    story: Story
    published: datetime  # in the outlet's own UTC offset, as its CMS prints it
    modified: datetime
    authors: tuple[str, ...]
    section: str
    section_url: str
    promo_urls: tuple[str, ...]  # where the story's inline promos link to, in order
    related: tuple[Teaser, ...]
    most_read: Teaser
    comments_open: bool = True
    amp_url: str | None = None  # the AMP twin the page advertises with rel=amphtml
    node_id: int = 0  # the CMS's own id (post-123, node/123, article.php?id=123)


@dataclass(frozen=True)
class SectionPage:
    url: str
    title: str
    teasers: tuple[Teaser, ...]
    most_read: Teaser


class Theme(Protocol):
    @property
    def name(self) -> str: ...

    def article(self, page: ArticlePage) -> str: ...

    def section(self, page: SectionPage) -> str: ...

    def not_found(self) -> str: ...

    def boilerplate(self, page: ArticlePage) -> tuple[str, ...]: ...


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def long_date(moment: datetime) -> str:
    """'June 26, 2025', as most English-language CMSs print a story's date."""
    return f"{moment:%B} {moment.day}, {moment.year}"


def byline_names(authors: tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(authors) <= 1:
        return "".join(authors)
    return f"{', '.join(authors[:-1])} and {authors[-1]}"


def story_blocks(
    blocks: Iterable[Block],
    promo_urls: tuple[str, ...],
    *,
    promo: str,
    figure: str,
    quote_class: str = "",
) -> str:
    """The story body as HTML, with consecutive quote paragraphs sharing one <blockquote>.

    `promo` and `figure` are format strings of the theme's own markup for inline promos
    ({label}, {headline}, {href}) and photos ({caption}).
    """
    out: list[str] = []
    urls = iter(promo_urls)
    quote: list[str] = []

    def close_quote() -> None:
        if quote:
            cls = f' class="{quote_class}"' if quote_class else ""
            out.append(f"<blockquote{cls}>{''.join(quote)}</blockquote>")
            quote.clear()

    for block in blocks:
        if block.kind != "quote":
            close_quote()
        if block.kind == "paragraph":
            out.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "heading":
            out.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "subheading":
            out.append(f"<h3>{esc(block.text)}</h3>")
        elif block.kind == "quote":
            quote.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "promo":
            label = f"{block.promo_label}: " if block.promo_label else ""
            out.append(
                promo.format(
                    label=esc(label), headline=esc(block.promo_headline), href=esc(next(urls))
                )
            )
        elif block.kind == "figure":
            out.append(figure.format(caption=esc(block.text)))
    close_quote()
    return "\n".join(out)


def promo_lines(story: Story) -> tuple[str, ...]:
    return tuple(block.text for block in story.promos)
