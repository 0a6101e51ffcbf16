"""Find the article's own headline, not the <title> with the site name around it."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.jsonld import text_of
from pipelines.extraction.page import Page
from pipelines.extraction.text import normalize, same_text, words

# Separators sites put between the headline and their name in <title> and og:title.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·•»:~/]|-{1,2}|::)\s+")


def strip_site_name(title: str, site_name: str | None) -> str:
    """'Site - Headline' or 'Headline | Site | Section' -> 'Headline'."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    if site_name:
        kept = [p for p in parts if not same_text(p, site_name)]
        if kept and len(kept) < len(parts):
            parts = kept
            if len(parts) == 1:
                return parts[0].strip()
    return max(parts, key=lambda p: len(words(p))).strip()


def _overlap(a: str, b: str) -> float:
    wa = {w.lower() for w in words(a)}
    wb = {w.lower() for w in words(b)}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def find_headline(page: Page, article: dict | None, site_name: str | None) -> str | None:
    """The visible <h1> that matches the metadata title; else the metadata title, cleaned."""
    meta_titles = [
        t
        for t in (
            text_of(article.get("headline")) if article else None,
            page.meta_first("og:title", "twitter:title", "title", "headline"),
            _title_tag(page.tree),
        )
        if t
    ]
    h1s = [t for t in (normalize(h.text_content()) for h in page.tree.iter("h1")) if t]
    for meta in meta_titles:
        for h1 in h1s:
            if same_text(h1, meta) or _overlap(h1, strip_site_name(meta, site_name)) >= 0.8:
                return h1
    if meta_titles:
        return strip_site_name(meta_titles[0], site_name)
    if h1s:
        return h1s[0]
    heading = next((normalize(h.text_content()) for h in page.tree.iter("h2")), None)
    return heading or None


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.find(".//title")
    return normalize(title.text_content()) if title is not None else None
