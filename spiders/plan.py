"""What a crawl starts from: pages, feeds and sitemaps, and the hosts they put in scope."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


def split_urls(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """A spider argument (a comma-separated string or a list) as a tuple of URLs."""
    if not value:
        return ()
    values = value.split(",") if isinstance(value, str) else value
    return tuple(v.strip() for v in values if v.strip())


@dataclass(frozen=True)
class CrawlPlan:
    """The start URLs of one crawl, by kind."""

    pages: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()

    @property
    def starts(self) -> list[str]:
        return [*self.pages, *self.feeds, *self.sitemaps]

    @property
    def hosts(self) -> list[str]:
        """The hosts the crawl stays on (and their subdomains)."""
        return sorted({urlsplit(u).hostname or "" for u in self.starts})
