"""Item pipeline: keep every fetched page and its request in the crawl's WARC files, with a
captures row pointing at them, so articles can be re-extracted later. Both are written by
the crawl's writer thread (pipelines/writes.py): the record at once, the row with the next
batch."""

from __future__ import annotations

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.python.failure import Failure

from archive.store import captured_page
from archive.store.batch import PendingCapture
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
        self.keep = crawler.settings.getbool("ARCHIVE_KEEP_CAPTURES")
        max_bytes = crawler.settings.getint("ARCHIVE_WARC_MAX_BYTES")
        if max_bytes <= 0:
            raise ValueError(f"setting ARCHIVE_WARC_MAX_BYTES={max_bytes} must be positive")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CapturePipeline:
        pipeline = cls(crawler)
        if pipeline.keep:
            # The headers as sent, before Scrapy decodes the body: for the WARC records.
            crawler.signals.connect(remember_wire, signal=signals.response_downloaded)
        return pipeline

    async def process_item(self, item: FetchedPage | FetchFailure | ResumedCapture) -> CapturedPage:
        writes = self.session.writes
        if isinstance(item, FetchFailure):
            self.session.record_failure(item.url, item.kind, item.detail)
            with self.session.archive():  # dropped (and so done) once recorded
                await maybe_deferred_to_future(writes.committed())
            raise DropItem(f"{item.kind}: {item.url}", log_level="DEBUG")
        if isinstance(item, ResumedCapture):
            self.stats.inc_value("archive/resumed_from_capture")
            with self.session.archive() as db:
                page = captured_page(db, item.capture_id)
            return CapturedPage(page, PendingCapture.stored(page, item.capture_id))
        self.stats.inc_value("archive/pages")
        if not self.keep:
            return CapturedPage(item, None)
        with self.session.archive():
            # The record first, flushed, by the writer thread ahead of the row's batch: a row
            # never points at bytes not on disk. The page goes on to be extracted meanwhile.
            pending = PendingCapture(self.session.crawl_id, item, None)
            writes.record_ahead(pending)
            writes.add(pending)
        writes.committed().addCallbacks(self._captured, _failed, (pending,))
        return CapturedPage(item, pending)

    def _captured(self, _: None, pending: PendingCapture) -> None:
        """Committed: a run killed from here on takes the page from its capture; a page
        whose record failed alone has its failure row, counted here (once, article or not)."""
        if pending.error is not None:
            self.stats.inc_value("archive/errors/unrecordable_page")
        if self.frontier and pending.id is not None:
            self.frontier.captured(pending.page.url, pending.id)


def _failed(failure: Failure) -> None:
    """The batch did not commit: the session has stopped the crawl and said why."""
