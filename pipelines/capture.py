"""Item pipeline: keep every fetched page and its request in the crawl's WARC files, with a
captures row pointing at them, so articles can be re-extracted later. The record is written
at once; the row joins the crawl's next write batch (pipelines/writes.py)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.python.failure import Failure

from archive.store import captured_page, open_warc_writer, write_capture_record
from archive.store.batch import PendingCapture
from archive.warc import WarcWriter
from pipelines.items import CapturedPage
from pipelines.session import CrawlSession
from spiders.frontier import FrontierBase
from spiders.items import FetchedPage, FetchFailure, ResumedCapture
from spiders.wire import remember_wire


class CapturePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.frontier = FrontierBase.of(crawler)
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

    async def process_item(self, item: FetchedPage | FetchFailure | ResumedCapture) -> CapturedPage:
        if isinstance(item, FetchFailure):
            self.session.record_failure(item.url, item.kind, item.detail)
            with self.session.archive():  # dropped (and so done) once recorded
                await maybe_deferred_to_future(self.session.writes.committed())
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        if isinstance(item, ResumedCapture):
            self.stats.inc_value("archive/resumed_from_capture")
            with self.session.archive() as db:
                page = captured_page(db, item.capture_id)
            return CapturedPage(page, PendingCapture.stored(page, item.capture_id))
        self.stats.inc_value("archive/pages")
        if not self.keep:
            return CapturedPage(item, None)
        with self.session.archive() as db:
            # The record first, flushed: a row never points at bytes not on disk.
            record = write_capture_record(db, item, self._warcs(db))
            pending = PendingCapture(self.session.crawl_id, item, record)
            self.session.writes.add(pending)
        if self.frontier:
            self.session.writes.committed().addCallbacks(self._captured, _failed, (pending,))
        return CapturedPage(item, pending)

    def _captured(self, _: None, pending: PendingCapture) -> None:
        """Committed: a run killed from here on takes the page from its capture."""
        if self.frontier and pending.id is not None:
            self.frontier.captured(pending.page.url, pending.id)

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


def _failed(failure: Failure) -> None:
    """The batch did not commit: the session has stopped the crawl and said why."""
