"""Read WARC records back: one payload at a known offset, or every record of a file (ours or
another tool's: wget, Heritrix, Browsertrix), with bounded, decoded payloads."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from archive.warc.errors import WarcPayloadError, WarcReadError

# The most a metadata record's fields may hold (they are a few lines).
_METADATA_BYTES = 65536
# What a broken file raises from inside warcio (its gzip reader, its header parsers; a
# record cut short inside its WARC headers leaves its target URI None, to an AttributeError).
_BROKEN = (
    ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError,
    AttributeError,
)  # fmt: skip


@dataclass(frozen=True)
class StoredRecord:
    """A WARC record as read back: its WARC headers, HTTP status and headers (as stored) and
    its payload, de-chunked and decoded (None when it has none or it could not be read)."""

    kind: str  # WARC-Type: response, request, revisit, resource, warcinfo, metadata...
    record_id: str
    uri: str
    date: str
    content_type: str  # the record's own Content-Type (a resource record's media type)
    concurrent_to: str  # WARC-Concurrent-To: the record a request or metadata record goes with
    offset: int
    length: int
    status: int | None
    protocol: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    problem: str | None = None  # why the payload could not be read

    def header_map(self) -> dict[str, str]:
        """The HTTP headers with lower-case names, as `FetchedPage.headers` holds them, less
        the encodings undone in `body` (repeats joined with ", ")."""
        merged: dict[str, str] = {}
        for name, value in self.headers:
            key = name.lower()
            if key == "transfer-encoding" or (key == "content-encoding" and _decodable(value)):
                continue
            merged[key] = f"{merged[key]}, {value}" if key in merged else value
        return merged


def read_payload(path: Path, offset: int, max_bytes: int) -> bytes:
    """The decoded payload of the response (or resource) record at offset in path."""
    with _open(path) as handle:
        handle.seek(offset)
        try:
            record = next(iter(ArchiveIterator(handle)), None)
            if record is None or record.rec_type not in ("response", "resource"):
                kind = record.rec_type if record is not None else "nothing"
                raise WarcReadError(f"{path} at offset {offset}: {kind}, not a response record")
            return _payload(record, max_bytes)
        except _BROKEN as error:
            raise WarcReadError(
                f"{path} at offset {offset}: unreadable ({_short(error)})"
            ) from error


def iter_records(path: Path, max_bytes: int) -> Iterator[StoredRecord]:
    """Every record of a WARC file in order, responses and resources with their payloads.

    WarcReadError, naming the file and offset, when the file stops being readable (not a
    WARC, truncated, corrupt); the records before that have been yielded.
    """
    with _open(path) as handle:
        records = ArchiveIterator(handle)
        end = 0  # where the last whole record ends
        try:
            for record in records:
                body, problem = None, None
                if record.rec_type in ("response", "resource", "metadata"):
                    limit = max_bytes if record.rec_type != "metadata" else _METADATA_BYTES
                    try:
                        body = _payload(record, limit)
                    except WarcPayloadError as error:
                        problem = str(error)
                offset, length = records.get_record_offset(), records.get_record_length()
                _check_whole(path, record, offset, end)
                end = offset + length
                yield _stored(record, offset, length, body, problem)
        except _BROKEN as error:
            raise WarcReadError(
                f"{path}: unreadable after offset {end} ({_short(error)})"
            ) from error
        size = handle.seek(0, 2)
    if size > end:
        # warcio stops quietly at a record cut short: the bytes left over say so.
        raise WarcReadError(
            f"{path}: cut short or corrupt after offset {end} ({size - end} bytes"
            " left that are not a whole record)"
        )


def record_group(path: Path, offset: int) -> bytes:
    """The record at offset and the records after it that go with it (its request and
    metadata records, WARC-Concurrent-To it), as gzip members ready to append."""
    spans: list[tuple[int, int]] = []
    with _open(path) as handle:
        handle.seek(offset)
        records = ArchiveIterator(handle)
        first = ""
        try:
            for record in records:
                record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
                concurrent = record.rec_headers.get_header("WARC-Concurrent-To") or ""
                if spans and concurrent != first:
                    break
                first = first or record_id
                spans.append((records.get_record_offset(), records.get_record_length()))
        except _BROKEN as error:
            if not spans:  # a damaged record after the group does not spoil the group
                reason = _short(error)
                raise WarcReadError(f"{path} at offset {offset}: unreadable ({reason})") from error
    if not spans:
        raise WarcReadError(f"{path}: no record at offset {offset}")
    return b"".join(record_bytes(path, start, length) for start, length in spans)


def record_bytes(path: Path, offset: int, length: int) -> bytes:
    """The record at offset as one gzip member, ready to append to a .warc.gz file: copied
    as it is when the file is gzipped per record, compressed when it is a plain .warc."""
    with _open(path) as handle:
        handle.seek(offset)
        data = handle.read(length)
    if len(data) != length:
        raise WarcReadError(f"{path}: the record at offset {offset} is cut short")
    return data if data[:2] == b"\x1f\x8b" else gzip.compress(data, mtime=0)


def _check_whole(path: Path, record: ArcWarcRecord, offset: int, end: int) -> None:
    """Refuse a record cut short (warcio hands it on with what there is), or not WARC at all
    (warcio takes a line of any text for an ARC file's record)."""
    if not record.format.startswith("warc"):
        raise WarcReadError(f"{path}: no WARC record at offset {offset} (not a WARC file?)")
    if record.rec_headers.get_header("Content-Length") is None:
        problem = "has no Content-Length: its WARC headers are cut short"
    elif getattr(record.raw_stream, "limit", 0) > 0:
        problem = f"lacks {record.raw_stream.limit} of its bytes"
    else:
        return
    raise WarcReadError(
        f"{path}: cut short or corrupt after offset {end} (the record at offset {offset} {problem})"
    )


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise WarcReadError(f"{path}: cannot be read ({error.strerror or error})") from error


def _payload(record: ArcWarcRecord, max_bytes: int) -> bytes:
    try:
        body = record.content_stream().read(max_bytes + 1)
    except (zlib.error, OSError, ValueError) as error:
        raise WarcPayloadError(f"payload cannot be decoded ({error})") from error
    if len(body) > max_bytes:
        raise WarcPayloadError(f"payload larger than {max_bytes} bytes once decoded")
    return bytes(body)


def _stored(
    record: ArcWarcRecord, offset: int, length: int, body: bytes | None, problem: str | None
) -> StoredRecord:
    warc = record.rec_headers
    http = record.http_headers
    status = None
    if http is not None and record.rec_type in ("response", "revisit"):
        code = http.get_statuscode()
        status = int(code) if code and code.isdigit() else None
    return StoredRecord(
        kind=record.rec_type or "",
        record_id=warc.get_header("WARC-Record-ID") or "",
        uri=warc.get_header("WARC-Target-URI") or "",
        date=warc.get_header("WARC-Date") or "",
        content_type=record.content_type or "",
        concurrent_to=warc.get_header("WARC-Concurrent-To") or "",
        offset=offset,
        length=length,
        status=status,
        protocol=(http.protocol if http is not None else "") or "",
        headers=tuple(http.headers) if http is not None else (),
        body=body,
        problem=problem,
    )


def _short(error: Exception) -> str:
    """An error's message, printable and short (warcio quotes the bytes it could not parse)."""
    text = "".join(c if c.isprintable() else "?" for c in str(error))
    return text if len(text) <= 120 else text[:117] + "..."


def _decodable(encoding: str) -> bool:
    """Whether warcio undid this Content-Encoding when it read the payload."""
    return encoding.strip().lower() in BufferedReader.get_supported_decompressors()
