"""Find other stories' teasers on a page: the summaries in cards, lists and tickers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html

from pipelines.extraction.text import normalize
from pipelines.extraction.thresholds import (
    CARD_CHARS,
    LINK_TEXT_SHARE,
    MIN_CARDS,
    MIN_PROSE_CHARS,
    SUMMARY_LOOKAHEAD,
    TEASER_CHARS,
    TEASER_SIBLINGS,
    TICKER_TITLE_CHARS,
)
from pipelines.extraction.urls import resolve, site_of

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _links_elsewhere(heading: lxml.html.HtmlElement) -> bool:
    """A heading that links elsewhere, or sits inside a link (<a><h3>headline</h3></a>).
    (Walked with iter(): an XPath asking every element of the page whether it is a heading
    took a page 0.5 ms.)"""
    parent = heading.getparent()
    if parent is not None and parent.tag == "a" and parent.get("href") is not None:
        return True
    return any(a.get("href") is not None for a in heading.iter("a"))


def linked_headlines(root: lxml.html.HtmlElement) -> Iterator[tuple[lxml.html.HtmlElement, str]]:
    """(heading, address) for every heading under root that is all but wholly a link: the
    headline of another story's teaser."""
    for heading in list(filter(_links_elsewhere, root.iterdescendants(*_HEADINGS))):
        text = len(heading.text_content().strip())
        inside = heading.getparent().tag == "a"  # <a><h3>headline</h3></a>
        links = [heading.getparent()] if inside else list(heading.iter("a"))
        linked = text if inside else sum(len(a.text_content().strip()) for a in links)
        if text and linked / text >= LINK_TEXT_SHARE:
            yield heading, next((a.get("href") for a in links if a.get("href")), "")


def count_teasers(container: lxml.html.HtmlElement | None, url: str | None) -> int:
    """Headlines linking to another page of the same site, each followed by a short summary:
    the shape of a front, section or tag page (compare with the number of paragraphs)."""
    if container is None or not url:
        return 0
    site = site_of(url)
    count = 0
    for heading, address in linked_headlines(container):
        target = resolve(url, address)
        if not target or site_of(target) != site or target == url:
            continue
        summary = _summary_after(heading)
        if summary is not None and len(summary) <= TEASER_CHARS:
            count += 1
    return count


def _summary_after(heading: lxml.html.HtmlElement) -> str | None:
    """The first text of prose size among the next siblings of the heading or its parent (a
    byline or date may sit between a teaser's headline and its summary)."""
    parent = heading.getparent()
    candidates = list(heading.itersiblings())[:SUMMARY_LOOKAHEAD]
    if parent is not None:
        candidates += list(parent.itersiblings())[:SUMMARY_LOOKAHEAD]
    for el in candidates:
        text = el.text_content().strip()
        if len(text) >= MIN_PROSE_CHARS:
            return text
    return None


def teaser_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Elements holding the summary under a linked headline: the text of a teaser card in a
    "more stories" list, which reads like prose but belongs to another article."""
    found: set[lxml.html.HtmlElement] = set()
    for heading, _address in linked_headlines(root):
        parent = heading.getparent()
        siblings = list(heading.itersiblings())[:TEASER_SIBLINGS]
        card = parent
        if parent is not None and not siblings:
            siblings = list(parent.itersiblings())[:TEASER_SIBLINGS]
            card = parent.getparent()
        if card is None or len(card.text_content()) > CARD_CHARS:
            continue  # a headline over a whole story, not a card
        for el in siblings:
            if len(el.text_content().strip()) <= TEASER_CHARS:
                found.update(el.iter())
    found.update(_linked_excerpts(root))
    found.update(_card_summaries(root))
    return found


_CARD_TAGS = frozenset(["div", "li", "article", "section"])


def _card_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The summaries in a run of story cards: three or more siblings of the same tag and
    class, each small, each opening with a link (the other story's title) and holding text
    outside links ("Most popular diets": image, linked title, one-line summary)."""
    found: set[lxml.html.HtmlElement] = set()
    for parent in root.iter():
        if len(parent) < MIN_CARDS:
            continue
        groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _CARD_TAGS:
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for cards in groups.values():
            if len(cards) >= MIN_CARDS and all(_is_card(card) for card in cards):
                for card in cards:
                    found.update(_unlinked_parts(card))
    return found


def _is_card(card: lxml.html.HtmlElement) -> bool:
    if len(card.text_content()) > TEASER_CHARS or card.find(".//a[@href]") is None:
        return False
    first = next(
        (el for el in card.iter() if isinstance(el.tag, str) and (el.text or "").strip()), None
    )
    return first is not None and (first.tag == "a" or first.getparent().tag == "a")


def _unlinked_parts(card: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    parts: set[lxml.html.HtmlElement] = set()
    for el in card.iterdescendants("div", "p", "span"):
        if el.find(".//a") is None and el.text_content().strip():
            parts.update(el.iter())
    return parts


_CUT_OFF = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")


def _linked_excerpts(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """List items that open with a link to another story and end in a cut-off excerpt:
    "<li><a>Headline</a> <span>The first lines of it...</span></li>" in a ticker."""
    found: set[lxml.html.HtmlElement] = set()
    for item in root.iter("li"):
        first = next(iter(item), None)
        if first is None or first.tag != "a" or (item.text or "").strip():
            continue
        text = normalize(item.text_content())
        short = len(text) <= TEASER_CHARS
        if (
            short
            and len(first.text_content().strip()) >= TICKER_TITLE_CHARS
            and _CUT_OFF.search(text)
        ):
            found.update(item.iter())
    return found
