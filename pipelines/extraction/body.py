"""Find the article body: score containers by the paragraph text they hold, keep its paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.blocks import Block, text_blocks
from pipelines.extraction.clean import positive_hint
from pipelines.extraction.text import same_text

# How much a character of link or fragment text costs a container, against one of prose.
_BAD_WEIGHT = 1.2
_SENTENCE_END = re.compile(r"[.!?…。！？؟।\"”’»)\]:]$")
# Whole blocks that are labels or calls to action, never article text.
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading|read more|read more:.*|related:.*|related (?:articles|stories|coverage)|"
    r"see also:.*|also read:.*|more:.*|share( this( article| story)?)?|share on \w+|"
    r"follow us.*|sign up.*|subscribe.*|click here.*|tap here.*|"
    r"(?:additional )?reporting by .*|(?:writing|editing) by .*|"
    r"copyright .*|©.*|\(c\) .*|all rights reserved.*|"
    r"image:.*|photo:.*|getty images|view comments|comments|loading\W*)$",
    re.I,
)


@dataclass
class Decision:
    """What happened to one text block, for `extract --explain`."""

    kept: bool
    reason: str
    text: str


@dataclass
class BodyResult:
    container: lxml.html.HtmlElement | None
    paragraphs: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _weights(block: Block) -> tuple[float, float]:
    """(good, bad) characters a block adds to each container that holds it."""
    size = len(block.text)
    if block.link_density > 0.5 or size < 25:
        return 0.0, float(block.link_chars or size)
    good = size - block.link_chars
    if block.tag == "li" or size < 60:
        good *= 0.5
    if not _SENTENCE_END.search(block.text):
        good *= 0.7
    return good, float(block.link_chars)


def best_container(blocks: list[Block], root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element whose prose outweighs the links and fragments it also holds."""
    score: dict[lxml.html.HtmlElement, float] = {}
    for block in blocks:
        good, bad = _weights(block)
        value = good - _BAD_WEIGHT * bad
        el = block.element
        score[el] = score.get(el, 0.0) + value
        for ancestor in el.iterancestors():
            score[ancestor] = score.get(ancestor, 0.0) + value
    best, best_score = root, float("-inf")
    for el in root.iter():
        value = score.get(el)
        if value is None:
            continue
        if positive_hint(el):
            value *= 1.05
        if value >= best_score:
            best, best_score = el, value
    return best


def _drop_reason(block: Block, headline: str | None, seen: set[str]) -> str | None:
    text = block.text
    if headline and same_text(text, headline):
        return "repeats the headline"
    if text in seen:
        return "duplicate"
    if block.link_density > 0.5:
        return f"link density {block.link_density:.2f}"
    if _BOILERPLATE_LINE.match(text):
        return "boilerplate phrase"
    if not block.is_heading and len(text.split()) < 4 and not _SENTENCE_END.search(text):
        return "fragment"
    if block.is_heading and len(text) > 200:
        return "heading too long"
    return None


def extract_body(
    root: lxml.html.HtmlElement,
    headline: str | None,
    skip: set[lxml.html.HtmlElement],
) -> BodyResult:
    """Paragraphs of the best container, minus captions (skip), duplicates and fragments."""
    blocks = [b for b in text_blocks(root) if b.element not in skip]
    if not blocks:
        return BodyResult(container=None)
    container = best_container(blocks, root)
    result = BodyResult(container=container)
    seen: set[str] = set()
    for block in blocks:
        inside = block.element is container or container in block.element.iterancestors()
        if not inside:
            result.decisions.append(Decision(False, "outside the article container", block.text))
            continue
        reason = _drop_reason(block, headline, seen)
        result.decisions.append(Decision(reason is None, reason or "kept", block.text))
        if reason is None:
            seen.add(block.text)
            result.paragraphs.append(block.text)
    return result
