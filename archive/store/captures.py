"""The captures table: every fetched page's raw bytes, compressed, stored once."""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from archive.records import FetchedPage, Hints
from archive.store.database import insert_row
from archive.store.errors import CorruptCapture
from archive.store.transactions import write_transaction


def add_capture(db: sqlite_utils.Database, crawl_id: int | None, page: FetchedPage) -> int:
    """Store the raw page, compressed, so it can be re-extracted without re-crawling.

    Bytes identical to an earlier capture of the same URL are not stored twice: the new row
    points at that capture (same_as) and keeps its own status, headers and time.
    """
    sha = hashlib.sha256(page.body).hexdigest()
    row: dict[str, Any] = {
        "crawl_id": crawl_id, "site": page.site, "url": page.url, "final_url": page.final_url,
        "status": page.status, "content_type": page.content_type,
        "headers": json.dumps(page.headers), "fetched_at": page.fetched_at,
        "length": len(page.body), "sha256": sha, "discovered_via": page.discovered_via,
        "hints": page.hints.to_json(),
    }  # fmt: skip
    with write_transaction(db):
        earlier = next(
            db.query(
                "select id from captures where url = ? and sha256 = ? and same_as is null"
                " order by id limit 1",
                [page.url, sha],
            ),
            None,
        )
        if earlier:
            row["same_as"] = earlier["id"]
        else:
            row["body"] = zlib.compress(page.body, 6)
        return insert_row(db, "captures", row)


def capture_body(db: sqlite_utils.Database, capture_id: int) -> bytes:
    """The raw bytes of a capture, following same_as to the capture that holds them.
    CorruptCapture if they cannot be unpacked (a damaged disk, an edited file)."""
    row = _row(db, capture_id)
    if row["same_as"] is not None:
        row = _row(db, row["same_as"])
    try:
        return zlib.decompress(row["body"] or b"")
    except zlib.error as error:
        raise CorruptCapture(
            f"capture {row['id']}: its stored bytes are corrupt ({error})"
        ) from error


def _row(db: sqlite_utils.Database, capture_id: int) -> dict[str, Any]:
    try:
        return dict(db.table("captures").get(capture_id))
    except NotFoundError as error:
        raise CorruptCapture(f"capture {capture_id} is not in this archive") from error


def captured_page(db: sqlite_utils.Database, capture_id: int) -> FetchedPage:
    """A capture as the page the crawl fetched, bytes and feed/sitemap hints included."""
    row = _row(db, capture_id)
    return FetchedPage(
        url=row["url"], final_url=row["final_url"], status=row["status"],
        headers=json.loads(row["headers"] or "{}"), body=capture_body(db, capture_id),
        fetched_at=row["fetched_at"], site=row["site"],
        discovered_via=row["discovered_via"] or "", hints=Hints.from_json(row["hints"]),
    )  # fmt: skip
