"""A publisher as served at one base URL with its current stories: what every template sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

from archive.demo import content, routes
from archive.demo.model import DemoArticle, Publisher, Trap, slugify


@dataclass(frozen=True)
class ShownComment:
    """A reader comment as printed under one post: its number and when it was posted."""

    number: int
    name: str
    text: str
    posted: datetime


@dataclass(frozen=True)
class Site:
    """One running (or imagined) demo site: publisher, base URL and articles, newest first."""

    publisher: Publisher
    base_url: str
    articles: tuple[DemoArticle, ...]

    @classmethod
    def of(cls, key: str, base_url: str | None = None) -> Site:
        """The publisher `key` with its bundled stories, at base_url or its default base URL."""
        pub = content.publisher(key)
        return cls(pub, base_url or pub.default_base_url, content.articles_of(key))

    @property
    def key(self) -> str:
        return self.publisher.key

    def url(self, path: str) -> str:
        """The absolute URL of a site path."""
        return urljoin(self.base_url, path)

    def link(self, page: str, **params: object) -> str:
        """The path of a page of the site by kind: link("tag", slug="ferries")."""
        return routes.build(self.publisher.layout.routes, page, **params)

    def href(self, page: str, **params: object) -> str:
        """The absolute URL of a page of the site by kind."""
        return self.url(self.link(page, **params))

    def trap(self, kind: str) -> Trap:
        return content.trap(self.key, kind)

    def shortlink_target(self, path: str) -> DemoArticle | None:
        """The article a shortlink path ("/?p=105", "/node/1004") leads to, if any."""
        parts = urlsplit(path)
        for route in self.publisher.layout.routes:
            params = routes.match(route, parts.path, parts.query)
            if route.page == "shortlink" and params is not None:
                return self.by_id(params["id"])
        return None

    def find(self, path: str) -> DemoArticle | None:
        """The article whose canonical path is `path`, if any."""
        return next((article for article in self.articles if article.path == path), None)

    def by_id(self, cms_id: str) -> DemoArticle | None:
        return next((a for a in self.articles if str(a.cms_id) == cms_id), None)

    def in_section(self, slug: str) -> tuple[list[DemoArticle], str]:
        """The articles of a section (by slug) and the section's name ("" when none)."""
        articles = [a for a in self.articles if a.section_slug == slug]
        return articles, articles[0].section if articles else ""

    def tagged(self, slug: str) -> tuple[list[DemoArticle], str]:
        """The articles with a tag (by slug) and the tag as written ("" when none)."""
        articles = [a for a in self.articles if slug in {slugify(t) for t in a.tags}]
        label = next((t for t in articles[0].tags if slugify(t) == slug), "") if articles else ""
        return articles, label

    def by_author(self, slug: str) -> tuple[list[DemoArticle], str]:
        """The articles of an author (by slug) and the author's name ("" when none)."""
        articles = [a for a in self.articles if slug in {p.slug for p in a.authors}]
        label = (
            next((p.name for p in articles[0].authors if p.slug == slug), "") if articles else ""
        )
        return articles, label

    def others(self, article: DemoArticle, count: int) -> tuple[DemoArticle, ...]:
        """Other stories to fill related and most-viewed boxes, same section first."""
        rest = [a for a in self.articles if a != article]
        rest.sort(key=lambda a: a.section != article.section)
        return tuple(rest[:count])

    def topics(self) -> list[str]:
        """Every tag of the site, sorted."""
        return sorted({tag for article in self.articles for tag in article.tags})

    def newest_change(self) -> datetime:
        """When the site's content last changed (a feed's build date)."""
        return max(article.last_change for article in self.articles)

    def reader_comments(self, article: DemoArticle) -> tuple[ShownComment, ...]:
        """Two or three of the publisher's comments under a post, three hours apart."""
        pool = self.publisher.comments
        if not pool:
            return ()
        count, start = 2 + article.cms_id % 2, article.cms_id % len(pool)
        return tuple(
            ShownComment(
                number=article.cms_id * 10 + offset,
                name=pool[(start + offset - 1) % len(pool)].name,
                text=pool[(start + offset - 1) % len(pool)].text,
                posted=article.published + timedelta(hours=3 * offset),
            )
            for offset in range(1, count + 1)
        )
