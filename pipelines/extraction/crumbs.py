"""The headline a page prints under its breadcrumb trail when the trail ends in an SEO <h1>."""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from pipelines.extraction.text import same_text, spaced_text

# A breadcrumb trail ("Home > Politics > <h1>Headline for search engines</h1>") or the
# site's navigation. Many CMSs make the trail's last crumb the page's only <h1>, holding the
# title written for search engines (often the JSON-LD headline too), and print the headline
# readers see in an <h2> just below it, kicker and all.
_TRAIL = re.compile(r"crumb", re.I)


def in_trail(el: lxml.html.HtmlElement) -> bool:
    """True when el sits in a breadcrumb trail or a <nav>."""
    for node in (el, *el.iterancestors()):
        if node.tag == "nav" or _TRAIL.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def printed_title(h1s: list[tuple[lxml.html.HtmlElement, str]], titles: list[str]) -> str | None:
    """The title (of the page's own: JSON-LD headline, og:title, <title>..., site name cut)
    that names the heading printed after a breadcrumb trail whose last crumb is the <h1>.

    Only when one of the titles names the crumb (it is the page's SEO headline, not a
    section or logo <h1> in a menu) and another names the printed heading: the title's text
    is kept, punctuation and all, where the heading splits kicker and headline into
    elements. h1s: page_h1s() of the uncleaned page."""
    crumb = next(((h1, text) for h1, text in h1s if in_trail(h1)), None)
    if crumb is None or not any(same_text(crumb[1], title) for title in titles):
        return None
    heading = _next_heading(crumb[0])
    if heading is None:
        return None
    others = [title for title in titles if not same_text(title, crumb[1])]
    for part in _parts(heading):
        found = next((title for title in others if same_text(part, title)), None)
        if found:
            return found
    return None


def _next_heading(crumb: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The first <h1> or <h2> after the crumb, outside any trail."""
    for el in crumb.itersiblings():
        found = _first_heading((el,))
        if found is not None:
            return found
    for ancestor in crumb.iterancestors():
        found = _first_heading(ancestor.itersiblings())
        if found is not None:
            return found
    return None


def _first_heading(roots: Iterable[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    for root in roots:
        for el in root.iter("h1", "h2"):
            if not in_trail(el):
                return el
    return None


def _parts(heading: lxml.html.HtmlElement) -> list[str]:
    """The heading's text, then the text of each element in it: the headline printed under
    a kicker is one of its parts."""
    return [spaced_text(el) for el in heading.iter() if isinstance(el.tag, str)]
