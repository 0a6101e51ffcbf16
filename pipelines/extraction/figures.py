"""Find a page's figures: each image with the element that captions it."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from pipelines.extraction.blocks import is_within
from pipelines.extraction.clean import boilerplate_reason
from pipelines.extraction.credits import split_credit
from pipelines.extraction.text import spaced_text, split_camel

# Caption names: "caption", "legend", "cutline"; a picture's description, info or subtitle
# ("img-info", "mediaSubtitleText", "detail-img__description", "absatzbild__info");
# German "bu" (Bildunterschrift).
_CAPTION_CLASS = re.compile(
    r"(?<!without)(?<!without[-_])(?<!\bno[-_])(?<!\bno)"
    r"(?:caption|legend|cutline|"
    r"(?:image|img|photo|picture|pic|media|bild|foto)s?[-_]*"
    r"(?:desc|info\b|sub-?title|subline|unterschrift))|(?:^|\s)bu(?:$|\s)",
    re.I,
)
_CAPTION_HINTS = ("caption", "legend", "cutline", "desc", "info", "sub", "unterschrift", " bu ")
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
_THUMBNAIL_FOLDER = re.compile(r"/(?:avatars?|headshots?|logos?|icons?|emoji|sprites?)/", re.I)
_SMALLEST_PHOTO = 150
# A blank image shown until a script loads the real one ("index-transparent_h-3_w-4.gif").
_PLACEHOLDER = re.compile(
    r"(?:transparent|placeholder|blank|spacer|pixel)[^/]*\.(?:gif|png|svg)$", re.I
)
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-full-src", "src")


@dataclass
class CaptionHolder:
    """A figure-like element (element), the element that captions it (text_element), and,
    as they were before boilerplate was stripped from the page, a copy of that caption
    (snapshot) and the figure's photo (image: a <noscript> copy goes with the strip)."""

    element: lxml.html.HtmlElement
    text_element: lxml.html.HtmlElement
    snapshot: lxml.html.HtmlElement
    image: lxml.html.HtmlElement | None


def holder(frame: lxml.html.HtmlElement, text_el: lxml.html.HtmlElement) -> CaptionHolder:
    return CaptionHolder(frame, text_el, _snapshot(text_el), picture(frame))


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


def image_url(img: lxml.html.HtmlElement | None, base: str | None) -> str | None:
    """The real image URL of an <img>, looking past lazy-loading placeholders."""
    if img is None:
        return None
    for attr in _LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:") and not _PLACEHOLDER.search(value):
            return urljoin(base or "", value)
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        first = srcset.split(",")[-1].strip().split(" ")[0]
        return urljoin(base or "", first) if first else None
    return None


def _classes(el: lxml.html.HtmlElement) -> str:
    """Class and id, camelCase split ("imageCredit" -> "image-Credit")."""
    return split_camel(f"{el.get('class') or ''} {el.get('id') or ''}")


def credit_named(el: lxml.html.HtmlElement) -> bool:
    """Class or id names a photo credit ("imageCredit", "caption__source")."""
    return bool(_CREDIT_CLASS.search(_classes(el)))


def _caption_named(el: lxml.html.HtmlElement) -> bool:
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


def _is_thumbnail(img: lxml.html.HtmlElement) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip()
        if value.isdigit() and int(value) < _SMALLEST_PHOTO:
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
        if _is_thumbnail(img):
            continue
        if image_url(img, None):
            return img
        first = img if first is None else first
    return first


def find_holders(root: lxml.html.HtmlElement) -> list[CaptionHolder]:
    """Figures, WordPress wp-caption blocks and caption-classed elements next to an image."""
    holders: list[CaptionHolder] = []
    taken: set[lxml.html.HtmlElement] = set()
    for el in root.iter("figcaption", "p", "div", "span", "small", "em", "td", "dd", "cite"):
        if el in taken:
            continue
        is_caption = el.tag == "figcaption" or bool(_caption_named(el))
        if not is_caption or (el.tag != "figcaption" and _has_inner_caption(el)):
            continue  # a wrapper (WordPress "wp-caption"): its inner caption is the one
        if el.tag != "figcaption" and not _visible_chars(el):
            continue  # an icon named for the caption it toggles ("caption__svg")
        frame = _frame_of(el)
        if frame is None:
            continue
        holders.append(holder(frame, el))
        taken.update(el.iter())  # its inner elements are part of this caption
    return holders


def surviving(holders: list[CaptionHolder], root: lxml.html.HtmlElement) -> list[CaptionHolder]:
    """The holders whose figure is still in the page once boilerplate is stripped. A caption
    dropped for its name alone ("image-footer") stays its figure's caption; one dropped as
    hidden or for its tag goes."""
    kept = []
    for holder in holders:
        if not is_within(holder.element, root):
            continue
        text_el = holder.text_element
        if not is_within(text_el, root):
            named_only = all(
                (boilerplate_reason(el) or "class/id").startswith("class/id")
                for el in (text_el, *text_el.iterancestors())
            )
            if not named_only:
                continue
        kept.append(holder)
    return kept


def rule_holders(root: lxml.html.HtmlElement, selectors: tuple) -> list[CaptionHolder]:
    """Caption holders named by a site's rules: each match is a caption's text."""
    holders = []
    for selector in selectors:
        for el in selector(root):
            frame = _frame_of(el)
            holders.append(holder(frame if frame is not None else el, el))
    return holders


def in_caption_markup(el: lxml.html.HtmlElement, levels: int = 3) -> bool:
    """True when the element or one of its nearest ancestors is classed as a caption."""
    for _ in range(levels + 1):
        if el is None or not isinstance(el.tag, str):
            return False
        if _caption_named(el):
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
            _caption_named(child)
            and not credit_named(child)
            and split_credit(spaced_text(child))[0]
        )
        for child in el.iterdescendants("figcaption", "p", "div", "span")
    )


def _frame_of(caption: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The caption itself when it holds the image ("<p class=caption><img>Text</p>"), else
    its nearest ancestor (up to 3 levels) that also holds an image."""
    if picture(caption) is not None:
        return caption if _small_frame(caption) else None
    el = caption
    for _ in range(3):
        parent = el.getparent()
        if parent is None:
            return None
        if parent.tag == "figure" or picture(parent) is not None:
            return parent if _small_frame(parent) else None
        el = parent
    return None


def _small_frame(frame: lxml.html.HtmlElement) -> bool:
    """A figure holds its image and caption, not a story: guards against climbing too far."""
    extra = _visible_chars(frame) - _caption_chars(frame)
    return extra < 200


# Text a reader sees: not the CSS or scripts some frameworks put inside a figure.
_SHOWN_TEXT = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def _visible_chars(el: lxml.html.HtmlElement) -> int:
    """Characters a reader sees, white space aside: templates indent a <picture> by hundreds."""
    return sum(len(text) - text.count(" ") - text.count("\n") for text in _SHOWN_TEXT(el))


def _caption_chars(frame: lxml.html.HtmlElement) -> int:
    """Characters inside the frame's caption and credit elements (the outermost ones)."""
    total, inside = 0, set()
    for el in frame.iterdescendants():
        if not isinstance(el.tag, str) or el.getparent() in inside:
            if isinstance(el.tag, str):
                inside.add(el)
            continue
        if el.tag == "figcaption" or _caption_named(el) or credit_named(el):
            total += _visible_chars(el)
            inside.add(el)
    return total
