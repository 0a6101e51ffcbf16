"""Open an archive file: checked, WAL on, migrations applied; or read-only."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils

from archive.store.errors import ArchiveError
from archive.store.migrations import apply_migrations, check_schema
from archive.store.transactions import BUSY_TIMEOUT_MS

__all__ = [
    "ArchiveError",
    "insert_plain",
    "insert_plain_all",
    "insert_row",
    "now",
    "open_archive",
    "open_readonly",
    "read_mode",
]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_row(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row; its new id."""
    pk = db.table(table).insert(row).last_pk
    if not isinstance(pk, int):
        raise ArchiveError(f"inserting into {table} gave no row id")
    return pk


def insert_plain(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """insert_row for a row of plain values (text, numbers, None), as a written-out
    statement: for the crawl's writes, a few rows a page, where sqlite-utils' insert looks
    the table and its columns up and converts every value on each call (about a tenth of a
    millisecond a row)."""
    pk = db.conn.execute(_insert_sql(table, list(row)), list(row.values())).lastrowid
    if not isinstance(pk, int):
        raise ArchiveError(f"inserting into {table} gave no row id")
    return pk


def insert_plain_all(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> None:
    """insert_plain for rows that all have the first one's columns."""
    if rows:
        columns = list(rows[0])
        db.conn.executemany(_insert_sql(table, columns), [[r[c] for c in columns] for r in rows])


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f"[{c}]" for c in columns)
    return f"insert into [{table}] ({names}) values ({', '.join('?' for _ in columns)})"


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


def read_mode(path: str | Path) -> str:
    """How SQLite can read an archive without writing to it: "mode=ro" (it still sees a
    crawl's writes in progress), or "immutable=1" where it cannot create the -shm file a WAL
    reader needs beside it (a read-only filesystem or directory): an archive there is not
    being written. ArchiveError if neither opens it."""
    try:
        _probe(Path(path), "mode=ro")
        return "mode=ro"
    except sqlite3.DatabaseError as error:
        if not _cannot_open(error):
            raise ArchiveError(f"{path}: not a usable SQLite archive ({error})") from error
        first = error
    try:
        _probe(Path(path), "immutable=1")
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a usable SQLite archive ({first})") from error
    return "immutable=1"


def _probe(path: Path, mode: str) -> None:
    with closing(_connect(path, mode)) as conn:
        conn.execute("select count(*) from sqlite_master").fetchone()


def _cannot_open(error: sqlite3.DatabaseError) -> bool:
    """SQLite could not open (or make) a file it needs beside the archive, not a damaged or
    busy archive: a case for immutable=1, which needs none."""
    message = str(error).lower()
    return "unable to open" in message or "readonly" in message or "read-only" in message


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?{mode}", uri=True)


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing archive for reading only (see read_mode); an archive written by a
    newer news-archive is refused here too."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"{path}: no such archive")
    db = sqlite_utils.Database(_connect(path, read_mode(path)))
    try:
        if "articles" not in db.table_names():
            raise ArchiveError("not a news-archive database (no articles table)")
        check_schema(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise ArchiveError(f"{path}: not a usable SQLite archive ({error})") from error
    except ArchiveError as error:
        db.close()
        raise ArchiveError(f"{path}: {error}") from error
    return db
