"""Write transactions that several processes (two crawls, a crawl and `reextract`) can share.

SQLite lets one writer at a time into a WAL archive. A deferred `BEGIN` (what
`db.atomic()` issues) starts as a reader and asks for the write lock at its first write;
if another process committed in between, SQLite answers "database is locked" at once,
without waiting out the busy timeout, because the reader's snapshot is stale. `BEGIN
IMMEDIATE` asks for the write lock first, so it waits (busy timeout), and when even that
runs out it is tried again after a pause; only then is the write given up, loudly.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from archive.store.errors import ArchiveWriteError

logger = logging.getLogger(__name__)

# How long SQLite itself waits for the write lock, each attempt.
BUSY_TIMEOUT_MS = 30_000
# Pauses between attempts once a wait has run out: about 3 minutes in all, busy waits included.
BACKOFF_SECONDS = (0.1, 0.2, 0.4, 0.8, 1.6)


def is_busy(error: sqlite3.Error) -> bool:
    """Whether error says another connection holds the lock."""
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and (
        "database is locked" in message or "database is busy" in message
    )


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: BEGIN IMMEDIATE (waited for, retried), COMMIT, or ROLLBACK on
    an error. Inside another transaction it is a savepoint of that one. Raises
    ArchiveWriteError when the lock never comes."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    _begin_immediate(db)
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.Error as error:
        db.rollback()
        raise ArchiveWriteError(f"the archive could not commit a write ({error})") from error


def _begin_immediate(db: sqlite_utils.Database) -> None:
    for pause in (*BACKOFF_SECONDS, None):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or pause is None:
                raise ArchiveWriteError(f"the archive cannot be written ({error})") from error
            logger.info("archive busy (%s): trying again in %.1f s", error, pause)
            time.sleep(pause)
