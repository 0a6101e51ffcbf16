"""Section, tags, canonical URL, description, lead image and site name from a page's metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.jsonld import text_of, url_of
from pipelines.extraction.page import Page
from pipelines.extraction.text import normalize
from pipelines.extraction.thresholds import LONGEST_TAG_CHARS, MAX_TAGS
from pipelines.extraction.urls import canonical_url, resolve


@dataclass
class Metadata:
    canonical_url: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    lead_image_url: str | None = None
    site_name: str | None = None


def _tags(page: Page, article: dict | None) -> list[str]:
    raw: list[str] = [t for v in page.meta.get("article:tag", []) for t in v.split(",")]
    keywords = article.get("keywords") if article else None
    if isinstance(keywords, list):
        raw.extend(str(k) for k in keywords)
    elif isinstance(keywords, str):
        raw.extend(keywords.split(","))
    if not raw:
        for name in ("news_keywords", "keywords"):
            for value in page.meta.get(name, []):
                raw.extend(value.split(","))
    if not raw:
        raw = _tag_links(page)
    tags: list[str] = []
    for tag in (normalize(t) for t in raw):
        if tag and tag not in tags and len(tag) < LONGEST_TAG_CHARS:
            tags.append(tag)
    return tags


# A tag link: rel="tag", or a link to a tag or topic page inside a block of tags. Found in
# one pass over the page's links: an XPath of the same test took 0.9-1.1 ms a page where this
# takes 0.7 (both development sets and the crawl benchmark's pages, the same links found).
_TAG_PATH = re.compile(r"/tags?/|/topic")
_XML_SPACE = re.compile(r"[ \t\r\n]+")  # the spaces XPath's normalize-space() collapses


def _is_tag_link(a: lxml.html.HtmlElement) -> bool:
    rel = a.get("rel")
    if rel and "tag" in _XML_SPACE.split(rel):
        return True
    href = a.get("href")
    if not href or not _TAG_PATH.search(href):
        return False
    for ancestor in a.iterancestors():
        names = ancestor.get("class")
        if names and ("tags" in names or "tag-list" in names):
            return True
    return False


def _tag_links(page: Page) -> list[str]:
    """Tags from the article's tag links, when its metadata names none."""
    found = []
    for a in page.tree.iter("a"):
        if not _is_tag_link(a):
            continue
        ancestors = {el.tag for el in a.iterancestors()}
        if ancestors & {"nav", "aside"} or ("footer" in ancestors and "article" not in ancestors):
            continue  # site menus and tag clouds, not this article's tags
        found.append(a.text_content())
    return found[:MAX_TAGS]


def _canonical(page: Page) -> str | None:
    for href in page.links.get("canonical", []) + page.meta.get("og:url", []):
        absolute = resolve(page.url, href)
        if absolute:
            return canonical_url(absolute)
    return canonical_url(page.url) if page.url else None


def read_metadata(page: Page, article: dict | None) -> Metadata:
    """Everything besides headline, body, captions, authors, dates and language."""
    section = text_of(article.get("articleSection")) if article else None
    publisher = article.get("publisher") if article else None
    image = page.meta_first("og:image", "og:image:url", "twitter:image")
    if not image and article:
        image = url_of(article.get("image"))
    description = page.meta_first("og:description", "description", "twitter:description")
    if not description and article:
        description = text_of(article.get("description"))
    return Metadata(
        canonical_url=_canonical(page),
        section=section or page.meta_first("article:section", "section", "parsely-section"),
        tags=_tags(page, article),
        description=description,
        lead_image_url=resolve(page.url, image) if image else None,
        site_name=page.meta_first("og:site_name", "application-name") or text_of(publisher),
    )
