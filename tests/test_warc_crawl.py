"""Real crawls write WARC files that warcio's own tools accept: every file passes `warcio
check`, `warcio index` finds every capture where its row says, every payload reads back as the
bytes the crawl saw, files rotate at their size limit, unchanged re-fetches are revisits."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from archive.cli import cli
from archive.reextract import reextract
from archive.store import capture_body, open_archive
from tests.archive_helpers import PAGES
from tests.crawling import crawl, rows
from tests.servers import html, serve_raw, serve_routes
from tests.warc_helpers import warc_files, warcio

MAX_BYTES = 100_000


@pytest.fixture(scope="module")
def demo_crawl(sites, tmp_path_factory) -> Path:
    """The demo sites crawled with WARC files rotated at 100 kB."""
    db = tmp_path_factory.mktemp("warc") / "demo.db"
    crawl(db, *sites.base_urls, "-s", f"ARCHIVE_WARC_MAX_BYTES={MAX_BYTES}")
    return db


def test_every_warc_file_of_a_demo_crawl_passes_warcio_check(demo_crawl: Path) -> None:
    files = warc_files(demo_crawl)
    result = warcio("check", "-v", *files)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.count("digest pass") > 2 * len(rows(demo_crawl, "select id from captures"))
    assert "fail" not in result.stdout


def test_a_small_size_limit_rotates_the_crawls_files(demo_crawl: Path) -> None:
    files = warc_files(demo_crawl)
    (crawl_row,) = rows(demo_crawl, "select id from crawls")
    assert len(files) >= 3
    assert all(f"-crawl{crawl_row['id']}-" in f.name for f in files)
    assert all(f.stat().st_size >= MAX_BYTES for f in files[:-1])
    for path in files:
        with path.open("rb") as handle:
            assert next(iter(ArchiveIterator(handle))).rec_type == "warcinfo", path.name
    used = {r["warc_path"] for r in rows(demo_crawl, "select distinct warc_path from captures")}
    assert used == {f"warcs/{f.name}" for f in files}


def test_warcio_index_finds_every_capture_where_its_row_says(demo_crawl: Path) -> None:
    indexed = set()
    for path in warc_files(demo_crawl):
        result = warcio("index", "-f", "warc-type,offset,length,warc-record-id", path)
        assert result.returncode == 0, result.stderr
        for line in result.stdout.splitlines():
            entry = json.loads(line)
            indexed.add((f"warcs/{path.name}", entry["warc-type"], int(entry["offset"]),
                         int(entry["length"]), entry["warc-record-id"]))  # fmt: skip
    captures = rows(demo_crawl, "select * from captures")
    assert (
        captures
        and {
            (c["warc_path"], "response", c["warc_offset"], c["warc_length"], c["warc_record_id"])
            for c in captures
        }
        <= indexed
    )


def test_every_record_reads_back_as_the_crawl_saw_it(demo_crawl: Path) -> None:
    """warcio's reader (not ours) gives each capture's status, headers and exact bytes, and
    the request the crawler sent."""
    for capture in rows(demo_crawl, "select * from captures"):
        path = demo_crawl.parent / capture["warc_path"]
        with path.open("rb") as handle:
            handle.seek(capture["warc_offset"])
            records = iter(ArchiveIterator(handle))
            response = next(records)
            payload = response.content_stream().read()
            status = int(response.http_headers.get_statuscode())
            content_type = response.http_headers.get_header("Content-Type") or ""
            request = next(records)
            user_agent = request.http_headers.get_header("User-Agent") or ""
            concurrent = request.rec_headers.get_header("WARC-Concurrent-To")
        assert hashlib.sha256(payload).hexdigest() == capture["sha256"], capture["url"]
        assert status == capture["status"] and content_type == capture["content_type"]
        assert response.rec_headers.get_header("WARC-Target-URI") == capture["final_url"]
        assert concurrent == capture["warc_record_id"] and user_agent.startswith("news-archive/")


def test_reextract_reads_the_warc_records(demo_crawl: Path) -> None:
    before = rows(demo_crawl, "select url, headline, body from articles order by url")
    counts = reextract(open_archive(demo_crawl))
    assert counts["unchanged"] == len(before) and not counts["updated"]


GZIPPED = (PAGES / "seed_phnompenh_post.html").read_bytes()
CHUNKED = b"<html><body><h1>Chunked</h1><p>A page sent in chunks.</p></body></html>"


def _chunked_reply() -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (CHUNKED[:20], CHUNKED[20:]))
    return head + chunks + b"0\r\n\r\n"


def test_decoded_and_dechunked_bodies_are_stored_with_headers_that_say_so(tmp_path) -> None:
    db = tmp_path / "a.db"
    routes = {
        "/": lambda: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                      gzip.compress(GZIPPED)),
    }  # fmt: skip
    with serve_routes(routes) as gz_base, serve_raw(_chunked_reply()) as raw_base:
        crawl(db, f"{gz_base}/", f"{raw_base}/", "--depth", "0")
    assert warcio("check", *warc_files(db)).returncode == 0
    seen = {}
    for path in warc_files(db):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    seen[record.rec_headers.get_header("WARC-Target-URI")] = (
                        record.http_headers, record.content_stream().read())  # fmt: skip
    gz_headers, gz_body = seen[f"{gz_base}/"]
    assert gz_body == GZIPPED and gz_headers.get_header("Content-Encoding") is None
    assert gz_headers.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert gz_headers.get_header("Content-Length") == str(len(GZIPPED))
    chunked_headers, chunked_body = seen[f"{raw_base}/"]
    assert chunked_body == CHUNKED and chunked_headers.protocol == "HTTP/1.1"
    # Twisted drops the Transfer-Encoding line as it undoes the chunks: no framing is claimed.
    assert chunked_headers.get_header("Transfer-Encoding") is None
    assert chunked_headers.get_header("Content-Length") in (None, str(len(CHUNKED)))


def test_an_unchanged_refetch_is_a_revisit_record(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    story = (PAGES / "seed_phnompenh_post.html").read_bytes()
    routes = {
        "/": html('<html><body><a href="/news/story">story</a></body></html>'),
        "/news/story": html(story, charset=None),
    }
    with serve_routes(routes) as base:
        crawl(db, f"{base}/", "--depth", "1")
        crawl(db, f"{base}/", "--depth", "1", "--full")
    again = rows(db, "select * from captures where crawl_id = 2 and url like '%story'")
    (revisit,) = again
    assert revisit["same_as"] is not None
    assert capture_body(open_archive(db), revisit["id"]) == story
    files = warc_files(db)
    assert len(files) == 2 and warcio("check", *files).returncode == 0
    with (db.parent / revisit["warc_path"]).open("rb") as handle:
        handle.seek(revisit["warc_offset"])
        record = next(iter(ArchiveIterator(handle)))
    (first,) = rows(db, "select warc_record_id from captures where id = ?", [revisit["same_as"]])
    assert record.rec_type == "revisit"
    assert record.rec_headers.get_header("WARC-Refers-To") == first["warc_record_id"]
    assert files[1].stat().st_size < files[0].stat().st_size / 2, "the payload is not repeated"


def test_a_size_limit_of_zero_is_refused_before_the_crawl_starts(tmp_path: Path) -> None:
    args = ["crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "a.db"), "-q"]
    result = CliRunner().invoke(cli, [*args, "-s", "ARCHIVE_WARC_MAX_BYTES=0"])
    assert result.exit_code == 1
    assert "setting ARCHIVE_WARC_MAX_BYTES=0 must be positive" in result.output
    assert not (tmp_path / "warcs").exists()
