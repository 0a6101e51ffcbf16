"""`news-archive demo` end to end: serves the demo sites, crawls them, and Datasette answers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from archive.demo import ARTICLES


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str, deadline: float, process: subprocess.Popen | None = None) -> dict:
    """GET JSON, retrying until the deadline; fails at once if the demo process has exited
    (e.g. its fixed ports 8101-8103 are taken by another run on the same machine)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except (urllib.error.URLError, ConnectionError):
            if process is not None and process.poll() is not None:
                _, stderr = process.communicate()
                raise AssertionError(f"the demo exited early: {stderr.decode()[-2000:]}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_demo_crawls_and_serves_datasette(tmp_path: Path) -> None:
    port = _free_port()
    db = tmp_path / "demo.db"
    command = [sys.executable, "-m", "archive.cli", "demo", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/demo"
        data = _get_json(f"{base}/articles.json?_size=1", time.monotonic() + 180, process)
        assert data["filtered_table_rows_count"] == len(ARTICLES)
        found = _get_json(f"{base}/articles.json?_search=seagrass&_shape=array", time.monotonic())
        assert any("seagrass" in row["headline"].lower() for row in found)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert f"http://127.0.0.1:{port}/demo" in stderr.decode()
