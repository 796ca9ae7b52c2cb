"""The story body: trafilatura on the pruned tree, then one line per paragraph or subheading."""

from __future__ import annotations

import re

from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from newsarchive.extract.boilerplate import PROMO_LABEL, STORY_END

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
    r"(?:©|copyright)\s.*all rights reserved\.?)$",
    re.IGNORECASE,
)
#: Lines of page furniture that templates put inside the article container.
_FURNITURE_LINE = re.compile(
    r"^(?:(?:tags?|topics?|filed under|keywords)\s*:.{0,200}|"
    r"(?:reading time|read time|tempo de leitura|temps de lecture|lesezeit)\s*:.{0,30}|"
    r"\d+\s*min(?:ute)?s? read|"
    r"like this (?:story|article)\?.{0,80}|"
    r".{0,120}\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox)\b.{0,120})$",
    re.IGNORECASE,
)
#: Wire-style credits that close a story: "(Reporting by ...; Editing by ...)".
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b.{0,300}$|"
    r"^[\w .,'-]{3,80} contributed (?:reporting|to this report)\b.{0,120}$",
    re.IGNORECASE,
)
_CREDIT_TAIL = 3
_PROMO_MAX_WORDS = 25


def extract_body(tree: HtmlElement, url: str, title: str | None) -> list[str]:
    """Paragraphs and subheadings of the story, in order, each as one whitespace-normalised line."""
    options = Extractor(
        output_format="python",
        comments=False,
        tables=True,
        links=False,
        images=False,
        formatting=False,
        url=url,
    )
    document = bare_extraction(tree, url=url, options=options)
    if document is None or isinstance(document, dict) or document.body is None:
        return []
    lines = _lines(document.body)
    return _tidy(lines, title)


def _lines(body: _Element) -> list[str]:
    lines: list[str] = []
    _walk(body, lines)
    return [line for line in (" ".join(chunk.split()) for chunk in lines) if line]


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


def _tidy(lines: list[str], title: str | None) -> list[str]:
    kept: list[str] = []
    title_key = _key(title or "")
    for index, line in enumerate(lines):
        if not kept and title_key and _key(line) == title_key:
            continue  # the headline is the title, not body text
        if index > 0 and STORY_END.match(line):
            break
        if _CLOSING_LINE.match(line):
            break
        if PROMO_LABEL.match(line) and len(line.split()) <= _PROMO_MAX_WORDS:
            continue
        if _FURNITURE_LINE.match(line):
            continue
        if kept and kept[-1] == line:
            continue
        kept.append(line)
    # Credits sit in the last lines; the same words earlier are part of the story.
    while kept and len(kept) > 1 and _CREDIT_LINE.match(kept[-1]):
        kept.pop()
    tail = kept[-_CREDIT_TAIL:]
    return kept[: len(kept) - len(tail)] + [line for line in tail if not _CREDIT_LINE.match(line)]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
