"""Item pipeline: keep every fetched page's raw bytes, so articles can be re-extracted later."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from archive.store import Capture, add_capture
from pipelines.session import CrawlSession
from spiders.items import FailureItem, PageItem


class CapturePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.session = crawler.get_extension(CrawlSession)
        self.keep = crawler.settings.getbool("ARCHIVE_KEEP_CAPTURES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        return cls(crawler)

    def process_item(self, item: PageItem | FailureItem) -> PageItem:
        if isinstance(item, FailureItem):
            self.session.record_failure(item.url, item.kind, item.detail)
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        self.crawler.stats.inc_value("archive/pages")
        if self.keep and self.session.db is not None:
            fields = {k: getattr(item, k) for k in Capture.__dataclass_fields__}
            item.capture_id = add_capture(self.session.db, self.session.crawl_id, Capture(**fields))
        return item
