"""A crawl that cannot keep its records stops and exits non-zero, under both commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawling import crawl_command, rows
from tests.mounts import tmpfs
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
        assert "database or disk is full" in result.stderr
        fetched = rows(db, "select count(*) as n from captures")[0]["n"]
    assert fetched < 40, "the crawl went on after its archive stopped taking its records"
