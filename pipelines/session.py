"""The crawl session: opens the archive, records the crawl's row, its failures and its summary.

The archive's bookkeeping is the crawl's record of what it did: when a write of it fails
(the archive locked by other writers for minutes, the disk full, the file gone), the crawl
stops with reason `archive_error` and says why in its stats (`archive/fatal_error`), so
both `news-archive crawl` and `scrapy crawl news` exit non-zero instead of losing records.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from archive.store import ArchiveError, finish_crawl, open_archive, start_crawl
from archive.store.batch import PendingFailure
from pipelines.items import CrawlItem
from pipelines.writes import ARCHIVE_ERRORS, STORAGE_ERRORS, ArchiveWrites, WarcFiles
from spiders.plan import CrawlPlan
from spiders.signals import crawl_planned

logger = logging.getLogger(__name__)

# The stat naming why the crawl could not keep its records; set means the crawl failed.
FATAL_STAT = "archive/fatal_error"
FATAL_REASON = "archive_error"

_SUMMARY = {
    "pages_fetched": "archive/pages",
    "articles_new": "archive/articles/new",
    "articles_updated": "archive/articles/updated",
    "articles_refreshed": "archive/articles/refreshed",
    "articles_unchanged": "archive/articles/unchanged",
    "not_articles": "archive/dropped/not_article",
    "articles_not_modified": "archive/articles/not_modified",
    "known_skipped": "archive/links_skipped/known",
    "rechecks": "archive/revisits/due",
    "pages_extracted": "archive/extracted",
}


def fatal_error(stats: dict[str, Any]) -> str | None:
    """Why a crawl with these final stats could not keep its records, or None."""
    value = stats.get(FATAL_STAT)
    return str(value) if value else None


class CrawlSession:
    """One crawl's link to the archive, shared by the pipelines through the crawler."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.path = crawler.settings.get("ARCHIVE_DB")
        self.crawl_id: int | None = None
        try:
            # Opened here, not when the spider opens: an archive that cannot be opened is a
            # crawl that cannot start (Scrapy then exits non-zero), not one that runs unrecorded.
            self.db: sqlite_utils.Database = open_archive(self.path)
        except ArchiveError as error:
            crawler.stats.set_value(FATAL_STAT, str(error))
            logger.error("cannot open the archive: %s", error)
            raise
        settings = crawler.settings
        batching = (
            settings.getint("ARCHIVE_WRITE_BATCH_SIZE"),
            settings.getfloat("ARCHIVE_WRITE_BATCH_SECONDS"),
        )
        self.writes = ArchiveWrites(self.path, WarcFiles.of(settings), batching)
        self.writes.on_error = self.fail

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSession:
        session = cls(crawler)
        crawler.signals.connect(session.crawl_planned, signal=crawl_planned)
        crawler.signals.connect(session.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(session.spider_error, signal=signals.spider_error)
        crawler.signals.connect(session.item_error, signal=signals.item_error)
        return session

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlSession:
        """The crawl's session, for the pipelines that write through it."""
        session = crawler.get_extension(cls)
        if session is None:
            raise NotConfigured("the CrawlSession extension is not enabled (EXTENSIONS)")
        return session

    @property
    def failed(self) -> str | None:
        return fatal_error(self.crawler.stats.get_stats())

    @contextmanager
    def archive(self) -> Iterator[sqlite_utils.Database]:
        """The open archive, for one piece of a pipeline's work. An error of the archive
        stops the crawl (said once, in one line) and drops the item; once the crawl has
        failed, the items still on their way are dropped too."""
        if self.failed:
            raise DropItem("not stored: the crawl is stopping", log_level="DEBUG")
        try:
            yield self.db
        except ARCHIVE_ERRORS as error:
            self.fail(error)
            raise DropItem(f"not stored: {error}", log_level="DEBUG") from error

    def fail(self, error: BaseException) -> None:
        """Stop the crawl: its records cannot be kept."""
        if self.failed:
            return
        message = f"{type(error).__name__}: {error}"
        self.crawler.stats.set_value(FATAL_STAT, message)
        logger.error("stopping the crawl: the archive cannot keep its records (%s)", message)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=FATAL_REASON))

    def crawl_planned(self, plan: CrawlPlan) -> None:
        settings = {k: v for k, v in self.crawler.settings.items() if k.startswith("ARCHIVE_")}
        # Set by `news-archive schedule`: the sites row this run belongs to.
        site_id = self.crawler.settings.getint("ARCHIVE_SITE_ID") or None
        try:
            self.crawl_id = start_crawl(
                self.db, ", ".join(plan.hosts), plan.starts, settings, site_id
            )
        except ARCHIVE_ERRORS as error:
            self.fail(error)

    def record_failure(self, url: str, kind: str, detail: str) -> None:
        """Count a failure in the crawl stats and keep it in the failures table (with the
        next write batch)."""
        self.crawler.stats.inc_value(f"archive/errors/{kind}")
        if not self.failed:
            self.writes.add(PendingFailure(self.crawl_id, url, kind, detail))

    def spider_error(self, failure: Failure, response: Any) -> None:
        # A crash in one page's callback: counted and kept, the crawl goes on.
        self.record_failure(response.url, "spider_error", _describe(failure))

    def item_error(self, item: CrawlItem, failure: Failure) -> None:
        if failure.check(*ARCHIVE_ERRORS) and failure.value is not None:
            self.fail(failure.value)
        else:  # a crash in one page's pipeline: counted and kept, the crawl goes on
            self.record_failure(item.url, "pipeline_error", _describe(failure))

    def spider_closed(self, reason: str) -> None:
        try:
            # What the last pages left (failures of the closing), then the writer stops.
            self.writes.close(commit=not self.failed)
        except STORAGE_ERRORS as error:  # OSError too: the last WARC file's close
            self.fail(error)
        try:
            if self.crawl_id is not None:
                finish_crawl(self.db, self.crawl_id, self._summary(reason))
        except ARCHIVE_ERRORS as error:
            self.fail(error)
        finally:
            self.db.close()

    def _summary(self, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats()
        errors = {k.removeprefix("archive/errors/"): v for k, v in stats.items()
                  if k.startswith("archive/errors/")}  # fmt: skip
        summary: dict[str, Any] = {col: int(stats.get(key, 0)) for col, key in _SUMMARY.items()}
        summary.update(
            status="finished" if reason == "finished" else "stopped",
            finish_reason=reason,
            errors=json.dumps(errors, sort_keys=True),
            error_count=sum(errors.values()),
        )
        return summary


def _describe(failure: Failure) -> str:
    """An exception as one line: its type and message, never the item it was handed."""
    name = failure.type.__name__ if failure.type else "error"
    return f"{name}: {failure.getErrorMessage()}"
