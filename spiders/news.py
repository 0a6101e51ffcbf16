"""The generic news spider: finds articles through feeds, sitemaps and section pages."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.referer import RefererMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.failure import Failure
from twisted.python.threadpool import ThreadPool

from archive.records import FetchedPage, Hints
from pipelines.extraction.decode import is_html
from pipelines.extraction.urls import canonical_url
from spiders.discovery.feeds import FeedError, parse_feed
from spiders.discovery.links import followed_from_article, skip_reason
from spiders.discovery.page_links import PageLinks, page_links
from spiders.discovery.sitemaps import (
    Sitemap,
    SitemapTooLarge,
    parse_sitemap,
    sitemaps_in_robots,
)
from spiders.dupefilter import ADMITTED
from spiders.errors import failure_detail, failure_kind
from spiders.frontier import FrontierBase, Queued
from spiders.items import FetchFailure, ResumedCapture, fetched_page
from spiders.limits import redirect_chain
from spiders.plan import CrawlPlan, split_urls
from spiders.queue import QueueLimit
from spiders.revisits import FETCH, Decision, Revisits
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
        # Every URL the spider has decided on (as found, and canonical): a known URL is not
        # looked at again, let alone handed to Scrapy's scheduler to be found a duplicate.
        self.known: set[str] = set()
        # Links refused as links (a sitemap or feed may still name them), and links refused
        # because an article page linked them (a section page may still link them).
        self.refused_links: set[str] = set()
        self.not_from_articles: set[str] = set()
        # Whether a page's links are found by the crawl's extraction (in its own parse of
        # the page, see pipelines/reading.py) rather than here; if so, the pages waiting for
        # theirs: page URL -> (encoding, URL it was fetched from, depth).
        self.links_from_extraction = False
        self.awaiting_links: dict[str, tuple[str, str, int]] = {}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Scrapy's remote control (off, see spiders/settings.py) left out of its own
        extensions, so that its module (aiohttp: 8 MB a crawl) is never imported, as an
        EXTENSIONS entry of None would do to name it. Here rather than in the settings
        module, which processes without Scrapy import (the extraction workers)."""
        super().update_settings(settings)
        base = settings.getdict("EXTENSIONS_BASE")
        kept = {path: order for path, order in base.items() if not path.endswith(".RemoteControl")}
        settings.set("EXTENSIONS_BASE", kept, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.queue = QueueLimit(crawler)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        self.crawler.signals.send_catch_log(signal=crawl_planned, plan=self.plan)
        if self.frontier and self.frontier.resuming:
            async for request in self._resumed(self.frontier):
                yield request
            return
        for queued in self._starts():
            if self.frontier is None or self.frontier.add(queued):
                yield self._request(queued)

    def _starts(self) -> Iterator[Queued]:
        for url in self.plan.pages:
            yield Queued(canonical_url(url), "parse_page", "start", Hints(), 0)
        if self.settings.getbool("ARCHIVE_SITEMAPS_FROM_ROBOTS"):
            roots = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.plan.pages}
            for root in sorted(roots):
                yield Queued(
                    canonical_url(f"{root}/robots.txt"), "parse_robots", "robots", Hints(), 0
                )
        for url in self.plan.feeds:
            yield Queued(canonical_url(url), "parse_feed", "feed", Hints(), 0)
        for url in self.plan.sitemaps:
            yield Queued(canonical_url(url), "parse_sitemap", "sitemap", Hints(), 0)

    async def _resumed(self, frontier: FrontierBase) -> AsyncIterator[Any]:
        """Every URL an earlier run queued and did not finish, as the queue makes room; one
        it captured is taken from the archive, not fetched again."""
        for queued in frontier.pending():
            if queued.capture_id is not None:
                yield ResumedCapture(queued.url, queued.capture_id)
                continue
            while not self.queue.has_room():
                await asyncio.sleep(0.1)
            yield self._request(queued)

    def _request(self, queued: Queued, decision: Decision = FETCH) -> scrapy.Request:
        # Known from now on (a start URL or a resumed one too), and let through by the
        # crawl's duplicate filter (spiders/dupefilter.py) without a second look.
        self.known.add(queued.url)
        meta = {"via": queued.via, "hints": queued.hints, "depth": queued.depth, ADMITTED: True}
        callback = getattr(self, queued.callback)
        return scrapy.Request(
            queued.url,
            callback=callback,
            errback=self.on_error,
            meta=meta,
            headers=decision.headers or None,
        )

    def _discovered(
        self, depth: int, url: str, callback: str, via: str, hints: Hints | None = None
    ) -> Iterator[scrapy.Request]:
        """A request at depth (one more than the page's it was found in) for a URL found in
        a page, feed, sitemap or robots.txt, unless it is off the crawl's sites, a link not
        worth following, too deep, or the queue is full (each counted once per URL), or it
        was queued before; a page the archive holds is requested only when due for a
        re-check, conditionally (see spiders/revisits.py)."""
        if url in self.known or (via == "link" and url in self.refused_links):
            return
        reason = self.scope.reason(url)
        if reason is None and not self.queue.has_room():
            # Not known: it may be queued once there is room.
            self.crawler.stats.inc_value("archive/links_skipped/queue full")
            return
        found, url = url, canonical_url(url) if reason is None else url
        if reason is None and url in self.known:
            self.known.add(found)
            return
        if reason is None and via == "link":
            reason = skip_reason(url, self.max_pagination)
            if reason:  # as a link only: a sitemap or feed may still name it
                self.refused_links.update((found, url))
                self.crawler.stats.inc_value(f"archive/links_skipped/{reason}")
                return
        if reason is None and self.depth_limit and depth > self.depth_limit:
            # Not known: it may yet be found on a page higher up.
            self.crawler.stats.inc_value("archive/links_skipped/depth limit")
            return
        self.known.update((found, url))
        if reason:
            self.crawler.stats.inc_value(f"archive/links_skipped/{reason}")
            return
        # Before a request is built: a known page not due costs a set lookup (counted there).
        decision = (
            self.revisits.decide(url) if self.revisits and callback == "parse_page" else FETCH
        )
        queued = Queued(url, callback, via, hints or Hints(), depth)
        if decision.fetch and (self.frontier is None or self.frontier.add(queued)):
            yield self._request(queued, decision)

    def _done(self, response: Response) -> None:
        """The response's outcome is stored (its children are queued): a resumed crawl need
        not fetch it again. Pages are marked as their items leave the pipelines."""
        if self.frontier:
            self.frontier.done(canonical_url(response.meta.get("redirect_urls", [response.url])[0]))

    @cached_property
    def frontier(self) -> FrontierBase | None:
        return FrontierBase.of(self.crawler)

    @cached_property
    def revisits(self) -> Revisits | None:
        return Revisits.of(self.crawler)

    @cached_property
    def depth_limit(self) -> int:
        return self.settings.getint("DEPTH_LIMIT")

    @cached_property
    def depth_priority(self) -> int:
        return self.settings.getint("DEPTH_PRIORITY")

    @cached_property
    def max_url_length(self) -> int:
        return self.settings.getint("URLLENGTH_LIMIT")

    @cached_property
    def referrers(self) -> RefererMiddleware:
        """The Referer policy a link's request follows: the crawl's REFERRER_POLICY, or the
        page's Referrer-Policy header (this instance is for its policy() alone: Scrapy's own
        instance does the rest)."""
        return RefererMiddleware(self.settings)

    @cached_property
    def max_pagination(self) -> int:
        return self.settings.getint("ARCHIVE_MAX_PAGINATION")

    @cached_property
    def max_sitemap_urls(self) -> int:
        return self.settings.getint("ARCHIVE_SITEMAP_MAX_URLS")

    @cached_property
    def max_size(self) -> int:
        """The most bytes any response may hold."""
        return self.settings.getint("DOWNLOAD_MAXSIZE")

    @cached_property
    def max_sitemap_bytes(self) -> int:
        """The most bytes a .gz sitemap may unpack to: it is read as a stream, so this costs
        time, not memory."""
        return self.settings.getint("ARCHIVE_SITEMAP_MAX_BYTES")

    def parse_page(self, response: Response) -> Iterator[Any]:
        # The links first, the page last: once the page is stored, its links are queued.
        page = fetched_page(response)
        if isinstance(response, TextResponse) and self._has_links(response):
            depth = response.meta.get("depth", 0)
            if self.links_from_extraction:  # queued by follow(), before the page is stored
                self.awaiting_links[page.url] = (response.encoding, response.url, depth)
            else:
                found = page_links(response.body, response.url, response.encoding)
                yield from self._followed(found, depth + 1)
        yield page

    def _has_links(self, response: TextResponse) -> bool:
        """Whether a page's links are looked for: an HTML page, and not at the depth limit
        (its links would all be too deep)."""
        if not _is_html_page(response):
            return False
        if self.depth_limit and response.meta.get("depth", 0) >= self.depth_limit:
            self.crawler.stats.inc_value("archive/pages_at_depth_limit")
            return False
        return True

    def _followed(self, found: PageLinks, depth: int) -> Iterator[scrapy.Request]:
        """The feeds and pages a page links to, at depth; from an article page only other
        stories and sections."""
        for url in found.feeds:
            yield from self._discovered(depth, url, "parse_feed", "feed")
        for url in found.links:
            if _is_file(url):
                continue
            if found.is_article and url not in self.known and not followed_from_article(url):
                if url not in self.not_from_articles:
                    self.not_from_articles.add(url)
                    self.crawler.stats.inc_value("archive/links_skipped/not a story or section")
                continue
            yield from self._discovered(depth, url, "parse_page", "link")

    def leave_links_to_extraction(self) -> None:
        """From now on, pages' links are found by the crawl's extraction (ExtractPipeline),
        which hands them to follow()."""
        self.links_from_extraction = True

    def links_wanted(self, page: FetchedPage) -> str | None:
        """The encoding the page was read in, if its links are to be found with its
        extraction; None if they are not wanted (or were found here)."""
        waiting = self.awaiting_links.get(page.url)
        return waiting[0] if waiting else None

    def follow(self, page: FetchedPage, found: PageLinks | None) -> None:
        """Queue the links extraction found in a page (None: it found none, or was not
        asked), as parse_page would have: with the page as their Referer (as its
        Referrer-Policy allows), one deeper, and the priority Scrapy's DepthMiddleware gives
        that depth. Scrapy's spider middlewares see requests a callback yields, not these:
        what they would do is done here."""
        waiting = self.awaiting_links.pop(page.url, None)
        if waiting is None or found is None:
            return
        _, source, depth = waiting
        self.crawler.stats.inc_value("archive/pages_with_links_from_extraction")
        engine = self.crawler.engine
        # The page as far as RefererMiddleware reads it: its URL and Referrer-Policy header.
        policy = page.headers.get("referrer-policy")
        linking = Response(source, headers={"Referrer-Policy": policy} if policy else None)
        for request in self._followed(found, depth + 1):
            if len(request.url) > self.max_url_length:
                self.crawler.stats.inc_value("urllength/request_ignored_count")
                continue
            referrer = self.referrers.policy(linking, request).referrer(source, request.url)
            if referrer is not None:
                request.headers.setdefault("Referer", referrer)
            request.priority -= request.meta["depth"] * self.depth_priority
            self.crawler.stats.max_value("request_depth_max", request.meta["depth"])
            engine.crawl(request)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status == 200:
            for url in sitemaps_in_robots(response.body, response.url):
                yield from self._discovered(_below(response), url, "parse_sitemap", "sitemap")
        self._done(response)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        try:
            ok = response.status == 200
            entries = parse_feed(response.body, response.url, _content_type(response)) if ok else []
        except FeedError as error:
            yield FetchFailure(response.url, "bad_feed", str(error)[:500])
            return
        if not entries:
            yield FetchFailure(response.url, "bad_feed", f"HTTP {response.status}, no feed entries")
            return
        for entry in entries:
            hints = Hints(title=entry.title, published=entry.published)
            yield from self._discovered(_below(response), entry.url, "parse_page", "feed", hints)
        self._done(response)

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Any]:
        try:
            sitemap = await self._read_sitemap(response)
        except SitemapTooLarge as error:
            yield FetchFailure(response.url, "too_large", f"{error} (ARCHIVE_SITEMAP_MAX_BYTES)")
            return
        if not sitemap.entries and not sitemap.skipped:
            yield FetchFailure(response.url, "bad_sitemap", f"HTTP {response.status}, no entries")
            return
        self._count_skipped(sitemap)
        for entry in sitemap.entries:
            if sitemap.is_index:
                requests = self._discovered(_below(response), entry.url, "parse_sitemap", "sitemap")
            else:
                hints = Hints(title=entry.news_title, published=entry.news_published)
                requests = self._discovered(
                    _below(response), entry.url, "parse_page", "sitemap", hints
                )
            for request in requests:
                yield request
        self._done(response)

    async def _read_sitemap(self, response: Response) -> Sitemap:
        """The sitemap's newest entries, as many as the queue has room for (and at most
        ARCHIVE_SITEMAP_MAX_URLS): no more could be queued. Read in a worker thread: a long
        one (50 MB, a million entries) takes seconds of CPU, and the downloads under way
        must not wait, nor time out, meanwhile."""
        if response.status != 200:
            return Sitemap()
        keep = int(min(self.max_sitemap_urls, self.queue.room()))
        from twisted.internet import reactor

        reading = deferToThreadPool(
            reactor, self._sitemap_thread, parse_sitemap,
            response.body, response.url, self.max_sitemap_bytes, keep,
        )  # fmt: skip
        return await maybe_deferred_to_future(reading)

    @cached_property
    def _sitemap_thread(self) -> ThreadPool:
        """The one thread that reads sitemaps, one at a time. In the reactor's pool of ten,
        a site's sitemaps (arriving together) were parsed side by side, and the process
        kept the memory of those parses for the rest of the crawl (likely the allocator's
        per-thread arenas; not measured): on a site of 100,000 articles in 20 sitemaps, the
        crawl's process held 193-194 MB after a minute, against 176-178 MB with sitemaps
        read one at a time (two runs each)."""
        from twisted.internet import reactor

        core: Any = reactor  # the installed reactor (zope interfaces confuse mypy)
        pool = ThreadPool(minthreads=0, maxthreads=1, name="sitemaps")
        pool.start()
        core.addSystemEventTrigger("during", "shutdown", pool.stop)
        return pool

    def _count_skipped(self, sitemap: Sitemap) -> None:
        """The entries let go: beyond ARCHIVE_SITEMAP_MAX_URLS, or beyond the queue's room."""
        total = len(sitemap.entries) + sitemap.skipped
        beyond_limit = max(total - self.max_sitemap_urls, 0)
        stats = self.crawler.stats
        stats.inc_value("archive/links_skipped/sitemap limit", beyond_limit)
        stats.inc_value("archive/links_skipped/queue full", sitemap.skipped - beyond_limit)

    def on_error(self, failure: Failure) -> Iterator[FetchFailure]:
        request = failure.request  # type: ignore[attr-defined]
        # Kept under the URL the crawl asked for, as its capture would be, redirects or not.
        url = canonical_url(redirect_chain(request)[0])
        if failure.check(OutOfScope):
            yield from self._refused(request, failure.value)  # type: ignore[arg-type]
            return
        kind = failure_kind(failure)
        if kind == "ignored":  # robots.txt said no: a decision, not a failure
            self.crawler.stats.inc_value("archive/links_skipped/robots.txt")
            if self.frontier:
                self.frontier.done(url)
            return
        yield FetchFailure(url, kind, failure_detail(failure, self.max_size)[:500])

    def _refused(self, request: scrapy.Request, refusal: OutOfScope) -> Iterator[FetchFailure]:
        """A request the scope refused: a redirect off the site is a failure of the page that
        redirected (anything else was counted when the spider found it)."""
        chain = redirect_chain(request)
        if len(chain) > 1:
            detail = f"redirected to {request.url}: {_REFUSED[refusal.reason]}"
            yield FetchFailure(canonical_url(chain[0]), "redirect_off_site", detail[:500])
        elif self.frontier:
            self.frontier.done(chain[0])


_FILE_EXTENSIONS = frozenset(f".{e}" for e in IGNORED_EXTENSIONS)
# How a refused redirect target is described in its failure's detail.
_REFUSED = {OFFSITE: "another site", NOT_HTTP: "not http(s)"}


def _is_file(url: str) -> bool:
    """Whether a link's path ends in an extension Scrapy's LinkExtractor ignores (.jpg,
    .pdf, .zip...): a file, not a page."""
    path = url.split("?", 1)[0]
    dot = path.rfind(".")
    return dot > path.rfind("/") and path[dot:].lower() in _FILE_EXTENSIONS


def _below(response: Response) -> int:
    """The depth of what a response links to."""
    depth: int = response.meta.get("depth", 0)
    return depth + 1


def _is_html_page(response: TextResponse) -> bool:
    return response.status == 200 and is_html(_content_type(response), response.body)


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1")
