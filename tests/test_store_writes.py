"""Writes wait for another writer's lock, and fail loudly when it never comes."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from archive.store import ArchiveWriteError, add_failure, open_archive
from tests.crawling import rows


def _locked(path: Path) -> sqlite3.Connection:
    """Another connection holding the archive's write lock."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("begin immediate")
    other.execute("insert into failures (url, kind) values ('http://other/', 'other')")
    return other


def test_a_write_waits_for_the_other_writer_and_lands(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db = open_archive(path)
    db.execute("pragma busy_timeout = 100")  # SQLite's own wait runs out: our retries go on
    with closing(_locked(path)) as other:
        threading.Timer(0.5, lambda: other.execute("commit")).start()
        add_failure(db, None, "http://ours/", "timeout", "")
    db.close()
    assert [r["url"] for r in rows(path, "select url from failures order by id")] == [
        "http://other/",
        "http://ours/",
    ]


def test_a_write_that_never_gets_the_lock_is_an_error_not_a_loss(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db = open_archive(path)
    db.execute("pragma busy_timeout = 10")
    with closing(_locked(path)), pytest.raises(ArchiveWriteError, match="database is locked"):
        add_failure(db, None, "http://ours/", "timeout", "")
    assert not db.conn.in_transaction
    db.close()
