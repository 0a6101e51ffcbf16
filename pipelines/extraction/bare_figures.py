"""Figures without caption markup: a box named for its image, holding one photo and one text;
a text that repeats the photo's alt right after it; a small box with a photo, a text, a credit."""

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
    names_a_thumbnail,
    text_within,
    visible_chars,
)
from pipelines.extraction.text import count_words, same_text, spaced_text
from pipelines.extraction.thresholds import (
    HALF_LINKED,
    MARKUP_SLACK,
    MIN_CAPTION_WORDS,
    MOST_BOX_CHARS,
    MOST_CAPTION_CHARS,
    PHOTO_WRAPPER_LEVELS,
    QUICK_READ_SLACK,
)

# A box named for the picture it holds: "kick__article__picture", "article--image",
# "image_image-widget", "photo-box".
_IMAGE_BOX = re.compile(
    r"(?:^|[\s_-])(?:image|img|picture|photo|foto|bild|figure|pic)s?(?:$|[\s_-])", re.I
)
_NOT_TEXT = frozenset(["script", "style", "noscript", "template", "button", "svg", "img"])
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Words of a photo credit's label, in the languages credits.py reads.
_IMAGE_FILES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
_CREDIT_WORD = re.compile(
    r"foto|photo|bild|image|imagen|picture|credit|crédit|courtesy|quelle|source|©|фото|"
    r"撮影|写真|사진|图|圖|ảnh|छवि|फोटो|picha|isithombe"
)  # matched against lower-cased text


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


def bare_caption(box: lxml.html.HtmlElement, credited: bool = False) -> BareCaption | None:
    """The caption of a figure box without caption markup ("<div class=article--image>
    <picture/><p>Friedrich Merz</p></div>"): its one text besides credits, when the box holds
    one photo and nothing else. credited: only when a labelled credit ("Foto: X") is there
    too, the sign of a figure where the box's name gives none."""
    text = text_within(box, MARKUP_SLACK * MOST_BOX_CHARS)
    if text is None or not text.strip():
        return None  # no text, or far too long even counting the white space of its markup
    photo = _only_photo(box)
    if photo is None or not 0 < visible_chars(box) <= MOST_BOX_CHARS:
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
    if credited and not any(_labelled_credit(b) for b in blocks if b is not texts[0]):
        return None
    return BareCaption(texts[0], photo)


@dataclass
class LooseCaption:
    """A caption found from its photo: the element to take as the figure, and its text."""

    frame: lxml.html.HtmlElement
    text: lxml.html.HtmlElement
    photo: lxml.html.HtmlElement


def caption_beside(img: lxml.html.HtmlElement) -> LooseCaption | None:
    """The caption of a photo that has neither a figure nor caption markup: the element right
    after it that repeats its alt or title ("<div><picture/></div><div><span>{alt}</span>
    </div>"), or the one text of the small box around it that also credits the photographer
    ("<div><span>Foto: X</span><img><div>caption</div></div>")."""
    if is_thumbnail(img) or _links_elsewhere(img):
        return None
    box = img
    # Up through the wrappers that hold nothing but the photo (<a>, <picture>, <div>; and
    # <source>, which the parser nests around the <img> of a <picture>).
    for _ in range(PHOTO_WRAPPER_LEVELS):
        parent = box.getparent()
        if parent is None or any(text.strip() for text in parent.itertext()):
            break
        box = parent
        if names_a_thumbnail(box):
            return None  # a writer's portrait ("profile-images") beside the name
    after = box.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is not None and _repeats_alt(after, img) and _reads_as_caption(after):
        return LooseCaption(after, after, img)
    parent = box.getparent()
    if parent is None or names_a_thumbnail(parent):
        return None
    text = text_within(parent, QUICK_READ_SLACK * MOST_BOX_CHARS)
    if not text or not _CREDIT_WORD.search(text.lower()):
        return None  # no credit in a small box: the quick test before the whole one
    found = bare_caption(parent, credited=True)
    if found is None or found.photo is not img:
        return None
    return LooseCaption(parent, found.text, img)


def _links_elsewhere(img: lxml.html.HtmlElement) -> bool:
    """The photo is a link to another page (a teaser's picture), not to its own full size."""
    for el in img.iterancestors("a"):
        href = (el.get("href") or "").split("?")[0].lower()
        return bool(href) and not href.endswith(_IMAGE_FILES)
    return False


def _repeats_alt(block: lxml.html.HtmlElement, img: lxml.html.HtmlElement) -> bool:
    labels = [
        label
        for a in ("alt", "title")
        if len((label := img.get(a) or "").split()) >= MIN_CAPTION_WORDS
    ]
    if not labels or text_within(block, QUICK_READ_SLACK * MOST_CAPTION_CHARS) is None:
        return False
    text = spaced_text(block)
    return count_words(text) >= MIN_CAPTION_WORDS and any(
        same_text(text, label) for label in labels
    )


def _labelled_credit(block: lxml.html.HtmlElement) -> bool:
    """A credit with its label ("Foto: X", "Photo by X"): split_credit leaves no caption."""
    caption, credit = split_credit(spaced_text(block))
    return bool(credit) and not caption


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
    """A line of text: not a heading nor holding one, not a link (a teaser card), not several
    paragraphs, not a one-word label ("Video" beside a play icon)."""
    if block.tag in _HEADINGS or block.tag == "a" or visible_chars(block) > MOST_CAPTION_CHARS:
        return False
    if count_words(spaced_text(block)) < MIN_CAPTION_WORDS:
        return False
    linked = sum(visible_chars(a) for a in block.iter("a"))
    if any(True for _ in block.iter(*_HEADINGS)):
        return False  # a teaser's or the page's headline
    paragraphs = sum(1 for _ in block.iter("p", "li"))
    return linked < HALF_LINKED * visible_chars(block) and paragraphs <= 1
