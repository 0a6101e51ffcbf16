"""The standfirst: the publisher's summary printed between the headline and the story.

Many pages set it apart from the story's own container (in the article header, beside the
headline), so the body container alone misses it; it is part of the story as printed.
"""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.blocks import Block, is_within
from pipelines.extraction.clean import hint
from pipelines.extraction.text import count_words, folded_words, same_text
from pipelines.extraction.thresholds import (
    DESCRIPTION_MIN_WORDS,
    DESCRIPTION_WORDS,
    IMAGE_PARENT_EXTRA_CHARS,
    IMAGE_TEXT_MIN_WORDS,
    IMAGE_TEXT_WORDS,
    LEAD_HINT_LEVELS,
    LEAD_HINTED_WORDS,
    LEAD_LINK_SHARE,
    LEAD_SENTENCE_WORDS,
    MAX_LEAD_BLOCKS,
    MAX_LEAD_GAP,
    UNSPACED_WORD,
    WRAPPER_GROWTH,
)

# Class names publishers give a standfirst.
_LEAD_HINT = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|intro|standfirst|summary|teaser|excerpt|dek|deck|strapline|"
    r"sub-?title|sub-?headline|synopsis|description|epigraph|abstract|sapo|chapo|chapeau|"
    r"perex|ingress|entradilla|subline|vorspann)(?:$|[\s_-])",
    re.I,
)


def _hinted(block: Block) -> bool:
    for el in (block.element, *list(block.element.iterancestors())[:LEAD_HINT_LEVELS]):
        if _LEAD_HINT.search(hint(el)):
            return True
    return False


def _describes(text: str, description: str | None) -> bool:
    """The block opens like the page's description (which may be cut short)."""
    if not description:
        return False
    mine, theirs = folded_words(text), folded_words(description)
    size = min(DESCRIPTION_WORDS, len(mine), len(theirs))
    return size >= DESCRIPTION_MIN_WORDS and mine[:size] == theirs[:size]


def _beside_image(block: Block) -> bool:
    """A caption set apart from any <figure>: an image in the block, or in a parent that
    holds little more than the block and the image."""
    if block.element.find(".//img") is not None:
        return True
    parent = block.element.getparent()
    if parent is None or parent.find(".//img") is None:
        return False
    return len(parent.text_content()) < WRAPPER_GROWTH * len(block.text) + IMAGE_PARENT_EXTRA_CHARS


def _image_texts(root: lxml.html.HtmlElement) -> set[tuple[str, ...]]:
    """The opening words of every image's alt and title text: a caption repeats them."""
    found = set()
    for img in root.iter("img"):
        for attr in ("alt", "title"):
            opening = _opening(img.get(attr) or "")
            if len(opening) >= IMAGE_TEXT_MIN_WORDS:
                found.add(opening)
    return found


def _opening(text: str) -> tuple[str, ...]:
    return folded_words(text)[:IMAGE_TEXT_WORDS]


def _is_lead(block: Block, description: str | None) -> bool:
    if block.link_density > LEAD_LINK_SHARE or block.tag == "li" or _beside_image(block):
        return False
    if _describes(block.text, description):
        return True
    if not _hinted(block):
        return False
    size = count_words(block.text, UNSPACED_WORD)
    return size >= LEAD_HINTED_WORDS or (size >= LEAD_SENTENCE_WORDS and block.ends_sentence)


def find_lead(
    blocks: list[Block],
    container: lxml.html.HtmlElement,
    headline: str | None,
    description: str | None,
) -> list[Block]:
    """The blocks of the standfirst: after the <h1> or the block that repeats the headline
    (which may be the JSON-LD headline, not the one printed), before the
    body container, each the page's own summary by its description or by its class name.
    (A block with neither sign is left out: on pages from 2017-2019 such decks were mostly
    not counted as the story, on today's pages the description marks them.)"""
    if not headline:
        return []
    anchor = None
    for i, block in enumerate(blocks):
        if is_within(block.element, container):
            break
        if block.tag == "h1" or same_text(block.text, headline):
            anchor = i
    if anchor is None:
        return []
    lead: list[Block] = []
    for block in blocks[anchor + 1 : anchor + 1 + MAX_LEAD_GAP]:
        if is_within(block.element, container):
            break
        if _is_lead(block, description) and not any(b.text == block.text for b in lead):
            lead.append(block)
        elif lead:
            break  # the standfirst is one run of blocks
    if len(lead) > MAX_LEAD_BLOCKS:
        return []  # a run this long is a story of its own, not the summary of this one
    images = _image_texts(container.getroottree().getroot()) if lead else set()
    return [b for b in lead if _opening(b.text) not in images]
