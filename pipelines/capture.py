"""Item pipeline: keep every fetched page and its request in the crawl's WARC files, with a
captures row pointing at them, so articles can be re-extracted later."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from archive.store import add_capture, captured_page, open_warc_writer
from archive.warc import WarcWriter
from pipelines.items import CapturedPage
from pipelines.session import CrawlSession
from spiders.frontier import Frontier
from spiders.items import FetchedPage, FetchFailure, ResumedCapture
from spiders.wire import remember_wire


class CapturePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.frontier = Frontier.of(crawler)
        settings = crawler.settings
        self.keep = settings.getbool("ARCHIVE_KEEP_CAPTURES")
        self.warc_dir = (
            Path(settings.get("ARCHIVE_WARC_DIR")) if settings.get("ARCHIVE_WARC_DIR") else None
        )
        self.max_bytes = settings.getint("ARCHIVE_WARC_MAX_BYTES")
        if self.max_bytes <= 0:
            raise ValueError(f"setting ARCHIVE_WARC_MAX_BYTES={self.max_bytes} must be positive")
        self.info = {
            "http-header-user-agent": settings.get("USER_AGENT"),
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        }
        self.warcs: WarcWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        pipeline = cls(crawler)
        if pipeline.keep:
            # The headers as sent, before Scrapy decodes the body: for the WARC records.
            crawler.signals.connect(remember_wire, signal=signals.response_downloaded)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

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
            capture_id = add_capture(db, self.session.crawl_id, item, self._warcs(db))
        if self.frontier:  # at once: a run killed from here on need not fetch it again
            self.frontier.captured(item.url, capture_id)
        return CapturedPage(item, capture_id)

    def _warcs(self, db: sqlite_utils.Database) -> WarcWriter:
        """The crawl's WARC writer, opened with its first page (the crawl's row exists then)."""
        if self.warcs is None:
            self.warcs = open_warc_writer(
                db, self.session.crawl_id, self.warc_dir, self.max_bytes, self.info
            )
        return self.warcs

    def spider_closed(self) -> None:
        if self.warcs is not None:
            self.warcs.close()
