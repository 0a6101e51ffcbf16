"""What a crawl may fetch: http(s) URLs on its own sites, and nothing else.

A site is a scheme, a host and a port: http://127.0.0.1:8101 and http://127.0.0.1:8102 are
two sites, and a link from one to the other leaves the crawl. The host's subdomains are on
the site (www., m., amp. editions), and the http and https forms of a host on their default
ports (80 and 443) are one site, since moving a site to https is not moving it. The spider
asks `Scope.reason` before following a link, feed or sitemap entry; `ScopeMiddleware`
checks every request again as it goes to the downloader, the redirects Scrapy follows
included, so nothing reaches a download handler off the crawl's sites.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from spiders.plan import CrawlPlan
from spiders.signals import crawl_planned

_DEFAULT_PORTS = {"http": 80, "https": 443}
NOT_HTTP = "not http(s)"
OFFSITE = "offsite"


@dataclass(frozen=True)
class Site:
    """Where a crawl may go: a scheme, host and port (the host's subdomains with it)."""

    scheme: str
    host: str
    port: int

    @classmethod
    def of(cls, url: str) -> Site | None:
        """The site of an http(s) URL; None for any other scheme or no host."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        try:
            port = parts.port
        except ValueError:  # a port that is not a number, or out of range
            return None
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            return None
        return cls(scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme])

    def admits(self, other: Site) -> bool:
        host = other.host == self.host or other.host.endswith(f".{self.host}")
        return host and (self._origin() == other._origin())

    def _origin(self) -> tuple[str, int]:
        # http on 80 and https on 443 are one site: the same host moved to TLS.
        if _DEFAULT_PORTS.get(self.scheme) == self.port:
            return ("default", 0)
        return (self.scheme, self.port)


@dataclass(frozen=True)
class Scope:
    """The sites of one crawl: those of its start pages, feeds and sitemaps."""

    sites: frozenset[Site]

    @classmethod
    def of(cls, urls: Iterable[str]) -> Scope:
        return cls(frozenset(site for site in map(Site.of, urls) if site))

    @classmethod
    def of_plan(cls, plan: CrawlPlan) -> Scope:
        return cls.of(plan.starts)

    def reason(self, url: str) -> str | None:
        """Why the crawl may not fetch url ("not http(s)", "offsite"), or None if it may."""
        site = Site.of(url)
        if site is None:
            return NOT_HTTP
        if not any(mine.admits(site) for mine in self.sites):
            return OFFSITE
        return None


class OutOfScope(IgnoreRequest):
    """A request the crawl's scope refuses: not http(s), or on another site."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ScopeMiddleware:
    """Downloader middleware: refuse every request off the crawl's sites, redirects too."""

    def __init__(self, crawler: Crawler):
        self.scope = Scope(frozenset())  # nothing is in scope before the crawl is planned
        crawler.signals.connect(self.crawl_planned, signal=crawl_planned)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        return cls(crawler)

    def crawl_planned(self, plan: CrawlPlan) -> None:
        self.scope = Scope.of_plan(plan)

    def process_request(self, request: Request) -> None:
        reason = self.scope.reason(request.url)
        if reason:
            raise OutOfScope(request.url, reason)
