"""What a figure is made of: its photo (past lazy-loading placeholders), the names of
caption and credit elements, and the text a reader sees in it."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from pipelines.extraction.text import split_camel
from pipelines.extraction.thresholds import (
    LARGEST_FRAME_ELEMENTS,
    MOST_EXTRA_CHARS,
    SMALLEST_PHOTO_PX,
)
from pipelines.extraction.urls import join_url

# Caption names: "caption", "legend", "cutline"; a picture's description, info or subtitle
# ("img-info", "mediaSubtitleText", "detail-img__description", "absatzbild__info");
# German "bu" (Bildunterschrift).
_CAPTION_CLASS = re.compile(
    r"(?<!without)(?<!without[-_])(?<!\bno[-_])(?<!\bno)"
    r"(?<!text-)(?<!font-)(?<!type-)(?<!typo-)"  # a type scale's size ("text-caption")
    r"(?:caption|legend|cutline|"
    r"(?:image|img|photo|picture|pic|media|bild|foto)s?[-_]*"
    r"(?:desc|info\b|sub-?title|subline|unterschrift))|(?:^|\s)bu(?:$|\s)",
    re.I,
)
_CAPTION_HINTS = ("caption", "legend", "cutline", "desc", "info", "sub", "unterschrift", " bu ")
# Words in the names of a figure's parts or of a box holding a picture: a quick test that
# most elements of a page fail, before the exact patterns.
_FIGURE_HINT = re.compile(
    "|".join((*_CAPTION_HINTS, "image", "img", "pic", "photo", "foto", "bild", "figure"))
)
_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:credit|copyright|photographer|attribution|image-?source|photo-?source|"
    r"byline|author|source|rights)",
    re.I,
)
# Images too small, or named as such, to be an article's photo: avatars, logos, icons (by
# class, or by the folder they are served from: a photo of a logo is still a photo).
_THUMBNAIL_CLASS = re.compile(
    r"avatar|headshot|author|profile|logo|icon|sprite|spinner|emoji", re.I
)
_THUMBNAIL_FOLDER = re.compile(
    r"/(?:avatars?|headshots?|logos?|icons?|emoji|sprites?|reporters?|authors?|profiles?)/", re.I
)
# A blank image shown until a script loads the real one ("index-transparent_h-3_w-4.gif").
_PLACEHOLDER = re.compile(
    r"(?:transparent|placeholder|blank|spacer|pixel)[^/]*\.(?:gif|png|svg)$", re.I
)
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-full-src", "src")


def image_url(img: lxml.html.HtmlElement | None, base: str | None) -> str | None:
    """The real image URL of an <img>, looking past lazy-loading placeholders."""
    if img is None:
        return None
    for attr in _LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:") and not _PLACEHOLDER.search(value):
            return join_url(base, value)
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        first = srcset.split(",")[-1].strip().split(" ")[0]
        return join_url(base, first) if first else None
    return None


def classes(el: lxml.html.HtmlElement) -> str:
    """Class and id, camelCase split ("imageCredit" -> "image-Credit")."""
    return split_camel(f"{el.get('class') or ''} {el.get('id') or ''}")


def credit_named(el: lxml.html.HtmlElement) -> bool:
    """Class or id names a photo credit ("imageCredit", "caption__source")."""
    return bool(_CREDIT_CLASS.search(classes(el)))


def may_be_figure_part(el: lxml.html.HtmlElement) -> bool:
    """False when the class and id name nothing a caption or an image box is named for."""
    names, ident = el.get("class"), el.get("id")
    if not names and not ident:
        return False
    return _FIGURE_HINT.search(f" {names or ''} {ident or ''} ".lower()) is not None


def caption_named(el: lxml.html.HtmlElement) -> bool:
    """Class or id names a caption ("wp-caption", "imageCaption", not "no-caption")."""
    names, ident = el.get("class"), el.get("id")
    if not names and not ident:
        return False
    raw = f" {names or ''} {ident or ''} "
    # A quick look first: most elements are named nothing like a caption.
    low = raw.lower()
    if not any(word in low for word in _CAPTION_HINTS):
        return False
    return bool(_CAPTION_CLASS.search(split_camel(raw)))


def names_a_thumbnail(el: lxml.html.HtmlElement) -> bool:
    """Class names an avatar, a writer's portrait, a logo or an icon ("profile-images")."""
    return bool(_THUMBNAIL_CLASS.search(el.get("class") or ""))


def is_thumbnail(img: lxml.html.HtmlElement) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip()
        if value.isdigit() and int(value) < SMALLEST_PHOTO_PX:
            return True
    return bool(
        _THUMBNAIL_CLASS.search(img.get("class") or "")
        or _THUMBNAIL_FOLDER.search(img.get("src") or "")
    )


def picture(el: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The first <img> under el that can be a photo, not an avatar or an icon; one with a
    real URL before a lazy-loading placeholder (whose real image is in a <noscript>)."""
    first = None
    for img in el.iter("img"):
        if is_thumbnail(img):
            continue
        if image_url(img, None):
            return img
        first = img if first is None else first
    return first


def small_frame(frame: lxml.html.HtmlElement) -> bool:
    """A figure holds its image and caption, not a story: guards against climbing too far."""
    if frame.xpath("count(descendant::*)") > LARGEST_FRAME_ELEMENTS:
        return False
    if text_within(frame, MOST_EXTRA_CHARS) is not None:
        return True  # short however it is counted
    return visible_chars(frame) - caption_chars(frame) < MOST_EXTRA_CHARS


def text_within(el: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text (markup's white space included) when it is at most limit
    characters long, else None: read only as far as needed, which matters for the large
    containers a photo may sit in."""
    parts, size = [], 0
    for text in el.itertext():
        size += len(text)
        if size > limit:
            return None
        parts.append(text)
    return "".join(parts)


# Text a reader sees: not the CSS or scripts some frameworks put inside a figure.
_SHOWN_TEXT = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def visible_chars(el: lxml.html.HtmlElement) -> int:
    """Characters a reader sees, white space aside: templates indent a <picture> by hundreds."""
    return sum(len(text) - text.count(" ") - text.count("\n") for text in _SHOWN_TEXT(el))


def caption_chars(frame: lxml.html.HtmlElement) -> int:
    """Characters inside the frame's caption and credit elements (the outermost ones)."""
    total, inside = 0, set()
    for el in frame.iterdescendants():
        if not isinstance(el.tag, str) or el.getparent() in inside:
            if isinstance(el.tag, str):
                inside.add(el)
            continue
        if el.tag == "figcaption" or caption_named(el) or credit_named(el):
            total += visible_chars(el)
            inside.add(el)
    return total
