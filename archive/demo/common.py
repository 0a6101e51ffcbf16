"""Helpers every demo site shares: escaping, response builders, bylines and the common routes."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from archive.demo.assets import logo_png, photo_jpeg, print_pdf
from archive.demo.content import articles_of, publisher, trap
from archive.demo.model import Author, DemoArticle, Page, Publisher, slugify

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Site:
    """A publisher as served at one base URL: what every page template needs."""

    publisher: Publisher
    base_url: str

    def url(self, path: str) -> str:
        """The absolute URL of a site path."""
        return absolute(self.base_url, path)

    @classmethod
    def of(cls, key: str, base_url: str | None = None) -> Site:
        """The publisher `key` served at base_url, or at its default base URL."""
        return cls(publisher(key), base_url or publisher(key).default_base_url)

    @property
    def articles(self) -> tuple[DemoArticle, ...]:
        return articles_of(self.publisher.key)

    def in_section(self, slug: str) -> tuple[list[DemoArticle], str]:
        """The articles of a section (by slug) and the section's name ("" when none)."""
        articles = [a for a in self.articles if a.section_slug == slug]
        return articles, articles[0].section if articles else ""

    def tagged(self, slug: str) -> tuple[list[DemoArticle], str]:
        """The articles with a tag (by slug) and the tag as written ("" when none)."""
        articles = [a for a in self.articles if slug in {slugify(t) for t in a.tags}]
        label = next((t for t in articles[0].tags if slugify(t) == slug), "") if articles else ""
        return articles, label


def esc(text: str) -> str:
    """Text for an HTML text node."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Text for a quoted HTML attribute value."""
    return html.escape(text, quote=True)


def absolute(base_url: str, path: str) -> str:
    return urljoin(base_url, path)


def html_page(markup: str, status: int = 200) -> Page:
    return Page(status, {"Content-Type": HTML}, markup.encode("utf-8"))


def text_page(text: str, content_type: str, status: int = 200) -> Page:
    return Page(status, {"Content-Type": content_type}, text.encode("utf-8"))


def redirect(location: str, status: int = 301) -> Page:
    body = f'<html><body>Moved to <a href="{attr(location)}">{esc(location)}</a></body></html>'
    return Page(status, {"Content-Type": HTML, "Location": location}, body.encode("utf-8"))


def join_names(names: Iterable[str]) -> str:
    """Names as a byline reads them: "A", "A and B", "A, B and C"."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def byline_text(authors: Iterable[Author]) -> str:
    """A plain byline with job titles, as the Drupal daily prints it: "Sok Dara, Staff Reporter"."""
    return join_names(f"{a.name}, {a.title}" if a.title else a.name for a in authors)


def find_article(key: str, path: str) -> DemoArticle | None:
    """The publisher's article whose canonical path is `path`, if any."""
    for article in articles_of(key):
        if article.path == path:
            return article
    return None


def find_article_by_id(key: str, cms_id: str) -> DemoArticle | None:
    for article in articles_of(key):
        if str(article.cms_id) == cms_id:
            return article
    return None


def others(article: DemoArticle, count: int) -> tuple[DemoArticle, ...]:
    """Other stories of the same site to fill related and most-viewed boxes, same section first."""
    rest = [a for a in articles_of(article.publisher) if a != article]
    rest.sort(key=lambda a: a.section != article.section)
    return tuple(rest[:count])


def robots_txt(base_url: str, sitemaps: Iterable[str], extra: Iterable[str]) -> Page:
    """robots.txt: every site disallows /private/ and names its sitemaps."""
    lines = ["User-agent: *", "Disallow: /private/", *extra, ""]
    lines += [f"Sitemap: {absolute(base_url, path)}" for path in sitemaps]
    return text_page("\n".join(lines) + "\n", "text/plain; charset=utf-8")


def server_error() -> Page:
    body = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
    body += "<body><h1>Internal Server Error</h1><p>The server encountered an error.</p></body>"
    return html_page(body + "</html>", status=500)


def shared_route(key: str, path: str) -> Page | None:
    """Routes that behave alike on every site: the embargoed draft behind robots.txt, photos,
    logo, print PDFs, the 500 link."""
    if (draft := private_page(key, path)) is not None:
        return html_page(draft)
    if path.endswith(".jpg"):
        return Page(200, {"Content-Type": "image/jpeg"}, photo_jpeg())
    if path == "/logo.png":
        return Page(200, {"Content-Type": "image/png"}, logo_png())
    if path == trap(key, "server_error").path:
        return server_error()
    if path.startswith("/print/"):
        slug = path.removeprefix("/print/").strip("/")
        for article in articles_of(key):
            if article.slug == slug:
                pdf = print_pdf(article.headline, publisher(key).name)
                disposition = f'inline; filename="{slug}.pdf"'
                headers = {"Content-Type": "application/pdf", "Content-Disposition": disposition}
                return Page(200, headers, pdf)
    return None


def private_page(key: str, path: str) -> str | None:
    """Markup of the page behind robots.txt's Disallow: it looks like an article on purpose.

    It has no noindex hint: only obeying robots.txt keeps this embargoed draft out of an archive.
    """
    if not path.startswith("/private/"):
        return None
    name = esc(publisher(key).name)
    body = "".join(f"<p>{esc(paragraph)}</p>" for paragraph in _DRAFT)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>DRAFT - Embargoed story | {name}</title></head><body>"
        f'<article class="post type-post node node--type-article"><h1 class="entry-title">'
        f"DRAFT: Council budget to be cut by a quarter</h1>"
        f'<div class="entry-meta">By <a rel="author">Staff</a> '
        f'<time class="entry-date published" datetime="2026-03-30T09:00:00+00:00">'
        f'March 30, 2026</time></div><div class="entry-content">{body}</div></article>'
        f"</body></html>"
    )


_DRAFT = (
    "EMBARGOED DRAFT. The council is expected to announce next week that its budget will be cut "
    "by a quarter over three years, according to papers seen by this newsroom.",
    "This page sits under /private/, which robots.txt disallows. A crawler reaches it only by "
    "ignoring that rule, and an archive that stores it has archived an unpublished draft.",
    "Editors: do not publish before the embargo lifts. Figures still to be checked with the "
    "finance department, and the leader of the council has not yet been asked for comment.",
)
