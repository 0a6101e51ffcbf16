"""Figures without caption markup: a box named for its image, holding one photo and one text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from pipelines.extraction.credits import clean_credit, split_credit
from pipelines.extraction.figure_parts import (
    caption_named,
    classes,
    credit_named,
    image_url,
    is_thumbnail,
    visible_chars,
)
from pipelines.extraction.text import count_words, spaced_text

# A box named for the picture it holds: "kick__article__picture", "article--image",
# "image_image-widget", "photo-box".
_IMAGE_BOX = re.compile(
    r"(?:^|[\s_-])(?:image|img|picture|photo|foto|bild|figure|pic)s?(?:$|[\s_-])", re.I
)
_NOT_TEXT = frozenset(["script", "style", "noscript", "template", "button", "svg", "img"])
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# A figure box is small; a caption is a line or a few sentences, not a story's paragraphs.
_MOST_BOX_CHARS = 800
_MOST_CAPTION_CHARS = 600


@dataclass
class BareCaption:
    """The text element that captions a bare figure box, and the box's photo."""

    text: lxml.html.HtmlElement
    photo: lxml.html.HtmlElement


def is_image_box(el: lxml.html.HtmlElement) -> bool:
    """A <figure>, or an element whose class or id names a picture."""
    return el.tag == "figure" or bool(
        (el.get("class") or el.get("id")) and _IMAGE_BOX.search(classes(el))
    )


def bare_caption(box: lxml.html.HtmlElement) -> BareCaption | None:
    """The caption of a figure box without caption markup ("<div class=article--image>
    <picture/><p>Friedrich Merz</p></div>"): its one text besides credits, when the box holds
    one photo and nothing else."""
    text = box.text_content()
    if len(text) > 4 * _MOST_BOX_CHARS or not text.strip():
        return None  # no text, or far too long even counting the white space of its markup
    photo = _only_photo(box)
    if photo is None or not 0 < visible_chars(box) <= _MOST_BOX_CHARS:
        return None
    if any(el.tag == "figcaption" or caption_named(el) for el in box.iterdescendants()):
        return None  # caption markup: found as such
    if box.tag != "figure" and any(el.tag == "figure" for el in box.iterancestors()):
        return None  # a part of a <figure>: the figure is the unit
    blocks = _text_blocks(box)
    if blocks is None:
        return None
    texts = [b for b in blocks if not _credit_only(b)]
    if len(texts) != 1 or not _reads_as_caption(texts[0]):
        return None
    return BareCaption(texts[0], photo)


def _only_photo(box: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The box's one photo (its <noscript> copy aside), or None for none or several."""
    photos = [img for img in box.iter("img") if not is_thumbnail(img)]
    urls = {image_url(img, None) for img in photos} - {None}
    if not photos or len(urls) > 1:
        return None
    return next((img for img in photos if image_url(img, None)), photos[0])


def _text_blocks(box: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement] | None:
    """The outermost elements with text that hold no image; None when text lies loose
    beside the image (no element of its own to take as the caption)."""
    blocks: list[lxml.html.HtmlElement] = []
    if (box.text or "").strip():
        return None
    for child in box:
        if (child.tail or "").strip():
            return None
        if not isinstance(child.tag, str) or child.tag in _NOT_TEXT:
            continue
        if child.find(".//img") is None:
            if visible_chars(child):
                blocks.append(child)
            continue
        inner = _text_blocks(child)
        if inner is None:
            return None
        blocks.extend(inner)
    return blocks


def _credit_only(block: lxml.html.HtmlElement) -> bool:
    """A credit ("Foto: X", "caption__credit") or a credit's bare label ("Image copyright")."""
    text = spaced_text(block)
    return credit_named(block) or not split_credit(text)[0] or clean_credit(text) is None


def _reads_as_caption(block: lxml.html.HtmlElement) -> bool:
    """A line of text: not a heading, not a link (a teaser card), not several paragraphs, not
    a one-word label ("Video" beside a play icon)."""
    if block.tag in _HEADINGS or block.tag == "a" or visible_chars(block) > _MOST_CAPTION_CHARS:
        return False
    if count_words(spaced_text(block)) < 2:
        return False
    linked = sum(visible_chars(a) for a in block.iter("a"))
    paragraphs = sum(1 for _ in block.iter("p", "li", *_HEADINGS))
    return linked * 2 < visible_chars(block) and paragraphs <= 1
