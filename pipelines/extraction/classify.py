"""Decide whether a page is an article at all: front, tag, section and about pages are not."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.extraction.jsonld import types_of
from pipelines.extraction.page import Page

_LISTING_TYPES = frozenset(
    [
        "WebSite",
        "CollectionPage",
        "AboutPage",
        "ContactPage",
        "SearchResultsPage",
        "ItemList",
        "ProfilePage",
        "FAQPage",
        "QAPage",
    ]
)
_LISTING_PATH = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:tags?|topics?|category|categories|section|sections|author|"
    r"authors|search|archive|archives|page|about|about-us|contact|privacy|terms|subscribe)"
    r"(?:/|$|\?)",
    re.I,
)
MIN_WORDS = 50
MIN_WORDS_WITHOUT_MARKUP = 150


def is_article_page(
    page: Page, article: dict | None, body_words: int, has_date: bool
) -> tuple[bool, str]:
    """(is_article, why): article markup and enough text, or a long dated text on its own."""
    og_type = (page.meta_first("og:type") or "").lower()
    page_types = {t for item in page.jsonld for t in types_of(item)}
    path = urlsplit(page.url or "").path or "/"
    if body_words < MIN_WORDS:
        return False, f"only {body_words} words of body text"
    if article is not None or og_type == "article":
        return True, "article markup"
    listing = page_types & _LISTING_TYPES
    if listing:
        return False, f"listing markup ({', '.join(sorted(listing))})"
    if page.url and (path == "/" or _LISTING_PATH.match(path)):
        return False, f"listing URL {path}"
    if body_words >= MIN_WORDS_WITHOUT_MARKUP and has_date:
        return True, "dated text without article markup"
    return False, "no article markup and no date"
