"""HTML in, article record out: the one entry point the crawler calls, in a worker process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsarchive.extract.access import is_paywalled
from newsarchive.extract.authors import find_authors
from newsarchive.extract.body import PageFacts, extract_body, link_labels
from newsarchive.extract.boilerplate import prune_boilerplate
from newsarchive.extract.credits import find_wire_source, page_credits
from newsarchive.extract.dates import (
    DateFinding,
    find_modified,
    find_published,
    guess_from_markup,
    guess_published,
    published_date,
)
from newsarchive.extract.decoding import decode_html
from newsarchive.extract.fingerprint import content_hash, simhash
from newsarchive.extract.hints import hinted_date, hinted_title, narrow_body
from newsarchive.extract.language import detect_language
from newsarchive.extract.page import Page, parse_page
from newsarchive.extract.pagekind import (
    MIN_WORDS_STORY_ADDRESS,
    MIN_WORDS_UNMARKED,
    challenge_evidence,
    declares_article,
    declares_listing,
    is_blog_index,
    is_date_title,
    is_home_page,
    is_section_address,
    is_story_address,
    is_teaser_list,
    listing_address,
    marks_a_post,
    section_front_evidence,
    teaser_texts,
    text_size,
)
from newsarchive.extract.quality import quality_flags
from newsarchive.extract.record import ArticleRecord, Evidence, NotArticle, OutletFacts
from newsarchive.extract.repair import repair_mojibake
from newsarchive.extract.sniff import binary_kind
from newsarchive.extract.title import find_title, site_names_of


@dataclass(frozen=True)
class Reading:
    """A record with the date finding behind it (the date as the page wrote it, with its offset)."""

    record: ArticleRecord
    published: DateFinding | None


def extract_article(
    html: str | bytes,
    url: str,
    evidence: Evidence | None = None,
    *,
    now: datetime | None = None,
    outlet: OutletFacts | None = None,
) -> ArticleRecord | NotArticle:
    """The article on a page, or why the page is not one; never raises.

    `now` is when the page was fetched: dates later than it (plus a day) are not publication
    dates. Extraction never reads the clock, so the same input and `now` give the same output.
    Bytes are decoded as `decode_html` does without an HTTP charset; callers that have the
    response headers should decode first. An unexpected failure inside the extractor is a
    `NotArticle("extraction_error")` with the exception as detail: one strange page must not
    take down the worker that holds a batch of good ones. `outlet` is what the registry says
    about the page's outlet (its name, cut from titles).
    """
    reading = read_article(html, url, evidence, now=now, outlet=outlet)
    return reading.record if isinstance(reading, Reading) else reading


def read_article(
    html: str | bytes,
    url: str,
    evidence: Evidence | None = None,
    *,
    now: datetime | None = None,
    outlet: OutletFacts | None = None,
) -> Reading | NotArticle:
    """`extract_article`, keeping how the date was found (benchmarks score the page's own day)."""
    try:
        return _read(html, url, evidence, now, outlet or OutletFacts())
    except Exception as exc:  # the contract is "never raises": the reason is kept instead
        return NotArticle("extraction_error", f"{type(exc).__name__}: {exc}")


def _read(
    html: str | bytes,
    url: str,
    evidence: Evidence | None,
    now: datetime | None,
    outlet: OutletFacts,
) -> Reading | NotArticle:
    if isinstance(html, bytes):
        kind = binary_kind(html)
        if kind is not None:
            return NotArticle("binary", f"{kind}, {len(html)} bytes")
        html = decode_html(html, None).text
    page = parse_page(html, url)
    if page is None:
        return NotArticle("unparsable", "no HTML document in the body")
    challenge = challenge_evidence(page, html)
    if challenge is not None:
        return NotArticle("bot_challenge", challenge)

    # Everything the page says about itself is read before the tree is pruned for the body.
    names = site_names_of(page, outlet.name)
    hints = outlet.hints
    title = hinted_title(page.tree, hints) or find_title(
        page, evidence.title if evidence else None, outlet.name, site_names=names
    )
    authors = find_authors(page, names)
    published = (
        hinted_date(page.tree, hints, now)
        or find_published(page, evidence, now, outlet.timezone)
        or guess_from_markup(page.tree, url, now)
    )
    modified_at = find_modified(page, now)
    teasers = teaser_texts(page, title)
    labels = link_labels(page.tree)
    markers = marks_a_post(page)
    home = is_home_page(page)
    section = section_front_evidence(page)
    listing = listing_address(page) or ("a blog's index of posts" if is_blog_index(page) else None)
    credits = page_credits(page)
    paywalled = is_paywalled(page)

    narrow_body(page.tree, hints)
    prune_boilerplate(page.tree, url)
    lines = extract_body(page.tree, url, PageFacts(title, authors, labels, _lead(page)))
    text, repaired = repair_mojibake("\n".join(lines))
    title, title_repaired = repair_mojibake(title)
    word_count = len(text.split())
    if word_count == 0:
        return NotArticle("no_body", "no body text left after removing boilerplate")
    if declares_listing(page):
        return NotArticle("section_front", "a listing schema type and no article markup")
    if home:
        return NotArticle("section_front", "the site's home page: headline links, no markup")
    if is_teaser_list(lines, teasers):
        return NotArticle("teaser_list", f"the body is a list of teasers ({len(lines)} lines)")
    if listing is not None:
        return NotArticle("section_front", f"the address of a listing: {listing}")
    if section is not None:
        return NotArticle("section_front", section)
    size = text_size(text)
    # A date written under the headline is a story's byline: a short post, not a hub.
    dated = published is not None and published.source == "byline" and not is_date_title(title)
    # A short item at a story's address (a slug and an id) is one of the outlet's stories.
    story = size >= MIN_WORDS_STORY_ADDRESS and is_story_address(url)
    if size < MIN_WORDS_UNMARKED and not markers and not dated and not story:
        return NotArticle(
            "too_short",
            f"{size} words (< {MIN_WORDS_UNMARKED}) and no article, post or byline marks",
        )
    # og:type=article alone does not keep a page this short at a section's address.
    if (
        size < MIN_WORDS_STORY_ADDRESS
        and not dated
        and is_section_address(url)
        and not declares_article(page)
    ):
        return NotArticle(
            "too_short",
            f"{size} words (< {MIN_WORDS_STORY_ADDRESS}) at a section's address, no"
            " Article or publication time declared",
        )
    if published is None:
        published = guess_published(page.tree, url, now)

    stated = published_date(published, outlet.timezone) if published else None
    published_at = stated.at if stated else None
    language = detect_language(text)
    record = ArticleRecord(
        url=url,
        canonical_url=page.canonical_url,
        title=title,
        text=text,
        lead=_lead(page),
        authors=authors,
        published_at=published_at,
        published_source=published.source if published else None,
        modified_at=modified_at,
        language=language,
        section=_section(page),
        tags=_tags(page),
        word_count=word_count,
        content_hash=content_hash(text),
        simhash=simhash(text),
        quality_flags=quality_flags(text, size, published_at, language, repaired or title_repaired),
        wire_source=find_wire_source(text, credits),
        is_paywalled=paywalled,
        published_offset=stated.offset if stated else None,
        published_precision=stated.precision if stated else None,
        published_on=stated.on if stated else None,
    )
    return Reading(record, published)


def _lead(page: Page) -> str | None:
    article = page.article_object or {}
    description = article.get("description")
    for value in (
        page.meta_first("og:description"),
        page.meta_first("description"),
        page.meta_first("twitter:description"),
        description if isinstance(description, str) else None,
    ):
        if value and value.strip():
            return " ".join(value.split())
    return None


def _section(page: Page) -> str | None:
    value: Any = (page.article_object or {}).get("articleSection")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return page.meta_first("article:section")


def _tags(page: Page) -> tuple[str, ...]:
    raw: list[str] = [t for t in page.meta.get("article:tag", ()) if t.strip()]
    if not raw:
        keywords: Any = (page.article_object or {}).get("keywords")
        if isinstance(keywords, str):
            raw = keywords.split(",")
        elif isinstance(keywords, list):
            raw = [k for k in keywords if isinstance(k, str)]
    if not raw:
        raw = (page.meta_first("news_keywords") or "").split(",")
    seen: dict[str, str] = {}
    for tag in raw:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())
