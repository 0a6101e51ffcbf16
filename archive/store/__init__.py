"""The archive store: a SQLite file (through sqlite-utils) holding crawls, captures and
articles, and the WARC files beside it holding the captured bytes. Plain functions over a
`sqlite_utils.Database`; nothing here knows about Scrapy."""

from archive.store.articles import Outcome, Provenance, save_article
from archive.store.captures import (
    CaptureRecord,
    add_capture,
    add_indexed_capture,
    capture_body,
    captured_page,
    write_capture_record,
)
from archive.store.crawls import add_failure, finish_crawl, mark_killed_crawls, start_crawl
from archive.store.database import now, open_archive, open_readonly, read_mode
from archive.store.errors import ArchiveError, ArchiveWriteError, CorruptCapture, UnsafeURL
from archive.store.transactions import write_transaction
from archive.store.warcs import open_warc_writer

__all__ = [
    "ArchiveError",
    "ArchiveWriteError",
    "CaptureRecord",
    "CorruptCapture",
    "Outcome",
    "Provenance",
    "UnsafeURL",
    "add_capture",
    "add_failure",
    "add_indexed_capture",
    "capture_body",
    "captured_page",
    "finish_crawl",
    "mark_killed_crawls",
    "now",
    "open_archive",
    "open_readonly",
    "open_warc_writer",
    "read_mode",
    "save_article",
    "start_crawl",
    "write_capture_record",
    "write_transaction",
]
