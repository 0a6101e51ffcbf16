"""Item pipeline: turn a captured page into an article, or drop it with a counted reason.
`page_to_article` runs in the crawl's extraction processes (pipelines/extract_pool.py), or
in the crawl's own when ARCHIVE_EXTRACT_PROCESSES is 0; with the news spider, the same parse
of the page finds its links (pipelines/reading.py), which the spider queues before the page
goes on to be stored."""

from __future__ import annotations

import os

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future

from archive.ingest import Dropped, IngestOptions
from archive.records import FetchedPage
from pipelines.extract_pool import ExtractionPool
from pipelines.extraction import load_rules
from pipelines.items import CapturedPage, ExtractedPage
from pipelines.reading import Reading, read_page
from pipelines.session import CrawlSession
from spiders.discovery.page_links import PageLinks
from spiders.news import NewsSpider

# Drops that are failures of the page, kept in the failures table as well as counted.
_FAILURE_KINDS = {
    "unreadable": "unreadable_page",
    "redirect_off_site": "redirect_off_site",
    "bad_redirect": "bad_redirect",
    "too_large": "too_large",
}


def failure_of(page: FetchedPage, dropped: Dropped) -> tuple[str, str] | None:
    """The failure (kind, detail) a dropped page is kept as, if it is one of the page's."""
    if dropped.reason == "http_error":
        return f"http_{page.status}", dropped.detail
    if dropped.reason in _FAILURE_KINDS:
        return _FAILURE_KINDS[dropped.reason], dropped.detail
    return None


def extract_processes(setting: str | None) -> int:
    """ARCHIVE_EXTRACT_PROCESSES: a number, or empty for one per core but the one the crawl's
    own process keeps busy (downloading, link discovery, writing), and at least one."""
    if setting not in (None, ""):
        return int(setting)
    return max(1, len(os.sched_getaffinity(0)) - 1)


class ExtractPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        settings = crawler.settings
        path = settings.get("ARCHIVE_RULES") or ""
        processes = extract_processes(settings.get("ARCHIVE_EXTRACT_PROCESSES"))
        self.options = IngestOptions(
            min_words=settings.getint("ARCHIVE_MIN_WORDS"),
            rules=load_rules(path) if path else None,
            max_bytes=settings.getint("ARCHIVE_MAX_PAGE_BYTES"),
        )
        self.pool = ExtractionPool(processes, self.options, path) if processes else None
        # The news spider leaves finding a page's links to the parse extraction makes.
        self.spider = crawler.spider if isinstance(crawler.spider, NewsSpider) else None
        if self.spider is not None:
            self.spider.leave_links_to_extraction()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    async def process_item(self, item: CapturedPage) -> ExtractedPage:
        self.stats.inc_value("archive/extracted")  # pages handed to extraction
        links = self.spider.links_wanted(item.page) if self.spider else None
        found: PageLinks | None = None
        try:
            reading: Reading
            if self.pool is None:
                reading = read_page(item.page, self.options, links)
            else:
                reading = await maybe_deferred_to_future(self.pool.extract(item.page, links))
            result, found = reading
        finally:  # its links queued (or let go, on an error) before the page goes on
            if self.spider is not None:
                self.spider.follow(item.page, found)
        if isinstance(result, Dropped):
            self._record(item, result)
            with self.session.archive():  # dropped (and so done) once its rows are in
                await maybe_deferred_to_future(self.session.writes.committed())
            raise DropItem(f"{result.reason}: {item.page.url}", log_level="DEBUG")
        return ExtractedPage(item, result)

    def _record(self, item: CapturedPage, dropped: Dropped) -> None:
        failure = failure_of(item.page, dropped)
        if failure is not None:
            self.session.record_failure(item.page.url, *failure)
        self.stats.inc_value(f"archive/dropped/{dropped.reason}")

    def spider_closed(self) -> None:
        if self.pool is not None:
            self.pool.close()
