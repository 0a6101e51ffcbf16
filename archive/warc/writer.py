"""Write fetched pages to WARC/1.1 files: gzip per record, a warcinfo record first in every
file, a new file once one reaches its size limit."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter
from zlib_ng import zlib_ng

from archive.records import FetchedPage
from archive.warc.http import request_headers, response_headers

logger = logging.getLogger(__name__)

GZIP_LEVEL = 5
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


@dataclass(frozen=True)
class WarcLocation:
    """Where a page's response (or revisit) record is: its file, the offset and length of the
    record (one gzip member, as `warcio index` gives them) and its WARC-Record-ID."""

    path: Path
    offset: int
    length: int
    record_id: str


@dataclass(frozen=True)
class WarcOrigin:
    """The earlier record holding a payload, for a revisit record that does not repeat it."""

    record_id: str
    uri: str
    date: str  # its WARC-Date
    digest: str  # its WARC-Payload-Digest (unused by a server-not-modified revisit)


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest warcio writes for a payload: sha1, base32."""
    digester = Digester("sha1")
    digester.update(body)
    return str(digester)


def warc_date(timestamp: str) -> str:
    """A WARC-Date (UTC, Z) from an ISO 8601 time such as FetchedPage.fetched_at."""
    moment = datetime.fromisoformat(timestamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return datetime_to_iso_date(moment, use_micros=bool(moment.microsecond))


class WarcWriter:
    """Appends pages to `<directory>/<prefix>-00000.warc.gz`, `-00001`... (or to one named
    file, `single`). Each page is a response record (or a revisit record), then its request
    record when the request is known, then a metadata record saying how the crawl found it,
    written in one call and flushed, so a capture row never points at bytes in a buffer."""

    def __init__(self, directory: Path, prefix: str, max_bytes: int, info: dict[str, str]):
        if max_bytes <= 0:
            raise ValueError(f"a WARC file's size limit must be positive, not {max_bytes}")
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.info = info
        self.paths: list[Path] = []
        self._file: BinaryIO | None = None
        self._serial = 0
        self._name: str | None = None
        self._builder = WARCWriter(None, gzip=True, warc_version="1.1")

    @classmethod
    def single(cls, path: Path, info: dict[str, str]) -> WarcWriter:
        """A writer of exactly one new file at path, never rotated."""
        writer = cls(path.parent, path.name, 2**63, info)
        writer._name = path.name
        return writer

    def write_response(self, page: FetchedPage) -> WarcLocation:
        """The page as a response record, its request after it."""
        record = self._builder.create_warc_record(
            page.final_url,
            "response",
            payload=BytesIO(page.body),
            length=len(page.body),
            http_headers=response_headers(page),
            warc_headers_dict=_warc_headers(page),
        )
        return self._append(record, page)

    def write_revisit(self, page: FetchedPage, origin: WarcOrigin) -> WarcLocation:
        """The page as a revisit record (profile identical-payload-digest): its own response
        headers, the payload left to the earlier record it refers to."""
        record = self._builder.create_revisit_record(
            page.final_url,
            origin.digest,
            origin.uri,
            origin.date,
            http_headers=response_headers(page),
            warc_headers_dict=_warc_headers(page),
        )
        record.rec_headers.add_header("WARC-Refers-To", origin.record_id)
        return self._append(record, page)

    def write_not_modified(self, page: FetchedPage, origin: WarcOrigin | None) -> WarcLocation:
        """A 304 answer to a conditional request as a revisit record of profile
        server-not-modified (WARC 1.1, 6.7.3): its status and headers, no payload, and the
        earlier record holding the content when there is one (no payload digest: the
        profile forbids it)."""
        record = self._builder.create_warc_record(
            page.final_url,
            "revisit",
            http_headers=response_headers(page),
            warc_headers_dict=_warc_headers(page),
        )
        record.rec_headers.add_header("WARC-Profile", NOT_MODIFIED_PROFILE)
        if origin is not None:
            record.rec_headers.add_header("WARC-Refers-To", origin.record_id)
            record.rec_headers.add_header("WARC-Refers-To-Target-URI", origin.uri)
            record.rec_headers.add_header("WARC-Refers-To-Date", origin.date)
        return self._append(record, page)

    def append_copies(self, records: bytes) -> None:
        """Append records copied from another file (whole gzip members)."""
        handle, _ = self._current()
        handle.write(records)
        handle.flush()

    def _append(self, record: ArcWarcRecord, page: FetchedPage) -> WarcLocation:
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        concurrent = {
            "WARC-Date": record.rec_headers.get_header("WARC-Date"),
            "WARC-Concurrent-To": record_id,
        }
        first = self._serialize(record)
        rest = b""
        if page.wire is not None:  # a request is written only when the crawl saw it
            request = self._builder.create_warc_record(
                page.final_url, "request", http_headers=request_headers(page),
                warc_headers_dict=concurrent,
            )  # fmt: skip
            rest += self._serialize(request)
        fields = how_found(page)
        if fields:
            metadata = self._builder.create_warc_record(
                page.final_url, "metadata", payload=BytesIO(fields), length=len(fields),
                warc_headers_dict=concurrent,
            )  # fmt: skip
            rest += self._serialize(metadata)
        handle, path = self._current()
        offset = handle.tell()
        handle.write(first + rest)
        handle.flush()
        return WarcLocation(path, offset, len(first), record_id)

    def _serialize(self, record: ArcWarcRecord) -> bytes:
        """The record as one gzip member, as warcio writes it, but deflated by zlib-ng at
        level 5: on 317 real news pages (223 KB on average) it takes 1.8 ms a page where
        zlib's default level 6 takes 4.3 and zlib-ng's 2.2, for members 1.4% larger than
        zlib's (0.5% than zlib-ng's 6), readable by any gzip reader."""
        buffer = BytesIO()
        WARCWriter(buffer, gzip=False, warc_version="1.1").write_record(record)
        packer = zlib_ng.compressobj(GZIP_LEVEL, zlib_ng.DEFLATED, zlib_ng.MAX_WBITS + 16)
        return packer.compress(buffer.getvalue()) + packer.flush()

    def _current(self) -> tuple[BinaryIO, Path]:
        """The open file, or a new one (warcinfo first) when none is open or it is full."""
        if self._file is not None and self._file.tell() >= self.max_bytes:
            self.close()
        if self._file is None:
            self._file = self._open_next()
        return self._file, self.paths[-1]

    def _open_next(self) -> BinaryIO:
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            name = self._name or f"{self.prefix}-{self._serial:05d}.warc.gz"
            path = self.directory / name
            self._serial += 1
            try:
                handle = path.open("xb")  # never append to, or clobber, another crawl's file
            except FileExistsError:
                if self._name:
                    raise
                continue
            break
        info = self._builder.create_warcinfo_record(path.name, self.info)
        handle.write(self._serialize(info))
        handle.flush()
        self.paths.append(path)
        logger.info("writing WARC records to %s", path)
        return handle

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def how_found(page: FetchedPage) -> bytes:
    """The metadata record's fields (application/warc-fields): how the crawl came to the
    page, and the title and date its feed or sitemap gave (re-extraction applies them)."""
    values = {
        "discovered-via": page.discovered_via,
        "hint-title": page.hints.title,
        "hint-published": page.hints.published,
    }
    lines = [f"{name}: {' '.join(value.split())}\r\n" for name, value in values.items() if value]
    return "".join(lines).encode("utf-8")


def _warc_headers(page: FetchedPage) -> dict[str, str]:
    headers = {"WARC-Date": warc_date(page.fetched_at)}
    if page.wire and page.wire.ip_address:
        headers["WARC-IP-Address"] = page.wire.ip_address
    return headers
