"""Where the body comes from when the chosen container holds no prose: the page's own marks
of its article, then the densest run of paragraphs, then HTML a client-rendered page keeps in
its scripts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import lxml.html
from lxml import etree

from pipelines.extraction.blocks import Decision
from pipelines.extraction.body import BodyResult, Layout, extract_body, find_layout
from pipelines.extraction.clean import strip_boilerplate
from pipelines.extraction.figures import find_holders
from pipelines.extraction.page import xml_safe
from pipelines.extraction.text import count_words, spaced_text
from pipelines.extraction.thresholds import (
    EMBEDDED_HTML_CHARS,
    EMBEDDED_MIN_PARAGRAPHS,
    LD_BODY_SHARE,
    LD_BODY_WORDS,
    MIN_BODY_WORDS,
    UNSPACED_WORD,
)

# What the body container reads as, for `extract --explain`, when no fallback was needed.
CHOSEN = "the chosen container"


def is_thin(paragraphs: list[str]) -> bool:
    """A body too short to be the story a page declares (it may hold a caption or a line)."""
    return count_words(" ".join(paragraphs), UNSPACED_WORD) < MIN_BODY_WORDS


def fallback_containers(root: lxml.html.HtmlElement) -> Iterator[tuple[str, lxml.html.HtmlElement]]:
    """(why, element) for each element that may hold the story, most trusted first: the one
    marked itemprop=articleBody, the longest <article>, the parent of the most paragraph text."""
    for el in root.xpath('.//*[@itemprop="articleBody"]'):
        yield "itemprop=articleBody", el
    articles = list(root.iter("article"))
    if articles:
        yield "<article>", max(articles, key=lambda a: len(a.text_content()))
    densest = _densest_paragraphs(root)
    if densest is not None:
        yield "densest run of <p>", densest


def _densest_paragraphs(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element whose child <p> elements hold the most text."""
    mass: dict[lxml.html.HtmlElement, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            mass[parent] = mass.get(parent, 0) + len(p.text_content().strip())
    return max(mass, key=lambda el: mass[el]) if mass else None


# A JSON string long enough to hold a story: client-rendered pages (Next.js flight data,
# a state object handed to the browser) keep the article's HTML in one.
_JSON_STRING = re.compile(rf'"((?:[^"\\\n]|\\.){{{EMBEDDED_HTML_CHARS},}})"')
_PARAGRAPH = re.compile(r"<p[\s>]", re.I)
_ESCAPED_PARAGRAPH = re.compile(r"\\u003cp[\s>\\]|<p[\s>]", re.I)


def scripts_of(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The page's scripts, taken before cleaning removes them from the tree (an element
    keeps its text once removed); their text is searched only if the body needs it."""
    return [s for s in tree.iter("script") if s.get("type") != "application/ld+json"]


def embedded_html(scripts: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """A <body> holding the longest HTML fragment, with paragraphs, found in a script's JSON
    strings; None when there is none."""
    best, best_size = None, 0
    for script in scripts:
        text = script.text or ""
        if not _ESCAPED_PARAGRAPH.search(text):
            continue
        for match in _JSON_STRING.finditer(text):
            html = _decode(match.group(1))
            if html is None or len(_PARAGRAPH.findall(html)) < EMBEDDED_MIN_PARAGRAPHS:
                continue
            if len(html) > best_size:
                best, best_size = html, len(html)
    return _fragment(best) if best else None


def _decode(literal: str) -> str | None:
    try:
        return json.loads(f'"{literal}"')
    except ValueError:
        return None


def _fragment(html: str) -> lxml.html.HtmlElement | None:
    try:
        root = lxml.html.fragment_fromstring(xml_safe(html).decode("utf-8"), create_parent="body")
    except (etree.ParserError, ValueError):
        return None
    return root


@dataclass
class Reading:
    """What reading a body needs besides the layout: see body.extract_body."""

    headline: str | None
    captions: list[str]
    description: str | None


@dataclass
class Fallback:
    """A body found by a fallback, where it came from, and the element that holds it."""

    body: BodyResult
    source: str
    container: lxml.html.HtmlElement | None


def fall_back(
    layout: Layout,
    root: lxml.html.HtmlElement,
    reading: Reading,
    ld_paragraphs: list[str],
    scripts: list[lxml.html.HtmlElement],
) -> Fallback | None:
    """The first fallback that finds a body that is not thin, in order of trust: the
    JSON-LD articleBody, the page's article containers, HTML kept in a script."""
    if not is_thin(ld_paragraphs):
        body = BodyResult(paragraphs=ld_paragraphs)
        body.decisions.append(Decision(True, "JSON-LD articleBody (no prose in the page)", ""))
        return Fallback(body, "JSON-LD articleBody", None)
    for source, container in fallback_containers(root):
        body = extract_body(replace(layout, container=container), *_args(reading))
        if not is_thin(body.paragraphs):
            return Fallback(body, source, container)
    fragment = embedded_html(scripts)
    if fragment is None:
        return None
    strip_boilerplate(fragment)
    holders = find_holders(fragment)
    skip = {el for h in holders for el in h.element.iter()}
    captions = [*reading.captions, *(spaced_text(h.text_element) for h in holders)]
    inner = find_layout(fragment, skip)
    body = extract_body(inner, reading.headline, captions, reading.description)
    if is_thin(body.paragraphs):
        return None
    return Fallback(body, "HTML kept in a script (a client-rendered page)", None)


def _args(reading: Reading) -> tuple[str | None, list[str], str | None]:
    return reading.headline, reading.captions, reading.description


@dataclass
class Sources:
    """Where else the body can come from: the JSON-LD articleBody and the page's scripts.
    may_fall_back: the page declares an article and no site rule names its body."""

    ld_paragraphs: list[str]
    scripts: list[lxml.html.HtmlElement]
    may_fall_back: bool


def read_body(
    layout: Layout, root: lxml.html.HtmlElement, reading: Reading, sources: Sources
) -> tuple[BodyResult, str]:
    """The body and where it came from: the layout's container, the JSON-LD articleBody when
    the container shows a fragment of it, or a fallback when the container has no prose
    (which then becomes the layout's container)."""
    body = extract_body(layout, *_args(reading))
    prefer_jsonld_body(body, sources.ld_paragraphs)
    if not (sources.may_fall_back and is_thin(body.paragraphs)):
        return body, CHOSEN
    found = fall_back(layout, root, reading, sources.ld_paragraphs, sources.scripts)
    if found is None:
        return body, CHOSEN
    if found.container is not None:
        layout.container = found.container
    return found.body, found.source


def prefer_jsonld_body(body: BodyResult, ld_paragraphs: list[str]) -> None:
    """Use the JSON-LD articleBody when the HTML shows only a fragment of it: pages whose
    text is rendered by JavaScript or cut by a paywall still carry the whole story there."""
    ld_words = count_words(" ".join(ld_paragraphs))
    dom_words = count_words(" ".join(body.paragraphs))
    if ld_words >= LD_BODY_WORDS and dom_words < LD_BODY_SHARE * ld_words:
        body.decisions.append(Decision(True, "JSON-LD articleBody (HTML holds a fragment)", ""))
        body.paragraphs = ld_paragraphs
