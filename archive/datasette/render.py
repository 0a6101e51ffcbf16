"""Safe HTML from stored text: every character escaped, then our own marks turned into <mark>."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# snippet() is asked for these control characters around each match: they cannot be typed
# into a page's text by accident, and a stray one in hostile text only misplaces a highlight.
START, END = "\x02", "\x03"
_MARKS = re.compile("[\x02\x03]")


def highlight(snippet: str | None) -> Markup:
    """The snippet escaped, with the text between START and END marks in <mark>."""
    out, open_mark = [], False
    for part in re.split("([\x02\x03])", snippet or ""):
        if part == START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif part == END and open_mark:
            out.append("</mark>")
            open_mark = False
        elif part not in (START, END):
            out.append(str(escape(part)))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


def plain(snippet: str | None) -> str:
    """The snippet without the marks (for feeds and JSON)."""
    return _MARKS.sub("", snippet or "")
