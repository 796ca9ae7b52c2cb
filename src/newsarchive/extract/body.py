"""The story body: trafilatura on the pruned tree, then one line per paragraph or subheading."""

from __future__ import annotations

import re
import unicodedata
from copy import copy
from dataclasses import dataclass

from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from newsarchive.extract.boilerplate import PROMO_LABEL, STORY_END
from newsarchive.extract.dates import is_date_stamp
from newsarchive.extract.stoplist import share_stoplist
from newsarchive.extract.tree import class_string, class_tokens, link_text_length, text_content

share_stoplist()  # the fallback's stop words held once per process (extract/stoplist.py)

#: Blocks whose whole text is one line (trafilatura's XML names and, from its fallback
#: extractors, HTML ones).
_LINE_BLOCKS = frozenset(
    {"p", "head", "item", "code", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dd", "dt"}
)
_ROWS = frozenset({"row", "tr"})
#: Blocks that only hold other blocks.
_CONTAINERS = frozenset(
    {
        "body",
        "div",
        "section",
        "article",
        "main",
        "list",
        "ul",
        "ol",
        "dl",
        "quote",
        "blockquote",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "figure",
        "header",
        "footer",
        "details",
        "center",
        "font",
    }
)
_BREAKS = frozenset({"lb", "br", "hr"})
_SKIPPED = frozenset({"graphic", "img", "figcaption", "caption"})
#: Lines that end the story when trafilatura lets a trailing block through.
_CLOSING_LINE = re.compile(
    r"^(?:comments are closed\.?|this site uses akismet.*|"
    r"(?:©|copyright)\s.*all rights reserved\.?|"
    r"[(\[]\s*end\s*[)\]]|-+\s*end\s*-+)$",  # a wire's end mark: Yonhap's "(END)"
    re.IGNORECASE,
)
#: Lines of page furniture that templates put inside the article container.
_FURNITURE_LINE = re.compile(
    r"^(?:(?:tags?|topics?|filed under|keywords)\s*:.{0,200}|"
    r"(?:last )?(?:updated|published|posted)\b\s*(?:at|on)?\s*:?\s*\S.{0,60}|"
    r"(?:reading time|read time|tempo de leitura|temps de lecture|lesezeit)\s*:.{0,30}|"
    r"\d+\s*min(?:ute)?s? read|"
    r"like this (?:story|article)\?.{0,80}|"
    r".{0,120}\b(?:sign(?:ing)? up|subscribe)\b.{0,80}\b(?:newsletters?|inbox)\b.{0,120}|"
    # "Lust auf mehr? ... Melde dich hier für unseren Newsletter an!", "Zum Newsletter anmelden"
    r".{0,200}\bnewsletter\b.{0,20}\ban(?:melden)?[.!]?)$",
    re.IGNORECASE,
)
#: Wire-style credits that close a story: "(Reporting by ...; Editing by ...)".
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b.{0,300}$|"
    r"^[\w .,'-]{3,300} contributed (?:reporting|to this report)\b.{0,120}$",
    re.IGNORECASE,
)
#: How to reach or follow the reporter or the outlet: an e-mail, a handle, a social link.
_CONTACT_LINE = re.compile(
    r"^(?:\S+@\S+\.\w+|(?:https?://|www\.|twitter\.com/)\S+|"
    r"(?:follow|subscribe to|have a tip)\b.{0,200}"
    r"(?:facebook|twitter|instagram|youtube|linkedin|https?://|\S+@\S+\.\w+|@\w+).{0,100}|"
    r"(?:more|reach|contact|email|write to)\b.{0,200}(?:https?://|\S+@\S+\.\w+|@\w+).{0,100}|"
    # "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir ...", "Folge uns auf".
    r"(?:s[ií]guenos|folg(?:e|en sie) uns|suivez-nous|seguici|obserwuj nas)\b.{0,200}|"
    r".{0,160}\b(?:write to|e-?mail us at)\s+\S+@\S+\.\w+\.?)$",
    re.IGNORECASE,
)
#: The outlet asking the reader for something where the story ends: to subscribe for the rest,
#: to log in, to download its app, to join its channel ("Subscribe now to our eNATION edition
#: for the full story.", "For the latest stories ... download the Nationnews apps for iOS and
#: Android.", "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete ...", "HAZTE
#: MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS"). Read in the last lines only, like credits.
_CALL_LINE = re.compile(
    r"^(?:.{0,120}\bsubscribe\b.{0,100}\bfull (?:story|article)\b.{0,60}|"
    r".{0,160}\balready (?:a )?(?:subscriber|member)\b.{0,160}|"
    r".{0,120}\bdownload (?:the|our) [\w .&'-]{0,40}\bapps?\b.{0,20}"
    r"\b(?:ios|android|app store|google play)\b.{0,40}|"
    r".{0,80}\b(?:nuestro canal|tenemos (?:un )?canal|our (?:\w+ )?channel)\b.{0,160}|"
    r".{0,160}\bsign up here[.!]?|"
    r"hazte (?:miembro|socio|suscriptor)\b.{0,100})$",
    re.IGNORECASE,
)
#: A copyright or rights notice: "© 2019 Associated Press. All Rights Reserved. This material may
#: not be published, broadcast, rewritten, or redistributed.", "Copyright 2019 Hawaii News Now.",
#: "© Reuters", "All rights reserved © 2019 The Real Deal", "This material may not be published,
#: broadcast, rewritten, or redistributed. ©2019 FOX News Network, LLC." Its opening says so: a
#: © sign, "Copyright" with a © sign or a year, or "Copyright <holder>, all rights reserved"
#: where the phrase closes a clause, or "This material may not be published". "Copyright law
#: protects ..." opens no notice, and a "(c)" alone may be a list item. Only the last lines of
#: a body are read this way (with credits and contact lines): a notice there is the outlet's,
#: not the story's. A notice before any story line is the outlet's too (a template that prints it
#: above the story, foxnews.com's pages without one).
_NOTICE_HOLDER = r"[^.!?]{0,100}?"
_ALL_RIGHTS_RESERVED = r"all\s+rights\s+reserved(?=\s*(?:[.,;:|–—©-]|$))"
_RIGHTS_NOTICE = re.compile(
    r"^(?:"
    r"(?:copyright\s*)?[©ⓒ]|"
    r"copyright\s*(?:\(c\)\s*)?(?:19|20)\d\d\b|\(c\)\s*(?:19|20)\d\d\b|"
    rf"copyright\s{_NOTICE_HOLDER}{_ALL_RIGHTS_RESERVED}|"
    rf"{_ALL_RIGHTS_RESERVED}|"
    r"this\s+(?:material|content)\s+(?:may|must|can)\s*not\s+be\s+"
    r"(?:re)?(?:published|produced|distributed|written|broadcast|copied)"
    r")",
    re.IGNORECASE,
)
#: Words of a notice that says what may not be done with the story; with them a notice may run
#: to a few sentences, without them it is a short line.
_REUSE_TERMS = re.compile(
    r"\b(?:rights\s+reserved|(?:re)?publi(?:shed|cation)|redistribut\w*|reproduc\w*|"
    r"rewritten|broadcast|permission)\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = 15
_LONG_NOTICE_WORDS = 60
_CREDIT_TAIL = 4
#: Lines at the top of the body where the headline or a section label may repeat.
_HEAD_LINES = 3
_LABEL_WORDS = 3
_BYLINE_WORDS = 10
_PROMO_MAX_WORDS = 25
#: Below this many words from the fast pass, trafilatura's fallback extractors get a turn.
_RESCUE_WORDS = 100
#: ... or below this many, and this share of the pruned page's paragraph text (on a page with
#: this much): a fuller fast result is the story, and the fallbacks add teasers to it.
_RESCUE_SHORT_WORDS = 250
_RESCUE_SHARE = 0.1
_RESCUE_PROSE = 1000
_PARAGRAPH_HOLDERS = frozenset({"p", "div", "section", "article", "ul", "ol", "table"})


@dataclass(frozen=True)
class PageFacts:
    """What the page said about itself, to recognise when the body repeats it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    link_labels: frozenset[str] = frozenset()  # short link texts: sections, tags, menu items
    description: str | None = None  # the page's own summary (og:description, meta description)


def link_labels(tree: HtmlElement) -> frozenset[str]:
    """Keys of the page's short link texts (read before pruning: menus go first)."""
    labels = set()
    for anchor in tree.iter("a"):
        text = text_content(anchor)
        if len(text) <= 40 and 0 < len(text.split()) <= _LABEL_WORDS:
            labels.add(_key(text))
    labels.discard("")
    return frozenset(labels)


def extract_body(tree: HtmlElement, url: str, facts: PageFacts) -> list[str]:
    """Paragraphs and subheadings of the story, in order, each as one whitespace-normalised line.

    trafilatura runs without its fallback extractors (readability, jusText) first: on a tree
    already pruned of page furniture they mostly add back what the pruning took out (AEB: F1
    0.970 with them, 0.974 without). They still get their chance when the first pass finds
    next to nothing, which is what they exist for.
    """
    _spell_formulas(tree)
    _wrap_loose_text(tree)
    _join_datelines(tree)
    lines = _with_standfirst(_story_lines(tree, url, facts), tree, facts)
    return _with_lead(lines, tree)


def _story_lines(tree: HtmlElement, url: str, facts: PageFacts) -> list[str]:
    lines = _tidy(_trafilatura_lines(tree, url, fast=True), facts)
    words = sum(len(line.split()) for line in lines)
    if words < _RESCUE_WORDS or (words < _RESCUE_SHORT_WORDS and _missed_prose(tree, lines)):
        rescued = _tidy(_trafilatura_lines(tree, url, fast=False), facts)
        if sum(len(line.split()) for line in rescued) > words:
            return rescued
    elif len(lines) == 1 and words >= _RESCUE_SHORT_WORDS:
        # One line of 250 words or more is trafilatura's last resort, the page's text in one
        # paragraph (menus, "Sign In" and the story run together: timesofindia.indiatimes.com);
        # the fallback extractors find the story's paragraphs. A story of one paragraph is
        # shorter.
        rescued = _tidy(_trafilatura_lines(tree, url, fast=False), facts)
        if len(rescued) > 1:
            return rescued
    return lines


#: Elements that may hold a standfirst: a subheading or a paragraph under the headline.
_STANDFIRST_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b"})
_STANDFIRST_MIN_WORDS = 8
#: The story's paragraphs beside the block: a paragraph of prose among its next siblings.
_STORY_BESIDE = "following-sibling::p[string-length(normalize-space()) >= 80]"
_PROBE_CHARS = 30


def _with_standfirst(lines: list[str], tree: HtmlElement, facts: PageFacts) -> list[str]:
    """The story's standfirst (deck) first, when the page shows its summary above the story.

    Outlets print a summary sentence between the headline and the story (businessweek.com's
    `<h2>` deck under the `<h1>`, in the story's container) and give the same sentence as the
    page's description; trafilatura starts at the first paragraph of the story and leaves it
    out. A block whose words are the description's, that comes after the headline and before
    the body's first line, among the story's paragraphs, is the story's own opening: it is put
    back in front. A summary in the page's header, apart from the paragraphs (nytimes.com's,
    vox.com's, wired.com's dek), is the outlet's, not the story's: the article-extraction
    benchmark leaves those out (with them, 20 of its 181 pages lost precision). The
    description alone (not shown, or shown elsewhere: a teaser, a sharing box) adds nothing.
    """
    description = facts.description
    if not lines or not description or len(description.split()) < _STANDFIRST_MIN_WORDS:
        return lines
    wanted = _key(description)
    if wanted in _key(" ".join(lines)):
        return lines
    probe = " ".join(description.split()[:4])
    first = lines[0][:_PROBE_CHARS].rsplit(" ", 1)[0] if len(lines[0]) > _PROBE_CHARS else lines[0]
    for text in tree.xpath("//text()[contains(normalize-space(), $probe)]", probe=probe):
        holder = text.getparent()
        if holder is None:
            continue
        block = holder.getparent() if text.is_tail else holder
        if block is None or not isinstance(block.tag, str) or block.tag not in _STANDFIRST_TAGS:
            continue
        if _key(block.text_content()) != wanted or block.xpath("ancestor-or-self::a"):
            continue
        if not block.xpath(_STORY_BESIDE) or not block.xpath("preceding::h1"):
            continue
        if not block.xpath("following::text()[contains(normalize-space(), $first)]", first=first):
            continue
        return [" ".join(_visible(block.text_content()).split()), *lines]
    return lines


#: Class or id words of a story's lead paragraph ("Vorspann"): `p.lead`, `div.teaser-text` (the
#: TYPO3 news extension's), `div.article__intro`, `div.chapo`, `p.ts-intro`, `div.t-preface`.
#: Not "dek", "deck", "subtitle" or "description": English templates' display lines under the
#: headline, which the article-extraction benchmark and readability's truth leave out.
_LEAD_WORDS = frozenset(
    {
        "lead",
        "leadtext",
        "intro",
        "introtext",
        "teaser",
        "teasertext",
        "standfirst",
        "chapo",
        "excerpt",
        "abstract",
        "summary",
        "preface",
        "vorspann",
        "bajada",
        "entradilla",
    }
)
#: Words that put a block in the headline's group ("post__title__excerpt", "intro__title"):
#: the headline's display, not the story's opening.
_HEADLINE_WORDS = frozenset({"title", "headline", "heading", "subtitle", "subheadline"})
#: A search of each element's class and id string for those words as parts of words, before
#: `class_tokens` checks them whole: a walk in Python took a tenth of the time of one XPath
#: with `translate` and `contains` for each word (6.5 ms a page on AEB's).
_LEAD_MARK = re.compile(
    "|".join(
        sorted(
            word
            for word in _LEAD_WORDS
            if not any(other != word and other in word for other in _LEAD_WORDS)  # "leadtext"
        )
    )
)
_LEAD_MIN_WORDS = 15
_LEAD_MIN_SENTENCES = 2
_LEAD_SENTENCE_WORDS = 6
#: Text a reader passes between the lead and the story's first line: a byline, a date, a photo
#: credit, sharing buttons; more is another part of the page.
_LEAD_GAP_CHARS = 250
_LEAD_PROBE_CHARS = 12
_LEAD_MEDIA = (
    ".//img|.//picture|.//video|.//iframe|.//figure|.//figcaption|ancestor::figure"
    "|.//h1|.//h2|.//h3|.//h4|ancestor-or-self::h1"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _with_lead(lines: list[str], tree: HtmlElement) -> list[str]:
    """The story's lead paragraph first, when the template sets it apart right above the story.

    German-language outlets (and Polish, Norwegian, French ones) print the story's first
    paragraph, the one that answers who, what, when, in a block of its own between the headline
    and the rest (`div.teaser-text`, `p.lead`, `div.article__intro`); trafilatura reads the
    story's container and leaves it out (trafilatura's evaluation: 36 of its snippets are such
    leads). A block is taken as the lead when its class says lead (`_LEAD_WORDS`) and not
    headline (`_HEADLINE_WORDS`), it holds prose of two sentences or more and no photo or
    heading, and the story's first line follows it with at most a byline, a date or a credit
    between: a summary in a listing or a sidebar is not next to the story, and a one-sentence
    display line under an English headline (a dek, which the article-extraction benchmark and
    readability's truth leave out of the story) is not prose of sentences. It fires on one of
    AEB's 181 pages (a Russian lead that its truth leaves out) and on none of readability's.
    """
    if not lines:
        return lines
    body_key = _key(" ".join(lines))
    # The openings of the body's first lines: the first may be a label or a kicker that
    # trafilatura kept from above the lead ("Leseprobe: Das perfekte Dinner", reiterrevue.de).
    probes = [
        line[:_PROBE_CHARS].rsplit(" ", 1)[0] if len(line) > _PROBE_CHARS else line
        for line in lines[:_HEAD_LINES]
    ]
    probes = [probe for probe in probes if len(probe) >= _LEAD_PROBE_CHARS]
    best: tuple[int, str] | None = None
    for block in tree.iter():
        if not isinstance(block.tag, str) or not _LEAD_MARK.search(class_string(block)):
            continue
        words_of_class = class_tokens(block)
        if not words_of_class & _LEAD_WORDS or words_of_class & _HEADLINE_WORDS:
            continue
        text = " ".join(_visible(text_content(block)).split())
        words = len(text.split())
        sentences = len(_SENTENCE_END.findall(text.replace("...", "…")))
        if (
            words < _LEAD_MIN_WORDS
            or sentences < _LEAD_MIN_SENTENCES
            or words < _LEAD_SENTENCE_WORDS * sentences
            or _key(text) in body_key
            or link_text_length(block) >= 0.3 * len(text)
            or block.xpath(_LEAD_MEDIA)
        ):
            continue
        gap = _gap_before(block, probes)
        if gap is not None and (best is None or gap < best[0]):
            best = (gap, text)
    return lines if best is None else [best[1], *lines]


def _gap_before(block: HtmlElement, probes: list[str]) -> int | None:
    """Characters of text between the end of `block` and the first of `probes` that follows it
    closely, if one does."""
    seen = ""
    for text in block.xpath("following::text()[not(ancestor::script or ancestor::style)]"):
        seen = " ".join(_visible(f"{seen} {text}").split())
        found = [at for at in (seen.find(probe) for probe in probes) if at >= 0]
        if found:
            return min(found)
        if len(seen) > _LEAD_GAP_CHARS + _PROBE_CHARS:
            return None
    return None


_HIDDEN_BY_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _spell_formulas(tree: HtmlElement) -> None:
    """Give each shown MathML formula as its symbols, space-separated, in its place.

    trafilatura drops `<math>` whole, and a sentence such as "When a ≠ 0, there are two
    solutions" loses its formula (MathJax pages keep the MathML beside the glyphs it draws).
    A formula hidden by an inline style is left out: Wikipedia hides its MathML and shows an
    image, and TeX annotations are source, not text.
    """
    for formula in list(tree.iter("math")):
        if any(
            _HIDDEN_BY_STYLE.search(node.get("style") or "")
            for node in (formula, *formula.iterancestors())
        ):
            continue
        symbols = [
            " ".join(node.text.split())
            for node in formula.iter()
            if isinstance(node.tag, str)
            and not node.tag.startswith("annotation")
            and node.text
            and node.text.strip()
        ]
        # MathJax wraps the MathML and the glyphs it draws in custom elements (`mjx-container`),
        # which trafilatura drops with everything inside: the symbols replace the wrapper.
        shown = formula
        while (parent := shown.getparent()) is not None and "-" in str(parent.tag):
            shown = parent
        spelled = formula.makeelement("span", {})
        spelled.text = f" {' '.join(symbols)} "  # apart from the words around it
        spelled.tail = shown.tail
        if (parent := shown.getparent()) is not None:
            parent.replace(shown, spelled)


#: Text right after a block that holds blocks, loose in its container: the tail of a `<div>`
#: (a `<section>`, `<figure>`, `<blockquote>`) holding a `<p>` or a `<div>`, or holding no
#: text at all (a column of related links that pruning emptied: news.yahoo.com's dateline
#: paragraph follows one), long enough to be prose rather than a separator or a label.
#: trafilatura reads the tail of a table, a list or a `<div>` of inline content; changing
#: containers it reads changes what it scores elsewhere.
_LOOSE_TEXT = (
    "//text()[string-length(normalize-space()) >= 40][preceding-sibling::node()[1]"
    "[self::div or self::section or self::figure or self::blockquote]"
    "[.//p or .//div or not(normalize-space())]]"
)
#: What ends a run of loose text: a block. Line breaks stay inside the run, where they make
#: lines as in any paragraph.
_RUN_ENDS = frozenset({"hr", "p", *_CONTAINERS, *_LINE_BLOCKS})


def _wrap_loose_text(tree: HtmlElement) -> None:
    """Put the text and inline markup loose in a container beside blocks into paragraphs.

    Outlets write the story straight into a container after a photo box (world.kbs.co.kr:
    `div.body_txt` holds `div.img_box`, then "Anchor: After heavy downpours ...<br>"; sott.net
    a `div.article-image-large` before each part), and trafilatura drops the text in the tail
    of a block that holds blocks, fast pass and fallbacks alike. In a container where that
    happens, every run of text, inline markup and line breaks between its blocks becomes a
    `<p>` (a run wrapped alone would leave its neighbours loose beside a paragraph, and
    trafilatura drops loose inline elements there: sott.net's subheadings in `span.BoldGrey`).
    One XPath finds the candidates, so pages without any cost a search.
    """
    parents: list[HtmlElement] = []
    for text in tree.xpath(_LOOSE_TEXT):
        block = text.getparent()
        parent = block.getparent() if block is not None and text.is_tail else None
        if parent is not None and parent not in parents:
            parents.append(parent)
    for parent in parents:
        _wrap_runs(parent)


#: A bold or spanned place name ending in a colon or a dash, right before a paragraph.
_DATELINE_MARK = (
    "//*[self::b or self::strong or self::span][following-sibling::*[1][self::p]]"
    "[contains(':—–-', substring(normalize-space(), string-length(normalize-space())))]"
)
_DATELINE_WORDS = 6


def _join_datelines(tree: HtmlElement) -> None:
    """Put a dateline set apart in bold before the first paragraph into that paragraph.

    ndtv.com writes `<b class="place_cont">Washington/ New Delhi: </b><p>US President ...`:
    the dateline is loose inline markup beside blocks, which trafilatura drops, and on the
    page it reads as the paragraph's opening words. Only a short run (a place, not a
    sentence) with nothing but white space between it and the paragraph is moved.
    """
    for mark in tree.xpath(_DATELINE_MARK):
        paragraph = mark.getnext()
        text = " ".join(mark.text_content().split())
        if not text or (mark.tail or "").strip() or len(text.split()) > _DATELINE_WORDS:
            continue
        mark.tail = None
        paragraph.text = f"{text} {paragraph.text or ''}"
        mark.drop_tree()


def _wrap_runs(parent: HtmlElement) -> None:
    children = list(parent)
    run: HtmlElement | None = None
    if (parent.text or "").strip():
        run = parent.makeelement("p", {})
        run.text, parent.text = parent.text, None
        parent.insert(0, run)
    for child in children:
        if isinstance(child.tag, str) and child.tag in _RUN_ENDS:
            run = None
            if (child.tail or "").strip():
                run = child.makeelement("p", {})
                run.text, child.tail = child.tail, None
                child.addnext(run)
            continue
        if run is None:
            run = parent.makeelement("p", {})
            child.addprevious(run)
        run.append(child)  # with its tail: the run goes on after inline markup


def _missed_prose(tree: HtmlElement, lines: list[str]) -> bool:
    """The fast pass kept a small part of the paragraphs left after pruning.

    trafilatura's fast pass can settle on a pull quote or a teaser box when the story's
    paragraphs sit in a container its scoring does not reach (spiegel.de kept two quoted
    sentences of a 15,000-character story written as `div.dig-absatz`); its fallback extractors
    read the whole page. Paragraphs are `<p>`s and `<div>`s holding no other block.
    """
    kept = sum(len(line) for line in lines)
    if kept >= _RESCUE_SHARE * len(tree.text_content()):  # an upper bound of the prose
        return False
    prose = sum(
        len(" ".join(block.text_content().split()))
        for block in tree.iter("p", "div")
        if block.tag == "p" or not any(child.tag in _PARAGRAPH_HOLDERS for child in block)
    )
    return prose >= _RESCUE_PROSE and kept < _RESCUE_SHARE * prose


#: trafilatura's options for the fast pass (True) and the one with its fallbacks (False), built
#: once: an `Extractor` reads six values of trafilatura's config and the clock (for a date
#: search that only runs with metadata) each time it is built. A page's pass gets a copy with
#: its URL. "txt", not "python", because the body is read from `document.body`: for "python"
#: trafilatura also renders the body as text (`document.text`), which nothing here reads.
_PASSES = {
    fast: Extractor(
        output_format="txt",
        fast=fast,
        comments=False,
        tables=True,
        links=False,
        images=False,
        formatting=False,
    )
    for fast in (True, False)
}


def _trafilatura_lines(tree: HtmlElement, url: str, fast: bool) -> list[str]:
    options = copy(_PASSES[fast])
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8")  # as Extractor(url=url) has it
    document = bare_extraction(tree, url=url, options=options)
    if document is None or isinstance(document, dict) or document.body is None:
        return []
    return _lines(document.body)


def _lines(body: _Element) -> list[str]:
    lines: list[str] = []
    _walk(body, lines)
    return [line for line in (" ".join(_visible(chunk).split()) for chunk in lines) if line]


#: Format characters that show nothing: soft hyphens (weinkenner.de hyphenates every word with
#: them), zero-width spaces, word joiners and invisible operators, the byte-order mark, and
#: direction marks, embeddings and isolates. A search for "Mittelalter" must find
#: "Mit\xadtel\xadal\xadter". Zero-width joiners and non-joiners stay: they shape Persian and
#: Indic letters.
_INVISIBLE = dict.fromkeys(
    (0x00AD, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2060, 0x2065)),
    None,
) | dict.fromkeys((*range(0x2066, 0x206A), 0xFEFF), None)


def _visible(text: str) -> str:
    """The text without invisible format characters, in Unicode's composed form (NFC).

    Pages mix composed and decomposed spellings of the same letter (Bengali য় as one code point
    or as য with a nukta), and a search, a fingerprint or a snippet test compares code points;
    trafilatura's own output is composed and free of these characters too.
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


def _walk(element: _Element, lines: list[str]) -> None:
    """Blocks become lines; loose text between blocks (fallback output) becomes lines too."""
    run = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIPPED or not tag:
            pass
        elif tag in _ROWS:
            lines.append("".join(run))
            lines.append(" ".join(_text(cell) for cell in child))
            run = []
        elif tag in _BREAKS:
            lines.append("".join(run))
            run = []
        elif tag in _CONTAINERS or (tag in _LINE_BLOCKS and _holds_blocks(child)):
            lines.append("".join(run))
            _walk(child, lines)
            run = []
        elif tag in _LINE_BLOCKS:
            lines.append("".join(run))
            lines.extend(_split_on_breaks(child))
            run = []
        else:  # inline markup: part of the current run, unless it holds a line break
            parts = _split_on_breaks(child)
            run.append(parts[0])
            for part in parts[1:]:
                lines.append("".join(run))
                run = [part]
        run.append(child.tail or "")
    lines.append("".join(run))


def _holds_blocks(element: _Element) -> bool:
    return any(
        isinstance(d.tag, str) and (d.tag in _CONTAINERS or d.tag in _LINE_BLOCKS or d.tag in _ROWS)
        for d in element.iterdescendants()
    )


def _split_on_breaks(element: _Element) -> list[str]:
    """A block's text, one line per `<br>`-separated run (outlets use `<br><br>` as paragraphs)."""
    parts = [""]

    def visit(node: _Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BREAKS:
            parts.append("")
        elif tag and tag not in _SKIPPED:
            parts[-1] += node.text or ""
            for child in node:
                visit(child)
                parts[-1] += child.tail or ""

    visit(element)
    return parts


def _text(element: _Element) -> str:
    return "".join(element.itertext())


def _tidy(lines: list[str], facts: PageFacts) -> list[str]:
    kept: list[str] = []
    title_key = _key(facts.title or "")
    author_keys = {_key(author) for author in facts.authors}
    stamped = False  # a page states its date once: a column of dates lists other items
    for index, line in enumerate(lines):
        key = _key(line)
        if len(kept) < _HEAD_LINES:
            if key == title_key or _is_label(line, key, facts) or _is_breadcrumb(line, facts):
                continue  # the headline, or a section label or trail above it, is not body text
            if not stamped and is_date_stamp(line):
                stamped = True
                continue
        if index > 0 and STORY_END.match(line):
            break
        if _CLOSING_LINE.match(line):
            break
        if PROMO_LABEL.match(line) and len(line.split()) <= _PROMO_MAX_WORDS:
            continue
        if _FURNITURE_LINE.match(line) or _is_byline(line, key, author_keys):
            continue
        if not kept and is_rights_notice(line):
            continue  # the outlet's notice above the story (a template's header), not its text
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    # Credits, contact lines and copyright notices sit in the last lines; the same words earlier
    # are the story's.
    while len(kept) > 1 and (_is_closing_credit(kept[-1]) or is_rights_notice(kept[-1])):
        kept.pop()
    tail = kept[-_CREDIT_TAIL:]
    return kept[: len(kept) - len(tail)] + [line for line in tail if not _is_closing_credit(line)]


def _is_label(line: str, key: str, facts: PageFacts) -> bool:
    """A category or tag name shown above the headline ("Review", "Immunology")."""
    return (
        len(line.split()) <= _LABEL_WORDS
        and key in facts.link_labels
        and not line.startswith("[")  # "[Verse 1]": a part of the text, linked to its notes
    )


#: What separates the steps of a breadcrumb trail: "Home > News > Politics", "HOME ＞ イベント".
_TRAIL_STEP = re.compile(r"\s*[>›»＞→]\s*")
_TRAIL_STEP_CHARS = 40


def _is_breadcrumb(line: str, facts: PageFacts) -> bool:
    """The page's place in its site, "トップ > ニュースリリース > 薄型キーボード", as a line.

    Templates put the trail in the story's container (in a table cell, elecom.co.jp; in a
    paragraph, jnsa.org), where pruning, which reads blocks starting with "Home >", does not
    reach it. Every step but the last (the page itself) is a link of the page's menus, and
    every step is short: a sentence with "->" or "»" in it has long steps, not links.
    """
    steps = _TRAIL_STEP.split(line.strip())
    if len(steps) < 3 or any(not step or len(step) > _TRAIL_STEP_CHARS for step in steps):
        return False
    return all(_key(step) in facts.link_labels for step in steps[:-1])


def is_rights_notice(line: str) -> bool:
    """A copyright, rights-reserved or no-redistribution notice (see `_RIGHTS_NOTICE`)."""
    if not _RIGHTS_NOTICE.match(line):
        return False
    words = len(line.split())
    return words <= _NOTICE_WORDS or (
        words <= _LONG_NOTICE_WORDS and _REUSE_TERMS.search(line) is not None
    )


def _is_byline(line: str, key: str, author_keys: set[str]) -> bool:
    if not author_keys or len(line.split()) > _BYLINE_WORDS:
        return False
    return key in author_keys or any(
        key.startswith(f"by {author}") or key.endswith(f"by {author}") for author in author_keys
    )


def _is_closing_credit(line: str) -> bool:
    return bool(_CREDIT_LINE.match(line) or _CONTACT_LINE.match(line) or _CALL_LINE.match(line))


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
