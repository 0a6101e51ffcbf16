"""The archive store: open a SQLite archive and write crawls, captures and articles to it."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from archive.migrations import apply_migrations
from archive.records import FetchedPage, Hints


class ArchiveError(Exception):
    """The archive file cannot be opened or written: missing, read-only, or not SQLite."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def open_archive(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) an archive: WAL on, migrations applied; ArchiveError if unusable."""
    path = Path(path)
    if not path.exists() and not create:
        raise ArchiveError(f"{path}: no such archive")
    if path.is_dir():
        raise ArchiveError(f"{path}: is a directory, not an archive file")
    parent = path.parent
    if not parent.exists():
        raise ArchiveError(f"{path}: directory {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise ArchiveError(f"{path}: archive is read-only (no write permission)")
    if not os.access(parent, os.W_OK):
        raise ArchiveError(f"{path}: directory {parent} is not writable")
    try:
        db = sqlite_utils.Database(path)
        db.execute("pragma busy_timeout = 30000")
        db.enable_wal()
        apply_migrations(db)
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a usable SQLite archive ({error})") from error
    return db


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing archive for reading only."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"{path}: no such archive")
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        db = sqlite_utils.Database(conn)
        if "articles" not in db.table_names():
            raise ArchiveError(f"{path}: not a news-archive database (no articles table)")
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a usable SQLite archive ({error})") from error
    return db


def start_crawl(db: sqlite_utils.Database, site: str, start_urls: list[str], settings: dict) -> int:
    """A new crawl row; crawls still marked running whose process is gone become "killed"."""
    with db.atomic():
        mark_killed_crawls(db)
        row = {
            "site": site, "start_urls": json.dumps(start_urls), "started": now(),
            "status": "running", "settings": json.dumps(settings, default=str),
            "pid": os.getpid(), "host": socket.gethostname(),
        }  # fmt: skip
        return int(db["crawls"].insert(row).last_pk)


def mark_killed_crawls(db: sqlite_utils.Database) -> int:
    """Close the rows of crawls on this host whose process died without finishing them."""
    host = socket.gethostname()
    running = db.query("select id, pid from crawls where status = 'running' and host = ?", [host])
    dead = [row["id"] for row in running if not _alive(row["pid"])]
    for crawl_id in dead:
        db["crawls"].update(crawl_id, {"status": "killed", "finish_reason": "process died"})
    return len(dead)


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def finish_crawl(db: sqlite_utils.Database, crawl_id: int, summary: dict[str, Any]) -> None:
    with db.atomic():
        db["crawls"].update(crawl_id, {**summary, "finished": now()})


def add_capture(db: sqlite_utils.Database, crawl_id: int | None, page: FetchedPage) -> int:
    """Store the raw page, compressed, so it can be re-extracted without re-crawling.

    Bytes identical to an earlier capture of the same URL are not stored twice: the new row
    points at that capture (same_as) and keeps its own status, headers and time.
    """
    sha = hashlib.sha256(page.body).hexdigest()
    row = {
        "crawl_id": crawl_id, "site": page.site, "url": page.url, "final_url": page.final_url,
        "status": page.status, "content_type": page.content_type,
        "headers": json.dumps(page.headers), "fetched_at": page.fetched_at,
        "length": len(page.body), "sha256": sha, "discovered_via": page.discovered_via,
        "hints": page.hints.to_json(),
    }  # fmt: skip
    with db.atomic():
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
        return int(db["captures"].insert(row).last_pk)


def capture_body(db: sqlite_utils.Database, capture_id: int) -> bytes:
    """The raw bytes of a capture, following same_as to the capture that holds them."""
    row = db["captures"].get(capture_id)
    if row["same_as"] is not None:
        row = db["captures"].get(row["same_as"])
    return zlib.decompress(row["body"])


def captured_page(db: sqlite_utils.Database, capture_id: int) -> FetchedPage:
    """A capture as the page the crawl fetched, bytes and feed/sitemap hints included."""
    row = db["captures"].get(capture_id)
    return FetchedPage(
        url=row["url"], final_url=row["final_url"], status=row["status"],
        headers=json.loads(row["headers"] or "{}"), body=capture_body(db, capture_id),
        fetched_at=row["fetched_at"], site=row["site"],
        discovered_via=row["discovered_via"] or "", hints=Hints.from_json(row["hints"]),
    )  # fmt: skip


def add_failure(db: sqlite_utils.Database, crawl_id: int | None, url: str, kind: str, detail: str):
    with db.atomic():
        db["failures"].insert(
            {"crawl_id": crawl_id, "url": url, "kind": kind, "detail": detail[:2000], "at": now()}
        )
