"""Find the article's image captions, each with its credit apart and its image URL."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.credits import clean_credit, split_credit
from pipelines.extraction.figure_parts import credit_named, image_url
from pipelines.extraction.figures import CaptionHolder
from pipelines.extraction.figures import in_caption_markup as in_caption_markup  # body's import
from pipelines.extraction.jsonld import text_of, url_of
from pipelines.extraction.record import Caption
from pipelines.extraction.text import normalize, spaced_text
from pipelines.extraction.thresholds import CREDIT_BESIDE_CHARS, TRUNCATED_CAPTION_CHARS
from pipelines.extraction.urls import join_url

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
            credit_named(child) or child.tag in {"small", "cite"}
        ):
            credit_parts.append(spaced_text(child))
            child.drop_tree()
    # A dash or bar printed between the caption and its credit ("... Venezuela - AP Photo").
    text = _COUNTER.sub("", spaced_text(text_el)).rstrip(" -–—|")
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
        if credit_named(el) and holder.text_element not in el.iterancestors()
    ]
    if classed:
        return clean_credit(spaced_text(classed[0])) or None
    rest = spaced_text(holder.element)
    if caption_text:
        rest = rest.replace(caption_text, " ")
    rest = normalize(rest)
    if not rest or len(rest) > CREDIT_BESIDE_CHARS:
        return None
    return clean_credit(rest)


def extract_captions(holders: list[CaptionHolder], base: str | None) -> list[Caption]:
    """One Caption per holder with text, in document order, duplicates dropped."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for holder in holders:
        img = holder.image
        alt = normalize(img.get("alt")) if img is not None else ""
        raw = spaced_text(holder.text_element)
        caption, credit = _split(holder.snapshot)
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
        if len(start) >= TRUNCATED_CAPTION_CHARS and any(
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


def merge_jsonld(dom: list[Caption], ld: list[Caption], order: list[str | None]) -> list[Caption]:
    """DOM captions plus the JSON-LD ones the DOM lacks, placed where their image appears."""
    known_text = {c.caption for c in dom}
    known_urls = {c.image_url for c in dom if c.image_url}
    extra = []
    for caption in ld:
        if caption.caption not in known_text and caption.image_url not in known_urls:
            extra.append(caption)
            known_text.add(caption.caption)  # JSON-LD lists one image twice at times
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
