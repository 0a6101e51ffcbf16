"""Split a cleaned tree into text blocks: one per paragraph-like element, with its link text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import lxml.html
from lxml import etree

from pipelines.extraction.text import normalize

# Table cells are not blocks: a row reads as one line ("1 Kyle Busch 5040 5"), as people read it.
BLOCK_TAGS = frozenset(
    [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
        "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "table",
        "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr",
        "center", "form", "fieldset", "details", "summary", "body", "html",
    ]
)  # fmt: skip
_CELLS = frozenset(["td", "th"])
# Sentence ends in many scripts: Latin, CJK 。！？, Arabic ؟, Devanagari ।, Khmer ។ ៕,
# Myanmar ။, Ethiopic ።, Armenian ։, and closing quotes or brackets after them.
SENTENCE_END = re.compile(r"[.!?…。！？؟۔।॥។៕။።։\"”’»)\]:」』]$")
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


def is_within(el: lxml.html.HtmlElement, region: lxml.html.HtmlElement) -> bool:
    """True when el is region or sits inside it."""
    return el is region or region in el.iterancestors()


@dataclass
class Decision:
    """What happened to one text block, for `extract --explain`."""

    kept: bool
    reason: str
    text: str


@dataclass
class Block:
    """A run of text owned by one block element (a paragraph, heading, list item, cell...)."""

    element: lxml.html.HtmlElement
    text: str
    link_chars: int

    @property
    def tag(self) -> str:
        return str(self.element.tag)

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / max(1, len(self.text)))

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADINGS

    @cached_property
    def ends_sentence(self) -> bool:
        """Ends like a sentence (any script), not like a label or a fragment."""
        return bool(SENTENCE_END.search(self.text))


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def flush(self, owner: lxml.html.HtmlElement) -> None:
        if self.parts:
            text = normalize("".join(self.parts))
            if text:
                self.blocks.append(Block(owner, text, min(self.link_chars, len(text))))
        self.parts = []
        self.link_chars = 0


def text_blocks(root: lxml.html.HtmlElement, skip: frozenset | set = frozenset()) -> list[Block]:
    """Text blocks under root in document order; <br> ends a block, inline markup does not.

    Text inside the elements in skip (captions) is left out, even when they sit inline in a
    paragraph; the text after them is not."""
    out = _Collector()
    owners = [root]
    links = 0
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if el in skip:
            skipping += 1 if event == "start" else -1
            if event == "end" and not skipping:
                out.add(el.tail, links > 0)
            continue
        if skipping:
            continue
        if event == "start":
            if tag in BLOCK_TAGS or tag == "br":
                out.flush(owners[-1])
                if tag in BLOCK_TAGS and el is not root:
                    owners.append(el)
            if tag == "a":
                links += 1
            if tag in _CELLS and out.parts:
                out.parts.append(" ")
            if tag != "br":
                out.add(el.text, links > 0)
            continue
        if tag == "a":
            links -= 1
        if tag in BLOCK_TAGS and el is not root:
            out.flush(el)
            owners.pop()
        if el is not root:
            out.add(el.tail, links > 0)
    out.flush(root)
    return out.blocks
