"""The crawl's writes to the archive, batched: captures rows, articles and failures wait in
a batch that is committed in one transaction once it holds ARCHIVE_WRITE_BATCH_SIZE writes or
its first write is ARCHIVE_WRITE_BATCH_SECONDS old, never one transaction per page.

Each write's Deferred fires once its batch has committed, so a pipeline hands its item on
(and the frontier marks its page done) only when the item is in the archive. A batch that
cannot be committed (the archive locked for minutes, the disk full) fails every write in
it with the error, and the crawl stops: see archive.store.batch for what is lost then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import sqlite_utils
from twisted.internet import defer

from archive.store.batch import Pending, WriteBatch

logger = logging.getLogger(__name__)


class BatchedWrites:
    """The open batch of one crawl, committed by size or age on the reactor thread."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        size: int,
        seconds: float,
        on_error: Callable[[BaseException], None],
    ):
        if size < 1 or seconds <= 0:
            raise ValueError(
                f"a write batch needs a size >= 1 and an age > 0, not {size}, {seconds}"
            )
        self.db = db
        self.size = size
        self.seconds = seconds
        self.on_error = on_error
        self.batch = WriteBatch()
        self.waiting: list[defer.Deferred[Any]] = []
        self.timer: Any = None  # the next flush, an IDelayedCall
        self.batches = 0

    def add(self, pending: Pending) -> Pending:
        """Put a write in the open batch; committed with it."""
        self.batch.add(pending)
        if len(self.batch) >= self.size:
            self.flush()
        elif self.timer is None:
            from twisted.internet import reactor

            clock: Any = reactor  # the installed reactor (zope interfaces confuse mypy)
            self.timer = clock.callLater(self.seconds, self.flush)
        return pending

    def committed(self) -> defer.Deferred[None]:
        """Fires once every write added so far is committed (at once when none waits)."""
        if not len(self.batch):
            return defer.succeed(None)
        waiter: defer.Deferred[None] = defer.Deferred()
        self.waiting.append(waiter)
        return waiter

    def flush(self) -> None:
        """Commit the open batch now, then wake whatever waits for it."""
        if self.timer is not None and self.timer.active():
            self.timer.cancel()
        self.timer = None
        batch, waiting = self.batch, self.waiting
        self.batch, self.waiting = WriteBatch(), []
        if not len(batch):
            for waiter in waiting:
                waiter.callback(None)
            return
        try:
            batch.commit(self.db)
        except Exception as error:  # the archive's (locked, full, gone): every write fails
            logger.debug("a batch of %d writes failed: %s", len(batch), error)
            self.on_error(error)
            for waiter in waiting:
                waiter.errback(error)
            return
        self.batches += 1
        for waiter in waiting:
            waiter.callback(None)
