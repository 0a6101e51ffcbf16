"""The WARC records of one page, written and read back with warcio's own reader: the stored
HTTP headers are true of the stored payload, and the payload is the bytes the crawl saw."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.records import FetchedPage, Hints, Wire
from archive.warc import WarcOrigin, WarcWriter, iter_records, payload_digest
from archive.warc.http import response_headers
from tests.archive_helpers import fetched

HTML = b"<html><body><p>Ferry returns to the harbour after its refit.</p></body></html>"
URL = "http://127.0.0.1:8101/news/ferry?id=7"


def _page(sent: list[tuple[str, str]], body: bytes = HTML, **fields) -> FetchedPage:
    wire = Wire(
        request_headers=(("User-Agent", "news-archive/test"), ("Accept-Encoding", "gzip, br")),
        protocol="HTTP/1.1",
        response_headers=tuple(sent),
        ip_address="127.0.0.1",
    )
    kept = {k.lower(): v for k, v in sent if k.lower() not in ("content-encoding",)}
    return fetched(URL, body, headers=kept, wire=wire, **fields)


def _records(path: Path) -> list:
    """(record type, WARC headers, HTTP headers, raw payload) of every record, by warcio."""
    with path.open("rb") as handle:
        return [
            (r.rec_type, r.rec_headers, r.http_headers, r.raw_stream.read())
            for r in ArchiveIterator(handle)
        ]


def _write(tmp_path: Path, *pages: FetchedPage) -> Path:
    with WarcWriter(tmp_path, "t", 10**9, {"software": "news-archive test"}) as writer:
        for page in pages:
            writer.write_response(page)
    (path,) = writer.paths
    return path


def test_a_gzipped_response_is_stored_decoded_with_its_encoding_set_aside(tmp_path) -> None:
    sent = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Encoding", "gzip"),
        ("Content-Length", str(len(gzip.compress(HTML)))),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
    ]
    path = _write(tmp_path, _page(sent))
    kinds = [r[0] for r in _records(path)]
    assert kinds == ["warcinfo", "response", "request", "metadata"]
    _, warc, http, payload = _records(path)[1]
    assert payload == HTML, "the payload is the decoded body, byte for byte"
    assert http.protocol == "HTTP/1.1" and http.statusline == "200 OK"
    assert http.get_header("Content-Encoding") is None
    assert http.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert http.get_header("Content-Length") == str(len(HTML))
    assert [v for k, v in http.headers if k == "Set-Cookie"] == ["a=1", "b=2"]
    assert warc.get_header("WARC-Target-URI") == URL
    assert warc.get_header("WARC-IP-Address") == "127.0.0.1"
    assert warc.get_header("WARC-Payload-Digest") == payload_digest(HTML)


def test_a_chunked_response_does_not_claim_chunks_it_no_longer_has(tmp_path) -> None:
    sent = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
    _, _, http, payload = _records(_write(tmp_path, _page(sent)))[1]
    assert http.get_header("Transfer-Encoding") is None
    assert http.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"
    assert http.get_header("Content-Length") == str(len(HTML)) and payload == HTML


def test_an_encoding_scrapy_could_not_undo_stays_with_the_bytes_it_describes() -> None:
    sent = [("Content-Type", "text/html"), ("Content-Encoding", "zstd")]
    page = fetched(URL, b"\x28\xb5\x2f\xfd...", headers={"content-encoding": "zstd"},
                   wire=Wire(response_headers=tuple(sent)))  # fmt: skip
    headers = response_headers(page)
    assert headers.get_header("Content-Encoding") == "zstd"


def test_a_304_keeps_the_length_of_the_resource_it_stands_for() -> None:
    sent = [("ETag", 'W/"abc"'), ("Content-Length", "5120")]
    page = fetched(URL, b"", status=304, wire=Wire(response_headers=tuple(sent)))
    headers = response_headers(page)
    assert headers.statusline == "304 Not Modified"
    assert headers.get_header("Content-Length") == "5120"


def test_the_request_record_is_the_request_sent(tmp_path) -> None:
    path = _write(tmp_path, _page([("Content-Type", "text/html")]))
    (_, response, _, _), (_, request, http, _) = _records(path)[1:3]
    assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
    assert http.protocol == "GET" and http.statusline == "/news/ferry?id=7 HTTP/1.1"
    assert http.get_header("Host") == "127.0.0.1:8101"
    assert http.get_header("User-Agent") == "news-archive/test"


def test_a_page_without_a_known_request_gets_no_invented_one(tmp_path) -> None:
    path = _write(tmp_path, fetched(URL, HTML, hints=Hints(published="2026-03-14")))
    assert [r[0] for r in _records(path)] == ["warcinfo", "response", "metadata"]
    metadata = _records(path)[2][3]
    assert b"hint-published: 2026-03-14" in metadata and b"discovered-via: link" in metadata


def test_a_revisit_refers_to_the_record_holding_the_payload(tmp_path) -> None:
    page = _page([("Content-Type", "text/html")])
    with WarcWriter(tmp_path, "t", 10**9, {}) as writer:
        first = writer.write_response(page)
        origin = WarcOrigin(first.record_id, URL, "2026-03-28T00:00:00Z", payload_digest(HTML))
        writer.write_revisit(page, origin)
    revisit = next(r for r in _records(first.path) if r[0] == "revisit")
    _, warc, http, payload = revisit
    assert warc.get_header("WARC-Refers-To") == first.record_id
    assert warc.get_header("WARC-Profile").endswith("/revisit/identical-payload-digest")
    assert warc.get_header("WARC-Payload-Digest") == payload_digest(HTML)
    assert http.statusline == "200 OK" and payload == b""


def test_files_rotate_at_their_size_limit_each_with_its_warcinfo(tmp_path) -> None:
    pages = [_page([("Content-Type", "text/html")], HTML * 40) for _ in range(12)]
    with WarcWriter(tmp_path, "t", 2000, {"software": "test"}) as writer:
        locations = [writer.write_response(page) for page in pages]
    assert len(writer.paths) >= 3
    assert {loc.path for loc in locations} == set(writer.paths)
    for path in writer.paths:
        assert next(r.kind for r in iter_records(path, 10**6)) == "warcinfo"
    assert all(p.stat().st_size >= 2000 for p in writer.paths[:-1])


def test_a_size_limit_must_be_positive(tmp_path) -> None:
    with pytest.raises(ValueError, match="positive"):
        WarcWriter(tmp_path, "t", 0, {})
