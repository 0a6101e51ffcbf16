"""Archives that are damaged, from a newer news-archive, or on a read-only filesystem: one
clear line (or a counted bad row), never a traceback, never a write."""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.archive_helpers import build_archive
from tests.crawling import crawl_command
from tests.mounts import remount_readonly, tmpfs
from tests.servers import closed_port, news_site, serve_routes


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _pages_of(path: Path, table: str) -> list[int]:
    with closing(sqlite3.connect(path)) as conn:
        try:
            found = conn.execute("select pageno from dbstat where name = ?", [table]).fetchall()
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find a table's pages with")
    return [row[0] for row in found]


def _damage(path: Path, table: str) -> Path:
    """Overwrite the pages holding table's rows with garbage, as a bad disk would."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
        (size,) = conn.execute("pragma page_size").fetchone()
    pages = _pages_of(path, table)
    assert len(pages) > 1, f"{table} fits in one page"
    with path.open("r+b") as file:
        for page in pages[1:]:  # all but the table's root page, so the table is still found
            file.seek((page - 1) * size)
            file.write(b"\x55" * size)
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "archive.db")


def test_reextract_counts_captures_whose_bytes_are_corrupt(archive: Path) -> None:
    # Three captures' WARC records overwritten in the middle, as a bad disk would.
    with closing(sqlite3.connect(archive)) as conn:
        records = conn.execute(
            "select warc_path, warc_offset, warc_length from captures"
            " where warc_path is not null and same_as is null order by id limit 3"
        ).fetchall()
    assert len(records) == 3
    for warc_path, offset, length in records:
        with (archive.parent / warc_path).open("r+b") as file:
            file.seek(offset + length // 2)
            file.write(b"\x55" * 64)
    code, output = _run("reextract", str(archive))
    assert code == 0, output
    assert "3 corrupt_capture" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("table", "command"),
    [("articles", "stats"), ("captures", "reextract"), ("articles_fts_data", "search")],
)
def test_a_damaged_archive_is_one_clear_line(archive: Path, table: str, command: str) -> None:
    _damage(archive, table)
    args = [command, str(archive)] + (["trafficking"] if command == "search" else [])
    code, output = _run(*args)
    assert code == 1, output
    assert "Traceback" not in output
    assert output.strip().count("\n") == 0, output
    assert f"{archive}: the archive is damaged" in output


def test_a_crawl_into_a_damaged_archive_stops_with_one_line(archive: Path) -> None:
    _damage(archive, "captures")
    with serve_routes(news_site(5)) as base:
        result = subprocess.run(
            crawl_command(archive, f"{base}/", "--depth", "1"),
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "database disk image is malformed" in result.stderr.splitlines()[-1]


def _from_the_future(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at)"
            " values ('news-archive', '099_from_the_future', '2030-01-01')"
        )
    return path


@pytest.mark.parametrize("command", ["search", "stats", "serve", "reextract"])
def test_an_archive_from_a_newer_version_is_refused(archive: Path, command: str) -> None:
    _from_the_future(archive)
    before = hashlib.sha256(archive.read_bytes()).hexdigest()
    args = [command, str(archive)] + (["ferry"] if command == "search" else [])
    args += ["--port", str(closed_port())] if command == "serve" else []
    code, output = _run(*args)
    assert code == 1, output
    assert "newer news-archive" in output and "099_from_the_future" in output
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == before


@pytest.fixture
def read_only(tmp_path: Path) -> Path:
    """An archive on a real read-only filesystem (a tmpfs remounted read-only): SQLite can
    create no -shm or -wal file beside it, for root neither."""
    with tmpfs(tmp_path / "ro") as mount:
        path = build_archive(mount / "archive.db")
        remount_readonly(mount)
        yield path


def test_an_archive_on_a_read_only_filesystem_can_be_searched(read_only: Path) -> None:
    code, output = _run("search", str(read_only), "trafficking", "--json")
    assert code == 0, output
    assert any(
        "trafficking" in json.loads(line)["headline"].lower() for line in output.splitlines()
    )


def test_an_archive_on_a_read_only_filesystem_can_be_listed(read_only: Path) -> None:
    code, output = _run("stats", str(read_only), "--json")
    assert code == 0, output
    assert json.loads(output)["articles"] > 10


def test_an_archive_on_a_read_only_filesystem_can_be_served(read_only: Path) -> None:
    port = closed_port()
    command = [sys.executable, "-m", "archive.cli", "serve", str(read_only), "--port", str(port)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as server:
        try:
            body = _get(f"http://127.0.0.1:{port}/archive/articles.json?_shape=array&_size=1")
        finally:
            server.send_signal(signal.SIGINT)  # Ctrl-C: serve passes it on to Datasette
            server.communicate(timeout=30)
    assert len(json.loads(body)) == 1


def _get(url: str) -> bytes:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_an_archive_on_a_read_only_filesystem_is_not_written(read_only: Path) -> None:
    code, output = _run("reextract", str(read_only))
    assert code == 1 and "read-only" in output
