"""Why a text block inside the article container is not body: link text, fragments, copies,
boilerplate lines, fine print; and which link-rich lines are the story's own lists."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import lxml.html

from pipelines.extraction.blocks import Block
from pipelines.extraction.captions import in_caption_markup
from pipelines.extraction.text import count_words, folded_words, same_text
from pipelines.extraction.thresholds import (
    CAPTION_START_WORDS,
    DUPLICATE_CHARS,
    ENUMERATED_ITEM_CHARS,
    ENUMERATED_LINKS,
    FINE_PRINT,
    FINE_PRINT_LEVELS,
    FRAGMENT_WORDS,
    HALF_LINKED,
    KICKER_HEADLINE_WORDS,
    LINK_TEXT_SHARE,
    LONGEST_HEADING_CHARS,
    SHORT_LINK_LINE_CHARS,
    UNSPACED_WORD,
)

# Whole blocks that are labels or calls to action, never article text.
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading|read more|read more:.*|related:.*|related (?:articles|stories|coverage)|"
    r"see also:.*|also read:.*|more:.*|share( this( article| story)?)?|share on \w+|"
    r"follow us.*|sign up.*|subscribe.*|click here.*|tap here.*|"
    r"(?:additional )?reporting by .*|(?:writing|editing) by .*|"
    r"copyright .*|©.*|\(c\) .*|all rights reserved.*|"
    r"image:.*|photo:.*|getty images|view comments|comments|loading\W*|you may also like\W*|"
    r"(?:(?:image|photo|picture|slide|foto|bild)s? )?\d+ ?(?:/|of) ?\d+|(?:\d+ ){3,}\d+|"
    r"(?:this|the) [\w ]{1,30} requires javascript.*|(?:please )?enable javascript.*|"
    r"\[\w+[^\]]*\].*\[/\w+\]|"
    r"(?:image|photo|picture|media) (?:copyright|source|credit|caption)\b.*|"
    r"(?:reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\W.{0,30}|"
    r"\d+\s*(?:min|mins|minutes?)\.? read|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.{0,40}\b(?:by|por|par|von|da|door)\b.*)$",
    re.I,
)


_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A line ending in a comma runs on into the next one: a clause, not a stray label.
_CONTINUES = re.compile(r"[,、，،;；]$")


def _short(text: str) -> bool:
    """Under four words (a character of Chinese, Japanese or Thai counts as half a word) and
    not running on into the next line."""
    return count_words(text, UNSPACED_WORD) < FRAGMENT_WORDS and not _CONTINUES.search(text)


def _opening(text: str) -> tuple[str, ...]:
    return folded_words(text)[:CAPTION_START_WORDS]


def caption_openings(captions: Iterable[str]) -> set[tuple[str, ...]]:
    """The opening words of each caption long enough to be recognised when repeated."""
    return {opening for text in captions if len(opening := _opening(text)) == CAPTION_START_WORDS}


# What separates the items of an enumeration written in a sentence: "A, B and C", "A、B、C".
_LIST_SEPARATOR = re.compile(r"[,、，;；:：]|\s(?:and|und|et|y|e|og|och|en)\s")


def _separates(tail: str | None) -> bool:
    """Text between two links that is list punctuation, with maybe unlinked items in it."""
    pieces = _LIST_SEPARATOR.split(f" {tail or ''} ")
    return len(pieces) >= 2 and all(len(piece.strip()) <= ENUMERATED_ITEM_CHARS for piece in pieces)


def enumerates_links(el: lxml.html.HtmlElement) -> bool:
    """A paragraph that names linked places or people one after another, separated like the
    items of a sentence ("Miyazaki: Takanabe、Shintomi、Miyazaki City"): the story's own
    list, where a menu puts each link in an element of its own."""
    if el.tag != "p":
        return False
    links = [child for child in el if child.tag == "a"]
    if len(links) < ENUMERATED_LINKS or any(_BARE_URL.match(a.text_content()) for a in links):
        return False  # addresses are contacts, not names
    return all(a.getnext() is b and _separates(a.tail) for a, b in itertools.pairwise(links))


# Type set in a size (FINE_PRINT) is fine print: a company's boilerplate under a press
# release, comment rules, a disclaimer.
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem|%)", re.I)


def _fine_print(el: lxml.html.HtmlElement) -> bool:
    """An inline style on the block or a near ancestor sets the type at fine-print size."""
    for node in (el, *list(el.iterancestors())[:FINE_PRINT_LEVELS]):
        match = _FONT_SIZE.search(node.get("style") or "")
        if match:
            return float(match.group(1)) <= FINE_PRINT[match.group(2).lower()]
    return False


def _kicker_and(text: str, headline: str, block: Block) -> bool:
    """A heading that prints a kicker before the headline ("Migration – <headline>")."""
    tail = folded_words(headline)
    return (
        block.is_heading
        and len(tail) >= KICKER_HEADLINE_WORDS
        and folded_words(text)[-len(tail) :] == tail
    )


def drop_reason(
    block: Block, headline: str | None, seen: set[str], captions: set[tuple[str, ...]]
) -> str | None:
    text = block.text
    if headline and (same_text(text, headline) or _kicker_and(text, headline, block)):
        return "repeats the headline"
    if captions and _opening(text) in captions and in_caption_markup(block.element):
        return "repeats a caption"  # a gallery's caption shown again away from its image
    if text in seen and len(text) >= DUPLICATE_CHARS:
        return "duplicate"  # a hidden or repeated copy; short lines repeat in real lists
    short_link = len(text) < SHORT_LINK_LINE_CHARS and not block.ends_sentence
    listed = block.link_chars > 0 and enumerates_links(block.element)
    dense = block.link_density > HALF_LINKED and short_link
    linked = block.link_density > LINK_TEXT_SHARE or dense
    if linked and not listed:
        return f"link density {block.link_density:.2f}"
    if _BOILERPLATE_LINE.match(text):
        return "boilerplate phrase"
    if _fine_print(block.element):
        return "fine print (small type)"
    if _BARE_URL.match(text):
        return "a bare URL"  # a share or permalink field, not a sentence
    # List items may be short ("capers", "Top 10"): a list in the body is the story's own.
    is_line = block.is_heading or block.tag == "li" or listed
    if not is_line and _short(text) and not block.ends_sentence:
        return "fragment"
    if block.is_heading and len(text) > LONGEST_HEADING_CHARS:
        return "heading too long"
    return None
