"""Export captures to one WARC file for handing on: records copied byte for byte from the
archive's WARC files, and older captures (bytes in the database) written as new records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from archive import __version__
from archive.store import ArchiveError, captured_page
from archive.store.warcs import resolve_path
from archive.warc import WarcReadError, WarcWriter, record_group
from archive.warc.writer import CONFORMS_TO

_CAPTURES = """
select * from captures
where (:site is null or site = :site) and (:since is null or fetched_at >= :since)
order by id
"""


class ExportError(ArchiveError):
    """Nothing to export, or a capture's record cannot be read."""


@dataclass
class ExportResult:
    captures: int = 0
    copied: int = 0  # record groups copied from the archive's WARC files
    rewritten: int = 0  # captures made before WARC files, written as new records


def export_warc(
    db: sqlite_utils.Database, out: Path, site: str | None = None, since: str | None = None
) -> ExportResult:
    """Write the captures of site (all sites when None) fetched at or after since (an ISO
    date or time) to a new WARC file at out. A revisit's earlier record goes with it, so
    every payload is in the file."""
    rows = list(db.query(_CAPTURES, {"site": site, "since": since}))
    if not rows:
        scope = f" of {site}" if site else ""
        raise ExportError(f"no captures{scope}{f' since {since}' if since else ''} to export")
    if out.exists():
        raise ExportError(f"{out}: already exists (export-warc never overwrites a file)")
    info = {
        "software": f"news-archive/{__version__}",
        "format": "WARC File Format 1.1",
        "conformsTo": CONFORMS_TO,
        "description": f"news-archive export of {site or 'all sites'} since {since or 'the start'}",
    }
    result = ExportResult()
    written: set[tuple[str, int]] = set()
    with WarcWriter.single(out, info) as writer:
        for row in rows:
            result.captures += 1
            if row["warc_record_id"] is None:
                writer.write_response(captured_page(db, row["id"]))
                result.rewritten += 1
                continue
            if row["same_as"] is not None:  # the revisit's payload first
                _copy(db, writer, db.table("captures").get(row["same_as"]), written)
            result.copied += _copy(db, writer, row, written)
    return result


def _copy(
    db: sqlite_utils.Database,
    writer: WarcWriter,
    row: dict[str, Any],
    written: set[tuple[str, int]],
) -> int:
    """Copy a capture's record (with its request and metadata records) once; 1 if copied."""
    key = (row["warc_path"], row["warc_offset"])
    if key in written:
        return 0
    try:
        data = record_group(resolve_path(db, row["warc_path"]), row["warc_offset"])
    except WarcReadError as error:
        raise ExportError(f"capture {row['id']}: {error}") from error
    writer.append_copies(data)
    written.add(key)
    return 1
