"""Find the article's own headline, not the <title> with the site name around it."""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html

from pipelines.extraction.blocks import is_within
from pipelines.extraction.crumbs import in_trail, printed_title
from pipelines.extraction.jsonld import text_of
from pipelines.extraction.page import Page
from pipelines.extraction.text import (
    count_words,
    folded_words,
    name_key,
    normalize,
    same_text,
    spaced_text,
    words,
)
from pipelines.extraction.thresholds import (
    DECLARED_HEADLINE_WORDS,
    HEADLINE_WORDS,
    LONGEST_HEADLINE_CHARS,
    NEAR_LEVELS,
    SITE_KEY_CHARS,
    SITE_NAME_WORDS,
    TITLE_OVERLAP,
    UNSPACED_WORD,
)

# Separators sites put between the headline and their name in <title> and og:title; Korean
# sites use the letter ㅣ as a bar, spaced or not ("헤드라인ㅣ동해신문"): alone, outside a
# syllable block, it is never part of a word.
_TITLE_SEPARATORS = re.compile(r"(\s+(?:[|–—·•»:~/]|-{1,2}|::)\s+|\s*ㅣ\s*)")


def _names_site(part: str, names: tuple[str, ...]) -> bool:
    """'The Paradigm' for site name 'The Paradigm', 'Vortex Cannon Entertainment' for the host
    vortexcannon.org, 'CBSSports.com' for cbssports."""
    key = name_key(part)
    short = len(words(part)) <= SITE_NAME_WORDS  # a headline may open with the site's name
    return bool(key) and any(
        same_text(part, name)
        or (short and len(name_key(name)) >= SITE_KEY_CHARS and key.startswith(name_key(name)))
        for name in names
    )


def strip_site_name(title: str, names: tuple[str, ...] = (), longest: bool = True) -> str:
    """'Site - Headline' or 'Headline | Section | Site' -> 'Headline'.

    names: the site's name and host label. Parts naming the site are cut from either end and
    the rest is kept whole ("Are Here — And They're Not Great - Digg" keeps its dash); with no
    part naming the site, the longest part is taken, unless longest is False (a headline the
    publisher declared as such, where a dash is the headline's own)."""
    pieces = _TITLE_SEPARATORS.split(title)  # text, separator, text, ...
    parts = pieces[::2]
    if len(parts) < 2:
        return title
    start, end = 0, len(parts)
    while start < end - 1 and _names_site(parts[start], names):
        start += 1
    while end - 1 > start and _names_site(parts[end - 1], names):
        end -= 1
    if (start, end) != (0, len(parts)):
        return "".join(pieces[2 * start : 2 * end - 1]).strip()
    return max(parts, key=lambda p: len(words(p))).strip() if longest else title


def _overlap(a: str, b: str) -> float:
    wa, wb = set(folded_words(a)), set(folded_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


# The label set over a headline inside its <h1> ("Eskalation im Nahen Osten - ..."): the
# topic, not the headline.
_OVERLINE = re.compile(
    r"(?:^|[\s_-])(?:overline|kicker|eyebrow|topline|dachzeile|roofline|supertitle)(?:$|[\s_-])",
    re.I,
)


def page_h1s(tree: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Every <h1> with text, read before the page is cleaned; an overline (kicker) element
    inside it, and a separator hidden from screen readers, are not the headline."""
    found = []
    for h1 in tree.iter("h1"):
        text = spaced_text(h1)
        if text and any(_OVERLINE.search(el.get("class") or "") for el in h1.iterdescendants()):
            text = _without_overline(h1) or text
        if text and len(text) <= LONGEST_HEADLINE_CHARS:
            found.append((h1, text))
    return found


def _without_overline(h1: lxml.html.HtmlElement) -> str:
    copy = deepcopy(h1)
    for el in list(copy.iterdescendants()):
        overline = _OVERLINE.search(el.get("class") or "") or el.get("role") == "presentation"
        if overline and el.getparent() is not None:
            el.drop_tree()
    return spaced_text(copy)


def find_headline(
    page: Page,
    article: dict | None,
    names: tuple[str, ...],
    h1s: list[tuple[lxml.html.HtmlElement, str]],
    container: lxml.html.HtmlElement | None,
) -> str | None:
    """The JSON-LD headline; else the visible <h1> that matches the metadata title; else the
    <h1> printed just above the article body (sites give social and search titles of their
    own); else the metadata title without the site's name.

    names: the site's name and host label. h1s: page_h1s() of the uncleaned page.
    container: the element holding the article body."""
    declared = _declared(article, names)
    if declared:
        return declared
    meta_titles = _meta_titles(page, article)
    titled = titled_h1(meta_titles, names, h1s)
    if titled is not None:
        return titled[1]
    near = _h1_above(h1s, container, names)
    if near:
        return near
    if meta_titles:
        return strip_site_name(meta_titles[0], names)
    if h1s:
        return h1s[0][1]
    heading = next((normalize(h.text_content()) for h in page.tree.iter("h2")), None)
    return heading or None


# A section name some CMSs append to the headline they declare: "... | Sport".
_SECTION_TAIL = re.compile(r"\s+\|\s+\w+(?:\s\w+)?$")


def _declared(article: dict | None, names: tuple[str, ...]) -> str | None:
    """The headline the page's JSON-LD article object states, the site's name cut off: the
    publisher's own record of the headline, where og:title and <title> are written for social
    feeds and search results. None when it is missing or names only the site."""
    raw = text_of(article.get("headline")) if article else None
    if not raw:
        return None
    headline = _SECTION_TAIL.sub("", strip_site_name(raw, names, longest=False))
    if (
        _names_site(headline, names)
        or count_words(headline, UNSPACED_WORD) < DECLARED_HEADLINE_WORDS
    ):
        return None
    return headline


def printed_headline(
    page: Page,
    article: dict | None,
    names: tuple[str, ...],
    h1s: list[tuple[lxml.html.HtmlElement, str]],
) -> str | None:
    """The headline the page prints where its titles disagree, which comes before every
    other source: the heading printed under a breadcrumb trail whose last crumb is the <h1>
    (see crumbs.py); else the <h1> that the social title repeats, against the JSON-LD
    headline (two of the page's own titles against one). Read before the page is cleaned,
    since cleaning removes the trail."""
    return printed_title(h1s, _every_title(page, article, names)) or _social_h1(
        page, article, names, h1s
    )


def _social_h1(
    page: Page,
    article: dict | None,
    names: tuple[str, ...],
    h1s: list[tuple[lxml.html.HtmlElement, str]],
) -> str | None:
    """The social title (og:title, else twitter:title) when an <h1> outside any trail prints
    its words and the JSON-LD headline is another: the JSON-LD one is then a search title.
    The title's text is kept, punctuation and all, where the <h1> sets a kicker apart by
    layout ("<span>Kicker</span>Headline" for "Kicker / Headline")."""
    declared = _declared(article, names)
    social = page.meta_first("og:title", "twitter:title")
    if not declared or not social:
        return None
    social = strip_site_name(social, names, longest=False)
    for h1, text in h1s:
        if same_text(text, social) and not same_text(text, declared) and not in_trail(h1):
            return social
    return None


def _every_title(page: Page, article: dict | None, names: tuple[str, ...]) -> list[str]:
    """Each title the page gives itself, the site's name cut off."""
    candidates = (
        text_of(article.get("headline")) if article else None,
        *(page.meta_first(name) for name in ("headline", "og:title", "twitter:title", "title")),
        _title_tag(page.tree),
    )
    return [strip_site_name(t, names, longest=False) for t in candidates if t]


def _meta_titles(page: Page, article: dict | None) -> list[str]:
    """The titles the page gives itself: JSON-LD headline, the headline its meta tags state,
    their social or search title, <title>. A meta tag named "headline" states the headline
    as such, where og:title and twitter:title are written for social feeds and often carry
    the section and the site ("...-사회ㅣ동해신문")."""
    candidates = (
        text_of(article.get("headline")) if article else None,
        page.meta_first("headline"),
        page.meta_first("og:title", "twitter:title", "title"),
        _title_tag(page.tree),
    )
    return [t for t in candidates if t]


def titled_h1(
    meta_titles: list[str],
    names: tuple[str, ...],
    h1s: list[tuple[lxml.html.HtmlElement, str]],
) -> tuple[lxml.html.HtmlElement, str] | None:
    """The visible <h1> that matches one of the page's own titles, with its text."""
    for meta in meta_titles:
        stripped = strip_site_name(meta, names)
        parts = [p for p in _TITLE_SEPARATORS.split(meta)[::2] if not _names_site(p, names)]
        for h1, text in h1s:
            if _overlap(text, stripped) >= TITLE_OVERLAP or any(
                same_text(text, p) for p in [meta, *parts]
            ):
                return h1, text
    return None


def page_titled_h1(
    page: Page,
    article: dict | None,
    names: tuple[str, ...],
    h1s: list[tuple[lxml.html.HtmlElement, str]],
) -> lxml.html.HtmlElement | None:
    """The <h1> element the page's metadata titles confirm as the headline, if any."""
    titled = titled_h1(_meta_titles(page, article), names, h1s)
    return titled[0] if titled else None


def _h1_above(
    h1s: list[tuple[lxml.html.HtmlElement, str]],
    container: lxml.html.HtmlElement | None,
    names: tuple[str, ...],
) -> str | None:
    """The first <h1> in or just around the body container, before its first paragraph."""
    if container is None:
        return None
    near = [container, *list(container.iterancestors())[:NEAR_LEVELS]]
    first_paragraph = next(iter(container.iter("p")), None)
    for h1, text in h1s:
        if not any(is_within(h1, el) for el in near):
            continue
        if first_paragraph is not None and _follows(h1, first_paragraph):
            continue
        if count_words(text, UNSPACED_WORD) >= HEADLINE_WORDS and not _names_site(text, names):
            return text
    return None


def _follows(el: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
    """True when el comes after other in document order."""
    for node in other.getroottree().getroot().iter():
        if node is el:
            return False
        if node is other:
            return True
    return False


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.find(".//title")
    return normalize(title.text_content()) if title is not None else None
