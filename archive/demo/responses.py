"""Building the demo sites' HTTP responses: HTML and text pages, redirects, gzip files."""

from __future__ import annotations

import gzip

from archive.demo import templating
from archive.demo.model import Page

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


def html_page(markup: str, status: int = 200) -> Page:
    return Page(status, {"Content-Type": HTML}, markup.encode("utf-8"))


def text_page(text: str, content_type: str, status: int = 200) -> Page:
    return Page(status, {"Content-Type": content_type}, text.encode("utf-8"))


def redirect(location: str, status: int = 301) -> Page:
    body = templating.render("shared/redirect.html", location=location)
    return Page(status, {"Content-Type": HTML, "Location": location}, body.encode("utf-8"))


def gzipped(xml: str) -> Page:
    """A `.xml.gz` sitemap served as a file: the body itself is gzip, not Content-Encoding."""
    body = gzip.compress(xml.encode("utf-8"), mtime=0)
    return Page(200, {"Content-Type": "application/x-gzip"}, body)
