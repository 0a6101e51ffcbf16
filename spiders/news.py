"""The generic news spider: finds articles through feeds, sitemaps and section pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from archive.records import FetchedPage, Hints
from pipelines.extraction.decode import is_html
from pipelines.extraction.urls import canonical_url, site_of
from spiders.discovery.feeds import feeds_announced, parse_feed
from spiders.discovery.links import skip_reason
from spiders.discovery.sitemaps import Sitemap, SitemapTooLarge, parse_sitemap
from spiders.errors import failure_kind
from spiders.items import FetchFailure
from spiders.limits import redirect_chain
from spiders.plan import CrawlPlan, split_urls
from spiders.queue import QueueLimit
from spiders.scope import NOT_HTTP, OFFSITE, OutOfScope, Scope
from spiders.signals import crawl_planned


class NewsSpider(scrapy.Spider):
    """Crawl one or more news sites: -a url=..., -a feed=..., -a sitemap=... (comma-separated)."""

    name = "news"
    queue: QueueLimit

    def __init__(self, url: Any = None, feed: Any = None, sitemap: Any = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.plan = CrawlPlan(split_urls(url), split_urls(feed), split_urls(sitemap))
        if not self.plan.starts:
            raise ValueError("give at least one url, feed or sitemap to crawl")
        # Every URL is checked against the crawl's sites here (counted when refused) and
        # again by ScopeMiddleware; Scrapy's allowed_domains knows hosts, not ports.
        self.scope = Scope.of_plan(self.plan)
        self.links = LinkExtractor(unique=True)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.crawler.signals.send_catch_log(signal=crawl_planned, plan=self.plan)
        for url in self.plan.pages:
            yield self._request(url, self.parse_page, "start")
        roots = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.plan.pages}
        if self.settings.getbool("ARCHIVE_SITEMAPS_FROM_ROBOTS"):
            for root in sorted(roots):
                yield self._request(f"{root}/robots.txt", self.parse_robots, "robots")
        for url in self.plan.feeds:
            yield self._request(url, self.parse_feed, "feed")
        for url in self.plan.sitemaps:
            yield self._request(url, self.parse_sitemap, "sitemap")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.queue = QueueLimit(crawler)
        return spider

    def _request(
        self, url: str, callback: Any, via: str, hints: Hints | None = None
    ) -> scrapy.Request:
        meta = {"via": via, "hints": hints or Hints()}
        return scrapy.Request(
            canonical_url(url), callback=callback, errback=self.on_error, meta=meta
        )

    def _discovered(
        self, url: str, callback: Any, via: str, hints: Hints | None = None
    ) -> Iterator[scrapy.Request]:
        """A request for a URL found in a page, feed, sitemap or robots.txt, unless it is off
        the crawl's sites, a link not worth following, or the queue is full: each counted."""
        reason = self.scope.reason(url)
        if reason is None and not self.queue.has_room():
            reason = "queue full"  # before canonicalising: a sitemap can name 50,000 more
        url = canonical_url(url) if reason is None else url
        if reason is None and via == "link":
            reason = skip_reason(url, self.max_pagination)
        if reason:
            self.crawler.stats.inc_value(f"archive/links_skipped/{reason}")
            return
        yield self._request(url, callback, via, hints)

    @cached_property
    def max_pagination(self) -> int:
        return self.settings.getint("ARCHIVE_MAX_PAGINATION")

    @cached_property
    def max_sitemap_urls(self) -> int:
        return self.settings.getint("ARCHIVE_SITEMAP_MAX_URLS")

    @cached_property
    def max_size(self) -> int:
        """The most bytes any response may hold: a gzipped sitemap's once unpacked, too."""
        return self.settings.getint("DOWNLOAD_MAXSIZE")

    def _page_item(self, response: Response) -> FetchedPage:
        first = response.meta.get("redirect_urls", [response.url])[0]
        return FetchedPage(
            url=canonical_url(first),
            final_url=response.url,
            status=response.status,
            headers={k.decode().lower(): b", ".join(v).decode("latin-1")
                     for k, v in response.headers.items()},
            body=response.body,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            site=site_of(response.url),
            discovered_via=response.meta.get("via", "link"),
            hints=response.meta.get("hints") or Hints(),
        )  # fmt: skip

    def parse_page(self, response: Response) -> Iterator[Any]:
        yield self._page_item(response)
        if response.status != 200 or not isinstance(response, TextResponse):
            return
        if not is_html(_content_type(response), response.body):
            return
        announced = feeds_announced(
            [(link.attrib.get("rel", ""), link.attrib.get("type", ""), link.attrib.get("href", ""))
             for link in response.css("link[rel][type][href]")],
            response.url,
        )  # fmt: skip
        for url in announced:
            yield from self._discovered(url, self.parse_feed, "feed")
        for link in self.links.extract_links(response):
            yield from self._discovered(link.url, self.parse_page, "link")

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield from self._discovered(url, self.parse_sitemap, "sitemap")

    def parse_feed(self, response: Response) -> Iterator[Any]:
        ok = response.status == 200
        entries = parse_feed(response.body, response.url, _content_type(response)) if ok else []
        if not entries:
            yield FetchFailure(response.url, "bad_feed", f"HTTP {response.status}, no feed entries")
            return
        for entry in entries:
            hints = Hints(title=entry.title, published=entry.published)
            yield from self._discovered(entry.url, self.parse_page, "feed", hints)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        sitemap = Sitemap()
        try:
            if response.status == 200:
                sitemap = parse_sitemap(
                    response.body, response.url, self.max_size, self.max_sitemap_urls
                )
        except SitemapTooLarge as error:
            yield FetchFailure(response.url, "too_large", f"{error} (DOWNLOAD_MAXSIZE)")
            return
        if not sitemap.entries:
            yield FetchFailure(response.url, "bad_sitemap", f"HTTP {response.status}, no entries")
            return
        self.crawler.stats.inc_value("archive/links_skipped/sitemap limit", sitemap.skipped)
        for entry in sitemap.entries:
            if sitemap.is_index:
                yield from self._discovered(entry.url, self.parse_sitemap, "sitemap")
            else:
                hints = Hints(title=entry.news_title, published=entry.news_published)
                yield from self._discovered(entry.url, self.parse_page, "sitemap", hints)

    def on_error(self, failure: Failure) -> Iterator[FetchFailure]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(OutOfScope):
            yield from self._refused(request, failure.value)  # type: ignore[arg-type]
            return
        kind = failure_kind(failure)
        if kind == "ignored":  # robots.txt said no: a decision, not a failure
            self.crawler.stats.inc_value("archive/links_skipped/robots.txt")
            return
        # Some failures carry no message (a response cut short): their exception names them.
        detail = failure.getErrorMessage() or (failure.type.__name__ if failure.type else kind)
        # Kept under the URL the crawl asked for, as its capture would be, redirects or not.
        yield FetchFailure(canonical_url(redirect_chain(request)[0]), kind, detail[:500])

    def _refused(self, request: scrapy.Request, refusal: OutOfScope) -> Iterator[FetchFailure]:
        """A request the scope refused: a redirect off the site is a failure of the page that
        redirected; anything else was counted when the spider found it."""
        chain = redirect_chain(request)
        if len(chain) == 1:  # found by the spider, which counts what it does not follow
            return
        detail = f"redirected to {request.url}: {_REFUSED[refusal.reason]}"
        yield FetchFailure(canonical_url(chain[0]), "redirect_off_site", detail[:500])


# How a refused redirect target is described in its failure's detail.
_REFUSED = {OFFSITE: "another site", NOT_HTTP: "not http(s)"}


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1")
