"""Byline markup in a page: author attributes (rel, itemprop, data-testid), byline and
author class names, and lines that label their names ("Autor: X", "(责编：X、Y)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from pipelines.extraction.text import normalize, spaced_text, split_camel
from pipelines.extraction.thresholds import (
    BYLINE_PER_SOURCE,
    LABELLED_LINE_CHARS,
    MOST_BYLINE_CHARS,
    NAME_WORDS,
)

# Every element that may be byline markup, in one pass of the XPath engine.
_CANDIDATES = etree.XPath(
    "//*[@rel='author' or @itemprop='author' or @itemprop='name' or @data-testid"
    " or contains(@class, 'yline') or contains(@class, 'uthor') or contains(@id, 'uthor')]"
)
# Any other element named for its author(s) ("metaInfoAuthorList", "id-StoryElement-authors"),
# but not a writer's biography or portrait, nor a comment's author.
_AUTHOR_NAME = re.compile(r"(?:^|[\s_-])(?:authors?|byline)(?:$|[\s_-])", re.I)
_NOT_BYLINE_NAME = re.compile(
    r"bio|avatar|image|img|photo|pic|social|desc|about|follow|mail|twitter|comment", re.I
)
_BYLINE_TAGS = frozenset(["p", "div", "span", "ul", "li", "a", "address", "strong"])
# Places where names of other articles' writers, commenters or photographers are printed.
_FIGURE_TAGS = frozenset(["figure", "figcaption"])
_ELSEWHERE_TAGS = frozenset(["aside", "footer", "nav", *_FIGURE_TAGS])
_ELSEWHERE_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|related|teasers?|recommend\w*|sidebar|more|captions?|"
    r"newsletter|promo)(?:$|[\s_-])",
    re.I,
)
# A line that labels its names: "Autorin/Autor Roman Goncharenko", "(责编：牛镛、岳弘彬)".
_LABELLED = re.compile(
    r"^[(（]?\s*(?:(?:autor(?:in)?(?:\s*/\s*autor(?:in)?)?|author|verfasser(?:in)?)\s*[:：]?"
    r"|(?:text|texte|reporter|reporting|yazar|muhabir|penulis|wartawan|作者|记者|記者|责编|"
    r"责任编辑|编辑|文|撰文)\s*[:：])\s*(?P<names>[^()（）]{2,80}?)\s*[)）]?$",
    re.I,
)
_LABEL_START = re.compile(
    r"(?:[(（]\s*)?(?:autor|author|verfasser|text\s*:|texte\s*:|reporter|yazar|muhabir|"
    r"penulis|wartawan|作者|记者|記者|责编|责任编辑|编辑|文\s*：|撰文)",
    re.I,
)
# "By Jane Doe and John Roe", "Von Bill MCCARTHY, Marisha GOLDHAMER": after "By" in the
# languages authors.py reads, names whose every word is capitalised (particles aside).
_BY_START = re.compile(r"(?:by|von|par|por|door|av|af|przez)\b", re.I)
_BY_LINE = re.compile(r"^(?:by|von|par|por|door|av|af|przez)\s*:?\s+(?P<names>[^\d]+)$", re.I)
_NAME_SEPARATORS = re.compile(r"[\s,&;]+")
_LOWER_WORDS = frozenset(
    ["and", "und", "et", "y", "e", "og", "en", "och", "de", "da", "di", "van", "von", "der",
     "den", "la", "le", "du", "dos", "bin", "al"]
)  # fmt: skip
_LINE_TAGS = frozenset(["p", "li", "div", "span", "dd", "td", "small"])
_TEXTS = etree.XPath("//body//text()")


def markup_sources(tree: lxml.html.HtmlElement) -> Iterator[list[str]]:
    """Byline strings from the page's markup, one list per kind of markup, most specific
    first: rel=author, data-testid, itemprop=author's name, itemprop=author, the class word
    "byline", "author-name", any "byline" class, any other author class; then labelled lines."""
    buckets: list[list[lxml.html.HtmlElement]] = [[] for _ in _KINDS]
    for el in _CANDIDATES(tree):
        for index, test in enumerate(_KINDS):
            bucket = buckets[index]
            if (
                len(bucket) < BYLINE_PER_SOURCE
                and test(el)
                and _not_elsewhere(el, index)
                and not any(found in el.iterancestors() for found in bucket)
            ):
                bucket.append(el)  # a list's items are read with the list
    for bucket in buckets:
        yield _texts(bucket)
    yield _labelled_lines(tree)


def _classes(el: lxml.html.HtmlElement) -> str:
    return " ".join((el.get("class") or "").split())


def _authors_item_name(el: lxml.html.HtmlElement) -> bool:
    return el.get("itemprop") == "name" and any(
        a.get("itemprop") == "author" for a in el.iterancestors()
    )


def _author_named(el: lxml.html.HtmlElement) -> bool:
    if el.tag not in _BYLINE_TAGS:
        return False
    words = split_camel(el.get("class") or el.get("id") or "")
    return bool(_AUTHOR_NAME.search(words)) and not _NOT_BYLINE_NAME.search(words)


_KINDS = (
    lambda el: el.get("rel") == "author",
    lambda el: any(w in (el.get("data-testid") or "") for w in ("contributor", "author-name")),
    _authors_item_name,
    lambda el: el.get("itemprop") == "author",
    lambda el: " byline " in f" {_classes(el)} ",
    lambda el: "author-name" in _classes(el) or "author__name" in _classes(el),
    lambda el: "byline" in _classes(el),
    _author_named,
)


def _not_elsewhere(el: lxml.html.HtmlElement, kind: int) -> bool:
    # rel=author says who wrote, even in a figure (a byline with the writer's portrait).
    return not _elsewhere(el, in_figures=kind == 0)


def _texts(elements: list[lxml.html.HtmlElement]) -> list[str]:
    """Each byline element's text; an element listing its names in children of their own,
    with nothing between them ("<span>Jane Doe</span><span>John Roe</span>"), gives them one
    by one, or they would read as one long name."""
    texts = []
    for el in elements:
        text = spaced_text(el)
        if not text or len(text) >= MOST_BYLINE_CHARS:
            continue
        parts = _child_texts(el)
        while len(parts) == 1 and len(el) == 1:  # down through a wrapper of the list
            el = el[0]
            parts = _child_texts(el)
        if len(parts) >= 2 and " ".join(parts) == text and len(text.split()) > NAME_WORDS:
            texts.extend(parts)
        else:
            texts.append(text)
    return texts


def _child_texts(el: lxml.html.HtmlElement) -> list[str]:
    return [text for child in el if isinstance(child.tag, str) and (text := spaced_text(child))]


def _elsewhere(el: lxml.html.HtmlElement, in_figures: bool = False) -> bool:
    """Inside comments, teasers, asides, footers or figures (photographers' names, unless
    in_figures): other people's names."""
    for ancestor in el.iterancestors():
        if ancestor.tag in _ELSEWHERE_TAGS and not (in_figures and ancestor.tag in _FIGURE_TAGS):
            return True
        names = ancestor.get("class") or ancestor.get("id")
        if names and _ELSEWHERE_NAME.search(split_camel(names)):
            return True
    return False


def _labelled_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """Names from a short line that labels them ("Autor: X", "(责编：X、Y)") or opens with
    "By" ("Von X, Y" in a list of facts), found from the text that holds the label."""
    for text in _TEXTS(tree):
        start = text.lstrip()
        if len(text) > LABELLED_LINE_CHARS or not (
            _LABEL_START.match(start) or _BY_START.match(start)
        ):
            continue  # a label opens its line, or the <strong> that holds it
        el = text.getparent()
        if el is None or el.tag in {"script", "style"}:
            continue
        while el is not None and el.tag not in _LINE_TAGS:
            el = el.getparent()  # from the label's <strong> to its line
        if el is None:
            continue  # a label in no line of its own (markup broken around it)
        line = normalize(el.text_content())
        if (
            len(line) > LABELLED_LINE_CHARS
            or _elsewhere(el)
            or any(True for _ in el.iterancestors("a"))
        ):
            continue  # a teaser's byline is in the teaser's link
        match = _LABELLED.match(line) or _BY_LINE.match(line)
        if match and (match.re is _LABELLED or _capitalised(match.group("names"))):
            return [match.group("names")]
    return []


def _capitalised(names: str) -> bool:
    """Every word of a list of names starts with a capital, but "and" and name particles
    ("Von Anfang an war klar" is a sentence, not a byline)."""
    words = [w for w in _NAME_SEPARATORS.split(names) if w]
    return bool(words) and all(w[0].isupper() or w.lower() in _LOWER_WORDS for w in words)
