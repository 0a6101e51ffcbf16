"""Small loopback news sites, sites added to an archive, and scheduler processes whose log the
scheduling tests read (each run's start and end is one line of it)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from tests.archive_helpers import PAGES
from tests.servers import Route, html, slow

SEED = (PAGES / "seed_phnompenh_post.html").read_bytes()
# Loopback sites need no politeness; robots.txt and its sitemaps would only add requests.
# Every run fetches its articles again (not incremental), so a slow site is slow every time.
FAST = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0",
    "-s", "ROBOTSTXT_OBEY=False", "-s", "ARCHIVE_SITEMAPS_FROM_ROBOTS=False",
    "-s", "ARCHIVE_INCREMENTAL=False",
]  # fmt: skip
_LINE = re.compile(r"^(\S+ \S+) (\w+) (\S+): (\w+)")


def news_site(articles: int, delay: float = 0.0) -> dict[str, Route]:
    """A home page linking to `articles` article pages, each answered after delay seconds."""
    routes = {f"/news/{i}": slow(delay, SEED) if delay else html(SEED) for i in range(articles)}
    routes["/"] = html("".join(f'<a href="/news/{i}">story {i}</a> ' for i in range(articles)))
    return routes


def add_site(db: Path, name: str, url: str, *options: str) -> None:
    """`news-archive sites add URL --name NAME ...` into db, fast and one link deep."""
    args = ["sites", "add", url, "--name", name, "--depth", "1", "--db", str(db)]
    result = CliRunner().invoke(cli, [*args, *FAST, *options])
    assert result.exit_code == 0, result.output


def scheduler(db: Path, log: Path, *args: str) -> subprocess.Popen:
    """`news-archive schedule DB ARGS` in the background, logging to log."""
    command = [sys.executable, "-m", "archive.cli", "schedule", str(db), *args]
    with log.open("ab") as out:
        return subprocess.Popen(command, stdout=out, stderr=out)


@dataclass(frozen=True)
class Event:
    """One line of the scheduler's log about a site: when, which site, what (started...)."""

    at: datetime
    site: str
    what: str
    line: str


def events(log: Path, site: str | None = None) -> list[Event]:
    found = []
    for line in log.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line)
        if match and (site is None or match[3] == site):
            at = datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S,%f")
            found.append(Event(at, match[3], match[4], line))
    return found


def starts(log: Path, site: str) -> list[datetime]:
    return [event.at for event in events(log, site) if event.what == "started"]


def wait_for(condition: Callable[[], bool], timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.2)
