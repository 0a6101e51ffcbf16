"""Where an archive's WARC files are: the `warcs/` folder beside it, and the paths its
captures rows store (relative to the archive's folder when inside it, so the two move together)."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from archive import __version__
from archive.store.errors import ArchiveError
from archive.warc import WarcWriter
from archive.warc.writer import CONFORMS_TO

# One file per crawl, a new one past this size (ARCHIVE_WARC_MAX_BYTES): 1 GB, the size
# Heritrix and Browsertrix roll their files at.
DEFAULT_MAX_BYTES = 1_000_000_000


def archive_dir(db: sqlite_utils.Database) -> Path:
    """The folder of the archive's SQLite file."""
    for row in db.execute("pragma database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2]).parent
    raise ArchiveError("the archive is not a file (in-memory database): it has no WARC folder")


def default_warc_dir(db: sqlite_utils.Database) -> Path:
    return archive_dir(db) / "warcs"


def stored_path(db: sqlite_utils.Database, path: Path) -> str:
    """How captures rows name a WARC file: relative to the archive's folder when inside it."""
    return _stored_path(archive_dir(db), path if path.is_absolute() else Path.cwd() / path)


@lru_cache(maxsize=16)
def _stored_path(folder: Path, path: Path) -> str:
    """Remembered: a crawl writes one file at a time, and each of its records names it (two
    paths resolved, link by link, took 0.1 ms a record on a busy machine)."""
    path = path.resolve()
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path)


def resolve_path(db: sqlite_utils.Database, stored: str) -> Path:
    """The WARC file a captures row names."""
    path = Path(stored)
    return path if path.is_absolute() else archive_dir(db) / path


def open_warc_writer(
    db: sqlite_utils.Database,
    crawl_id: int | None,
    directory: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    info: dict[str, str] | None = None,
) -> WarcWriter:
    """A writer of the crawl's WARC files, in directory (default: `warcs/` beside the
    archive), named `news-archive-<UTC time>-crawl<id>-<serial>.warc.gz`."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    run = f"crawl{crawl_id}" if crawl_id is not None else f"pid{os.getpid()}"
    fields = {
        "software": f"news-archive/{__version__}",
        "format": "WARC File Format 1.1",
        "conformsTo": CONFORMS_TO,
        "hostname": socket.gethostname(),
        "isPartOf": f"crawl {crawl_id}" if crawl_id is not None else "",
        **(info or {}),
    }
    target = directory or default_warc_dir(db)
    return WarcWriter(target, f"news-archive-{stamp}-{run}", max_bytes, fields)
