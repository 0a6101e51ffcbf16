"""An extraction process killed mid-crawl (as the parser crashing on a page would end it) is
replaced, the pages it held are extracted again, and the crawl archives every article."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests.crawling import count_rows, crawl_command, rows, wait_for_rows
from tests.servers import article_html, html, serve_routes, slow

PAGES = 60


def _site() -> dict:
    links = "".join(f'<a href="/news/{i}">{i}</a> ' for i in range(PAGES))
    routes = {"/": html(f"<html><body>{links}</body></html>")}
    for i in range(PAGES):
        routes[f"/news/{i}"] = slow(0.1, article_html(f"Story {i} about the ferries").encode())
    return routes


def _children(pid: int) -> list[int]:
    """The processes whose parent is pid (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # "pid (name) state ppid ...": the name may hold spaces, the last ")" ends it.
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _workers(crawl_pid: int) -> list[int]:
    """The extraction workers: children of the crawl's forkserver."""
    servers = [pid for pid in _children(crawl_pid) if "forkserver" in _cmdline(pid)]
    return [worker for server in servers for worker in _children(server)]


def test_a_killed_extraction_process_loses_no_article(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(_site()) as base:
        command = crawl_command(db, f"{base}/", "-s", "CONCURRENT_REQUESTS=1", quiet=False)
        crawl = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for_rows(db, "articles", 5)
        killed = _workers(crawl.pid)
        assert killed, "no extraction process found to kill"
        for worker in killed:
            os.kill(worker, signal.SIGKILL)
        _out, err = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, err[-3000:]
    assert 5 <= count_rows(db, "articles") == PAGES
    assert rows(db, "select url, kind from failures") == []
    assert b"an extraction process died" in err
