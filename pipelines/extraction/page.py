"""Parse an HTML page once into the tree and metadata every extraction step reads."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from extruct.jsonld import JsonLdExtractor
from lxml import etree

from pipelines.extraction.decode import decode_html
from pipelines.extraction.errors import EmptyDocument, NotHTML
from pipelines.extraction.text import normalize

logger = logging.getLogger(__name__)

# Pages beyond this are cut: real articles are far smaller, and the cap bounds time and memory.
MAX_HTML_CHARS = 8_000_000
_JSONLD = JsonLdExtractor()


@dataclass
class Page:
    """One parsed page: the lxml tree plus the metadata read from its head and scripts."""

    tree: lxml.html.HtmlElement
    url: str | None
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, list[str]] = field(default_factory=dict)

    def meta_first(self, *names: str) -> str | None:
        """The first non-empty value among the named meta tags (name, property or itemprop)."""
        for name in names:
            for value in self.meta.get(name.lower(), []):
                if value:
                    return value
        return None


def parse_page(html: str | bytes, url: str | None = None) -> Page:
    """Parse HTML (text or bytes) into a Page; raise EmptyDocument or NotHTML on bad input."""
    if isinstance(html, bytes):
        html = decode_html(html)
    if not html.strip():
        raise EmptyDocument("the document is empty")
    if "\x00" in html[:4096] and html[:4096].count("\x00") > 40:
        raise NotHTML("the document is binary data, not HTML")
    html = html[:MAX_HTML_CHARS].replace("\x00", "")
    tree = _parse_tree(html)
    if tree is None or not tree.xpath("//*[self::body or self::p or self::div or self::title]"):
        raise NotHTML("the document has no HTML structure")
    page = Page(tree=tree, url=url)
    _read_head(page)
    page.jsonld = _read_jsonld(tree)
    return page


def _parse_tree(html: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)
    if html.lstrip().startswith("<?xml"):
        # lxml refuses str input that carries an encoding declaration.
        html = html.split("?>", 1)[-1]
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as error:
        logger.debug("unparseable document: %s", error)
        return None


def _read_head(page: Page) -> None:
    for el in page.tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = normalize(el.get("content"))
        if key and value:
            page.meta.setdefault(key.strip().lower(), []).append(value)
    for el in page.tree.iter("link"):
        href = (el.get("href") or "").strip()
        for rel in (el.get("rel") or "").lower().split():
            if href:
                page.links.setdefault(rel, []).append(href)


def _read_jsonld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, with @graph lists flattened; broken scripts skipped."""
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            found = _JSONLD.extract_items(script)
        except ValueError as error:
            logger.debug("skipping unreadable JSON-LD: %s", error)
            continue
        for item in found:
            items.extend(_flatten(item))
    return items


def _flatten(item: Any) -> list[dict[str, Any]]:
    if isinstance(item, list):
        return [obj for sub in item for obj in _flatten(sub)]
    if not isinstance(item, dict):
        return []
    graph = item.get("@graph")
    if isinstance(graph, list):
        return [item, *_flatten(graph)]
    return [item]
