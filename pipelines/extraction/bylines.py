"""Who wrote a page: JSON-LD, author meta tags, byline markup, or a name signed in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.authors import credited_names
from pipelines.extraction.byline_markup import markup_sources
from pipelines.extraction.jsonld import ARTICLE_TYPES, names_of, text_of, types_of
from pipelines.extraction.page import Page
from pipelines.extraction.text import normalize


@dataclass
class Byline:
    """The people a page names as its writers, or, when it names none, its credit."""

    people: list[str] = field(default_factory=list)
    credit: list[str] = field(default_factory=list)


def find_byline(page: Page, article: dict | None, publishers: tuple[str, ...] = ()) -> Byline:
    """The writers from the first source that names a person: JSON-LD, meta tags, byline
    markup, a labelled line; failing that, the first credit found (an outlet, an agency).

    publishers: the site's names, left out when credited beside the writers."""
    byline = Byline()
    for raw in _sources(page, article):
        people, credit = credited_names(raw, publishers)
        if people:
            return Byline(people, byline.credit)
        byline.credit = byline.credit or credit
    return byline


def _sources(page: Page, article: dict | None) -> Iterator[list[str]]:
    """Candidate byline strings, one list per source, best first (each read only when the
    ones before it named nobody)."""
    yield _jsonld_people(page, article)
    yield [
        v
        for key, values in page.meta.items()
        if key in {"author", "dc.creator", "byl"} or key.endswith((":author", ".author", "-author"))
        for v in values
        if not v.startswith("http")
    ]
    yield from markup_sources(page.tree)


def _jsonld_people(page: Page, article: dict | None) -> list[str]:
    """Author names of the page's article in JSON-LD, organisations last; the longest list
    among the objects that describe this article (Yoast's "Article" may name only the first
    of the writers its "NewsArticle" lists)."""
    if not article:
        return []
    headline = text_of(article.get("headline"))
    best: list[str] = []
    for item in [article, *page.jsonld]:
        if item is not article and not (
            types_of(item) & ARTICLE_TYPES and text_of(item.get("headline")) == headline
        ):
            continue
        names = _names(_resolved(page, item.get("author") or item.get("creator")))
        if len(names) > len(best):
            best = names
    return best


def _resolved(page: Page, value: object) -> object:
    """A JSON-LD reference ({"@id": ...}, as Yoast's @graph writes authors) replaced by the
    object it names on the page."""
    if isinstance(value, list):
        return [_resolved(page, item) for item in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return next((item for item in page.jsonld if item.get("@id") == value["@id"]), value)
    return value


def _names(value: object) -> list[str]:
    """Names of a JSON-LD author field, persons before organisations (the credit of last
    resort); a Person without "name" is its given and family names."""
    items = value if isinstance(value, list) else [value]
    persons, organisations = [], []
    for item in items:
        if isinstance(item, dict) and not item.get("name") and item.get("familyName"):
            given, family = text_of(item.get("givenName")) or "", text_of(item.get("familyName"))
            persons.append(normalize(f"{given} {family}"))
        elif isinstance(item, dict) and "Organization" in str(item.get("@type", "")):
            organisations.extend(names_of(item))
        else:
            persons.extend(names_of(item))
    return persons + organisations


# A writer's name signed in the text: two to four capitalised words, nothing else.
_SIGNATURE = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’-]*\.?$")
_SIGNED_CLASS = re.compile(r"author|signature|byline|sign-?off", re.I)
_RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.I)


def signed_names(
    container: lxml.html.HtmlElement | None, publishers: tuple[str, ...] = ()
) -> list[str]:
    """The writer who signs the article's text: its last paragraph (or its first, a sign-on)
    holding nothing but a name set apart, bold or right-aligned or classed as a signature
    ("<p style='text-align:right'><strong>Lê Phương</strong></p>")."""
    if container is None:
        return []
    paragraphs = [p for p in container.iter("p") if normalize(p.text_content())]
    for paragraph in paragraphs[-1:] + paragraphs[:1]:
        text = normalize(paragraph.text_content())
        words = text.split()
        if not _SIGNATURE.match(text) or not all(w[0].isupper() for w in words):
            continue
        if _set_apart(paragraph, text):
            people, _credit = credited_names([text], publishers)
            if people:
                return people
    return []


def _set_apart(paragraph: lxml.html.HtmlElement, text: str) -> bool:
    """The paragraph is one bold run, or right-aligned, or classed as a signature."""
    if _RIGHT_ALIGNED.search(paragraph.get("style") or ""):
        return True
    if _SIGNED_CLASS.search(paragraph.get("class") or ""):
        return True
    bold = [el for el in paragraph if el.tag in {"strong", "b"}]
    return len(bold) == 1 and normalize(bold[0].text_content()) == text
