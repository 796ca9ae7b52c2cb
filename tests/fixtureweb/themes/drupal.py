# ruff: noqa: E501 - markup lines are kept whole, as the CMS emits them
"""A Drupal 10 site (Olivero-like markup): the date only in a `<time datetime>` inside `<article>`.

Teaser dates in the related-content view and the most-read block are `<time>` elements too,
outside the article, as Drupal views render them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.fixtureweb.themes import (
    ArticlePage,
    SectionPage,
    Teaser,
    esc,
    promo_lines,
    story_blocks,
)

MENU = ("Gulf", "World", "Land Forces", "Air & Space", "Naval", "Cyber", "Events")
# The EU Cookie Compliance module's default wording.
COOKIE_HEADING = "We use cookies on this site to enhance your user experience"
COOKIE_TEXT = "By clicking any link on this page you are giving your consent for us to set cookies."
NEWSLETTER_TEXT = "Sign up for the Courier Defence Digest, every Sunday."
SHARE = ("Share this on Facebook", "Share this on LinkedIn", "Print this page")
RELATED_HEADING = "Related stories"
MOST_READ_HEADING = "Most read this week"
COMMENT_HEADING = "Add new comment"

PROMO = '<p class="see-also"><strong>{label}</strong><a href="{href}">{headline}</a></p>'
FIGURE = (
    '<figure role="group" class="caption caption-img"><img src="/sites/default/files/photo.jpg"'
    ' alt="" loading="lazy"><figcaption>{caption}</figcaption></figure>'
)


def drupal_date(moment_iso: str, text: str) -> str:
    return f'<time datetime="{moment_iso}">{esc(text)}</time>'


@dataclass(frozen=True)
class DrupalTheme:
    name: str
    slogan: str

    @property
    def copyright(self) -> str:
        return f"© 2026 {self.name}"

    def boilerplate(self, page: ArticlePage) -> tuple[str, ...]:
        return (
            "Land Forces",
            "Air & Space",
            "Cyber",
            *SHARE,
            COOKIE_HEADING,
            COOKIE_TEXT,
            NEWSLETTER_TEXT,
            RELATED_HEADING,
            MOST_READ_HEADING,
            *(teaser.title for teaser in page.related),
            page.most_read.title,
            COMMENT_HEADING,
            self.copyright,
            *promo_lines(page.story),
        )

    def _head(self, title: str, extra: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  foaf: http://xmlns.com/foaf/0.1/  og: http://ogp.me/ns#  schema: http://schema.org/  sioc: http://rdfs.org/sioc/ns#">
  <head>
    <meta charset="utf-8" />
    <meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
    <meta name="MobileOptimized" content="width" />
    <meta name="HandheldFriendly" content="true" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    {extra}
    <link rel="icon" href="/core/themes/olivero/favicon.ico" type="image/vnd.microsoft.icon" />
    <title>{esc(title)}</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xk2pY1.css?delta=0&amp;language=en&amp;theme=courier" />
  </head>"""

    def _top(self, body_class: str) -> str:
        items = "\n".join(
            f'<li class="primary-nav__menu-item primary-nav__menu-item--level-1">'
            f'<a href="/section/{esc(item.lower().replace(" & ", "-").replace(" ", "-"))}"'
            f' class="primary-nav__menu-link">{esc(item)}</a></li>'
            for item in MENU
        )
        return f"""  <body class="{body_class}">
    <a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div id="sliding-popup" class="sliding-popup-bottom eu-cookie-compliance-popup" role="alertdialog" aria-describedby="popup-text">
      <div class="eu-cookie-compliance-banner eu-cookie-compliance-banner-info"><div class="popup-content info eu-cookie-compliance-content">
        <div id="popup-text" class="eu-cookie-compliance-message"><h2>{COOKIE_HEADING}</h2><p>{COOKIE_TEXT}</p>
        <button type="button" class="find-more-button eu-cookie-compliance-more-button">No, give me more info</button></div>
        <div id="popup-buttons" class="eu-cookie-compliance-buttons"><button type="button" class="agree-button eu-cookie-compliance-secondary-button">OK, I agree</button>
        <button type="button" class="decline-button eu-cookie-compliance-default-button">No, thanks</button></div>
      </div></div>
    </div>
    <div id="page-wrapper" class="page-wrapper"><div id="page">
      <header id="header" class="site-header" data-drupal-selector="site-header" role="banner">
        <div class="site-branding__inner"><a href="/" rel="home" class="site-branding__name">{esc(self.name)}</a>
        <div class="site-branding__slogan">{esc(self.slogan)}</div></div>
        <nav role="navigation" aria-labelledby="block-courier-main-menu-menu" id="block-courier-main-menu" class="primary-nav block block-menu navigation menu--main">
          <h2 class="visually-hidden block__title" id="block-courier-main-menu-menu">Main navigation</h2>
          <ul class="menu primary-nav__menu primary-nav__menu--level-1">
{items}
          </ul>
        </nav>
      </header>"""

    def _sidebar_and_footer(self, most_read: Teaser) -> str:
        return f"""      <aside class="layout-sidebar-second" role="complementary">
        <div class="views-element-container block block-views block-views-blockmost-read-block-1" id="block-views-block-most-read">
          <h2 class="block__title">{MOST_READ_HEADING}</h2>
          <div class="view view-most-read view-display-id-block_1"><div class="view-content"><div class="views-row">
            <div class="views-field views-field-title"><span class="field-content"><a href="{esc(most_read.url)}" hreflang="en">{esc(most_read.title)}</a></span></div>
            <div class="views-field views-field-created"><span class="field-content">{drupal_date(most_read.published.isoformat(), f"{most_read.published:%d/%m/%Y}")}</span></div>
          </div></div></div>
        </div>
        <div id="block-simplenews-subscription" class="block block-simplenews">
          <h2 class="block__title">Newsletter</h2>
          <p>{esc(NEWSLETTER_TEXT)}</p>
          <form class="simplenews-subscriber-form" action="/newsletter/subscribe" method="post"><label for="edit-mail-0-value">Email</label>
          <input type="email" id="edit-mail-0-value" name="mail[0][value]" /><input type="submit" value="Subscribe" class="button" /></form>
        </div>
      </aside>
      </div>
      <footer class="site-footer" role="contentinfo">
        <nav class="footer-menu"><a href="/about">About the Courier</a> <a href="/advertise">Advertise</a> <a href="/contact">Contact</a></nav>
        <p class="site-footer__copyright">{esc(self.copyright)}</p>
      </footer>
    </div></div>
    </div>
    <script src="/sites/default/files/js/js_a8Xh3c.js?scope=footer&amp;delta=0&amp;language=en&amp;theme=courier"></script>
  </body>
</html>
"""

    def article(self, page: ArticlePage) -> str:
        story = page.story
        head = self._head(
            f"{story.title} | {self.name}",
            f"""<meta name="description" content="{esc(story.lead)}" />
    <link rel="canonical" href="{esc(page.canonical_url)}" />
    <link rel="shortlink" href="/node/{page.node_id}" />
    <meta property="og:site_name" content="{esc(self.name)}" />
    <meta property="og:type" content="article" />
    <meta property="og:url" content="{esc(page.canonical_url)}" />
    <meta property="og:title" content="{esc(story.title)}" />""",
        )
        authors = " and ".join(
            f'<span lang="" about="/user/{31 + i}" typeof="schema:Person" property="schema:name"'
            f' datatype="">{esc(name)}</span>'
            for i, name in enumerate(page.authors)
        )
        stamp = drupal_date(page.published.isoformat(), f"{page.published:%a, %m/%d/%Y - %H:%M}")
        share = "".join(
            f'<li><a href="#" class="social-share" rel="nofollow">{esc(label)}</a></li>'
            for label in SHARE
        )
        body = story_blocks(story.blocks, page.promo_urls, promo=PROMO, figure=FIGURE)
        tags = ", ".join(
            f'<a href="/taxonomy/term/{40 + i}" hreflang="en">{esc(tag)}</a>'
            for i, tag in enumerate(story.tags)
        )
        related = "\n".join(
            f"""<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="{esc(t.url)}" hreflang="en">{esc(t.title)}</a></span></div>
<div class="views-field views-field-created"><span class="field-content">{drupal_date(t.published.isoformat(), f"{t.published:%d/%m/%Y}")}</span></div></div>"""
            for t in page.related
        )
        return f"""{head}
{self._top("path-node page-node-type-article")}
      <div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
        <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>
        <ol><li><a href="/">Home</a></li><li><a href="{esc(page.section_url)}">{esc(page.section)}</a></li></ol>
      </nav></div>
      <div class="main-content"><main role="main"><a id="main-content" tabindex="-1"></a>
      <div class="region region--content">
        <article data-history-node-id="{page.node_id}" role="article" about="{esc(page.url)}" class="node node--type-article node--promoted node--view-mode-full">
          <header class="node__header">
            <h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(story.title)}</span></h1>
            <div class="node__meta"><span class="node__author">By {authors}</span>, <span class="node__date">{stamp}</span></div>
          </header>
          <ul class="social-share-links">{share}</ul>
          <div class="node__content">
            <div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body}
            </div>
            <div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Tags</div><div class="field__items">{tags}</div></div>
            <section data-drupal-selector="comments" class="comments">
              <h2 class="comments__title">{COMMENT_HEADING}</h2>
              <form class="comment-comment-form comment-form" data-drupal-selector="comment-form" action="/comment/reply/node/{page.node_id}/comment" method="post" accept-charset="UTF-8">
                <div class="js-form-item form-item"><label for="edit-comment-body-0-value" class="js-form-required form-required">Comment</label>
                <textarea id="edit-comment-body-0-value" name="comment_body[0][value]" rows="5" cols="60" required="required"></textarea></div>
                <input type="submit" id="edit-submit" value="Save" class="button button--primary" />
              </form>
            </section>
          </div>
        </article>
        <div class="views-element-container block block-views block-views-blockrelated-content-block-1">
          <h2 class="block__title">{RELATED_HEADING}</h2>
          <div class="view view-related-content"><div class="view-content">
{related}
          </div></div>
        </div>
      </div>
      </main>
{self._sidebar_and_footer(page.most_read)}"""

    def section(self, page: SectionPage) -> str:
        rows = "\n".join(
            f"""<div class="views-row"><article class="node node--type-article node--view-mode-teaser">
<h2 class="node__title"><a href="{esc(t.url)}" rel="bookmark">{esc(t.title)}</a></h2>
<div class="node__meta">{drupal_date(t.published.isoformat(), f"{t.published:%a, %m/%d/%Y - %H:%M}")}</div>
<div class="field field--name-body field--type-text-with-summary"><p>{esc(t.blurb)}</p></div>
<ul class="links inline"><li><a href="{esc(t.url)}" rel="tag" hreflang="en">Read more<span class="visually-hidden"> about {esc(t.title)}</span></a></li></ul>
</article></div>"""
            for t in page.teasers
        )
        head = self._head(
            f"{page.title} | {self.name}", f'<link rel="canonical" href="{esc(page.url)}" />'
        )
        return f"""{head}
{self._top("path-taxonomy")}
      <div class="main-content"><main role="main"><a id="main-content" tabindex="-1"></a>
      <h1 class="title page-title">{esc(page.title)}</h1>
      <div class="view view-taxonomy-term view-id-taxonomy_term"><div class="view-content">
{rows}
      </div>
      <nav class="pager" role="navigation"><ul class="pager__items js-pager__items"><li class="pager__item pager__item--next"><a href="?page=1" title="Go to next page" rel="next">Next ›</a></li></ul></nav>
      </div>
      </main>
{self._sidebar_and_footer(page.most_read)}"""

    def not_found(self) -> str:
        return f"""{self._head(f"Page not found | {self.name}", "")}
{self._top("path-system")}
      <div class="main-content"><main role="main"><h1 class="title page-title">Page not found</h1>
      <p>The requested page could not be found.</p></main>
      </div>
    </div></div></div>
  </body>
</html>
"""
