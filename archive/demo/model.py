"""Typed records of the demo news sites: publishers, articles, their images, and served pages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """The URL slug of a section, tag or author name: "Local News" -> "local-news"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def paragraphs(text: str) -> tuple[str, ...]:
    """Body paragraphs from a text block: blank lines separate them, line breaks are spaces."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return tuple(" ".join(line.strip() for line in block.splitlines()) for block in blocks)


@dataclass(frozen=True)
class Author:
    """A byline entry; the job title is shown only by publishers that print one."""

    name: str
    title: str | None = None

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Image:
    """An article image: the caption and the credit are kept apart, as an extractor should."""

    src: str
    alt: str
    caption: str
    # Photographer or agency without any "Photo:" label; renderers add the label their CMS uses.
    credit: str | None = None


@dataclass(frozen=True)
class ReaderComment:
    """A reader comment under a post: text that must never reach an article body."""

    name: str
    text: str


@dataclass(frozen=True)
class Route:
    """One URL pattern of a site and the kind of page it answers with ("section", "rss"...)."""

    pattern: str
    page: str


@dataclass(frozen=True)
class Layout:
    """How a publisher lays out its site: URLs, sitemaps and robots.txt rules."""

    # str.format template of article paths over `slug`, `section` (slugified) and `published`.
    permalink: str
    routes: tuple[Route, ...]
    # Sitemap path -> what it lists: "articles", "sections" or fixed paths.
    sitemaps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    robots: tuple[str, ...] = ()
    robots_sitemaps: tuple[str, ...] = ()
    per_page: int = 10


@dataclass(frozen=True)
class Publisher:
    """One fictional news site and the CMS style its pages imitate."""

    key: str
    name: str
    cms: str
    language: str
    default_port: int
    tagline: str
    sections: tuple[str, ...]
    # Prose for the about page: a trap for extractors, it reads like an article but is not one.
    about: tuple[str, ...]
    layout: Layout = field(repr=False, default=Layout("/{slug}", ()))
    comments: tuple[ReaderComment, ...] = field(repr=False, default=())

    @property
    def default_base_url(self) -> str:
        """Where `render_page` pretends the site lives when no server is running."""
        return f"http://127.0.0.1:{self.default_port}/"


@dataclass(frozen=True)
class DemoArticle:
    """One fictional news story: what its page shows and what an extractor must return."""

    publisher: str
    cms_id: int
    slug: str
    # str.format template over `slug`, `section` (slugified) and `published`.
    permalink: str
    headline: str
    section: str
    tags: tuple[str, ...]
    authors: tuple[Author, ...]
    published: datetime
    summary: str
    body: tuple[str, ...]
    images: tuple[Image, ...] = ()
    modified: datetime | None = None
    # None means the publisher's language; set for the odd story in another language.
    language: str | None = None

    @property
    def path(self) -> str:
        """The canonical URL path of the article on its publisher's site."""
        return self.permalink.format(
            slug=self.slug, section=slugify(self.section), published=self.published
        )

    @property
    def section_slug(self) -> str:
        return slugify(self.section)

    @property
    def last_change(self) -> datetime:
        """When the story last changed: its modified time, else its publication time."""
        return self.modified or self.published


@dataclass(frozen=True)
class Trap:
    """A URL a crawler must handle with care; `status` is what the site answers if it is fetched."""

    publisher: str
    kind: str
    path: str
    status: int
    note: str
    # The link text where the home page links the trap ("" when the template makes its own).
    label: str = field(default="", repr=False)


class Page(NamedTuple):
    """One HTTP response of a demo site: what a router returns and the server sends."""

    status: int
    headers: dict[str, str]
    body: bytes
