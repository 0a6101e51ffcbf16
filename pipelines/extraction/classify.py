"""Decide whether a page is an article at all: front, tag, section and about pages are not."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from pipelines.extraction.jsonld import types_of
from pipelines.extraction.page import Page
from pipelines.extraction.thresholds import (
    MAX_LINKED_HEADINGS,
    MIN_WORDS,
    MIN_WORDS_DATED,
    PARAGRAPHS_PER_TEASER,
)

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
# The last part of an article's URL spells its headline: /news/four-or-more-words-like-this.
_ARTICLE_SLUG = re.compile(r"/[^/]*[a-z0-9]+(?:-[a-z0-9]+){3,}[^/]*/?$", re.I)


def declares_article(page: Page, article: dict | None) -> bool:
    """The page says it is an article: a JSON-LD article object, or og:type=article."""
    return article is not None or (page.meta_first("og:type") or "").lower() == "article"


def is_article_page(
    page: Page,
    article: dict | None,
    body: tuple[int, int],
    has_date: Callable[[], bool],
    teasers: int = 0,
    min_words: int = MIN_WORDS,
) -> tuple[bool, str]:
    """(is_article, why): article markup and enough text, or a long dated text on its own.

    body is (words, paragraphs) of the extracted body; has_date says whether the page gives a
    publication date (asked last: it may search the whole page).

    teasers counts the body's paragraphs that sit under a headline linking to another page of
    the site: a tag or section page's list, even when its CMS marks it og:type=article.

    min_words: the fewest body words an article has (the crawl's ARCHIVE_MIN_WORDS).
    """
    body_words, paragraphs = body
    page_types = {t for item in page.jsonld for t in types_of(item)}
    path = urlsplit(page.url or "").path or "/"
    if body_words < min_words:
        return False, f"only {body_words} words of body text"
    if teasers > MAX_LINKED_HEADINGS and teasers * PARAGRAPHS_PER_TEASER >= paragraphs:
        return False, f"a list of {teasers} teasers under linked headlines"
    if declares_article(page, article):
        return True, "article markup"
    listing = page_types & _LISTING_TYPES
    if listing:
        return False, f"listing markup ({', '.join(sorted(listing))})"
    if page.url and (path == "/" or _LISTING_PATH.match(path)):
        return False, f"listing URL {path}"
    if not has_date():
        return False, "no article markup and no date"
    if body_words < MIN_WORDS_DATED and not _ARTICLE_SLUG.search(path):
        return False, f"no article markup, only {body_words} words"
    return True, "dated text without article markup"
