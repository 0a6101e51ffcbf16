"""Authors as a clean list of names: no "By", no "and", no job titles, emails or agencies."""

from __future__ import annotations

import re

from pipelines.extraction.jsonld import names_of
from pipelines.extraction.page import Page
from pipelines.extraction.text import normalize

_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|przez|от|作者|written by|words by)[\s:]+", re.I)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|、|·)\s*", re.I
)
_JOB = re.compile(
    r"\b(?:staff|reporter|correspondent|editor|writer|journalist|contributor|columnist|"
    r"bureau|chief|senior|desk|team|newsroom|news|online|digital|updated|published|"
    r"photographer|analyst|producer|intern|special to)\b",
    re.I,
)
_CONTACT = re.compile(r"\S+@\S+\.\w+|https?://\S+|@\w+")
_AGENCIES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "associated",
        "press",
        "dpa",
        "bloomberg",
        "xinhua",
        "efe",
        "ani",
        "pti",
    ]
)
_BYLINE_SELECTORS = (
    '//*[@rel="author"]',
    '//*[contains(@data-testid, "contributor") or contains(@data-testid, "author-name")]',
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]',
    '//*[contains(@class, "author-name") or contains(@class, "author__name")]',
    '//*[contains(@class, "byline")]',
)


def clean_authors(raw: list[str]) -> list[str]:
    """Split and clean byline strings into person names, keeping their first order."""
    names: list[str] = []
    for value in raw:
        value = _BY.sub("", _CONTACT.sub(" ", normalize(value)))
        for part in _SPLIT.split(value):
            name = _TRAILING_TITLE.sub("", _BY.sub("", part)).strip(" .:-–—()")
            if _is_name(name) and name not in names:
                names.append(name)
    if any(n.lower() not in _AGENCIES for n in names):
        names = [n for n in names if n.lower() not in _AGENCIES]
    return names


# Job titles written after a name: "김도윤 기자", "山田太郎記者", "Jane Doe Staff Writer".
_TRAILING_TITLE = re.compile(
    r"\s*(?:기자|선임기자|특파원|논설위원|記者|特派員|編集委員|编辑|记者|通讯员|"
    r"staff writer|staff reporter|reporter|correspondent|redakteur(?:in)?|korrespondent(?:in)?)$",
    re.I,
)


def _is_name(text: str) -> bool:
    if not text or "@" in text or "://" in text or text.startswith("www."):
        return False
    if _JOB.search(text) or any(ch.isdigit() for ch in text):
        return False
    return 1 <= len(text.split()) <= 5 and len(text) <= 60


def find_authors(page: Page, article: dict | None) -> list[str]:
    """Authors from JSON-LD, then author meta tags, then the byline in the page."""
    people = _people(article.get("author") or article.get("creator")) if article else []
    if people:
        names = clean_authors(people)
        if names:
            return names
    meta = [
        v
        for key, values in page.meta.items()
        if key in {"author", "dc.creator", "byl"} or key.endswith((":author", ".author", "-author"))
        for v in values
        if not v.startswith("http")
    ]
    if meta:
        names = clean_authors(meta)
        if names:
            return names
    for selector in _BYLINE_SELECTORS:
        found = [normalize(el.text_content()) for el in page.tree.xpath(selector)[:3]]
        names = clean_authors([f for f in found if f and len(f) < 150])
        if names:
            return names
    return []


def _people(value: object) -> list[str]:
    """Author names from JSON-LD, leaving out organisations (a site credited as its author)."""
    items = value if isinstance(value, list) else [value]
    people = [
        item for item in items
        if not (isinstance(item, dict) and "Organization" in str(item.get("@type", "")))
    ]  # fmt: skip
    return names_of(people)
