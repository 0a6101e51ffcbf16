"""Run real crawls as the CLI runs them, in a child process (Scrapy's reactor cannot restart)."""

from __future__ import annotations

import subprocess
import sys
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
