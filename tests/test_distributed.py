"""A crawl past one machine: two workers (`news-archive crawl --redis`) share one frontier in a
real redis-server (scrapy-redis' queue and dupefilter), and one writer (`news-archive
ingest`) stores what they fetch. The archive must hold exactly what a single-process crawl
of the demo sites stores, and a worker killed outright must lose nothing."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from tests.crawling import FAST, crawl, rows

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not installed (.ci/install-tools installs it)"
)
# A worker is gone once silent for 3 heartbeats: 3 s here, so a killed one is noticed soon.
# The sites are served slowly enough that the crawl outlasts the 5 s a worker whose own queue
# ran dry waits before it looks at the shared one again, so both take part.
WORKER = [*FAST, "-s", "ARCHIVE_REDIS_HEARTBEAT_SECONDS=1", "-s", "DOWNLOAD_DELAY=0.2", "-v"]


@contextmanager
def redis_server() -> Iterator[str]:
    """A redis-server of our own on a free 127.0.0.1 port, keeping nothing on disk."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        command = [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--dir", folder]  # fmt: skip
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    redis.Redis.from_url(url).ping()
                    break
                except redis.ConnectionError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def _start(command: list[str], log: Path) -> subprocess.Popen[bytes]:
    """A child process whose output goes to log (a pipe left unread would stall it)."""
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)


def _worker(url: str, sites, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "archive.cli", "crawl", *sites.base_urls, "--redis", url,
               *WORKER]  # fmt: skip
    return _start(command, log)


def _writer(url: str, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "archive.cli", "ingest", "--redis", url, "--db", str(db),
               "-q", "--processes", "2"]  # fmt: skip
    return _start(command, db.with_suffix(".log"))


def _finish(process: subprocess.Popen[bytes], log: Path, timeout: float = 240) -> str:
    process.wait(timeout=timeout)
    output = log.read_text()
    assert process.returncode == 0, output[-3000:]
    return output


def _pages(log: str) -> int:
    match = re.search(r"'archive/pages': (\d+)", log)
    return int(match.group(1)) if match else 0


def _articles(db: Path) -> dict[str, str]:
    found = rows(db, "select url, content_hash from articles")
    assert len(found) == len({r["url"] for r in found})
    return {r["url"]: r["content_hash"] for r in found}


@pytest.fixture(scope="module")
def single(sites, tmp_path_factory) -> dict[str, str]:
    """What one process crawling the demo sites stores."""
    db = tmp_path_factory.mktemp("single") / "archive.db"
    crawl(db, *sites.base_urls)
    return _articles(db)


def test_two_workers_and_a_writer_store_what_one_crawl_stores(sites, single, tmp_path) -> None:
    db = tmp_path / "archive.db"
    with redis_server() as url:
        writer = _writer(url, db)
        names = [tmp_path / "a.log", tmp_path / "b.log"]
        workers = [_worker(url, sites, name) for name in names]
        logs = [_finish(worker, name) for worker, name in zip(workers, names, strict=True)]
        _finish(writer, db.with_suffix(".log"))
        assert redis.Redis.from_url(url).llen("news-archive:items") == 0
    assert _articles(db) == single
    assert sorted(single) == sorted(sites.article_urls())
    assert all(_pages(log) > 0 for log in logs), "both workers fetched pages"
    again = rows(db, "select url from captures group by url having count(*) > 1")
    assert again == [], "the shared dupefilter fetches each page once"
    (run,) = rows(db, "select status, articles_new, pages_fetched from crawls")
    assert run["status"] == "finished" and run["articles_new"] == len(single)
    assert run["pages_fetched"] == sum(_pages(log) for log in logs)


def _held_by(server: redis.Redis, pid: int) -> int:
    """How many requests the worker with this process id holds."""
    keys = server.keys(f"news-archive:held:*-{pid}-*")
    return sum(server.hlen(key) for key in keys)


def test_a_worker_killed_mid_crawl_loses_nothing(sites, single, tmp_path) -> None:
    db = tmp_path / "archive.db"
    with redis_server() as url:
        server = redis.Redis.from_url(url)
        writer = _writer(url, db)
        victim = _worker(url, sites, tmp_path / "victim.log")
        survivor = _worker(url, sites, tmp_path / "survivor.log")
        deadline = time.monotonic() + 120
        # Mid-crawl: dozens of URLs queued so far, and the victim holding some of them.
        while not (server.scard("news-archive:dupefilter") >= 30 and _held_by(server, victim.pid)):
            assert time.monotonic() < deadline and victim.poll() is None, "no crawl going on"
            time.sleep(0.01)
        held = _held_by(server, victim.pid)
        victim.kill()
        victim.wait(timeout=30)
        _finish(survivor, tmp_path / "survivor.log")
        _finish(writer, db.with_suffix(".log"))
        taken_back = int(server.get("news-archive:taken_back") or 0)
    assert held > 0 and taken_back >= held
    assert _articles(db) == single
