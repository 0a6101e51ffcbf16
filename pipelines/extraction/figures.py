"""Find a page's figures: each image with the element that captions it."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import lxml.html

from pipelines.extraction.bare_figures import bare_caption, caption_beside, is_image_box
from pipelines.extraction.clean import boilerplate_reason
from pipelines.extraction.credits import split_credit
from pipelines.extraction.figure_parts import (
    caption_named,
    credit_named,
    may_be_figure_part,
    picture,
    small_frame,
    visible_chars,
)
from pipelines.extraction.text import spaced_text
from pipelines.extraction.thresholds import FIGURE_LEVELS


@dataclass
class CaptionHolder:
    """A figure-like element (element), the element that captions it (text_element), and,
    as they were before boilerplate was stripped from the page, a copy of that caption
    (snapshot) and the figure's photo (image: a <noscript> copy goes with the strip)."""

    element: lxml.html.HtmlElement
    text_element: lxml.html.HtmlElement
    snapshot: lxml.html.HtmlElement
    image: lxml.html.HtmlElement | None
    ancestors: list[lxml.html.HtmlElement]

    def inside(self, region: lxml.html.HtmlElement) -> bool:
        """True when the figure was in region (it may have been stripped out since)."""
        return self.element is region or region in self.ancestors


def holder(
    frame: lxml.html.HtmlElement,
    text_el: lxml.html.HtmlElement,
    image: lxml.html.HtmlElement | None = None,
) -> CaptionHolder:
    """The holder of a caption (text_el) in its figure (frame); image: the photo, when it
    is not in the frame (a caption printed after its picture)."""
    photo = image if image is not None else picture(frame)
    return CaptionHolder(frame, text_el, _snapshot(text_el), photo, list(frame.iterancestors()))


def _snapshot(text_el: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy of a caption without its scripts, buttons and hidden parts. Parts named like
    page chrome stay: in a caption, a "widget__captionWrap" or "image-footer" holds the text."""
    copied = copy.deepcopy(text_el)
    copied.tail = None
    for el in list(copied.iterdescendants()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        reason = boilerplate_reason(el)
        if reason is not None and not reason.startswith("class/id"):
            el.drop_tree()
    return copied


_FIGURE_TAGS = frozenset(["figure", "figcaption"])


def find_holders(root: lxml.html.HtmlElement) -> list[CaptionHolder]:
    """Figures, WordPress wp-caption blocks, caption-classed elements next to an image, and
    boxes named for their image that hold one photo and one text."""
    holders: list[CaptionHolder] = []
    taken: set[lxml.html.HtmlElement] = set()
    tags = ("figure", "figcaption", "p", "div", "span", "small", "em", "td", "dd", "cite", "li")
    for el in root.iter(*tags):
        if el in taken or (el.tag not in _FIGURE_TAGS and not may_be_figure_part(el)):
            continue
        bare = bare_caption(el) if is_image_box(el) else None
        if bare is not None:  # a figure box without caption markup
            holders.append(holder(el, bare.text, bare.photo))
            taken.update(el.iter())
            continue
        if el.tag in {"figure", "li"}:
            continue
        is_caption = el.tag == "figcaption" or bool(caption_named(el))
        if not is_caption or (el.tag != "figcaption" and _has_inner_caption(el)):
            continue  # a wrapper (WordPress "wp-caption"): its inner caption is the one
        if el.tag != "figcaption" and not visible_chars(el):
            continue  # an icon named for the caption it toggles ("caption__svg")
        frame, image = _frame_of(el), None
        if frame is None:
            frame, image = _after_picture(el)
        if frame is None or _is_byline(el, image if image is not None else picture(frame)):
            continue
        holders.append(holder(frame, el, image))
        taken.update(el.iter())  # its inner elements are part of this caption
    return _without_credit_holders(_with_loose_captions(root, holders))


def _with_loose_captions(
    root: lxml.html.HtmlElement, holders: list[CaptionHolder]
) -> list[CaptionHolder]:
    """The holders plus those of photos outside any figure whose caption is found from the
    photo (bare_figures.caption_beside), all in document order."""
    framed = {el for item in holders for el in item.element.iter()}
    framed.update(el for item in holders for el in item.text_element.iter())
    loose = []
    for img in root.iter("img"):
        if img in framed:
            continue
        found = caption_beside(img)
        if found is None or found.frame in framed or found.text in framed:
            continue
        loose.append(holder(found.frame, found.text, found.photo))
        framed.update(found.frame.iter())
    if not loose:
        return holders
    order = {el: i for i, el in enumerate(root.iter())}
    return sorted([*holders, *loose], key=lambda item: order.get(item.element, 0))


def _is_byline(caption: lxml.html.HtmlElement, photo: lxml.html.HtmlElement | None) -> bool:
    """A writer's portrait and name marked up as a figure ("<figure><a rel=author><img>
    </a><figcaption><address>Von <a rel=author>Name</a></address></figcaption>"): a byline,
    not a caption."""
    if caption.find(".//address") is not None or caption.find(".//a[@rel='author']") is not None:
        return True
    return photo is not None and any(
        a.tag == "a" and "author" in (a.get("rel") or "") for a in photo.iterancestors()
    )


def _after_picture(
    caption: lxml.html.HtmlElement,
) -> tuple[lxml.html.HtmlElement | None, lxml.html.HtmlElement | None]:
    """(frame, photo) for a caption printed right after its picture, with no element around
    both ("<picture>...</picture><figcaption>"): the caption (or the caption box it opens) is
    its own frame."""
    el = caption
    for _ in range(FIGURE_LEVELS):
        before = el.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None:
            photo = picture(before) if before.tag != "img" else before
            if photo is None or visible_chars(before):
                return None, None
            return el, photo
        el = el.getparent()  # the caption opens its box: look before the box
        if el is None or not small_frame(el):
            return None, None
    return None, None


def _without_credit_holders(holders: list[CaptionHolder]) -> list[CaptionHolder]:
    """A frame's credit printed in a caption element of its own ("caption__credit",
    "<figcaption>Foto: X</figcaption>") is the credit of the frame's caption, not a caption."""
    frames: dict[lxml.html.HtmlElement, int] = {}
    for item in holders:
        frames[item.element] = frames.get(item.element, 0) + 1
    return [
        item
        for item in holders
        if frames[item.element] == 1
        or not (credit_named(item.text_element) or not split_credit(spaced_text(item.snapshot))[0])
    ]


def rule_holders(root: lxml.html.HtmlElement, selectors: tuple) -> list[CaptionHolder]:
    """Caption holders named by a site's rules: each match is a caption's text."""
    holders = []
    for selector in selectors:
        for el in selector(root):
            frame = _frame_of(el)
            holders.append(holder(frame if frame is not None else el, el))
    return holders


def in_caption_markup(el: lxml.html.HtmlElement, levels: int = FIGURE_LEVELS) -> bool:
    """True when the element or one of its nearest ancestors is classed as a caption."""
    for _ in range(levels + 1):
        if el is None or not isinstance(el.tag, str):
            return False
        if caption_named(el):
            return True
        el = el.getparent()
    return False


def _has_inner_caption(el: lxml.html.HtmlElement) -> bool:
    """True for a wrapper ("wp-caption") whose inner element is the caption; an inner
    element holding only a credit ("(Image: GETTY)", "caption__copyright") leaves the
    wrapper as the caption."""
    return any(
        child.tag == "figcaption"
        or (
            caption_named(child) and not credit_named(child) and split_credit(spaced_text(child))[0]
        )
        for child in el.iterdescendants("figcaption", "p", "div", "span")
    )


def _frame_of(caption: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The caption itself when it holds the image ("<p class=caption><img>Text</p>"), else
    its nearest ancestor (up to FIGURE_LEVELS levels) that also holds an image."""
    if picture(caption) is not None:
        return caption if small_frame(caption) else None
    el = caption
    for _ in range(FIGURE_LEVELS):
        parent = el.getparent()
        if parent is None:
            return None
        if parent.tag == "figure" or picture(parent) is not None:
            return parent if small_frame(parent) else None
        el = parent
    return None
