"""Which of a page's figures stay the article's once boilerplate is stripped from it."""

from __future__ import annotations

import lxml.html

from pipelines.extraction.bare_figures import bare_caption
from pipelines.extraction.blocks import is_within
from pipelines.extraction.clean import boilerplate_reason
from pipelines.extraction.figure_parts import (
    caption_chars,
    caption_named,
    credit_named,
    image_url,
    is_thumbnail,
    text_within,
    visible_chars,
)
from pipelines.extraction.figures import CaptionHolder
from pipelines.extraction.thresholds import MOST_FIGURE_CHARS, STRIPPED_FIGURE_EXTRA_CHARS


def surviving(holders: list[CaptionHolder], root: lxml.html.HtmlElement) -> list[CaptionHolder]:
    """The holders whose figure is still in the page once boilerplate is stripped, or was
    stripped on its own for its name or as an <aside> (a figure floated beside the text).
    A caption dropped for its name alone ("image-footer") stays its figure's caption; one
    dropped as hidden or for its tag goes."""
    kept = []
    for item in holders:
        if not is_within(item.element, root) and not _stripped_alone(item, root):
            continue
        text_el = item.text_element
        if not is_within(text_el, root) and not all(
            (boilerplate_reason(el) or "class/id").startswith("class/id")
            for el in (text_el, *text_el.iterancestors())
            if el is not item.element and item.element not in el.iterancestors()
        ):
            continue
        kept.append(item)
    return kept


# Why a figure may have been stripped and still be the article's: its name ("ps-sidebar",
# "image-wrapper--promo") or its tag, when it is an <aside> floated beside the text.
_FIGURE_STRIP_REASONS = ("class/id", "<aside>", "role=complementary")


def _stripped_alone(item: CaptionHolder, root: lxml.html.HtmlElement) -> bool:
    """True for a figure stripped as a block of its own (the block holds this one photo and
    its caption, nothing else) from a place that stays in the page; a figure stripped with
    a larger block (a sidebar of teasers, a subscription banner) is not."""
    top = item.element
    for el in item.element.iterancestors():
        top = el
    former_parent = (
        item.ancestors[item.ancestors.index(top) + 1]
        if top is not item.element
        else (item.ancestors[0] if item.ancestors else None)
    )
    if former_parent is None or not is_within(former_parent, root):
        return False
    chain = [item.element, *item.element.iterancestors()]
    if not all(
        (reason := boilerplate_reason(el)) is None or reason.startswith(_FIGURE_STRIP_REASONS)
        for el in chain
    ):
        return False
    photos = {image_url(img, None) for img in top.iter("img") if not is_thumbnail(img)}
    if len(photos - {None}) > 1 or text_within(top, MOST_FIGURE_CHARS) is None:
        return False  # a block of several pictures or much text: more than this figure
    if top is item.element and bare_caption(top) is not None:
        return True  # a box without caption markup that holds one photo, its caption, credits
    # Nothing but the figure: a promotion box around a figure says more than a credit.
    extra = visible_chars(top) - caption_chars(top)
    if not _counted(item.text_element, top):
        extra -= visible_chars(item.text_element)  # a caption without caption markup
    return extra <= STRIPPED_FIGURE_EXTRA_CHARS


def _counted(text_el: lxml.html.HtmlElement, top: lxml.html.HtmlElement) -> bool:
    """True when caption_chars(top) counts the caption: it sits in caption or credit markup."""
    for el in (text_el, *text_el.iterancestors()):
        if el.tag == "figcaption" or caption_named(el) or credit_named(el):
            return True
        if el is top:
            break
    return False
