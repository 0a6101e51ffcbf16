"""A batch of the crawl's writes whose captures' WARC records were written ahead of it by
the writer thread (pipelines/writes.py): what a record that could not be written does to
the batch, on a real archive and real WARC files; and the writer thread's niceness."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from archive.store import open_archive
from archive.store.articles import Provenance
from archive.store.batch import PendingArticle, PendingCapture, WriteBatch
from archive.store.errors import UnrecordablePage
from pipelines.extraction import extract
from pipelines.writes import WRITER_NICENESS, ArchiveWrites, WarcFiles
from tests.archive_helpers import PAGES, fetched

URL = "https://www.phnompenhpost.test/national/anti-trafficking-drive-goes-on"


def _page_and_article():
    html = (PAGES / "seed_phnompenh_post.html").read_bytes()
    return fetched(URL, html), extract(html, url=URL)


def _batch(capture: PendingCapture, article) -> tuple[WriteBatch, PendingArticle]:
    saved = PendingArticle(article, URL, Provenance("phnompenhpost.test", URL), capture)
    batch = WriteBatch()
    batch.add(capture)
    batch.add(saved)
    return batch, saved


def _count(db, table: str) -> int:
    return db.execute(f"select count(*) from {table}").fetchone()[0]


def _writes(tmp_path: Path, warcs: Path) -> ArchiveWrites:
    return ArchiveWrites(str(tmp_path / "a.db"), WarcFiles(warcs, 10**9, {}), (100, 0.1))


def test_a_record_written_ahead_is_what_its_row_points_at(tmp_path: Path) -> None:
    page, article = _page_and_article()
    writes = _writes(tmp_path, tmp_path / "warcs")
    capture = PendingCapture(None, page, None)
    writes._record_into(capture)  # as the writer thread does, ahead of the batch
    assert capture.record is not None and capture.storage_error is capture.error is None
    batch, saved = _batch(capture, article)
    db = open_archive(tmp_path / "a.db")
    batch.commit(db)
    row = db.execute("select warc_path, warc_offset from captures").fetchone()
    assert capture.id is not None and saved.result() == "new"
    assert (tmp_path / row[0]).stat().st_size > row[1]  # the bytes are on disk
    writes._close()


def test_warc_files_that_cannot_be_written_fail_the_whole_batch(tmp_path: Path) -> None:
    page, article = _page_and_article()
    blocked = tmp_path / "warcs"
    blocked.write_text("a file where the WARC folder should be")
    writes = _writes(tmp_path, blocked)
    capture = PendingCapture(None, page, None)
    writes._record_into(capture)
    assert isinstance(capture.storage_error, OSError) and capture.record is None
    batch, saved = _batch(capture, article)
    db = open_archive(tmp_path / "a.db")
    with pytest.raises(OSError):
        batch.commit(db)
    with pytest.raises(Exception, match="not been committed"):
        saved.result()
    assert _count(db, "captures") == _count(db, "articles") == _count(db, "failures") == 0
    writes._close()


def test_a_page_whose_record_fails_alone_is_a_failure_and_the_rest_is_kept(
    tmp_path: Path,
) -> None:
    page, article = _page_and_article()
    other_page = fetched(f"{URL}-2", page.body)
    writes = _writes(tmp_path, tmp_path / "warcs")
    bad = PendingCapture(None, page, None, error=ValueError("a header WARC cannot hold"))
    good = PendingCapture(None, other_page, None)
    writes._record_into(good)
    batch, saved = _batch(bad, article)
    batch.add(good)
    db = open_archive(tmp_path / "a.db")
    batch.commit(db)
    failures = db.execute("select url, kind, detail from failures").fetchall()
    assert failures == [(URL, "unrecordable_page", "ValueError: a header WARC cannot hold")]
    assert [r[0] for r in db.execute("select url from captures")] == [other_page.url]
    assert _count(db, "articles") == 0
    with pytest.raises(UnrecordablePage, match="ValueError: a header WARC cannot hold"):
        saved.result()
    writes._close()


def test_an_archive_error_while_writing_the_record_is_the_archives(tmp_path: Path) -> None:
    page, _ = _page_and_article()
    writes = _writes(tmp_path, tmp_path / "warcs")
    db = writes._conn()
    db.execute("drop table captures")  # the revisit lookup (an earlier capture) fails
    capture = PendingCapture(None, page, None)
    writes._record_into(capture)
    assert isinstance(capture.storage_error, sqlite3.Error) and capture.error is None
    writes._close()


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own niceness is Linux's")
def test_the_writer_thread_gives_way_and_the_crawls_other_threads_do_not(tmp_path: Path) -> None:
    writes = _writes(tmp_path, tmp_path / "warcs")
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    try:
        theirs = writes.thread.submit(os.getpriority, os.PRIO_PROCESS, 0).result(timeout=30)
    finally:
        writes.thread.shutdown()
    assert theirs == min(mine + WRITER_NICENESS, 19)
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # the reactor's thread keeps its own
