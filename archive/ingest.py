"""Page to article: the one decision every way into the archive makes the same way.

`page_to_article` is pure (no Scrapy, no database, no settings): a `FetchedPage` in, an
`Extracted` article with the URL it is stored under, or a `Dropped` reason out. The crawl's
pipelines, `reextract`, importers and tests all call it, and it can run in a worker process:
its inputs and outputs are plain picklable dataclasses (per-site `Rules` hold compiled
selectors, so a worker process loads its own from the rules file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import lxml.html
from w3lib.url import safe_url_string

from archive.records import FetchedPage
from pipelines.extraction.decode import decode_html, is_html
from pipelines.extraction.errors import ExtractionError
from pipelines.extraction.record import Article
from pipelines.extraction.urls import article_key, canonical_url

if TYPE_CHECKING:
    from pipelines.extraction.rules import Rules

DropReason = Literal[
    "http_error",
    "redirect_off_site",
    "bad_redirect",
    "not_html",
    "too_large",
    "unreadable",
    "not_article",
    "not_modified",
]


# The most bytes of HTML extracted (ARCHIVE_MAX_PAGE_BYTES): parsing takes about 18 times
# a page's size in memory and a second per 1.5 MB, so a 19 MB page of paragraphs took 350 MB
# and 12 s, holding up the whole crawl. News pages weigh well under 1 MB.
MAX_PAGE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """How pages become articles: the crawl's ARCHIVE_MIN_WORDS, ARCHIVE_RULES and
    ARCHIVE_MAX_PAGE_BYTES."""

    min_words: int
    rules: Rules | None = None
    max_bytes: int = MAX_PAGE_BYTES


@dataclass(frozen=True)
class Extracted:
    """An article, and the URL it is stored under (its key in the archive)."""

    article: Article
    key: str


@dataclass(frozen=True)
class Dropped:
    """Why a page is not stored as an article."""

    reason: DropReason
    detail: str


def page_to_article(
    page: FetchedPage,
    options: IngestOptions,
    on_parse: Callable[[lxml.html.HtmlElement], None] | None = None,
) -> Extracted | Dropped:
    """The article a fetched page holds, or why it holds none. on_parse, if given, is
    called with the page's tree as parsed (not called when the page is not parsed at all:
    an error status, not HTML, too large, undecodable)."""
    if page.status == 304:
        # An answer to a conditional request (a re-check): the page has not changed since
        # the capture it refers to. Neither an article nor a failure, and nothing to extract.
        return Dropped("not_modified", "HTTP 304: not modified since the last check")
    if page.status >= 400:
        return Dropped("http_error", f"HTTP {page.status}")
    if 300 <= page.status < 400:
        return _redirect(page)
    if not is_html(page.content_type, page.body):
        return Dropped("not_html", page.content_type or "no content type, no HTML markup")
    if options.max_bytes and len(page.body) > options.max_bytes:
        detail = (
            f"{len(page.body)} bytes of HTML, over ARCHIVE_MAX_PAGE_BYTES ({options.max_bytes})"
        )
        return Dropped("too_large", detail + ": kept raw, not extracted")
    # The extractor's own imports (extruct, htmldate, dateparser, the language model's code)
    # are made by the processes that extract, not by a crawl that only hands pages to them.
    from pipelines.extraction.core import extract
    from pipelines.extraction.dates import parse_date, with_offset

    try:
        html = decode_html(page.body, page.content_type)
        article = extract(
            html,
            url=page.final_url,
            rules=options.rules,
            min_words=options.min_words,
            on_parse=on_parse,
        )
    except ExtractionError as error:
        return Dropped("unreadable", str(error))
    if not article.is_article:
        return Dropped("not_article", f"{article.word_count} words")
    if article.published is None and page.hints.published:
        # A feed's or sitemap's date, with UTC when it gives no offset.
        published = with_offset(parse_date(page.hints.published), None)
        article = replace(article, published=published)
    article = with_web_urls(article)
    # Counted here, where it was just counted (replace() drops what a cached_property holds):
    # the count goes with the article to the process that stores it.
    article.word_count  # noqa: B018
    # The key is a canonical http(s) URL whatever the page's rel=canonical said.
    return Extracted(article, canonical_url(article_key(article.canonical_url, page.final_url)))


def web_url(url: str | None) -> str | None:
    """A URL as the archive keeps it: absolute http(s), unsafe characters percent-encoded
    (a quote or bracket in a path stays data, not markup, wherever the URL is shown); None
    for anything else (javascript:, data:, a relative path)."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return safe_url_string(url)


def with_web_urls(article: Article) -> Article:
    """The article with its canonical URL, lead image and caption images as web_url keeps
    them: hostile pages put script and markup in any of them."""
    captions = [replace(c, image_url=web_url(c.image_url)) for c in article.captions]
    return replace(
        article,
        canonical_url=web_url(article.canonical_url),
        lead_image_url=web_url(article.lead_image_url),
        captions=captions,
    )


def _redirect(page: FetchedPage) -> Dropped:
    """A redirect that reached us was not followed: the crawl follows every http(s) Location
    (and refuses those off its sites on the way), so this one points elsewhere (file:,
    ftp:, data:, javascript:...) or nowhere."""
    location = page.headers.get("location", "").strip()
    if not location:
        return Dropped("bad_redirect", f"HTTP {page.status} without a Location")
    return Dropped("redirect_off_site", f"HTTP {page.status} to {location[:300]}: not followed")
