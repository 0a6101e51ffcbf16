"""Item pipeline: keep every fetched page's raw bytes, so articles can be re-extracted later."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from archive.store import add_capture
from pipelines.items import CapturedPage
from pipelines.session import CrawlSession
from spiders.items import FetchedPage, FetchFailure


class CapturePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.keep = crawler.settings.getbool("ARCHIVE_KEEP_CAPTURES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        return cls(crawler)

    def process_item(self, item: FetchedPage | FetchFailure) -> CapturedPage:
        if isinstance(item, FetchFailure):
            self.session.record_failure(item.url, item.kind, item.detail)
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        self.stats.inc_value("archive/pages")
        capture_id = None
        if self.keep:
            capture_id = add_capture(self.session.archive, self.session.crawl_id, item)
        return CapturedPage(item, capture_id)
