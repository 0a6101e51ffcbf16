"""Item pipeline: keep every fetched page's raw bytes, so articles can be re-extracted later."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from archive.store import add_capture, captured_page
from pipelines.items import CapturedPage
from pipelines.session import CrawlSession
from spiders.frontier import Frontier
from spiders.items import FetchedPage, FetchFailure, ResumedCapture


class CapturePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.frontier = Frontier.of(crawler)
        self.keep = crawler.settings.getbool("ARCHIVE_KEEP_CAPTURES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        return cls(crawler)

    def process_item(self, item: FetchedPage | FetchFailure | ResumedCapture) -> CapturedPage:
        if isinstance(item, FetchFailure):
            self.session.record_failure(item.url, item.kind, item.detail)
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        if isinstance(item, ResumedCapture):
            self.stats.inc_value("archive/resumed_from_capture")
            with self.session.archive() as db:
                return CapturedPage(captured_page(db, item.capture_id), item.capture_id)
        self.stats.inc_value("archive/pages")
        if not self.keep:
            return CapturedPage(item, None)
        with self.session.archive() as db:
            capture_id = add_capture(db, self.session.crawl_id, item)
        if self.frontier:  # at once: a run killed from here on need not fetch it again
            self.frontier.captured(item.url, capture_id)
        return CapturedPage(item, capture_id)
