"""Find the article body: score containers by the paragraph text they hold, keep its paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.blocks import Block, Decision, is_within, text_blocks
from pipelines.extraction.clean import positive_hint
from pipelines.extraction.drops import caption_openings, drop_reason, enumerates_links
from pipelines.extraction.lead import find_lead
from pipelines.extraction.teasers import teaser_summaries
from pipelines.extraction.text import same_text
from pipelines.extraction.thresholds import (
    BAD_WEIGHT,
    FRAGMENT_CHARS,
    HALF_LINKED,
    NARROW_SHARE,
    POSITIVE_HINT_BONUS,
    SHORT_PROSE_CHARS,
    SHORT_PROSE_WEIGHT,
    UNFINISHED_WEIGHT,
)
from pipelines.extraction.trim import promotes, trim_edges, trim_lead_in


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
    if block.link_density > HALF_LINKED or size < FRAGMENT_CHARS:
        return 0.0, float(block.link_chars or size)
    good: float = size - block.link_chars
    if size < SHORT_PROSE_CHARS:
        good *= SHORT_PROSE_WEIGHT
    if not block.ends_sentence:
        good *= UNFINISHED_WEIGHT
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
        value = good - BAD_WEIGHT * bad
        el = block.element
        score[el] = score.get(el, 0.0) + value
        for ancestor in el.iterancestors():
            score[ancestor] = score.get(ancestor, 0.0) + value
    best, best_score = root, float("-inf")
    for el in root.iter():
        scored = score.get(el)
        if scored is None:
            continue
        if positive_hint(el):
            scored *= POSITIVE_HINT_BONUS
        if scored >= best_score:
            best, best_score = el, scored
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


def _titles_a_figure(heading: lxml.html.HtmlElement, figures: set[lxml.html.HtmlElement]) -> bool:
    """A heading whose next element is a gallery: "Gallery: building the boat". One picture
    under a heading illustrates its section (a listicle's numbered points)."""
    following = heading.getnext()
    if following is None:
        return False
    if following not in figures and not any(el in figures for el in following.iter("figure")):
        return False
    return len(following.findall(".//img")) > 1


@dataclass
class Layout:
    """A page's text blocks and the container chosen as the article body."""

    blocks: list[Block]
    teasers: set[lxml.html.HtmlElement]
    skip: set[lxml.html.HtmlElement]
    container: lxml.html.HtmlElement | None
    ruled: bool = False  # a site rule named the container: taken as it is, no standfirst


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
    ruled = container is not None
    if blocks and container is None:
        container = best_container(blocks, root, teasers, headline)
    return Layout(blocks, teasers, skip, container if blocks else None, ruled)


def extract_body(
    layout: Layout,
    headline: str | None,
    captions: Sequence[str] = (),
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
    found = [] if layout.ruled else find_lead(layout.blocks, container, headline, description)
    lead = [
        block
        for block in found
        # A standfirst set as a heading may be long: the one drop reason that does not apply.
        if drop_reason(block, headline, set(), openings) in {None, "heading too long"}
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
        reason = drop_reason(block, headline, seen, openings)
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
