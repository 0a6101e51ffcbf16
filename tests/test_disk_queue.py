"""Requests waiting in the scheduler are kept on disk beside the archive, in a directory the
crawl removes when it closes (and the next crawl removes when a killed one left it)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.crawling import crawl_command, rows
from tests.servers import news_site, serve_routes

ARTICLES = 12


def _leftover(archive: Path, pid: int) -> Path:
    folder = archive.parent / f".{archive.name}.queue-{pid}-left"
    (folder / "requests.queue").mkdir(parents=True)
    return folder


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    probe = subprocess.Popen(["true"])
    probe.wait()
    return probe.pid


def test_waiting_requests_go_to_disk_and_the_folder_goes_with_the_crawl(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    dead = _leftover(db, _dead_pid())
    alive = _leftover(db, os.getpid())  # a crawl still running: left alone
    with serve_routes(news_site(ARTICLES)) as base:
        result = subprocess.run(
            crawl_command(db, f"{base}/", quiet=False), capture_output=True, text=True, timeout=180
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows(db, "select url from articles")) == ARTICLES
    on_disk = re.search(r"'scheduler/enqueued/disk': (\d+)", result.stderr)
    assert on_disk is not None and int(on_disk.group(1)) >= ARTICLES
    assert "scheduler/enqueued/memory" not in result.stderr
    assert not dead.exists()
    assert alive.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if ".queue-" in p.name) == [alive.name]


def test_the_queue_can_be_kept_in_memory(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(news_site(ARTICLES)) as base:
        command = crawl_command(db, f"{base}/", "-s", "ARCHIVE_DISK_QUEUE=False", quiet=False)
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows(db, "select url from articles")) == ARTICLES
    assert "scheduler/enqueued/disk" not in result.stderr
    assert re.search(r"'scheduler/enqueued/memory': \d+", result.stderr)
