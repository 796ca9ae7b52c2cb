"""Structural rules that cut what is not the story out of the page tree, before trafilatura.

trafilatura already drops most navigation and widgets; these rules catch what news templates
put *inside* or right after the article, where its scoring tends to keep them: inline promos
("READ: ...", a paragraph that is only a link to another story), "You may also like" and "Most
read" blocks whose teasers carry their own dates, author boxes, tag lists and breadcrumb lines.
Every rule works on elements, so a story paragraph that merely mentions "read" is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from newsarchive.extract.tree import (
    StoryLinks,
    class_string,
    link_text_length,
    short_text_of,
    text_content,
    text_of,
    visible_text,
)

#: Class or id words of page furniture (matched as whole words of "a-b_c d").
_FURNITURE_TOKENS = frozenset(
    {
        "share",
        "sharing",
        "sharebar",
        "social",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "related",
        "recommended",
        "recommendations",
        "popular",
        "mostread",
        "trending",
        "breadcrumb",
        "breadcrumbs",
        "comments",
        "respond",
        "disqus",
        "promo",
        "advert",
        "advertisement",
        "ads",
        "sidebar",
        "tags",
        "byline",
        "newsletters",
    }
)
#: Class or id fragments of several words.
_FURNITURE_PHRASES = (
    "author-box",
    "authorbox",
    "author-bio",
    "about-author",
    "about-the-author",
    "author-info",
    "author-card",
    "most-read",
    "most-popular",
    "read-more",
    "readmore",
    "also-read",
    "more-stories",
    "you-may-like",
    "tag-list",
    "taglist",
    "rollover-people-block",  # thehill.com: a hover card of links inside the paragraph
    # What a style sheet shows on paper only: Dow Jones's (barrons.com, wsj.com) reprint notice
    # above and below the story and its "Order Reprints / Print Article" tools.
    "print-header",
    "print-footer",
    "print-tools",
    # Paywall prompts; not "paywall" alone: some outlets wrap the whole story in div.paywall.
    "paywall-prompt",
    "paywall-offer",
    "paywall-message",
    "paywall-cta",
    "subscribe-prompt",
    "meter-prompt",
)
_FURNITURE_PHRASE = re.compile("|".join(re.escape(phrase) for phrase in _FURNITURE_PHRASES))
#: A furniture token as a whole word of the class and id string: what `class_tokens(element) &
#: _FURNITURE_TOKENS` finds, in one search instead of a split, a set and an intersection per
#: element of the page (a token holds no separator, so it matches only between separators).
_FURNITURE_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:"
    + "|".join(re.escape(token) for token in sorted(_FURNITURE_TOKENS))
    + r")(?=[\s_-]|\Z)"
)
_FURNITURE_TAGS = ("nav", "aside", "form", "footer", "dialog", "noscript", "button", "select")

#: The same headings as German, French, Spanish, Portuguese, Italian and Polish outlets write
#: them (trafilatura's evaluation pages: "Das könnte Sie auch interessieren", "À lire aussi",
#: "Weitere Artikel zum Thema" kept as body text).
_OTHER_STORIES = (
    r"(?:das(?: thema)? )?könnte (?:sie|dich) (?:auch )?interessieren|"
    r"(?:ähnliche|empfohlene) (?:artikel|beiträge|themen|nachrichten)|"
    r"weitere aktuelle (?:themen|artikel|beiträge|nachrichten)(?: aus [\w .&'-]{1,40})?|"
    r"weitere (?:artikel|beiträge|nachrichten|meldungen)(?: (?:zum thema|aus [\w .&'-]{1,40}))?|"
    r"meistgelesen(?:e (?:artikel|beiträge|nachrichten))?|"
    r"articles similaires|sur le même (?:sujet|thème)|vous aimerez aussi|les plus lus|"
    r"(?:noticias|notas|artículos) relacionad[oa]s|contenido relacionado|lo más leído|"
    r"notícias relacionadas|artigos relacionados|mais lidas|"
    r"articoli correlati|(?:i )?più letti|"
    r"podobne artykuły|najczęściej czytane"
)
#: The title of a comment form as outlets in other languages write it (ultimahora.es:
#: "Comentar", then the form's rules and the readers' comments). Only the body's lines are cut
#: there (`STORY_END`): pruning a heading with the blocks after it would leave the comments,
#: which sit in the next block, without the line that ends the story above them.
_COMMENTS = r"comentar|commenter|kommentieren|commentare|komentuj"
_OTHER_HEADINGS = (
    r"lesen sie auch(?: (?:die|diese) (?:folgenden )?(?:beiträge|artikel))?|auch lesen|"
    r"schon gelesen|auch interessant|mehr zum thema(?: [\w .&'-]{1,40})?|(?:mehr|weitere) themen|"
    r"(?:zum )?weiterlesen|kommentare|"
    r"(?:à )?lire aussi|à découvrir(?: aussi)?|commentaires|"
    r"(?:te|le) puede interesar|(?:lee|lea) también|comentarios|"
    r"leia também|leggi anche|potrebbe interessarti|commenti|"
    r"czytaj (?:też|także|również)|zobacz (?:też|także)|komentarze"
)
#: Headings that open a block of other stories or of reader interaction, never story text.
TAIL_HEADING = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
    r"(?:related|similar|more|other|latest|recent|recommended|popular|top|trending)"
    # "Related stories", and with a section's name between: "Other Opinion Columns".
    r"(?:(?: [\w'-]+)? (?:news|stories|articles|posts|reads|must[- ]reads|content|coverage|"
    r"topics|links|videos|columns))?"
    r"(?: (?:for you|on this topic|from [\w .&'-]{1,40}))?|"
    r"most (?:read|popular|viewed|shared|commented)(?: (?:news|stories|articles|posts|today))?|"
    r"popular (?:posts|news|stories|articles)|"
    r"(?:also|read) (?:read|also|more|next)|"
    r"read more(?: (?:news|stories|articles|from [\w .&'-]+))?|"
    r"don'?t miss(?: this)?|editor'?s picks?|what to read next|"
    r"leave a (?:comment|reply)|post a comment|(?:\d+ )?comments?|"
    r"join the (?:conversation|discussion)|"
    r"share this(?: (?:article|story|post|page))?|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter|newsletter|"
    rf"{_OTHER_STORIES}|{_OTHER_HEADINGS})"
    # "Schon gelesen?" (aerobuzz.de): a question over teasers is as much a heading.
    r"\s*(?:[:.!?]|\.\.\.|…)?$",
    re.IGNORECASE,
)
#: The strongest of those: a body line saying this is where the story has certainly ended.
STORY_END = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
    r"related (?:news|stories|articles|posts|content|coverage)|"
    r"most (?:read|popular|viewed|shared|commented)(?: (?:news|stories|articles|posts|today))?|"
    r"popular (?:posts|news|stories|articles)|recommended (?:for you|stories|articles|reading)|"
    r"more (?:stories|articles|news|must[- ]reads) from [\w .&'-]{1,40}|(?:what to )?read next|"
    r"editor'?s picks?|leave a (?:comment|reply)|post a comment|"
    r"join the (?:conversation|discussion)|"
    rf"(?:\d+ )?comments|{_COMMENTS}|{_OTHER_STORIES})"
    r"\s*(?:[:.!]|\.\.\.|…)?$",
    re.IGNORECASE,
)
#: The label of an inline promo: "READ: ...", "Also read - ...", "RELATED: ...".
PROMO_LABEL = re.compile(
    r"^\[?(?:also read|read also|read more|read|related|see also|see more|more|also|watch|listen|"
    r"recommended|don'?t miss|must read|click here|more on this|suggested|"
    r"lesen sie auch|auch lesen|mehr zum thema|weiterlesen|(?:à )?lire aussi|"
    # Spanish outlets' labels of a link to another story inside the text ("Lea más: ...",
    # "LE PUEDE INTERESAR: ...", "MIRA: ...", "VEA TAMBIÉN: ...", "PUEDES VER: ...").
    r"(?:lee|lea) (?:también|más)|(?:te|le) puede interesar|vea también|puedes ver|"
    r"leia também|leggi anche|czytaj (?:też|także|również)|zobacz (?:też|także))"
    r"(?: (?:post|posts|story|stories|article|articles|coverage|video))?\b\s*[:|–—>»-]",
    re.IGNORECASE,
)
#: Labels that are also names ("Lea: ..." may be a speaker in an interview): a promo only when
#: the rest of the line is a link ("Lea: <a>Consejo Permanente de OEA aborda ...</a>").
_NAME_LIKE_PROMO_LABEL = re.compile(r"^(?:lea|mira|mire)\s*:", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:home|homepage|accueil|inicio|start|startseite)\s*[»›>/|→]", re.I)
_LIST_LABEL = re.compile(
    r"^(?:tags?|topics?|filed under|keywords|categories|category)\s*:", re.IGNORECASE
)
_AUTHOR_BOX = re.compile(r"^about the author\b", re.IGNORECASE)
_TEXT_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "li", "section")
_PROSE_CHARS = 40
_HEADING_LIKE = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "header")
#: How a template hides a block until a script shows it; trafilatura drops such blocks whole.
_HIDING_CLASS = re.compile(r"(?:^|[\s_-])(?:hide|hidden)", re.IGNORECASE)
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A hidden block holding this share of the page's prose is the story, not a widget.
_STORY_SHARE = 0.35
#: A story among several on one page: this many paragraphs of prose, this share of the page's.
_STORY_PARAGRAPHS = 3
_STORY_PARAGRAPH_CHARS = 80
_STORY_BLOCK_SHARE = 0.2


def prune_boilerplate(tree: HtmlElement, url: str) -> None:
    """Remove page furniture from `tree` in place, never the part that holds the story."""
    body = tree.find("body")
    root = body if body is not None else tree
    total_text = max(len(visible_text(root)), 1)
    total_prose = _prose_length(root)

    def protected(element: HtmlElement) -> bool:
        # A template may put "sidebar" or "read-more" on the story's own wrapper
        # ("content-with-sidebar", "entry-content-read-more"): a rule that would take the
        # headline or most of the page's prose with it is wrong for this page.
        if element.tag in ("html", "body", "main", "article"):
            return True
        if element.find(".//h1") is not None:
            return True
        if total_prose >= 200 and _prose_length(element) >= 0.35 * total_prose:
            return True
        if _is_story_block(element, total_prose):
            return True
        # text_content() counts scripts too: a cheap upper bound before the exact count.
        if len(element.text_content()) <= 0.5 * total_text:
            return False
        return len(visible_text(element)) > 0.5 * total_text

    for element in list(tree.iter(*_FURNITURE_TAGS)):
        if element.getparent() is not None and not protected(element):
            _drop(element)
    # Top down (document order), and not into what was dropped: the elements of a dropped
    # block are out of the page, and what a rule would do to them changes nothing that is left
    # (a fifth of the elements of a news page, each with its own checks, went that way). Only
    # elements with a class, id, itemtype or role can be furniture: one XPath finds them in C,
    # where a walk in Python visited every element. When one is checked, nothing inside it has
    # been dropped yet (its descendants come after it), as in a walk from the top.
    dropped: set[HtmlElement] = set()
    for element in _named(tree):
        if (
            _is_furniture(element)
            and not (dropped and any(a in dropped for a in element.iterancestors()))
            and not protected(element)
        ):
            _drop(element)
            dropped.add(element)
    _drop_tail_blocks(tree, protected)
    _drop_inline_promos(tree, url)
    _drop_slideshows(root, total_prose)
    _show_hidden_story(root, total_prose)


#: A slide's counter, alone in its element: "1/50", "12 / 50", "3 of 8".
_SLIDE_COUNTER = re.compile(r"^\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\s*$")
#: Short text nodes that may be counters (the regular expression decides).
_COUNTER_TEXT = (
    "//text()[string-length(normalize-space()) <= 9][contains(., '/') or contains(., 'of')]"
)
_MIN_SLIDES = 3
#: Prose a page keeps without its slideshow, or the slideshow is the page's story.
_STORY_AFTER_SLIDES = 500
#: Text around the slides that is still the gallery's: its title, its buttons.
_GALLERY_FRAME_CHARS = 200


def _drop_slideshows(root: HtmlElement, total_prose: int) -> None:
    """Drop a photo gallery embedded in a story: slides counted "1/50" to "50/50".

    independent.co.uk puts a "Business news in pictures" gallery of fifty captioned photos
    in the middle of a story about hotels: three quarters of the page's paragraphs, so no
    share-of-prose rule sees furniture there, and trafilatura keeps every caption. The
    counters give it away: every number from 1 to N, each alone in its element. The gallery
    is the smallest block holding them all; it goes unless it holds the headline or the page
    has little prose without it (then the gallery is the story: an "in pictures" page).
    """
    slides: dict[int, dict[int, HtmlElement]] = {}
    for text in root.xpath(_COUNTER_TEXT):
        match = _SLIDE_COUNTER.match(text)
        holder = text.getparent()
        if match is None or holder is None or text.is_tail or len(holder) > 0:
            continue
        number, total = int(match[1]), int(match[2])
        if 1 <= number <= total:
            slides.setdefault(total, {})[number] = holder
    for total, counters in slides.items():
        if total < _MIN_SLIDES or len(counters) != total:
            continue  # every slide counted once: "1/3" alone is a page's own numbering
        gallery = _common_ancestor(list(counters.values()))
        if gallery is None or gallery.find(".//h1") is not None:
            continue
        # Up to the block that also holds the gallery's title ("Business news in pictures").
        size = len(gallery.text_content())
        parent = gallery.getparent()
        while (
            parent is not None
            and parent.find(".//h1") is None
            and len(parent.text_content()) - size < _GALLERY_FRAME_CHARS
        ):
            gallery, parent = parent, parent.getparent()
        if gallery.tag in ("html", "body", "article", "main"):
            continue
        if total_prose - _prose_length(gallery) >= _STORY_AFTER_SLIDES:
            _drop(gallery)


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    ancestors = list(elements[0].iterancestors())
    for element in elements[1:]:
        own = set(element.iterancestors())
        ancestors = [a for a in ancestors if a in own]
    return ancestors[0] if ancestors else None


def _show_hidden_story(root: HtmlElement, total_prose: int) -> None:
    """Unhide a block that holds much of the page's prose but is hidden until a script runs.

    Templates collapse the rest of a story behind "Read more" (salon.com: the paragraphs after the
    first screen sit in `div.toggle-group.hideOnInit`); trafilatura drops any block whose class,
    id or style says hidden, and with it most of the story. A hidden block with this much of the
    page's prose is the story: its hiding marks are removed so extraction reads it.
    """
    if total_prose < 200:
        return
    # Only elements that `_is_hidden` could accept (one XPath, in C, rather than five
    # attribute reads for each block of the page); unhiding changes attributes of the block
    # and its ancestors only, which come before the blocks still to be read.
    for element in maybe_hidden(root):
        if element.tag not in _HIDING_BLOCKS:
            continue
        if not _is_hidden(element) or _prose_length(element) < _STORY_SHARE * total_prose:
            continue
        for hidden in (element, *element.iterancestors()):
            if not _is_hidden(hidden):
                continue
            classes = (hidden.get("class") or "").split()
            hidden.set("class", " ".join(c for c in classes if not _HIDING_CLASS.search(c)))
            if _HIDING_STYLE.search(hidden.get("style") or ""):
                del hidden.attrib["style"]
            for attribute in ("hidden", "aria-hidden"):
                hidden.attrib.pop(attribute, None)
            if _HIDING_CLASS.search(hidden.get("id") or ""):
                del hidden.attrib["id"]


_HIDING_BLOCKS = frozenset((*_TEXT_BLOCKS, "article", "main"))


#: Elements with a hidden or aria-hidden attribute, a style, or "hid" (of "hide", "hidden") in
#: their class or id in any case `_HIDING_CLASS` matches (Python's IGNORECASE also takes the
#: Turkish dotted and dotless i for "i"): a superset of those `_is_hidden` accepts.
#: Read in Python over the tree's nodes, whose objects `Page.nodes` holds: the XPath
#: `descendant-or-self::*[@hidden or @aria-hidden or @style or contains(translate(@class,
#: 'HIDİı', 'hidii'), 'hid') or contains(translate(@id, 'HIDİı', 'hidii'), 'hid')]` took
#: three times as long, testing five attributes of every node in libxml2's XPath machine.
def maybe_hidden(root: HtmlElement) -> list[HtmlElement]:
    return [
        element
        for element in root.iter()
        if isinstance(element.tag, str)  # not a comment
        and (
            element.get("hidden") is not None
            or element.get("aria-hidden") is not None
            or element.get("style") is not None
            or "hid" in (element.get("class") or "").translate(_HID_FOLD)
            or "hid" in (element.get("id") or "").translate(_HID_FOLD)
        )
    ]


_HID_FOLD = str.maketrans("HIDİı", "hidii")


def _is_hidden(element: HtmlElement) -> bool:
    return bool(
        _HIDING_CLASS.search(element.get("class") or "")
        or _HIDING_CLASS.search(element.get("id") or "")
        or _HIDING_STYLE.search(element.get("style") or "")
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
    )


def _is_story_block(element: HtmlElement, total_prose: int) -> bool:
    """A block of several paragraphs of prose holding a good share of the page's: a story.

    Pages that load the next stories as you scroll (rawstory.com, on RebelMouse) put each
    story, the one the URL names first, in a `div.widget`; the first holds under a third of
    the page's prose, and "widget" names sidebar furniture on most sites.
    """
    if total_prose < 200:
        return False
    paragraphs = [
        len(text_content(p))
        for p in element.iter("p")
        if len(text_content(p)) >= _STORY_PARAGRAPH_CHARS
        and link_text_length(p) < 0.5 * len(text_content(p))
    ]
    return (
        len(paragraphs) >= _STORY_PARAGRAPHS and sum(paragraphs) >= _STORY_BLOCK_SHARE * total_prose
    )


def _prose_length(element: HtmlElement) -> int:
    return sum(len(text_content(p)) for p in element.iter("p"))


def _named(tree: HtmlElement) -> list[HtmlElement]:
    """Elements that `_is_furniture` could accept: it reads only four attributes.

    `.//*[@class or @id or @itemtype or @role]`, read in Python over nodes whose objects
    `Page.nodes` holds: the XPath took longer, testing four attributes of every node.
    """
    return [
        element
        for element in tree.iterdescendants()
        if isinstance(element.tag, str)  # not a comment
        and (
            element.get("class") is not None
            or element.get("id") is not None
            or element.get("itemtype") is not None
            or element.get("role") is not None
        )
    ]


#: A BEM modifier saying that a block carries advertising slots (chip.de's story sections are
#: `TestReport__Section TestReport__Section--Ads`): the block is what its base name says, a
#: section of the story, and the ads inside it have their own names.
_AD_SLOT_MODIFIER = re.compile(r"--(?:ads|advert|advertisement|promo)(?=\s|\Z)")


def _is_furniture(element: HtmlElement) -> bool:
    if element.tag in ("html", "body", "p"):
        return False
    name = class_string(element)
    if "--" in name:
        name = _AD_SLOT_MODIFIER.sub(" ", name)
    if name != " ":  # a class or an id
        if _FURNITURE_TOKEN.search(name) or _FURNITURE_PHRASE.search(name):
            return True
        if "widget" in name and _names_a_widget(element):
            return True
    return (element.get("itemtype") or "").endswith("BreadcrumbList") or (
        element.get("role") in ("navigation", "complementary", "contentinfo", "banner")
    )


def _names_a_widget(element: HtmlElement) -> bool:
    """A sidebar widget: a class or id *starting* with "widget" (WordPress `widget
    widget_recent_entries`, `widget-area`), unless it holds the story's marked body.

    Page builders name every block of a page "<builder>-widget-<kind>" (Elementor's
    `elementor-widget-text-editor` holds the story's paragraphs), so "widget" inside a name is no
    sign of furniture; and Blogger wraps the post itself in `div.widget.Blog`, around the
    template's `post-body entry-content`.
    """
    names = f"{element.get('class') or ''} {element.get('id') or ''}".casefold().split()
    if not any(name.startswith("widget") for name in names):
        return False
    return not element.xpath(_MARKED_BODY)


#: The story's body as templates mark it (hAtom's entry-content, Blogger's post-body, schema.org).
_MARKED_BODY = (
    ".//*[@itemprop='articleBody' or contains(concat(' ', normalize-space(@class), ' '),"
    " ' entry-content ') or contains(concat(' ', normalize-space(@class), ' '), ' post-body ')]"
)


def _drop_tail_blocks(tree: HtmlElement, protected: Callable[[HtmlElement], bool]) -> None:
    """A "You may also like" heading and the teasers after it in its block.

    Teasers are whatever follows the heading up to the first paragraph of prose: a heading such
    as "More:" inside a story introduces a list of links, and the story goes on after it.
    """
    for heading in list(tree.iter(*_HEADING_LIKE)):
        if heading.getparent() is None or len(heading) > 3:
            continue
        text = short_text_of(heading, 60)
        if text is None or not TAIL_HEADING.match(text):
            continue
        # Climb out of wrappers that hold nothing but the heading, then drop what follows.
        block = heading
        parent = block.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "article", "main")
            and text_of(parent) == text
        ):
            block = parent
            parent = block.getparent()
        if parent is None:
            continue
        for sibling in list(block.itersiblings()):
            if protected(sibling) or _is_prose(sibling):
                break
            _drop(sibling)
        _drop(block)


def _is_prose(element: HtmlElement) -> bool:
    """A paragraph of the page's own text, not a teaser: little of it is link text."""
    if element.tag not in ("p", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre"):
        return False
    text = text_of(element)
    return len(text) - link_text_length(element) >= _PROSE_CHARS


def _drop_inline_promos(tree: HtmlElement, url: str) -> None:
    story_links = StoryLinks(url)
    # Blockquotes too: larepublica.pe sets its "PUEDES VER: <a>" promos as quotes.
    for element in list(tree.iter(*_TEXT_BLOCKS, "blockquote")):
        if element.getparent() is None:
            continue
        if element.tag in ("div", "section", "li", "blockquote") and _has_block_child(element):
            continue
        text = short_text_of(element, 400)
        if not text:
            continue
        if _is_promo(element, text, story_links) or _is_page_path_line(element, text):
            _drop(element)


def _is_promo(element: HtmlElement, text: str, story_links: StoryLinks) -> bool:
    # Not `.//a[@href]`: an XPath per block of the page costs more than the walk.
    links = [a for a in element.iter("a") if a.get("href") is not None]
    if not links:
        return False
    if PROMO_LABEL.match(text):
        return True
    linked = link_text_length(element)
    if _LIST_LABEL.match(text) and linked >= 0.5 * len(text):
        return True
    label = _NAME_LIKE_PROMO_LABEL.match(text)
    if label and linked >= 0.8 * (len(text) - label.end()):
        return True
    # A paragraph or subheading that is nothing but a link to another story of the outlet.
    return (
        len(text) >= 12
        and linked >= 0.9 * len(text)
        and any(story_links.target(a.get("href", "")) for a in links)
    )


def _is_page_path_line(element: HtmlElement, text: str) -> bool:
    if _BREADCRUMB.match(text):
        return True
    return bool(_AUTHOR_BOX.match(text)) and element.tag in ("p", "div", "h2", "h3", "h4")


def _has_block_child(element: HtmlElement) -> bool:
    return any(
        child.tag in ("p", "div", "section", "ul", "ol", "h2", "h3", "h4", "table", "article")
        for child in element
    )


def _drop(element: HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
