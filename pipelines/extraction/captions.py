"""Find the article's image captions, each with its credit apart and its image URL."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from pipelines.extraction.credits import clean_credit, split_credit
from pipelines.extraction.jsonld import text_of, url_of
from pipelines.extraction.record import Caption
from pipelines.extraction.text import normalize, spaced_text, split_camel
from pipelines.extraction.urls import join_url

_CAPTION_CLASS = re.compile(
    r"(?<!without)(?<!without[-_])(?<!\bno[-_])(?<!\bno)"
    r"(?:caption|legend|image-?desc|photo-?desc|img-?desc|cutline)",
    re.I,
)
_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:credit|copyright|photographer|attribution|image-?source|photo-?source|"
    r"byline|author|source)",
    re.I,
)
# Images too small, or named as such, to be an article's photo: avatars, logos, icons (by
# class, or by the folder they are served from: a photo of a logo is still a photo).
_THUMBNAIL_CLASS = re.compile(
    r"avatar|headshot|author|profile|logo|icon|sprite|spinner|emoji", re.I
)
_THUMBNAIL_FOLDER = re.compile(r"/(?:avatars?|headshots?|logos?|icons?|emoji|sprites?)/", re.I)
_SMALLEST_PHOTO = 150
# Links and buttons that expand or collapse a long caption ("... more", "less").
_TOGGLE = re.compile(
    r"^(?:\.\.\.|…)?\s*(?:(?:show|read|see|view) )?(?:more|less|expand|collapse|close|hide)"
    r"(?: caption)?$",
    re.I,
)
# Screen-reader labels printed before a caption: "Image caption", "Media caption".
_CAPTION_LABEL = re.compile(r"^(?:image|media|video|photo) caption[,:]?\s*", re.I)
# Player and promotion text in caption markup, never a caption.
_NOT_A_CAPTION = re.compile(
    r"media playback is unsupported|your browser does not support|requires javascript|"
    r"\b(?:subscribe|subscription|newsletter|sign up)\b",
    re.I,
)
# Gallery slide counters ("1 / 3", "2 of 12") that precede a caption.
_COUNTER = re.compile(r"^\d+\s*(?:/|of)\s*\d+\s*")
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-full-src", "src")


@dataclass
class CaptionHolder:
    """A figure-like element: its caption text element(s) and its image."""

    element: lxml.html.HtmlElement
    text_element: lxml.html.HtmlElement


def image_url(img: lxml.html.HtmlElement | None, base: str | None) -> str | None:
    """The real image URL of an <img>, looking past lazy-loading placeholders."""
    if img is None:
        return None
    for attr in _LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return join_url(base, value)
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        first = srcset.split(",")[-1].strip().split(" ")[0]
        return join_url(base, first) if first else None
    return None


def _classes(el: lxml.html.HtmlElement) -> str:
    """Class and id, camelCase split ("imageCredit" -> "image-Credit")."""
    return split_camel(f"{el.get('class') or ''} {el.get('id') or ''}")


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
    """The first <img> under el that can be a photo, not an avatar or an icon."""
    return next((img for img in el.iter("img") if not _is_thumbnail(img)), None)


def find_holders(root: lxml.html.HtmlElement) -> list[CaptionHolder]:
    """Figures, WordPress wp-caption blocks and caption-classed elements next to an image."""
    holders: list[CaptionHolder] = []
    taken: set[lxml.html.HtmlElement] = set()
    for el in root.iter("figcaption", "p", "div", "span", "small", "em", "td", "dd", "cite"):
        if el in taken or any(a in taken for a in el.iterancestors()):
            continue
        is_caption = el.tag == "figcaption" or bool(_CAPTION_CLASS.search(_classes(el)))
        if not is_caption or (el.tag != "figcaption" and _has_inner_caption(el)):
            continue  # a wrapper (WordPress "wp-caption"): its inner caption is the one
        frame = _frame_of(el)
        if frame is None:
            continue
        holders.append(CaptionHolder(frame, el))
        taken.add(el)
    return holders


def rule_holders(root: lxml.html.HtmlElement, selectors: tuple) -> list[CaptionHolder]:
    """Caption holders named by a site's rules: each match is a caption's text."""
    holders = []
    for selector in selectors:
        for el in selector(root):
            frame = _frame_of(el)
            holders.append(CaptionHolder(frame if frame is not None else el, el))
    return holders


def in_caption_markup(el: lxml.html.HtmlElement, levels: int = 3) -> bool:
    """True when the element or one of its nearest ancestors is classed as a caption."""
    for _ in range(levels + 1):
        if el is None or not isinstance(el.tag, str):
            return False
        if _CAPTION_CLASS.search(_classes(el)):
            return True
        el = el.getparent()
    return False


def _has_inner_caption(el: lxml.html.HtmlElement) -> bool:
    """True for a wrapper ("wp-caption") whose inner element is the caption; an inner
    element holding only a credit ("(Image: GETTY)") leaves the wrapper as the caption."""
    return any(
        child.tag == "figcaption"
        or (_CAPTION_CLASS.search(_classes(child)) and split_credit(spaced_text(child))[0])
        for child in el.iterdescendants("figcaption", "p", "div", "span")
    )


def _frame_of(caption: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest ancestor (up to 3 levels) that also holds an image."""
    el = caption
    for _ in range(3):
        parent = el.getparent()
        if parent is None:
            return None
        if parent.tag == "figure" or picture(parent) is not None:
            return parent if _small_frame(parent) else None
        el = parent
    return None


# No figure holds this many elements: past it, the captions in it are not counted (a cost
# linear in the frame, paid for every caption in it).
_LARGEST_FRAME = 500


def _small_frame(frame: lxml.html.HtmlElement) -> bool:
    """A figure holds its image and caption, not a story: guards against climbing too far."""
    if frame.xpath("count(descendant::*)") > _LARGEST_FRAME:
        return False
    return len(frame.text_content()) - _caption_chars(frame) < 200


def _caption_chars(frame: lxml.html.HtmlElement) -> int:
    """Characters inside the frame's caption and credit elements (the outermost ones)."""
    total, inside = 0, set()
    for el in frame.iterdescendants():
        if not isinstance(el.tag, str) or el.getparent() in inside:
            if isinstance(el.tag, str):
                inside.add(el)
            continue
        if (
            el.tag == "figcaption"
            or _CAPTION_CLASS.search(_classes(el))
            or _CREDIT_CLASS.search(_classes(el))
        ):
            total += len(el.text_content())
            inside.add(el)
    return total


def _split(text_el: lxml.html.HtmlElement) -> tuple[str, str | None]:
    """Caption text and credit: from a credit-classed child if any, else from the text."""
    credit_parts = []
    for child in list(text_el.iterdescendants()):
        if child.getparent() is None or text_el not in child.iterancestors():
            continue  # inside a credit element already taken
        if child.tag in {"a", "button", "span"} and _TOGGLE.match(normalize(child.text_content())):
            child.drop_tree()
            continue
        if child.tag in {"span", "small", "cite", "em", "p", "div", "i", "b"} and (
            _CREDIT_CLASS.search(_classes(child)) or child.tag in {"small", "cite"}
        ):
            credit_parts.append(spaced_text(child))
            child.drop_tree()
    text = _COUNTER.sub("", spaced_text(text_el))
    credit = normalize(" ".join(credit_parts)) or None
    caption, found = split_credit(text)
    if credit is None:
        return caption, found
    # A labelled credit left in the text too ("... (Photo: Getty Images)") goes with it.
    return (caption if found and caption else text), clean_credit(credit)


def _credit_beside(holder: CaptionHolder, caption_text: str) -> str | None:
    """A credit printed in the figure but outside the caption ("Image source, Getty Images")."""
    classed = [
        el
        for el in holder.element.iterdescendants("span", "small", "cite", "p", "div")
        if _CREDIT_CLASS.search(_classes(el)) and holder.text_element not in el.iterancestors()
    ]
    if classed:
        return clean_credit(spaced_text(classed[0])) or None
    rest = spaced_text(holder.element)
    if caption_text:
        rest = rest.replace(caption_text, " ")
    rest = normalize(rest)
    if not rest or len(rest) > 100:
        return None
    return clean_credit(rest)


def extract_captions(holders: list[CaptionHolder], base: str | None) -> list[Caption]:
    """One Caption per holder with text, in document order, duplicates dropped."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for holder in holders:
        img = picture(holder.element)
        alt = normalize(img.get("alt")) if img is not None else ""
        raw = spaced_text(holder.text_element)
        caption, credit = _split(holder.text_element)
        caption = _CAPTION_LABEL.sub("", caption)
        if credit is None and holder.element is not holder.text_element:
            credit = _credit_beside(holder, raw)
        credit = _credit_apart(caption, credit)
        if _NOT_A_CAPTION.search(caption):
            continue
        if (not caption and not credit) or caption in seen:
            continue
        seen.add(caption)
        captions.append(Caption(caption, credit, image_url(img, base), alt or None))
    return _without_truncated(captions)


_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")


def _without_truncated(captions: list[Caption]) -> list[Caption]:
    """Drop the shortened copy of a caption that galleries ship beside the full one
    ("... the military relations ..." next to the whole sentence)."""
    kept = []
    for caption in captions:
        start = _ELLIPSIS.sub("", caption.caption)
        if len(start) >= 20 and any(
            other is not caption
            and len(other.caption) > len(caption.caption)
            and other.caption.startswith(start)
            for other in captions
        ):
            continue
        kept.append(caption)
    return kept


def _credit_apart(caption: str, credit: str | None) -> str | None:
    """The credit without a copy of the caption or a player's button text ("close")."""
    if not credit:
        return None
    if caption and credit.startswith(caption):
        credit = credit[len(caption) :].strip(" .,;")
    if not credit or _TOGGLE.match(credit) or _NOT_A_CAPTION.search(credit):
        return None
    return credit


def merge_jsonld(dom: list[Caption], ld: list[Caption], order: list[str]) -> list[Caption]:
    """DOM captions plus the JSON-LD ones the DOM lacks, placed where their image appears."""
    known_text = {c.caption for c in dom}
    known_urls = {c.image_url for c in dom if c.image_url}
    extra = [c for c in ld if c.caption not in known_text and c.image_url not in known_urls]
    if not extra:
        return dom

    def position(caption: Caption) -> int:
        url = caption.image_url
        return order.index(url) if url in order else -1

    return sorted([*dom, *extra], key=position)


def jsonld_captions(article: dict | None, base: str | None) -> list[Caption]:
    """Captions from the article's JSON-LD ImageObjects, for pages without caption markup."""
    images = article.get("image") if article else None
    items = images if isinstance(images, list) else [images]
    captions = []
    for item in items:
        if not isinstance(item, dict):
            continue
        text = text_of(item.get("caption") or item.get("description"))
        if not text:
            continue
        credit = text_of(
            item.get("creditText") or item.get("copyrightHolder") or item.get("author")
        )
        caption, found = split_credit(text)
        url = url_of(item)
        captions.append(Caption(caption, credit or found, join_url(base, url) if url else None))
    return captions
