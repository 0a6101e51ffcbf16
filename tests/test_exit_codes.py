"""A crawl that cannot keep its records stops and exits non-zero, under both commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawling import crawl_command, rows
from tests.mounts import remount_readonly, tmpfs
from tests.servers import news_site, serve_routes

ROOT = Path(__file__).parent.parent


def scrapy_crawl(db: Path, url: str, *settings: str) -> subprocess.CompletedProcess[str]:
    """`scrapy crawl news -a url=URL` run from the project directory."""
    command = [sys.executable, "-m", "scrapy.cmdline", "crawl", "news", "-a", f"url={url}"]
    command += ["-s", f"ARCHIVE_DB={db}", "-s", "LOG_LEVEL=WARNING"]
    for setting in settings:
        command += ["-s", setting]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)


def test_scrapy_crawl_of_an_archive_that_cannot_be_opened_exits_non_zero(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not sqlite\n" * 100)
    with serve_routes(news_site(3)) as base:
        result = scrapy_crawl(notes, f"{base}/")
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"{notes}: not a usable SQLite archive" in result.stderr
    assert "Crawled (200)" not in result.stderr
    assert notes.read_text() == "not sqlite\n" * 100


@pytest.mark.parametrize("command", ["news-archive", "scrapy"])
def test_a_crawl_whose_archive_fills_the_disk_stops_and_exits_non_zero(
    tmp_path: Path, command: str
) -> None:
    """A real full disk (a 1 MB tmpfs): the writes fail, the crawl stops, the exit says so."""
    with tmpfs(tmp_path / "small", size="1m") as small:
        db = small / "archive.db"
        with serve_routes(news_site(80, noise=60_000)) as base:
            if command == "scrapy":
                result = scrapy_crawl(db, f"{base}/", "DOWNLOAD_DELAY=0", "RETRY_TIMES=0")
            else:
                cli = [*crawl_command(db, f"{base}/", "--depth", "1")]
                result = subprocess.run(cli, capture_output=True, text=True, timeout=180)
        assert result.returncode == 1, result.stderr[-2000:]
        # Whichever write meets the full disk first: a WARC record or SQLite's.
        full = ("No space left on device", "database or disk is full")
        assert any(message in result.stderr for message in full), result.stderr[-2000:]
        fetched = rows(db, "select count(*) as n from captures")[0]["n"]
    assert fetched < 40, "the crawl went on after its archive stopped taking its records"


def test_a_crawl_whose_warc_files_cannot_be_written_stops_and_keeps_no_row_without_them(
    tmp_path: Path,
) -> None:
    """WARC files on a real read-only filesystem (the archive itself writable): the records
    are written by the writer thread ahead of their rows' batch, so the batch fails with the
    record's error, nothing points at bytes that are not on disk, and the crawl stops."""
    with tmpfs(tmp_path / "warcs", size="1m") as warcs:
        remount_readonly(warcs)
        db = tmp_path / "archive.db"
        with serve_routes(news_site(20)) as base:
            cli = [*crawl_command(db, f"{base}/", "--depth", "1")]
            cli += ["-s", f"ARCHIVE_WARC_DIR={warcs}"]
            result = subprocess.run(cli, capture_output=True, text=True, timeout=180)
        assert result.returncode == 1, result.stderr[-2000:]
        assert "Read-only file system" in result.stderr
        assert rows(db, "select count(*) as n from captures")[0]["n"] == 0
        assert rows(db, "select count(*) as n from articles")[0]["n"] == 0
