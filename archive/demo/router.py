"""One entry point to every demo site: render a request for a publisher without any server."""

from __future__ import annotations

from urllib.parse import urlsplit

from archive.demo import drupal, modern, wordpress
from archive.demo.content import publisher
from archive.demo.model import Page

# Publisher key -> the module of its site: render(path, query, base_url) -> Page answers its
# requests, non_article_paths() lists its listing pages.
_SITES = {"harbour": wordpress, "mekong": drupal, "northwind": modern}


class DemoPageError(Exception):
    """A demo path does not answer with an HTML page (redirect, PDF, feed, image...)."""


def render(publisher_key: str, path: str, query: str = "", base_url: str | None = None) -> Page:
    """The response the publisher's site gives for `path?query` when served at `base_url`.

    Without `base_url` the site pretends to live at its `Publisher.default_base_url`.
    """
    publisher(publisher_key)  # KeyError with the known keys for a typo
    return _SITES[publisher_key].render(path, query, base_url)


def render_page(publisher_key: str, path: str, base_url: str | None = None) -> str:
    """The HTML of a page (any status, e.g. a styled 404), for extraction tests without HTTP.

    `path` may carry a query string ("/archive?date=2026-03-14"); a fragment is ignored.
    Raises DemoPageError when the answer is not HTML, e.g. a redirect or a PDF.
    """
    parts = urlsplit(path)
    page = render(publisher_key, parts.path or "/", parts.query, base_url)
    content_type = page.headers.get("Content-Type", "")
    if page.status in {301, 302} or not content_type.startswith("text/html"):
        raise DemoPageError(f"{publisher_key}{path} answers {page.status} {content_type}")
    return page.body.decode("utf-8")


def non_article_paths(publisher_key: str) -> list[str]:
    """Paths (with query) of HTML pages of the site that an archive must not store as articles."""
    return _SITES[publisher_key].non_article_paths()
