"""Section, tags, canonical URL, description, lead image and site name from a page's metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

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


# Links first, then a look up their ancestors: "tag blocks, then their links" made libxml2
# merge one node-set per block, quadratic when such blocks are nested.
_TAG_LINKS = (
    '//a[contains(concat(" ", normalize-space(@rel), " "), " tag ")]'
    '|//a[contains(@href, "/tag/") or contains(@href, "/tags/") or contains(@href, "/topic")]'
    '[ancestor::*[contains(@class, "tags") or contains(@class, "tag-list")]]'
)


def _tag_links(page: Page) -> list[str]:
    """Tags from the article's tag links, when its metadata names none."""
    found = []
    for a in page.tree.xpath(_TAG_LINKS):
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
