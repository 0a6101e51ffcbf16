"""Put the segments of a streamed React page (Next.js and kin) back where the page shows them.

React's streaming server rendering sends the page shell first, with `<template id="B:1">` or
`<template id="P:1">` placeholders, then each part of the page as `<div hidden id="S:1">` at the
end of the document, and a script ($RC, $RS) moves it into place. Read as sent, the story is
hidden and out of order; moved as the script would move it, it is an ordinary page.
"""

from __future__ import annotations

import lxml.html

_SEGMENTS = '//div[@hidden][starts-with(@id, "S:")]'


def place_segments(root: lxml.html.HtmlElement) -> int:
    """Move every hidden segment to its placeholder (unhidden); returns how many moved."""
    templates = {t.get("id"): t for t in root.iter("template") if t.get("id")}
    if not templates:
        return 0  # not a streamed page
    moved = 0
    for segment in root.xpath(_SEGMENTS):
        key = segment.get("id")[2:]
        target = templates.get(f"B:{key}")
        if target is None:
            target = templates.get(f"P:{key}")
        if target is None or target.getparent() is None or _inside(target, segment):
            continue
        del segment.attrib["hidden"]
        _detach(segment)
        target.addprevious(segment)
        target.drop_tree()
        moved += 1
    return moved


def _inside(el: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
    return any(ancestor is other for ancestor in el.iterancestors())


def _detach(el: lxml.html.HtmlElement) -> None:
    """Take el out of its parent, leaving its tail text where it was (lxml moves it along)."""
    tail, el.tail = el.tail, None
    previous, parent = el.getprevious(), el.getparent()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
