"""Open an archive file: checked, WAL on, migrations applied; or read-only."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from archive.store.errors import ArchiveError
from archive.store.migrations import apply_migrations
from archive.store.transactions import BUSY_TIMEOUT_MS

__all__ = ["ArchiveError", "insert_row", "now", "open_archive", "open_readonly"]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_row(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row; its new id."""
    pk = db.table(table).insert(row).last_pk
    if not isinstance(pk, int):
        raise ArchiveError(f"inserting into {table} gave no row id")
    return pk


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
    db = sqlite_utils.Database(path)
    try:
        db.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        apply_migrations(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise ArchiveError(f"{path}: not a usable SQLite archive ({error})") from error
    except ArchiveError as error:
        db.close()
        raise ArchiveError(f"{path}: {error}") from error
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
