"""The captures table: a row per fetched page, pointing at its record in a WARC file (older
archives hold the bytes themselves, zlib-compressed, and are still read)."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from archive.records import FetchedPage, Hints
from archive.store.database import insert_plain
from archive.store.errors import CorruptCapture
from archive.store.transactions import write_transaction
from archive.store.warcs import resolve_path, stored_path
from archive.warc import (
    WarcLocation,
    WarcOrigin,
    WarcReadError,
    WarcWriter,
    payload_digest,
    read_payload,
    warc_date,
)


@dataclass(frozen=True)
class CaptureRecord:
    """A page's record in the crawl's WARC file, and the earlier capture holding its bytes
    when it is a revisit: what its captures row will point at."""

    location: WarcLocation
    same_as: int | None = None
    sha256: str | None = None  # of the page's body, when known (hex): not computed twice


def add_capture(
    db: sqlite_utils.Database, crawl_id: int | None, page: FetchedPage, warcs: WarcWriter
) -> int:
    """Write the page to the crawl's WARC file and its row to captures, so it can be
    re-extracted without re-crawling (see write_capture_record)."""
    # The record is written (and flushed) before the row's transaction begins: a transaction
    # that is retried never writes it twice, and a row never points at unwritten bytes.
    record = write_capture_record(db, page, warcs)
    with write_transaction(db):
        return insert_capture(db, crawl_id, page, record)


def write_capture_record(
    db: sqlite_utils.Database, page: FetchedPage, warcs: WarcWriter
) -> CaptureRecord:
    """Write the page to the crawl's WARC file (flushed), for a captures row to point at.

    Bytes identical to an earlier capture of the same URL are not stored twice: the page
    becomes a revisit record (its own headers, the payload left to the earlier record) and
    its row points at that capture (same_as), keeping its own status, headers and time. A
    304 (Not Modified) to a re-check is written the same way, with the server-not-modified
    profile, pointing at the latest capture of the URL with content.
    """
    if page.status == 304:
        location, same_as = _not_modified(db, page, warcs)
        return CaptureRecord(location, same_as)
    sha = hashlib.sha256(page.body).hexdigest()
    holder = _holder(db, page.url, sha)
    if holder is None:
        return CaptureRecord(warcs.write_response(page), sha256=sha)
    origin = _origin(holder, payload_digest(page.body))
    return CaptureRecord(warcs.write_revisit(page, origin), holder["id"], sha)


def captured_since(db: sqlite_utils.Database, url: str, since: str) -> int | None:
    """The latest capture of url fetched at or after since (ISO time, as fetched_at), if any."""
    sql = "select id from captures where url = ? and fetched_at >= ? order by id desc limit 1"
    row = next(db.query(sql, [url, since]), None)
    return int(row["id"]) if row else None


def insert_capture(
    db: sqlite_utils.Database, crawl_id: int | None, page: FetchedPage, record: CaptureRecord
) -> int:
    """The captures row of a page whose record is written; inside the caller's transaction."""
    return _insert(db, crawl_id, page, record.location, record.same_as, record.sha256)


def _not_modified(
    db: sqlite_utils.Database, page: FetchedPage, warcs: WarcWriter
) -> tuple[WarcLocation, int | None]:
    """A 304 answer to a re-check: a revisit record (profile server-not-modified) referring
    to the latest capture of the URL that holds its content, which its row points at."""
    sql = (
        "select id, final_url, fetched_at, warc_record_id from captures"
        " where url = ? and status between 200 and 299 and same_as is null"
        " and warc_record_id is not null order by id desc limit 1"
    )
    holder = next(db.query(sql, [page.url]), None)
    if holder is None:  # the content was captured before WARC files, or not kept
        return warcs.write_not_modified(page, None), None
    return warcs.write_not_modified(page, _origin(holder, "")), holder["id"]


def _origin(holder: dict[str, Any], digest: str) -> WarcOrigin:
    """The earlier capture a revisit record refers to (its row: record id, URL, time)."""
    return WarcOrigin(
        record_id=holder["warc_record_id"],
        uri=holder["final_url"],
        date=warc_date(holder["fetched_at"]),
        digest=digest,
    )


def add_indexed_capture(
    db: sqlite_utils.Database, crawl_id: int | None, page: FetchedPage, record: WarcLocation
) -> int:
    """A captures row for a page whose record is already in a WARC file (an imported one)."""
    with write_transaction(db):
        return _insert(db, crawl_id, page, record)


def _holder(db: sqlite_utils.Database, url: str, sha: str) -> dict[str, Any] | None:
    """The earlier capture of url with these bytes in a WARC record of their own, if any.
    (A capture whose bytes are in the database itself cannot be referred to by a revisit.)"""
    sql = (
        "select id, final_url, fetched_at, warc_record_id from captures"
        " where url = ? and sha256 = ? and same_as is null and warc_record_id is not null"
        " and status <> 304"
        " order by id limit 1"
    )
    return next(db.query(sql, [url, sha]), None)


def _insert(
    db: sqlite_utils.Database,
    crawl_id: int | None,
    page: FetchedPage,
    record: WarcLocation,
    same_as: int | None = None,
    sha256: str | None = None,
) -> int:
    row: dict[str, Any] = {
        "crawl_id": crawl_id, "site": page.site, "url": page.url, "final_url": page.final_url,
        "status": page.status, "content_type": page.content_type,
        "headers": json.dumps(page.headers), "fetched_at": page.fetched_at,
        "length": len(page.body),
        "sha256": sha256 or hashlib.sha256(page.body).hexdigest(),
        "discovered_via": page.discovered_via, "hints": page.hints.to_json(),
        "same_as": same_as, "warc_path": stored_path(db, record.path),
        "warc_offset": record.offset, "warc_length": record.length,
        "warc_record_id": record.record_id,
    }  # fmt: skip
    return insert_plain(db, "captures", row)


def capture_body(db: sqlite_utils.Database, capture_id: int) -> bytes:
    """The raw bytes of a capture, following same_as to the capture that holds them: read
    from its WARC record, or from the database for captures made before WARC files.
    CorruptCapture if they cannot be read back (a damaged disk or file, a WARC file gone)."""
    row = _row(db, capture_id)
    if row["same_as"] is not None:
        row = _row(db, row["same_as"])
    if row["body"] is not None:
        try:
            body = zlib.decompress(row["body"])
        except zlib.error as error:
            raise CorruptCapture(f"capture {row['id']}: corrupt body ({error})") from error
    elif row["warc_path"] and row["length"] == 0:
        body = b""  # a record without a payload (a 304 that refers to no earlier capture)
    elif row["warc_path"]:
        path = resolve_path(db, row["warc_path"])
        try:
            body = read_payload(path, row["warc_offset"], row["length"])
        except WarcReadError as error:
            raise CorruptCapture(f"capture {row['id']}: {error}") from error
    else:
        raise CorruptCapture(f"capture {row['id']} holds no bytes and names no WARC record")
    if hashlib.sha256(body).hexdigest() != row["sha256"]:
        raise CorruptCapture(f"capture {row['id']}: the bytes read are not those captured")
    return body


def captured_page(db: sqlite_utils.Database, capture_id: int) -> FetchedPage:
    """A capture as the page the crawl fetched, bytes and feed/sitemap hints included."""
    row = _row(db, capture_id)
    return FetchedPage(
        url=row["url"], final_url=row["final_url"], status=row["status"],
        headers=json.loads(row["headers"] or "{}"), body=capture_body(db, capture_id),
        fetched_at=row["fetched_at"], site=row["site"],
        discovered_via=row["discovered_via"] or "", hints=Hints.from_json(row["hints"]),
    )  # fmt: skip


def _row(db: sqlite_utils.Database, capture_id: int) -> dict[str, Any]:
    try:
        return dict(db.table("captures").get(capture_id))
    except NotFoundError as error:
        raise CorruptCapture(f"capture {capture_id} is not in this archive") from error
