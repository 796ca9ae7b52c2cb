# ruff: noqa: E501 - markup lines are kept whole, as the CMS emits them
"""An old hand-rolled PHP site laid out in tables: no machine-readable date on the page at all.

The byline shows only the day ("Posted Jun 30, 2025"); the exact time exists only in the RSS
feed's pubDate, so the feed is the evidence a crawler must carry to the article. The title
puts the site name first ("Strategy Digest | Story") and there is no og:site_name.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.fixtureweb.themes import (
    ArticlePage,
    SectionPage,
    Teaser,
    byline_names,
    esc,
    promo_lines,
    story_blocks,
)

MENU = ("Home", "Analysis", "Asia", "Middle East", "Archives", "Write for Us")
COOKIE_TEXT = "This website uses cookies to ensure you get the best experience on our website."
NEWSLETTER_TEXT = "Join 20,000 readers of the Strategy Digest weekly email."
SHARE = ("Tweet this", "Share on Reddit", "Printer-friendly version")
RELATED_HEADING = "You might also like"
MOST_READ_HEADING = "Most Read"
COMMENT_HEADING = "Post your comment"
COMMENT_NOTE = "Comments are reviewed before they appear."

PROMO = '<p><b>{label}</b><a href="{href}">{headline}</a></p>'
FIGURE = (
    '<table class="photo" align="right" width="300"><tr><td><img src="/img/photo.jpg" width="300">'
    '</td></tr><tr><td class="caption">{caption}</td></tr></table>'
)


def short_date(teaser: Teaser) -> str:
    return f"{teaser.published:%b} {teaser.published.day}, {teaser.published.year}"


@dataclass(frozen=True)
class TablesTheme:
    name: str

    @property
    def copyright(self) -> str:
        return f"© 2026 {self.name}"

    def boilerplate(self, page: ArticlePage) -> tuple[str, ...]:
        return (
            "Archives",
            "Write for Us",
            *SHARE,
            COOKIE_TEXT,
            NEWSLETTER_TEXT,
            RELATED_HEADING,
            MOST_READ_HEADING,
            *(teaser.title for teaser in page.related),
            page.most_read.title,
            COMMENT_HEADING,
            COMMENT_NOTE,
            self.copyright,
            *promo_lines(page.story),
        )

    def _page(self, title: str, main: str, most_read: Teaser, extra_head: str = "") -> str:
        menu = " | ".join(
            f'<a href="/{"index.php" if item == "Home" else "section.php?s=" + item.lower().replace(" ", "")}"'
            f' class="nav">{esc(item)}</a>'
            for item in MENU
        )
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)}</title>
<meta name="keywords" content="defense, strategy, geopolitics, analysis">
{extra_head}
<link rel="stylesheet" href="/css/main.css" type="text/css">
<script language="JavaScript" src="/js/popup.js"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<div id="cookiebar" style="position:fixed;bottom:0;width:100%;background:#333;color:#fff">{esc(COOKIE_TEXT)} <a href="/privacy.php">Learn more</a> <a href="#" onclick="hideCookieBar();return false;">Got it!</a></div>
<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3" class="masthead"><a href="/index.php"><img src="/img/logo.gif" width="400" height="80" border="0" alt="{esc(self.name)}"></a></td></tr>
<tr><td colspan="3" class="topnav" bgcolor="#003366">{menu}</td></tr>
<tr>
<td width="180" valign="top" class="leftcol">
<table width="100%" cellpadding="6" class="box"><tr><td class="boxhead">Free Newsletter</td></tr>
<tr><td class="boxbody">{esc(NEWSLETTER_TEXT)}<br>
<form action="/subscribe.php" method="post"><input type="text" name="email" size="16"><input type="submit" value="Subscribe"></form></td></tr></table>
</td>
<td width="600" valign="top" class="maincol">
{main}
</td>
<td width="200" valign="top" class="rightcol">
<table width="100%" cellpadding="6" class="box"><tr><td class="boxhead">{MOST_READ_HEADING}</td></tr>
<tr><td class="boxbody"><a href="{esc(most_read.url)}">{esc(most_read.title)}</a><br><span class="small">{short_date(most_read)}</span></td></tr></table>
</td>
</tr>
<tr><td colspan="3" class="footer" align="center">{esc(self.copyright)} | <a href="/privacy.php">Privacy</a> | <a href="/contact.php">Contact</a></td></tr>
</table>
</body>
</html>
"""

    def article(self, page: ArticlePage) -> str:
        story = page.story
        share = " ".join(f'<a href="#" class="share">{esc(label)}</a>' for label in SHARE)
        byline = (
            f'<span class="author">By {esc(byline_names(page.authors))}</span><br>'
            if page.authors
            else ""
        )
        body = story_blocks(story.blocks, page.promo_urls, promo=PROMO, figure=FIGURE)
        related = "\n".join(
            f'<tr><td><a href="{esc(t.url)}">{esc(t.title)}</a></td>'
            f'<td class="small" nowrap>{short_date(t)}</td></tr>'
            for t in page.related
        )
        main = f"""<div class="crumbs"><a href="/index.php">Home</a> &gt; <a href="{esc(page.section_url)}">{esc(page.section)}</a> &gt; Article</div>
<h1 class="headline">{esc(story.title)}</h1>
<div class="byline">{byline}<span class="date">Posted {page.published:%b} {page.published.day}, {page.published.year}</span></div>
<div class="sharebar">{share}</div>
<div class="articletext">
{body}
</div>
<table width="100%" class="related" cellpadding="4"><tr><td colspan="2"><b>{RELATED_HEADING}</b></td></tr>
{related}
</table>
<div class="comments"><b>{COMMENT_HEADING}</b><br><span class="small">{COMMENT_NOTE}</span>
<form action="/comment.php?id={page.node_id}" method="post">Name: <input type="text" name="name"><br>
<textarea name="comment" rows="6" cols="50"></textarea><br><input type="submit" value="Submit Comment"></form></div>"""
        return self._page(
            f"{self.name} | {story.title}",
            main,
            page.most_read,
            f'<meta name="description" content="{esc(story.lead)}">',
        )

    def section(self, page: SectionPage) -> str:
        rows = "\n".join(
            f'<tr><td><a href="{esc(t.url)}" class="teaser"><b>{esc(t.title)}</b></a><br>'
            f'{esc(t.blurb)}<br><span class="small">{short_date(t)}</span></td></tr>'
            for t in page.teasers
        )
        main = f'<h1 class="headline">{esc(page.title)}</h1>\n<table width="100%" cellpadding="6">\n{rows}\n</table>'
        return self._page(f"{self.name} | {page.title}", main, page.most_read)

    def not_found(self) -> str:
        return (
            "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
            "<p>The requested URL was not found on this server.</p><hr>"
            "<address>Apache/2.4.41 (Ubuntu) Server</address></body></html>\n"
        )
