"""The crawl's writes to the archive, off the reactor thread and in batches.

One thread does them all, in order, on a connection of its own: each page's WARC record
(written and flushed as the page comes in), then, in one transaction per batch, the
captures rows, articles and failures of ARCHIVE_WRITE_BATCH_SIZE writes, or of those that
came within ARCHIVE_WRITE_BATCH_SECONDS of the batch's first; never one transaction per
page. Since the thread takes its work in order, a page's record is on disk before the
batch holding its row begins; the compression and SQLite's own work (the full-text
indexes) run while the reactor thread goes on downloading.

Each write's Deferred fires once its batch has committed, so a pipeline hands its item on
(and the frontier marks its page done) only when the item is in the archive. A batch that
cannot be committed (the archive locked for minutes, the disk full) fails every write in
it with the error, and the crawl stops: see archive.store.batch for what is lost then.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from scrapy.settings import BaseSettings
from twisted.internet import defer

from archive.records import FetchedPage
from archive.store import CaptureRecord, open_archive, open_warc_writer, write_capture_record
from archive.store.batch import Pending, PendingCapture, WriteBatch
from archive.store.errors import ArchiveError
from archive.warc import WarcWriter

logger = logging.getLogger(__name__)
T = TypeVar("T")
# Errors of the archive itself, as opposed to errors of one page.
ARCHIVE_ERRORS = (ArchiveError, sqlite3.Error)
# And of the archive or its WARC files: what says a record cannot be kept, not that one page.
STORAGE_ERRORS = (*ARCHIVE_ERRORS, OSError)
# The writer thread's niceness above the crawl's. When the crawl's busy threads (the reactor,
# this one, the extraction processes) want more cores than there are, it is the one to wait:
# nothing waits on a batch but its own items, while the extraction process (the crawl's
# slowest stage) waits on nobody. In interleaved crawls of 4,000 articles on 2 cores the
# crawl kept 1.74-1.76 cores busy against 1.72-1.74 at the same niceness.
WRITER_NICENESS = 5


@dataclass(frozen=True)
class WarcFiles:
    """Where and how the crawl's WARC files are written (ARCHIVE_WARC_*)."""

    directory: Path | None
    max_bytes: int
    info: dict[str, str]

    @classmethod
    def of(cls, settings: BaseSettings) -> WarcFiles:
        folder = settings.get("ARCHIVE_WARC_DIR")
        info = {
            "http-header-user-agent": settings.get("USER_AGENT"),
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        }
        return cls(
            Path(folder) if folder else None, settings.getint("ARCHIVE_WARC_MAX_BYTES"), info
        )


class ArchiveWrites:
    """The writer thread of one crawl, and the batch open on the reactor side."""

    def __init__(self, path: str, files: WarcFiles, batching: tuple[int, float]):
        size, seconds = batching
        if size < 1 or seconds <= 0:
            raise ValueError(f"a write batch needs a size >= 1 and an age > 0: {batching}")
        self.path, self.files, self.size, self.seconds = path, files, size, seconds
        self.on_error: Callable[[BaseException], None] = lambda error: None
        self.thread = ThreadPoolExecutor(
            1, thread_name_prefix="archive-writes", initializer=_give_way
        )
        self.batch = WriteBatch()
        self.waiting: list[defer.Deferred[None]] = []
        self.last_commit: defer.Deferred[None] | None = None
        self.timer: Any = None  # the next flush, an IDelayedCall
        # The writer thread's own: its connection and the crawl's WARC files.
        self._db: sqlite_utils.Database | None = None
        self._warcs: WarcWriter | None = None

    # In the writer thread.

    def _conn(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_archive(self.path)
        return self._db

    def _write_record(self, page: FetchedPage, crawl_id: int | None) -> CaptureRecord:
        if self._warcs is None:  # with the crawl's first page: its row exists by then
            files = self.files
            self._warcs = open_warc_writer(
                self._conn(), crawl_id, files.directory, files.max_bytes, files.info
            )
        return write_capture_record(self._conn(), page, self._warcs)

    def _record_into(self, pending: PendingCapture) -> None:
        """Write a page's record; what went wrong is said by the batch holding its row."""
        try:
            pending.record = self._write_record(pending.page, pending.crawl_id)
        except STORAGE_ERRORS as error:  # the files or the archive: the crawl stops
            pending.storage_error = error
        except Exception as error:  # this page's own (its headers, say): it alone is out
            logger.warning("no WARC record for %s: %s", pending.page.url, error)
            pending.error = error

    def _commit(self, batch: WriteBatch) -> None:
        batch.commit(self._conn())

    def _close(self) -> None:
        if self._warcs is not None:
            self._warcs.close()
        if self._db is not None:
            self._db.close()

    # On the reactor thread.

    def _in_thread(self, work: Callable[..., T], *args: Any) -> defer.Deferred[T]:
        from twisted.internet import reactor

        clock: Any = reactor  # the installed reactor (zope interfaces confuse mypy)
        result: defer.Deferred[T] = defer.Deferred()
        future = self.thread.submit(work, *args)
        future.add_done_callback(lambda done: clock.callFromThread(_settle, result, done))
        return result

    def record_ahead(self, pending: PendingCapture) -> None:
        """Have the page's WARC record written (flushed), its location put in pending, before
        any write added after this one is committed; the page need not wait for it. A record
        the files or the archive cannot take fails the batch holding its row; one that fails
        for its page alone leaves a failure row instead (see PendingCapture)."""
        self.thread.submit(self._record_into, pending)

    def add(self, pending: Pending) -> Pending:
        """Put a write in the open batch; committed with it."""
        self.batch.add(pending)
        if len(self.batch) >= self.size:
            self.flush()
        elif self.timer is None:
            from twisted.internet import reactor

            clock: Any = reactor
            self.timer = clock.callLater(self.seconds, self.flush)
        return pending

    def committed(self) -> defer.Deferred[None]:
        """Fires once every write added so far is committed."""
        waiter: defer.Deferred[None] = defer.Deferred()
        if len(self.batch):
            self.waiting.append(waiter)
        elif self.last_commit is not None:
            self.last_commit.chainDeferred(waiter)
        else:
            waiter.callback(None)
        return waiter

    def flush(self) -> None:
        """Hand the open batch to the writer thread to commit; wake its waiters after."""
        if self.timer is not None and self.timer.active():
            self.timer.cancel()
        self.timer = None
        if not len(self.batch):
            return
        batch, waiting = self.batch, self.waiting
        self.batch, self.waiting = WriteBatch(), []
        done = self._in_thread(self._commit, batch)
        done.addCallbacks(_wake, self._failed, callbackArgs=(waiting,), errbackArgs=(waiting,))
        # A later committed() with nothing open waits for this, without seeing its error.
        last: defer.Deferred[None] = defer.Deferred()
        self.last_commit = last
        done.addBoth(_fire, last)

    def _failed(self, failure: Any, waiting: list[defer.Deferred[None]]) -> None:
        logger.debug("a batch of writes failed: %s", failure.value)
        self.on_error(failure.value)
        for waiter in waiting:
            waiter.errback(failure)

    def close(self, commit: bool = True) -> None:
        """Commit what is left (unless the crawl has failed) and stop the writer thread;
        blocks until it has, and raises what kept the last batch out."""
        if self.timer is not None and self.timer.active():
            self.timer.cancel()
        batch, waiting = self.batch, self.waiting
        self.batch, self.waiting = WriteBatch(), []
        last = self.thread.submit(self._commit, batch) if commit and len(batch) else None
        closed = self.thread.submit(self._close)
        self.thread.shutdown(wait=True)
        try:
            if last is not None:
                last.result()
        except BaseException as error:
            for waiter in waiting:
                waiter.errback(error)
            raise
        _wake(None, waiting)
        closed.result()  # the WARC file's last flush: an error here is the crawl's too


def _give_way() -> None:
    """Run by the writer thread as it starts: on Linux a thread has a niceness of its own
    (elsewhere it is the whole process's, which is left alone)."""
    if sys.platform != "linux":
        return
    try:
        os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0) + WRITER_NICENESS)
    except OSError as error:  # a sandbox forbidding it: the writer keeps the crawl's
        logger.debug("the writer thread keeps its niceness: %s", error)


def _settle(result: defer.Deferred[Any], future: Future[Any]) -> None:
    error = future.exception()
    if error is None:
        result.callback(future.result())
    else:
        result.errback(error)


def _fire(_: object, last: defer.Deferred[None]) -> None:
    last.callback(None)


def _wake(_: object, waiting: list[defer.Deferred[None]]) -> None:
    for waiter in waiting:
        waiter.callback(None)
