"""Run real crawls as the CLI runs them, in a child process (Scrapy's reactor cannot restart)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

FAST = ["--delay", "0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]


def crawl_command(db: Path, *args: str, quiet: bool = True) -> list[str]:
    """The command line of a fast `news-archive crawl ARGS --db DB`: quiet (errors only), or
    with Scrapy's log and the summary table."""
    output = ["-q"] if quiet else ["-v"]
    return [sys.executable, "-m", "archive.cli", "crawl", "--db", str(db), *output, *FAST, *args]


def crawl(
    db: Path, *args: str, timeout: float = 180, quiet: bool = True
) -> subprocess.CompletedProcess[str]:
    """`news-archive crawl ARGS --db DB` in a child process; raises if it fails."""
    result = subprocess.run(
        crawl_command(db, *args, quiet=quiet), capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def rows(db: Path, sql: str, params: list | None = None) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, params or []))


def count_rows(db: Path, table: str) -> int:
    """Rows in a table of an archive a crawl may still be writing: 0 before it exists."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db, timeout=5)) as conn:
            return int(conn.execute(f"select count(*) from {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the crawl has not created the table yet


def wait_for_rows(db: Path, table: str, count: int, timeout: float = 60) -> None:
    """Until a running crawl has written count rows to table, or timeout seconds passed."""
    deadline = time.monotonic() + timeout
    while count_rows(db, table) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@dataclass(frozen=True)
class Measured:
    """A finished crawl process: its exit status, output and peak resident memory."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float


def measured_crawl(db: Path, *args: str, timeout: float = 300, quiet: bool = True) -> Measured:
    """`news-archive crawl ARGS --db DB` in a child process, with that process's peak
    resident memory: its VmHWM, read from /proc while it runs. (Its ru_maxrss would not do:
    Linux carries the parent's high-water mark across exec, so a child of a big pytest
    process would report the parent's size.)"""
    peak_kib = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(crawl_command(db, *args, quiet=quiet), stdout=out, stderr=err)
        deadline = time.monotonic() + timeout
        while process.poll() is None:
            peak_kib = max(peak_kib, _high_water_kib(process.pid))
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise subprocess.TimeoutExpired(process.args, timeout)
            time.sleep(0.05)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    return Measured(process.returncode, stdout, stderr, peak_kib / 1024)


def _high_water_kib(pid: int) -> int:
    """The peak resident memory of a live process so far (VmHWM, in KiB); 0 once gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
