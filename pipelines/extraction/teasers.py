"""Find other stories' teasers on a page: the summaries in cards, lists and tickers."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.text import normalize

# A heading that links elsewhere, or sits inside a link (<a><h3>headline</h3></a>).
_LINKED_HEADLINE = (
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[.//a[@href] or parent::a[@href]]"
)


def teaser_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Elements holding the summary under a linked headline: the text of a teaser card in a
    "more stories" list, which reads like prose but belongs to another article."""
    found: set[lxml.html.HtmlElement] = set()
    for heading in root.xpath(_LINKED_HEADLINE):
        text = len(heading.text_content().strip())
        if heading.getparent().tag == "a":
            linked = text  # <a><h3>headline</h3></a>
        else:
            linked = sum(len(a.text_content().strip()) for a in heading.iter("a"))
        if not text or linked / text < 0.8:
            continue
        parent = heading.getparent()
        siblings = list(heading.itersiblings())[:3]
        card = parent
        if parent is not None and not siblings:
            siblings = list(parent.itersiblings())[:3]
            card = parent.getparent()
        if card is None or len(card.text_content()) > 1000:
            continue  # a headline over a whole story, not a card
        for el in siblings:
            if len(el.text_content().strip()) <= 600:
                found.update(el.iter())
    found.update(_linked_excerpts(root))
    found.update(_card_summaries(root))
    return found


_CARD_TAGS = frozenset(["div", "li", "article", "section"])
# A run of this many sibling cards of the same kind is a list of stories, not a layout quirk.
_MIN_CARDS = 3


def _card_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The summaries in a run of story cards: three or more siblings of the same tag and
    class, each small, each opening with a link (the other story's title) and holding text
    outside links ("Most popular diets": image, linked title, one-line summary)."""
    found: set[lxml.html.HtmlElement] = set()
    for parent in root.iter():
        if len(parent) < _MIN_CARDS:
            continue
        groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _CARD_TAGS:
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for cards in groups.values():
            if len(cards) >= _MIN_CARDS and all(_is_card(card) for card in cards):
                for card in cards:
                    found.update(_unlinked_parts(card))
    return found


def _is_card(card: lxml.html.HtmlElement) -> bool:
    if len(card.text_content()) > 600 or card.find(".//a[@href]") is None:
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
        if len(text) <= 600 and len(first.text_content().strip()) >= 15 and _CUT_OFF.search(text):
            found.update(item.iter())
    return found
