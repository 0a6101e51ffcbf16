"""Small boxes removed before the boilerplate pass: newsletter sign-ups, "two-click" embed
placeholders and link cards nested in paragraphs, found by what they hold, not by name;
and what a site's rules say to drop."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.thresholds import (
    CONSENT_BOX_CHARS,
    CONSENT_WRAPPER_EXTRA_CHARS,
    EXPLAIN_SNIPPET_CHARS,
    LINK_CARD_LINKS,
    LINK_TEXT_SHARE,
    TEASER_CHARS,
    WRAPPER_GROWTH,
)

# The page's frame and the story's container: never removed as boilerplate, and where a
# box around a sign-up field or a consent button stops growing.
KEEP_ANYWAY = frozenset(["html", "body", "article", "main"])


def snippet(el: lxml.html.HtmlElement) -> str:
    """The start of a removed block's text, as `extract --explain` prints it."""
    return el.text_content()[:EXPLAIN_SNIPPET_CHARS]


def strip_boxes(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Remove the sign-up boxes, consent placeholders and link cards; (reason, snippet) each."""
    return _strip_signup_boxes(root) + _strip_consent_boxes(root) + _strip_link_cards(root)


# The form controls these boxes are known by, found with iter() (an XPath over the whole page
# costs twice as much).
def _asks_for_email(field: lxml.html.HtmlElement) -> bool:
    return field.get("type") == "email" or "email" in (field.get("name") or "")


def _agrees(control: lxml.html.HtmlElement) -> bool:
    return control.tag == "button" or control.get("type") == "checkbox"


def _strip_signup_boxes(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """An e-mail field marks a newsletter box: remove the largest small block around it."""
    removed = []
    for field in [f for f in root.iterdescendants("input") if _asks_for_email(f)]:
        box = None
        for el in field.iterancestors():
            if el is root or el.tag in KEEP_ANYWAY or len(el.text_content()) > TEASER_CHARS:
                break
            box = el
        if box is not None and box.getparent() is not None:
            removed.append(("newsletter box (e-mail field)", snippet(box)))
            box.drop_tree()
    return removed


# What a "two-click" box says before it loads a video, post or chart from another site.
_CONSENT_TEXT = re.compile(
    r"datenschutz|einverstanden|zustimmung|personenbezogen|drittanbieter|drittplattform|"
    r"externe[nrs]? inhalt|consent|cookie|privacy|third[- ]part|external content|"
    r"consentement|données personnelles|consentimiento|terceros|consenso|privacidad",
    re.I,
)


def _strip_consent_boxes(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """A button or checkbox that loads an embed from another site once the reader agrees
    ("Ein Klick für den Datenschutz", "I agree to see YouTube content"): remove the block
    around it that speaks of consent or privacy, with the box's own title."""
    removed = []
    for control in [c for c in root.iterdescendants("button", "input") if _agrees(c)]:
        box = _consent_box(control, root)
        if box is not None and box.getparent() is not None:
            removed.append(
                (
                    "embed consent box (button or checkbox)",
                    snippet(box),
                )
            )
            box.drop_tree()
    return removed


def _consent_box(
    control: lxml.html.HtmlElement, root: lxml.html.HtmlElement
) -> lxml.html.HtmlElement | None:
    """The nearest small ancestor of control whose text speaks of consent, widened to
    wrappers that add little to it (a title); None when there is none."""
    box, size = None, 0
    for el in control.iterancestors():
        grown = len(el.text_content())
        if el is root or el.tag in KEEP_ANYWAY or grown > CONSENT_BOX_CHARS:
            break
        if box is None:
            if _CONSENT_TEXT.search(el.text_content()):
                box, size = el, grown
        elif grown <= WRAPPER_GROWTH * size + CONSENT_WRAPPER_EXTRA_CHARS:
            box, size = el, grown
        else:
            break  # a wrapper holding more than the box: the story around it
    return box


def _strip_link_cards(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Hover cards nested in a paragraph (a name's "more stories" popup): all links, no prose."""
    removed = []
    for p in root.iter("p"):
        for el in reversed(list(p.iterdescendants("span", "div"))):
            links = el.findall(".//a")
            if len(links) < LINK_CARD_LINKS or el.getparent() is None:
                continue
            text = len(el.text_content().strip())
            linked = sum(len(a.text_content().strip()) for a in links)
            if text and linked / text > LINK_TEXT_SHARE:
                removed.append(("link card inside a paragraph", snippet(el)))
                el.drop_tree()
    return removed


def apply_drop_rules(root: lxml.html.HtmlElement, selectors: tuple) -> list[tuple[str, str]]:
    """Remove what a site's rules say to drop (CSS selectors), before any generic rule."""
    removed = []
    for selector in selectors:
        for el in selector(root):
            if el.getparent() is not None:
                removed.append((f"site rule {selector.css!r}", snippet(el)))
                el.drop_tree()
    return removed
