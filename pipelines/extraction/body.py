"""Find the article body: score containers by the paragraph text they hold, keep its paragraphs."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.blocks import Block, Decision, is_within, text_blocks
from pipelines.extraction.captions import in_caption_markup
from pipelines.extraction.clean import positive_hint
from pipelines.extraction.lead import find_lead
from pipelines.extraction.teasers import teaser_summaries
from pipelines.extraction.text import count_words, same_text, words
from pipelines.extraction.trim import promotes, trim_edges, trim_lead_in

# How much a character of link or fragment text costs a container, against one of prose.
_BAD_WEIGHT = 1.2
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


@dataclass
class BodyResult:
    paragraphs: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _weights(block: Block) -> tuple[float, float]:
    """(good, bad) characters a block adds to each container that holds it."""
    size = len(block.text)
    if block.is_heading:
        return 0.0, float(block.link_chars)
    if block.link_chars and enumerates_links(block.element):
        return 0.0, 0.0  # the story's own list of linked names: neither prose nor chrome
    if block.link_density > 0.5 or size < 25:
        return 0.0, float(block.link_chars or size)
    good = size - block.link_chars
    if size < 60:
        good *= 0.5
    if not block.ends_sentence:
        good *= 0.7
    return good, 0.0  # links inside prose are not held against it


def best_container(
    blocks: list[Block],
    root: lxml.html.HtmlElement,
    teasers: set[lxml.html.HtmlElement],
    headline: lxml.html.HtmlElement | None = None,
) -> lxml.html.HtmlElement:
    """The element whose prose outweighs the links and fragments it also holds.

    headline: the <h1> the page's metadata confirms, when there is one."""
    score: dict[lxml.html.HtmlElement, float] = {}
    for block in blocks:
        good, bad = _weights(block)
        if block.element in teasers:
            good, bad = 0.0, bad + good  # another story's summary pulls towards a listing
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
    own = _headline_article(best, headline) if headline is not None else None
    if own is not None and score.get(own, 0.0) > 0:
        best, best_score = own, score[own]
    return _widen(_narrow(best, score, best_score))


def _widen(best: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A paragraph is never the container when its parent holds more paragraphs: its
    siblings are the story's short or link-rich lines (a list of towns, each a link to the
    town's page), which weigh less than one long paragraph."""
    parent = best.getparent()
    if best.tag != "p" or parent is None:
        return best
    siblings = [p for p in parent.iterchildren("p") if p is not best and p.text_content().strip()]
    return parent if len(siblings) >= 2 else best


def _headline_article(
    container: lxml.html.HtmlElement, headline: lxml.html.HtmlElement
) -> lxml.html.HtmlElement | None:
    """Of several <article> elements side by side in the container, the one that holds the
    page's headline: the others are other stories ("You may also like" posts under a blog
    post)."""
    articles = [
        a
        for a in container.iterdescendants("article")
        if not any(p.tag == "article" for p in _between(a, container))
    ]
    if len(articles) < 2:
        return None
    return next((a for a in articles if is_within(headline, a)), None)


def _between(el: lxml.html.HtmlElement, top: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The ancestors of el below top."""
    found = []
    for ancestor in el.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found


# A child holding this share of its parent's score is the tighter, better container.
NARROW_SHARE = 0.85


def _narrow(
    best: lxml.html.HtmlElement, score: dict[lxml.html.HtmlElement, float], best_score: float
) -> lxml.html.HtmlElement:
    """Walk down into the child that holds nearly all of the container's score."""
    while best_score > 0:
        child = max(best, key=lambda c: score.get(c, float("-inf")), default=None)
        if child is None or score.get(child, float("-inf")) < NARROW_SHARE * best_score:
            return best
        best, best_score = child, score[child]
    return best


_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A line ending in a comma runs on into the next one: a clause, not a stray label.
_CONTINUES = re.compile(r"[,、，،;；]$")


def _short(text: str) -> bool:
    """Under four words (a character of Chinese, Japanese or Thai counts as half a word) and
    not running on into the next line."""
    return count_words(text, unspaced_weight=0.5) < 4 and not _CONTINUES.search(text)


# Words a block must share with the start of a caption to count as a copy of it.
_CAPTION_START = 8


def _opening(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words(text)[:_CAPTION_START])


def caption_openings(captions: list[str]) -> set[tuple[str, ...]]:
    """The opening words of each caption long enough to be recognised when repeated."""
    return {opening for text in captions if len(opening := _opening(text)) == _CAPTION_START}


# What separates the items of an enumeration written in a sentence: "A, B and C", "A、B、C".
_LIST_SEPARATOR = re.compile(r"[,、，;；:：]|\s(?:and|und|et|y|e|og|och|en)\s")
_MIN_ENUMERATED = 2
# An unlinked item between two linked ones ("A、B、C" with only A and C linked) is this short.
_ITEM_CHARS = 25


def _separates(tail: str | None) -> bool:
    """Text between two links that is list punctuation, with maybe unlinked items in it."""
    pieces = _LIST_SEPARATOR.split(f" {tail or ''} ")
    return len(pieces) >= 2 and all(len(piece.strip()) <= _ITEM_CHARS for piece in pieces)


def enumerates_links(el: lxml.html.HtmlElement) -> bool:
    """A paragraph that names linked places or people one after another, separated like the
    items of a sentence ("Miyazaki: Takanabe、Shintomi、Miyazaki City"): the story's own
    list, where a menu puts each link in an element of its own."""
    if el.tag != "p":
        return False
    links = [child for child in el if child.tag == "a"]
    if len(links) < _MIN_ENUMERATED or any(_BARE_URL.match(a.text_content()) for a in links):
        return False  # addresses are contacts, not names
    return all(a.getnext() is b and _separates(a.tail) for a, b in itertools.pairwise(links))


# Type set this small by the page itself is fine print: a company's boilerplate under a press
# release, comment rules, a disclaimer.
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem|%)", re.I)
_FINE_PRINT = {"px": 12.0, "pt": 9.0, "em": 0.8, "rem": 0.8, "%": 80.0}


def _fine_print(el: lxml.html.HtmlElement) -> bool:
    """An inline style on the block or a near ancestor sets the type at fine-print size."""
    for node in (el, *list(el.iterancestors())[:3]):
        match = _FONT_SIZE.search(node.get("style") or "")
        if match:
            return float(match.group(1)) <= _FINE_PRINT[match.group(2).lower()]
    return False


def _drop_reason(
    block: Block, headline: str | None, seen: set[str], captions: set[tuple[str, ...]]
) -> str | None:
    text = block.text
    if headline and same_text(text, headline):
        return "repeats the headline"
    if captions and _opening(text) in captions and in_caption_markup(block.element):
        return "repeats a caption"  # a gallery's caption shown again away from its image
    if text in seen and len(text) >= 100:
        return "duplicate"  # a hidden or repeated copy; short lines repeat in real lists
    short_link = len(text) < 150 and not block.ends_sentence
    listed = block.link_chars > 0 and enumerates_links(block.element)
    linked = block.link_density > 0.8 or (block.link_density > 0.5 and short_link)
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
    if block.is_heading and len(text) > 200:
        return "heading too long"
    return None


def _titles_a_figure(heading: lxml.html.HtmlElement, figures: set[lxml.html.HtmlElement]) -> bool:
    """A heading whose next element is a figure or gallery: "Gallery: building the boat"."""
    following = heading.getnext()
    if following is None:
        return False
    return following in figures or any(el in figures for el in following.iter("figure", "img"))


@dataclass
class Layout:
    """A page's text blocks and the container chosen as the article body."""

    blocks: list[Block]
    teasers: set[lxml.html.HtmlElement]
    skip: set[lxml.html.HtmlElement]
    container: lxml.html.HtmlElement | None


def find_layout(
    root: lxml.html.HtmlElement,
    skip: set[lxml.html.HtmlElement],
    container: lxml.html.HtmlElement | None = None,
    headline: lxml.html.HtmlElement | None = None,
) -> Layout:
    """The text blocks outside captions (skip) and the best container for them (or the one
    a site rule names). headline: the <h1> the page's metadata confirms, if any."""
    blocks = [b for b in text_blocks(root, skip) if b.element not in skip]
    teasers = teaser_summaries(root) if blocks else set()
    if blocks and container is None:
        container = best_container(blocks, root, teasers, headline)
    return Layout(blocks, teasers, skip, container if blocks else None)


def extract_body(
    layout: Layout,
    headline: str | None,
    captions: list[str] = (),
    description: str | None = None,
) -> BodyResult:
    """The standfirst, then the paragraphs of the layout's container, minus captions (the
    elements skipped, and copies of the caption texts), duplicates and fragments.

    description: the page's own summary (meta description), to recognise the standfirst."""
    container = layout.container
    result = BodyResult()
    if container is None:
        return result
    seen: set[str] = set()
    openings = caption_openings(captions)
    lead = [
        block
        for block in find_lead(layout.blocks, container, headline, description)
        # A standfirst set as a heading may be long: the one drop reason that does not apply.
        if _drop_reason(block, headline, set(), openings) in {None, "heading too long"}
        and not promotes(block.text)
    ]
    kept: list[Block] = []
    for block in layout.blocks:
        if block in lead:
            continue
        if block.is_heading and _titles_a_figure(block.element, layout.skip):
            result.decisions.append(Decision(False, "title of a gallery or figure", block.text))
            continue
        if not is_within(block.element, container):
            result.decisions.append(Decision(False, "outside the article container", block.text))
            continue
        if block.element in layout.teasers:
            result.decisions.append(Decision(False, "summary of another story", block.text))
            continue
        reason = _drop_reason(block, headline, seen, openings)
        if reason is None:
            seen.add(block.text)
            kept.append(block)
        else:
            result.decisions.append(Decision(False, reason, block.text))
    kept = trim_lead_in(kept, result.decisions)
    kept = trim_edges(kept, result.decisions)
    if kept and lead and same_text(lead[-1].text, kept[0].text):
        lead.pop()  # printed twice: above the story and as its first paragraph
    result.decisions.extend(Decision(True, "standfirst", b.text) for b in lead)
    result.decisions.extend(Decision(True, "kept", b.text) for b in kept)
    result.paragraphs = [b.text for b in lead + kept]
    return result
