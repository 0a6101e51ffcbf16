"""An offline demo of three fictional news sites (WordPress, Drupal, Next.js styles) to crawl.

`news-archive demo` serves them on 127.0.0.1, and the test suite crawls them: they carry the
traps real sites set (endless pagination and calendars, gzip sitemaps, redirects, 404/500s,
PDFs, robots.txt exclusions, tracking parameters, boilerplate around every article).
"""

from __future__ import annotations

from archive.demo.content import ARTICLES, PUBLISHERS, TRAPS, articles_of, publisher
from archive.demo.expected import ExpectedArticle, ExpectedCaption, expected_article
from archive.demo.model import Author, DemoArticle, Image, Page, Publisher, Trap
from archive.demo.router import DemoPageError, non_article_paths, render, render_page
from archive.demo.server import DemoSites

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
    "Trap",
    "articles_of",
    "expected_article",
    "non_article_paths",
    "publisher",
    "render",
    "render_page",
]
