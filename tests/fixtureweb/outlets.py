"""The fixture outlets: which stories each publishes where, and what a crawl of them must store.

Four outlets, each its own origin and CMS look:

- harbour_post (WordPress newspaper): RSS at /feed/, a Yoast sitemap index with a post sitemap
  and a category sitemap (which lists a section front); the NATO story is listed with tracking
  parameters in the feed and as its AMP twin in the post sitemap; it republishes a wire story
  with rel=canonical pointing at the wire's own page.
- meridian_wire (wire service, JSON-LD): Atom feed and Google News sitemap.
- gulf_courier (Drupal specialist site, <time> in the article): RSS with an embargoed story
  under /private/, which its robots.txt disallows; a plain sitemap that lists a section front.
- strategy_digest (old table-layout site): only an RSS feed, articles at /article.php?id=N,
  no machine-readable date on its pages (the feed's pubDate is the only exact date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from tests.fixtureweb.listings import (
    Entry,
    atom_feed,
    drupal_rss,
    news_sitemap,
    plain_rss,
    robots_txt,
    sitemap_index,
    url_sitemap,
    wordpress_rss,
)
from tests.fixtureweb.server import Resource
from tests.fixtureweb.stories import load_story
from tests.fixtureweb.themes import ArticlePage, SectionPage, Teaser, Theme
from tests.fixtureweb.themes.drupal import DrupalTheme
from tests.fixtureweb.themes.newsroom import NewsroomTheme
from tests.fixtureweb.themes.tables import TablesTheme
from tests.fixtureweb.themes.wordpress import WordPressTheme

LONDON_WINTER = UTC
LONDON_SUMMER = timezone(timedelta(hours=1))
SINGAPORE = timezone(timedelta(hours=8))
DOHA = timezone(timedelta(hours=3))
NEW_YORK_SUMMER = timezone(timedelta(hours=-4))

#: When robots.txt and other never-edited files were last changed.
SITE_BUILT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

YOAST_XML = "text/xml; charset=UTF-8"
ROBOTS = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class ExpectedArticle:
    """One row the archive must hold after crawling the fixture web."""

    outlet: str  # slug
    url: str  # the clean canonical URL that must be stored (http://127.0.0.1:PORT/...)
    title: str  # without the site name
    published_at: datetime  # aware UTC
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]  # the story's paragraphs and subheadings, in order
    boilerplate: tuple[str, ...]  # text of this page's template that must not be in the body


@dataclass(frozen=True)
class Publication:
    """A story as one outlet published it."""

    story: str  # file name in stories/, without .toml
    path: str
    published: datetime  # in the outlet's own offset
    authors: tuple[str, ...]
    section: str
    node_id: int
    updated_after: timedelta = timedelta(0)
    comments_open: bool = True

    @property
    def modified(self) -> datetime:
        return self.published + self.updated_after


@dataclass
class OutletSite:
    """Everything one outlet serves, its registry entry, and what crawling it must produce."""

    slug: str
    name: str
    base_url: str
    country: str
    kind: str
    theme: Theme
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    routes: dict[str, Resource] = field(default_factory=dict)
    expected: list[ExpectedArticle] = field(default_factory=list)
    non_article_urls: list[str] = field(default_factory=list)
    twin_urls: list[str] = field(default_factory=list)
    disallowed_urls: list[str] = field(default_factory=list)
    syndicated_copies: dict[str, str] = field(default_factory=dict)  # copy URL -> canonical URL
    section_path: str = "/section/{section}"  # the CMS's URL scheme for section fronts
    html_type: str = "text/html; charset=utf-8"
    extra_headers: tuple[tuple[str, str], ...] = ()

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    @property
    def not_found(self) -> Resource:
        return Resource.text(self.theme.not_found(), self.html_type, status=404)

    def serve(self, path: str, text: str, content_type: str, last_modified: datetime) -> None:
        self.routes[path] = Resource.text(
            text,
            content_type,
            last_modified=last_modified.astimezone(UTC),
            headers=(("Cache-Control", "max-age=300, must-revalidate"), *self.extra_headers),
        )

    def serve_page(self, path: str, html: str, last_modified: datetime) -> None:
        self.serve(path, html, self.html_type, last_modified)

    def publish(
        self,
        pub: Publication,
        *,
        related: Sequence[Teaser],
        most_read: Teaser,
        promo_paths: Sequence[str] = (),
        canonical_url: str | None = None,
        amp_path: str | None = None,
        expected: bool = True,
    ) -> ArticlePage:
        """Serve the article page and, unless told otherwise, expect it in the archive."""
        story = load_story(pub.story)
        page = ArticlePage(
            url=self.url(pub.path),
            canonical_url=canonical_url or self.url(pub.path),
            story=story,
            published=pub.published,
            modified=pub.modified,
            authors=pub.authors,
            section=pub.section,
            section_url=self.url(
                self.section_path.format(section=re.sub(r"\W+", "-", pub.section.lower()))
            ),
            promo_urls=tuple(self.url(path) for path in promo_paths),
            related=tuple(related),
            most_read=most_read,
            comments_open=pub.comments_open,
            amp_url=self.url(amp_path) if amp_path else None,
            node_id=pub.node_id,
        )
        self.serve_page(pub.path, self.theme.article(page), pub.modified)
        if expected:
            self.expected.append(
                ExpectedArticle(
                    outlet=self.slug,
                    url=page.url,
                    title=story.title,
                    published_at=pub.published.astimezone(UTC),
                    authors=pub.authors,
                    paragraphs=story.paragraphs,
                    boilerplate=self.theme.boilerplate(page),
                )
            )
        if canonical_url is not None and canonical_url != page.url:
            self.syndicated_copies[page.url] = canonical_url
        return page

    def entry(self, pub: Publication, *, url: str | None = None, guid: str = "") -> Entry:
        story = load_story(pub.story)
        return Entry(
            url=url or self.url(pub.path),
            title=story.title,
            published=pub.published,
            modified=pub.modified,
            authors=pub.authors,
            summary=story.lead,
            guid=guid or self.url(pub.path),
        )

    def teaser(self, pub: Publication) -> Teaser:
        story = load_story(pub.story)
        return Teaser(story.title, self.url(pub.path), pub.published, story.lead)


def _pool(site: OutletSite, rows: Sequence[tuple[str, str, datetime, str]]) -> list[Teaser]:
    """Teasers of other (newer) stories of the site: the related and most-read widgets' stock."""
    return [Teaser(title, site.url(path), when, blurb) for title, path, when, blurb in rows]


def _related(pool: Sequence[Teaser], index: int, count: int = 3) -> list[Teaser]:
    return [pool[(index + step) % len(pool)] for step in range(count)]


# --- meridian_wire: wire service, Singapore -----------------------------------------------------

WIRE_RAISI = Publication(
    "raisi_wei_tehran",
    "/middle-east/iran-seeks-to-expand-its-military-cooperation-with-china-2022-04-28/",
    datetime(2022, 4, 28, 1, 12, tzinfo=SINGAPORE),  # 27 April in UTC
    ("Mei Ling Tan",),
    "Middle East",
    220427,
    updated_after=timedelta(hours=2, minutes=28),
)
WIRE_DRILL = Publication(
    "naval_drill_gulf_of_oman",
    "/asia-pacific/china-iran-and-russia-begin-joint-naval-drill-in-gulf-of-oman-2024-03-12/",
    datetime(2024, 3, 12, 16, 20, tzinfo=SINGAPORE),
    ("Daniel Lim",),
    "Asia Pacific",
    240312,
)
WIRE_TANKS = Publication(
    "poland_k2_k9_delivery",
    "/europe/poland-takes-delivery-of-first-south-korean-k2-tanks-and-k9-howitzers-2022-12-06/",
    datetime(2022, 12, 6, 19, 5, 30, tzinfo=SINGAPORE),
    ("Arjun Menon",),
    "Europe",
    221206,
    updated_after=timedelta(minutes=55),
)


def meridian_wire(base_url: str, others: Mapping[str, OutletSite]) -> OutletSite:
    site = OutletSite(
        slug="meridian_wire",
        name="Meridian Wire",
        base_url=base_url,
        country="SG",
        kind="wire",
        theme=NewsroomTheme("Meridian Wire", base_url),
        section_path="/{section}",
        extra_headers=(("X-Frame-Options", "SAMEORIGIN"),),
    )
    pool = _pool(
        site,
        [
            (
                "Japan and the Philippines fly first joint air patrol over disputed waters",
                "/asia-pacific/japan-philippines-first-joint-air-patrol-2026-09-18/",
                datetime(2026, 9, 18, 14, 30, tzinfo=SINGAPORE),
                "Two Japanese fighters joined Philippine aircraft west of Luzon.",
            ),
            (
                "Australia signs contract for long-range strike missiles",
                "/asia-pacific/australia-signs-contract-long-range-strike-missiles-2026-10-05/",
                datetime(2026, 10, 5, 9, 10, tzinfo=SINGAPORE),
                "The deal covers production of missile parts in Australia from 2028.",
            ),
            (
                "India test-fires new hypersonic glide vehicle, ministry says",
                "/asia-pacific/india-test-fires-hypersonic-glide-vehicle-2026-10-27/",
                datetime(2026, 10, 27, 20, 45, tzinfo=SINGAPORE),
                "The launch from an island off the east coast was the third this year.",
            ),
        ],
    )
    # From seed 002's "Popular Posts" sidebar, with its own date.
    [most_read] = _pool(
        site,
        [
            (
                "NATO Secretary-General Rutte looks forward to sitting down with Trump",
                "/europe/nato-secretary-general-rutte-trump-2024-11-07/",
                datetime(2024, 11, 7, 18, 0, tzinfo=SINGAPORE),
                "Amid growing anxiety among several European countries participating in NATO "
                "over Donald Trump's victory in the U.S. presidential election, NATO "
                "Secretary-General Mark Rutte stated he looks forward to sitting down with Trump.",
            )
        ],
    )
    site.publish(
        WIRE_RAISI,
        related=_related(pool, 0),
        most_read=most_read,
        promo_paths=(
            "/world/white-house-worried-iran-could-develop-nuclear-weapon-in-weeks-2022-04-27/",
            "/middle-east/iran-imposes-sanctions-on-15-us-officials-2022-04-25/",
        ),
    )
    site.publish(WIRE_DRILL, related=_related(pool, 1), most_read=most_read)
    site.publish(WIRE_TANKS, related=_related(pool, 2), most_read=most_read)
    site.serve_page(
        "/",
        site.theme.section(
            SectionPage(site.url("/"), "Latest news", (*pool, most_read), most_read)
        ),
        pool[-1].published,
    )

    articles = [WIRE_DRILL, WIRE_TANKS, WIRE_RAISI]
    last = max(pub.modified for pub in articles)
    entries = [
        site.entry(pub, guid=f"tag:meridianwire.example,{pub.published:%Y-%m-%d}:{pub.node_id}")
        for pub in articles
    ]
    site.serve(
        "/feeds/latest.atom",
        atom_feed(
            site_name=site.name, base_url=base_url, path="/feeds/latest.atom", entries=entries
        ),
        "application/atom+xml; charset=utf-8",
        last,
    )
    site.serve(
        "/news-sitemap.xml",
        news_sitemap(publication=site.name, entries=entries),
        "application/xml; charset=utf-8",
        last,
    )
    site.serve(
        "/robots.txt",
        "User-agent: GPTBot\nDisallow: /\n\n"
        + robots_txt(["/search", "/account/"], [site.url("/news-sitemap.xml")]),
        ROBOTS,
        SITE_BUILT,
    )
    site.feeds.append(site.url("/feeds/latest.atom"))
    site.sitemaps.append(site.url("/news-sitemap.xml"))
    return site


# --- harbour_post: WordPress newspaper, London ------------------------------------------------


def harbour_post(base_url: str, others: Mapping[str, OutletSite]) -> OutletSite:
    theme = WordPressTheme("The Harbour Post", "News, analysis and comment since 1887")
    site = OutletSite(
        slug="harbour_post",
        name="The Harbour Post",
        base_url=base_url,
        country="GB",
        kind="newspaper",
        theme=theme,
        section_path="/category/{section}/",
        html_type="text/html; charset=UTF-8",
        extra_headers=(("Link", f'<{base_url}/wp-json/>; rel="https://api.w.org/"'),),
    )
    pool = _pool(
        site,
        [
            (
                "Royal Navy frigate shadows Russian task group through the Channel",
                "/2026/10/02/royal-navy-frigate-shadows-russian-task-group-through-the-channel/",
                datetime(2026, 10, 2, 9, 15, tzinfo=LONDON_SUMMER),
                "A Type 23 frigate escorted two corvettes and a tanker on their passage west.",
            ),
            (
                "Defence ministers meet in Brussels to speed up ammunition production",
                "/2026/10/14/defence-ministers-meet-in-brussels-to-speed-up-ammunition-production/",
                datetime(2026, 10, 14, 17, 40, tzinfo=LONDON_SUMMER),
                "Allies compare stockpiles as factories struggle to hire skilled workers.",
            ),
            (
                "Baltic states finish first phase of their border defence line",
                "/2026/10/20/baltic-states-finish-first-phase-of-their-border-defence-line/",
                datetime(2026, 10, 20, 8, 0, tzinfo=LONDON_SUMMER),
                "Bunkers and anti-tank ditches now run along parts of the eastern frontier.",
            ),
            (
                "Opinion: The quiet return of deterrence diplomacy",
                "/2026/11/01/opinion-the-quiet-return-of-deterrence-diplomacy/",
                datetime(2026, 11, 1, 7, 30, tzinfo=LONDON_WINTER),
                "Old habits of signalling are back, and so are the risks of misreading them.",
            ),
        ],
    )
    [most_read] = _pool(
        site,
        [
            (
                "Why shipping insurers are watching the Strait of Hormuz again",
                "/2026/11/12/why-shipping-insurers-are-watching-the-strait-of-hormuz-again/",
                datetime(2026, 11, 12, 6, 45, tzinfo=LONDON_WINTER),
                "Premiums for Gulf voyages have doubled in a month.",
            )
        ],
    )
    wire = others["meridian_wire"]

    qingdao = Publication(
        "nasirzadeh_qingdao",
        "/2025/06/26/irans-defense-minister-goes-to-china-on-first-reported-foreign-trip-since-conflict-with-israel/",
        datetime(2025, 6, 26, 14, 5, 27, tzinfo=LONDON_SUMMER),
        ("Leila Haddad",),
        "World",
        48213,
        updated_after=timedelta(hours=2, minutes=15),
    )
    tehran = Publication(
        "china_iran_military_ties",
        "/2022/04/28/china-iran-agree-to-strengthen-military-ties/",
        datetime(2022, 4, 28, 11, 42, tzinfo=LONDON_SUMMER),
        ("Omar Rahman",),
        "World",
        31877,
        comments_open=False,
    )
    summit = Publication(
        "nato_washington_summit",
        "/2024/07/10/nato-allies-pledge-long-term-support-for-ukraine-at-washington-summit/",
        datetime(2024, 7, 10, 22, 48, tzinfo=LONDON_SUMMER),
        ("Hannah Price", "Tomasz Nowak"),
        "World",
        44102,
        updated_after=timedelta(minutes=40),
    )
    drill_copy = Publication(
        "naval_drill_gulf_of_oman",
        "/2024/03/12/china-iran-and-russia-begin-joint-naval-drill-in-gulf-of-oman/",
        datetime(2024, 3, 12, 11, 2, tzinfo=LONDON_WINTER),
        ("Daniel Lim",),
        "World",
        42990,
    )
    summit_amp = summit.path + "amp/"

    site.publish(qingdao, related=_related(pool, 0), most_read=most_read)
    site.publish(
        tehran,
        related=_related(pool, 1),
        most_read=most_read,
        promo_paths=(
            "/2022/04/20/respect-religious-beliefs-of-muslims-china-tells-sweden/",
            "/2022/04/24/tehran-riyadh-take-new-step-to-bury-hatchet-and-restore-ties/",
        ),
    )
    summit_page = site.publish(
        summit, related=_related(pool, 2), most_read=most_read, amp_path=summit_amp
    )
    site.serve_page(summit_amp, theme.amp_article(summit_page), summit.modified)
    site.publish(
        drill_copy,
        related=_related(pool, 3),
        most_read=most_read,
        canonical_url=wire.url(WIRE_DRILL.path),
    )

    tracked = site.url(summit.path) + "?utm_source=rss&utm_medium=feed"
    site.twin_urls += [tracked, site.url(summit_amp)]
    articles = [qingdao, summit, drill_copy, tehran]
    guids = {pub.path: site.url(f"/?p={pub.node_id}") for pub in articles}
    site.serve(
        "/feed/",
        wordpress_rss(
            site_name=site.name,
            base_url=base_url,
            description="News, analysis and comment",
            entries=[
                site.entry(pub, url=tracked if pub is summit else None, guid=guids[pub.path])
                for pub in articles
            ],
        ),
        "application/rss+xml; charset=UTF-8",
        max(pub.modified for pub in articles),
    )

    section = SectionPage(
        site.url("/category/world/"),
        "World",
        tuple(
            sorted([*map(site.teaser, articles), *pool], key=lambda t: t.published, reverse=True)
        ),
        most_read,
    )
    site.serve_page("/category/world/", site.theme.section(section), section.teasers[0].published)
    site.non_article_urls.append(section.url)
    site.serve_page("/", site.theme.section(section), section.teasers[0].published)

    posts = [
        (site.url(summit_amp) if pub is summit else site.url(pub.path), pub.modified)
        for pub in articles
    ]
    last = max(modified for _, modified in posts)
    site.serve("/post-sitemap.xml", url_sitemap(posts, images=True), YOAST_XML, last)
    site.serve(
        "/category-sitemap.xml",
        url_sitemap([(section.url, section.teasers[0].published)]),
        YOAST_XML,
        section.teasers[0].published,
    )
    children = [
        (site.url("/post-sitemap.xml"), last),
        (site.url("/category-sitemap.xml"), section.teasers[0].published),
    ]
    site.serve("/sitemap_index.xml", sitemap_index(children), YOAST_XML, last)
    site.serve(
        "/robots.txt",
        robots_txt(
            ["/wp-admin/"],
            [site.url("/sitemap_index.xml")],
            allow=["/wp-admin/admin-ajax.php"],
        ),
        ROBOTS,
        SITE_BUILT,
    )
    site.feeds.append(site.url("/feed/"))
    site.sitemaps.append(site.url("/sitemap_index.xml"))
    return site


# --- gulf_courier: Drupal specialist defence site, Doha -----------------------------------------


def gulf_courier(base_url: str, others: Mapping[str, OutletSite]) -> OutletSite:
    site = OutletSite(
        slug="gulf_courier",
        name="Gulf Defence Courier",
        base_url=base_url,
        country="QA",
        kind="specialist_defence",
        theme=DrupalTheme("Gulf Defence Courier", "Defence and security news from the Gulf"),
        extra_headers=(("X-Generator", "Drupal 10 (https://www.drupal.org)"),),
    )
    pool = _pool(
        site,
        [
            (
                "Oman opens new naval support base near Duqm",
                "/naval/2026/09/oman-opens-new-naval-support-base-near-duqm",
                datetime(2026, 9, 29, 11, 0, tzinfo=DOHA),
                "The facility can berth frigates and supply ships of visiting navies.",
            ),
            (
                "Kuwait orders additional air defence radars",
                "/air-space/2026/10/kuwait-orders-additional-air-defence-radars",
                datetime(2026, 10, 11, 16, 25, tzinfo=DOHA),
                "The order extends coverage over the northern border.",
            ),
            (
                "Bahrain hosts regional mine-countermeasures exercise",
                "/naval/2026/10/bahrain-hosts-regional-mine-countermeasures-exercise",
                datetime(2026, 10, 25, 9, 40, tzinfo=DOHA),
                "Divers and unmanned boats from nine countries take part.",
            ),
        ],
    )
    [most_read] = _pool(
        site,
        [
            (
                "Inside the Gulf's race for counter-drone systems",
                "/analysis/2026/11/inside-gulfs-race-counter-drone-systems",
                datetime(2026, 11, 9, 8, 0, tzinfo=DOHA),
                "Cheap drones have changed what air defence has to stop.",
            )
        ],
    )
    accord = Publication(
        "saudi_iran_restore_ties",
        "/gulf/2023/03/saudi-arabia-and-iran-agree-restore-ties-china-brokered-deal",
        datetime(2023, 3, 10, 19, 40, tzinfo=DOHA),
        ("Farid Al-Mansouri",),
        "Gulf",
        1287,
        updated_after=timedelta(hours=13, minutes=22, seconds=13),
    )
    rafale = Publication(
        "indonesia_rafale_order",
        "/air-space/2022/02/indonesia-orders-42-rafale-fighters-deal-france",
        datetime(2022, 2, 10, 22, 15, tzinfo=DOHA),
        ("Nadia Karim",),
        "Air & Space",
        1104,
    )
    embargoed = Publication(
        "gulf_patrol_briefing",
        "/private/embargoed-gulf-navies-plan-joint-escort-patrols",
        datetime(2026, 11, 20, 7, 0, tzinfo=DOHA),
        ("Farid Al-Mansouri",),
        "Gulf",
        1433,
    )
    site.publish(accord, related=_related(pool, 0), most_read=most_read)
    site.publish(rafale, related=_related(pool, 1), most_read=most_read)
    site.publish(embargoed, related=_related(pool, 2), most_read=most_read, expected=False)
    site.disallowed_urls.append(site.url(embargoed.path))

    section = SectionPage(
        site.url("/section/gulf"),
        "Gulf",
        tuple(
            sorted(
                [site.teaser(accord), site.teaser(rafale), *pool],
                key=lambda t: t.published,
                reverse=True,
            )
        ),
        most_read,
    )
    site.serve_page("/section/gulf", site.theme.section(section), section.teasers[0].published)
    site.serve_page("/", site.theme.section(section), section.teasers[0].published)
    site.non_article_urls.append(section.url)

    in_feed = [embargoed, accord, rafale]
    site.serve(
        "/rss.xml",
        drupal_rss(
            site_name=site.name,
            base_url=base_url,
            entries=[site.entry(pub, guid=f"{pub.node_id} at {base_url}") for pub in in_feed],
        ),
        "application/rss+xml; charset=utf-8",
        max(pub.modified for pub in in_feed),
    )
    in_sitemap = [
        (site.url(accord.path), accord.modified),
        (site.url(rafale.path), rafale.modified),
        (section.url, section.teasers[0].published),
    ]
    site.serve(
        "/sitemap.xml",
        url_sitemap(in_sitemap, changefreq="weekly"),
        "application/xml; charset=utf-8",
        max(modified for _, modified in in_sitemap),
    )
    # Drupal's stock robots.txt, plus the newsroom's embargo folder.
    site.serve(
        "/robots.txt",
        robots_txt(
            [
                "/core/",
                "/profiles/",
                "/admin/",
                "/comment/reply/",
                "/search/",
                "/user/login",
                "/private/",
            ],
            [site.url("/sitemap.xml")],
            allow=["/core/*.css$", "/core/*.js$"],
        ),
        ROBOTS,
        SITE_BUILT,
    )
    site.feeds.append(site.url("/rss.xml"))
    site.sitemaps.append(site.url("/sitemap.xml"))
    return site


# --- strategy_digest: old table-layout magazine site, New York ----------------------------------


def strategy_digest(base_url: str, others: Mapping[str, OutletSite]) -> OutletSite:
    site = OutletSite(
        slug="strategy_digest",
        name="Strategy Digest",
        base_url=base_url,
        country="US",
        kind="magazine",
        theme=TablesTheme("Strategy Digest"),
        section_path="/section.php?s={section}",
        extra_headers=(("X-Powered-By", "PHP/7.4.3"),),
    )
    pool = _pool(
        site,
        [
            (
                "Five maps that explain the new Pacific arms race",
                "/article.php?id=4587",
                datetime(2026, 8, 14, 10, 0, tzinfo=NEW_YORK_SUMMER),
                "Bases, ranges and chokepoints, mapped.",
            ),
            (
                "Is the era of big tank battles over?",
                "/article.php?id=4603",
                datetime(2026, 9, 3, 7, 30, tzinfo=NEW_YORK_SUMMER),
                "Drones, mines and artillery have made massed armour vulnerable.",
            ),
            (
                "What the latest SIPRI numbers say about arms imports",
                "/article.php?id=4650",
                datetime(2026, 10, 9, 9, 0, tzinfo=NEW_YORK_SUMMER),
                "Europe's share of global arms imports keeps rising.",
            ),
        ],
    )
    [most_read] = _pool(
        site,
        [
            (
                "The 10 most powerful navies in the world, ranked",
                "/article.php?id=4702",
                datetime(2026, 11, 5, 6, 0, tzinfo=timezone(timedelta(hours=-5))),
                "Tonnage, reach and firepower compared.",
            )
        ],
    )
    explainer = Publication(
        "iran_china_visit_explainer",
        "/article.php?id=4412",
        datetime(2025, 6, 30, 8, 5, tzinfo=NEW_YORK_SUMMER),
        ("Jordan Ellis",),
        "Asia",
        4412,
    )
    scraped = Publication(
        "wei_tehran_scraped_copy",
        "/article.php?id=3981",
        datetime(2022, 5, 9, 6, 30, tzinfo=NEW_YORK_SUMMER),
        (),
        "Asia",
        3981,
    )
    for index, pub in enumerate((explainer, scraped)):
        site.publish(pub, related=_related(pool, index), most_read=most_read)
    front = SectionPage(site.url("/index.php"), "Latest", tuple(pool), most_read)
    site.serve_page("/", site.theme.section(front), pool[-1].published)
    site.serve_page("/index.php", site.theme.section(front), pool[-1].published)

    in_feed = [explainer, scraped]
    site.serve(
        "/rss/news.xml",
        plain_rss(
            site_name=site.name,
            base_url=base_url,
            description="Defense, strategy and geopolitics, explained.",
            entries=[site.entry(pub) for pub in in_feed],
        ),
        "text/xml; charset=utf-8",
        max(pub.modified for pub in in_feed),
    )
    site.serve("/robots.txt", robots_txt(["/cgi-bin/", "/admin/"], []), ROBOTS, SITE_BUILT)
    site.feeds.append(site.url("/rss/news.xml"))
    return site


#: Build order matters: harbour_post links to meridian_wire's page (rel=canonical).
OUTLET_BUILDERS: dict[str, Callable[[str, Mapping[str, OutletSite]], OutletSite]] = {
    "meridian_wire": meridian_wire,
    "harbour_post": harbour_post,
    "gulf_courier": gulf_courier,
    "strategy_digest": strategy_digest,
}


def build_outlets(base_urls: Mapping[str, str]) -> dict[str, OutletSite]:
    """Every outlet's site, given the origin each one is served from."""
    sites: dict[str, OutletSite] = {}
    for slug, build in OUTLET_BUILDERS.items():
        sites[slug] = build(base_urls[slug], sites)
    return sites
