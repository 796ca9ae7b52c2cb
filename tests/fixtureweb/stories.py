"""The story texts of the fixture web, kept as data files in `stories/`.

A story is what a reporter wrote; where it is published (outlet, URL, date, byline) is decided in
outlets.py, so one story can appear on two outlets (syndication). The body is written as blocks
separated by blank lines, with a few markers for what the page shows inside the article that is
not the story's own text:

    plain text          a paragraph
    ## / ###            a subheading
    > text              a paragraph of a block quotation (its attribution line too)
    [promo] text        an inline promo: a link to another story ("READ: ...", a bare headline)
    [figure] caption    a photo with its caption
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STORY_DIR = Path(__file__).parent / "stories"

#: Blocks that are the story's own text: the body an extractor must keep, in this order.
STORY_TEXT = frozenset({"paragraph", "heading", "subheading", "quote"})

_MARKERS = (
    ("### ", "subheading"),
    ("## ", "heading"),
    ("> ", "quote"),
    ("[promo] ", "promo"),
    ("[figure] ", "figure"),
)
_PROMO_LABEL = re.compile(r"^([A-Z][A-Z ]+): (.+)$")


@dataclass(frozen=True)
class Block:
    kind: str  # paragraph | heading | subheading | quote | promo | figure
    text: str

    @property
    def promo_label(self) -> str | None:
        """'READ' for 'READ: Some headline'; None for a bare headline promo."""
        match = _PROMO_LABEL.match(self.text)
        return match.group(1) if match else None

    @property
    def promo_headline(self) -> str:
        match = _PROMO_LABEL.match(self.text)
        return match.group(2) if match else self.text


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    lead: str
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks if block.kind in STORY_TEXT)

    @property
    def promos(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kind == "promo")


def _block(chunk: str) -> Block:
    text = " ".join(line.strip() for line in chunk.strip().splitlines())
    for marker, kind in _MARKERS:
        if text.startswith(marker):
            return Block(kind, text.removeprefix(marker))
    return Block("paragraph", text)


@cache
def load_story(key: str) -> Story:
    data = tomllib.loads((STORY_DIR / f"{key}.toml").read_text(encoding="utf-8"))
    chunks = [chunk for chunk in re.split(r"\n\s*\n", data["body"]) if chunk.strip()]
    return Story(
        key=key,
        title=data["title"],
        lead=data["lead"],
        tags=tuple(data["tags"]),
        blocks=tuple(_block(chunk) for chunk in chunks),
    )
