"""The crawls table: a row per crawl run, its end, and the failures it met."""

from __future__ import annotations

import json
import os
import socket
from typing import Any

import sqlite_utils

from archive.store.database import insert_row, now
from archive.store.transactions import write_transaction


def start_crawl(
    db: sqlite_utils.Database,
    site: str,
    start_urls: list[str],
    settings: dict,
    site_id: int | None = None,
) -> int:
    """A new crawl row (of the sites row site_id, when the scheduler started it); crawls
    still marked running whose process is gone become "killed"."""
    with write_transaction(db):
        mark_killed_crawls(db)
        row = {
            "site": site, "start_urls": json.dumps(start_urls), "started": now(),
            "status": "running", "settings": json.dumps(settings, default=str),
            "pid": os.getpid(), "host": socket.gethostname(), "site_id": site_id,
        }  # fmt: skip
        return insert_row(db, "crawls", row)


def mark_killed_crawls(db: sqlite_utils.Database) -> int:
    """Close the rows of crawls on this host whose process died without finishing them."""
    host = socket.gethostname()
    running = db.query("select id, pid from crawls where status = 'running' and host = ?", [host])
    dead = [row["id"] for row in running if not process_alive(row["pid"])]
    for crawl_id in dead:
        db.table("crawls").update(crawl_id, {"status": "killed", "finish_reason": "process died"})
    return len(dead)


def process_alive(pid: int | None) -> bool:
    """Whether a process of this host with that pid is running (anyone's)."""
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
    with write_transaction(db):
        db.table("crawls").update(crawl_id, {**summary, "finished": now()})


def add_failure(
    db: sqlite_utils.Database, crawl_id: int | None, url: str, kind: str, detail: str
) -> None:
    with write_transaction(db):
        insert_failure(db, crawl_id, url, kind, detail)


def insert_failure(
    db: sqlite_utils.Database, crawl_id: int | None, url: str, kind: str, detail: str
) -> None:
    """A failures row, inside the caller's transaction."""
    db.table("failures").insert(
        {"crawl_id": crawl_id, "url": url, "kind": kind, "detail": detail[:2000], "at": now()}
    )
