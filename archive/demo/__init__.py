"""An offline demo of three fictional news sites (WordPress, Drupal, Next.js styles) to crawl.

`news-archive demo` serves them on 127.0.0.1, and the test suite crawls them: they carry the
traps real sites set (endless pagination and calendars, gzip sitemaps, redirects, 404/500s,
PDFs, robots.txt exclusions, tracking parameters, boilerplate around every article).

The sites are data: stories in `data/stories/<publisher>/*.md`, publishers, URL layouts and
traps in `data/publishers.toml`, pages in the Jinja2 templates of `templates/<cms>/`.
"""

from __future__ import annotations

from typing import Any

from archive.demo import content
from archive.demo.content import articles_of, publisher
from archive.demo.expected import ExpectedArticle, ExpectedCaption, expected_article
from archive.demo.model import Author, DemoArticle, Image, Page, Publisher, Trap
from archive.demo.router import DemoPageError, non_article_paths, render, render_page
from archive.demo.server import DemoSites
from archive.demo.stories import StoryError

__all__ = [
    "ARTICLES",
    "PUBLISHERS",
    "TRAPS",
    "Author",
    "DemoArticle",
    "DemoPageError",
    "DemoSites",
    "ExpectedArticle",
    "ExpectedCaption",
    "Image",
    "Page",
    "Publisher",
    "StoryError",
    "Trap",
    "articles_of",
    "expected_article",
    "non_article_paths",
    "publisher",
    "render",
    "render_page",
]


def __getattr__(name: str) -> Any:
    # ARTICLES, PUBLISHERS and TRAPS are read from the package data on first use, not at import.
    if name in {"ARTICLES", "PUBLISHERS", "TRAPS"}:
        return getattr(content, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
