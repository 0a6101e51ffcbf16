"""Read schema.org objects (NewsArticle, Person, ImageObject...) out of a page's JSON-LD."""

from __future__ import annotations

import html
import re
from typing import Any

from pipelines.extraction.page import Page
from pipelines.extraction.text import normalize

ARTICLE_TYPES = frozenset(
    [
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "AskPublicModelNewsArticle",
        "LiveBlogPosting",
        "SatiricalArticle",
        "Report",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
    ]
)


def types_of(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def article_object(page: Page) -> dict[str, Any] | None:
    """The page's own article object, the one with the most fields if there are several."""
    found = [item for item in page.jsonld if types_of(item) & ARTICLE_TYPES]
    headlines = {text_of(item.get("headline")) for item in found}
    if len(headlines) > 1:
        # A front page lists many articles: only one that names this page's URL is its own.
        own = [
            item
            for item in found
            if page.url
            and page.url in (url_of(item.get("url")), url_of(item.get("mainEntityOfPage")))
        ]
        found = own
    return max(found, key=len) if found else None


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a node."""
    if isinstance(value, str):
        return normalize(html.unescape(value)) or None
    if isinstance(value, list):
        for item in value:
            text = text_of(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value") or value.get("text"))
    if isinstance(value, int | float):
        return str(value)
    return None


def url_of(value: Any) -> str | None:
    """A URL from an image/url field that may be a string, an ImageObject or a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            url = url_of(item)
            if url:
                return url
        return None
    if isinstance(value, dict):
        return url_of(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


def names_of(value: Any) -> list[str]:
    """Names from an author-like field: a string, a Person, an Organization or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in names_of(item)]
    text = text_of(value)
    return [text] if text else []


# HTML inside an articleBody string: block tags become line breaks, other tags go.
_BLOCK_TAG = re.compile(r"(?i)</?(?:p|div|br|h[1-6]|li|blockquote)\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]+>")


def article_body(article: dict[str, Any] | None) -> list[str]:
    """Paragraphs of the JSON-LD articleBody (plain text, or HTML some CMSs put there)."""
    raw = article.get("articleBody") if article else None
    if isinstance(raw, list):
        raw = "\n".join(str(part) for part in raw)
    if not isinstance(raw, str) or not raw.strip():
        return []
    text = html.unescape(raw)
    if "<" in text and ">" in text:
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    return [p for p in (normalize(line) for line in text.splitlines()) if p]
