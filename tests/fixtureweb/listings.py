"""Feeds, sitemaps and robots.txt as the fixture outlets' CMSs would write them.

Each function writes one kind of file in the dialect of the software that typically produces it
(WordPress RSS, Drupal RSS, a hand-written RSS, Atom, Yoast sitemap index, Google News sitemap).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Entry:
    """One item of a listing: what the outlet says about an article URL."""

    url: str  # exactly as listed (may carry tracking parameters, may be an AMP twin)
    title: str
    published: datetime
    modified: datetime
    authors: tuple[str, ...] = ()
    summary: str = ""
    guid: str = ""


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _w3c(moment: datetime) -> str:
    return moment.isoformat()


def wordpress_rss(
    *, site_name: str, base_url: str, description: str, entries: Sequence[Entry]
) -> str:
    """WordPress's /feed/: dates in +0000, creator and excerpt in CDATA, `&` written as &#038;."""
    items = "\n".join(_wordpress_item(e) for e in entries)
    built = max(e.modified for e in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{escape(site_name)}</title>
	<atom:link href="{base_url}/feed/" rel="self" type="application/rss+xml" />
	<link>{base_url}</link>
	<description>{escape(description)}</description>
	<lastBuildDate>{format_datetime(built.astimezone(UTC))}</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.5.2</generator>
{items}
	</channel>
</rss>
"""


def _wordpress_item(e: Entry) -> str:
    # Co-Authors Plus writes one dc:creator per author.
    creators = "".join(f"\t\t<dc:creator>{_cdata(name)}</dc:creator>\n" for name in e.authors)
    return f"""	<item>
		<title>{escape(e.title)}</title>
		<link>{e.url.replace("&", "&#038;")}</link>
		<comments>{escape(e.url.split("?")[0])}#respond</comments>
{creators}		<pubDate>{format_datetime(e.published.astimezone(UTC))}</pubDate>
		<category>{_cdata("World")}</category>
		<guid isPermaLink="false">{escape(e.guid)}</guid>
		<description>{_cdata(e.summary + " [&#8230;]")}</description>
	</item>"""


def drupal_rss(*, site_name: str, base_url: str, entries: Sequence[Entry]) -> str:
    """Drupal's /rss.xml: pubDate in the site's own offset, HTML-escaped teaser, node guid."""
    items = "\n".join(
        f"""  <item>
    <title>{escape(e.title)}</title>
    <link>{escape(e.url)}</link>
    <description>{escape(f"<p>{escape(e.summary)}</p>")}</description>
    <pubDate>{format_datetime(e.published)}</pubDate>
    <dc:creator>{escape(", ".join(e.authors))}</dc:creator>
    <guid isPermaLink="false">{escape(e.guid)}</guid>
  </item>"""
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{base_url}/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{escape(site_name)}</title>
    <link>{base_url}/</link>
    <description/>
    <language>en</language>
    <atom:link href="{base_url}/rss.xml" rel="self" type="application/rss+xml"/>
{items}
  </channel>
</rss>
"""


def plain_rss(*, site_name: str, base_url: str, description: str, entries: Sequence[Entry]) -> str:
    """A hand-written RSS 2.0 of an old PHP site: no namespaces, guid = link, local offsets."""
    items = "\n".join(
        f"""<item>
<title>{escape(e.title)}</title>
<link>{escape(e.url)}</link>
<description>{escape(e.summary)}</description>
<pubDate>{format_datetime(e.published)}</pubDate>
<guid>{escape(e.url)}</guid>
</item>"""
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>{escape(site_name)}</title>
<link>{base_url}/index.php</link>
<description>{escape(description)}</description>
<language>en-us</language>
<copyright>Copyright 2026 {escape(site_name)}</copyright>
{items}
</channel>
</rss>
"""


def atom_feed(*, site_name: str, base_url: str, path: str, entries: Sequence[Entry]) -> str:
    """An Atom 1.0 feed with rel=alternate links and tag: ids, as wire sites publish."""
    items = "\n".join(_atom_entry(e) for e in entries)
    updated = max(e.modified for e in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{escape(site_name)} – Latest</title>
  <subtitle>Breaking news and analysis from {escape(site_name)}</subtitle>
  <id>tag:meridianwire.example,2020:{path}</id>
  <link rel="self" type="application/atom+xml" href="{base_url}{path}"/>
  <link rel="alternate" type="text/html" href="{base_url}/"/>
  <updated>{_w3c(updated)}</updated>
  <rights>{escape(f"© 2026 {site_name}")}</rights>
{items}
</feed>
"""


def _atom_entry(e: Entry) -> str:
    authors = "".join(f"    <author><name>{escape(name)}</name></author>\n" for name in e.authors)
    return f"""  <entry>
    <title type="text">{escape(e.title)}</title>
    <link rel="alternate" type="text/html" href="{escape(e.url)}"/>
    <id>{escape(e.guid)}</id>
    <published>{_w3c(e.published)}</published>
    <updated>{_w3c(e.modified)}</updated>
{authors}    <summary type="html">{escape(e.summary)}</summary>
  </entry>"""


def sitemap_index(children: Sequence[tuple[str, datetime]]) -> str:
    """A Yoast SEO sitemap index: child sitemaps with their lastmod."""
    rows = "\n".join(
        f"\t<sitemap>\n\t\t<loc>{escape(url)}</loc>\n\t\t<lastmod>{_w3c(lastmod)}</lastmod>\n"
        "\t</sitemap>"
        for url, lastmod in children
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{rows}
</sitemapindex>
<!-- XML Sitemap generated by Yoast SEO -->
"""


def url_sitemap(
    urls: Sequence[tuple[str, datetime]], *, changefreq: str | None = None, images: bool = False
) -> str:
    """A `<urlset>` with lastmod: a Yoast post sitemap (with images) or Drupal's simple_sitemap."""
    rows = []
    for url, lastmod in urls:
        extra = f"\n\t\t<changefreq>{changefreq}</changefreq>" if changefreq else ""
        if images:
            extra += (
                f"\n\t\t<image:image>\n\t\t\t<image:loc>{escape(url.split('?')[0])}photo.jpg"
                "</image:loc>\n\t\t</image:image>"
            )
        rows.append(
            f"\t<url>\n\t\t<loc>{escape(url)}</loc>\n\t\t<lastmod>{_w3c(lastmod)}</lastmod>{extra}\n"
            "\t</url>"
        )
    namespaces = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if images:
        namespaces += ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
    body = "\n".join(rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {namespaces}>\n{body}\n</urlset>\n'


def news_sitemap(*, publication: str, entries: Sequence[Entry]) -> str:
    """A Google News sitemap: news:publication_date and news:title for each article."""
    rows = "\n".join(
        f"""<url>
<loc>{escape(e.url)}</loc>
<news:news>
<news:publication><news:name>{escape(publication)}</news:name><news:language>en</news:language></news:publication>
<news:publication_date>{_w3c(e.published)}</news:publication_date>
<news:title>{escape(e.title)}</news:title>
</news:news>
</url>"""
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{rows}
</urlset>
"""


def robots_txt(
    disallow: Sequence[str], sitemaps: Sequence[str], *, allow: Sequence[str] = ()
) -> str:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallow]
    lines += [f"Allow: {path}" for path in allow]
    lines.append("")
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return "\n".join(lines) + "\n"
