"""WARC files (ISO 28500): the crawl's captures written as WARC/1.1 records with warcio, and
read back (ours or another tool's). File I/O only: nothing here knows SQLite or Scrapy."""

from archive.warc.errors import WarcPayloadError, WarcReadError
from archive.warc.reader import (
    StoredRecord,
    iter_records,
    read_payload,
    record_bytes,
    record_group,
)
from archive.warc.writer import WarcLocation, WarcOrigin, WarcWriter, payload_digest, warc_date

__all__ = [
    "StoredRecord",
    "WarcLocation",
    "WarcOrigin",
    "WarcPayloadError",
    "WarcReadError",
    "WarcWriter",
    "iter_records",
    "payload_digest",
    "read_payload",
    "record_bytes",
    "record_group",
    "warc_date",
]
