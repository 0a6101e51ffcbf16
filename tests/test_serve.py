"""`news-archive serve` and plain `datasette`: the same pages, and a clean stop on SIGTERM."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.archive_helpers import build_archive

BIN = Path(sys.executable).parent
_QUERY_TIME = re.compile(r"Queries took [\d.]+ms")
_LISTENING = re.compile(rb"Uvicorn running on http://127\.0\.0\.1:(\d+)")


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("serve") / "archive.db")


@contextmanager
def served(command: list[str], deadline: float = 60) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run a server command on port 0 and yield it with the base URL it listens on."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        output, end = b"", time.monotonic() + deadline
        while not (found := _LISTENING.search(output)):
            assert time.monotonic() < end and process.poll() is None, output.decode()
            output += process.stderr.readline()
        yield process, f"http://127.0.0.1:{int(found.group(1))}"
    finally:
        if process.poll() is None:
            process.terminate()  # news-archive passes it on to its Datasette; kill would not
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.stderr.close()


def _text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def _refused(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=5).close()
    except OSError:
        return True
    return False


def test_sigterm_stops_datasette_too(archive_path: Path) -> None:
    command = [str(BIN / "news-archive"), "serve", str(archive_path), "--port", "0"]
    with served(command) as (process, base):
        assert "Search articles" in _text(f"{base}/archive/-/search")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        end = time.monotonic() + 10
        while not _refused(f"{base}/-/versions.json") and time.monotonic() < end:
            time.sleep(0.2)
        assert _refused(f"{base}/-/versions.json"), "Datasette still answers after SIGTERM"


@pytest.fixture(scope="module")
def both(archive_path: Path) -> Iterator[tuple[str, str]]:
    """Plain `datasette archive.db` and `news-archive serve archive.db`, side by side."""
    plain = [str(BIN / "datasette"), "serve", str(archive_path), "--port", "0"]
    ours = [str(BIN / "news-archive"), "serve", str(archive_path), "--port", "0"]
    with served(plain) as (_, plain_base), served(ours) as (_, our_base):
        yield plain_base, our_base


@pytest.mark.parametrize(
    "path",
    [
        "/archive/-/search?q=trafficking",
        "/archive/articles/1",
        "/archive/search_articles?q=trafficking",
        "/-/metadata.json",
        "/archive/-/charts",
    ],
)
def test_plain_datasette_serves_the_same_pages(both: tuple[str, str], path: str) -> None:
    # Absolute links name each server's own port, the footer its query time: not compared.
    from_plain, from_ours = (
        _QUERY_TIME.sub("", _text(base + path).replace(base, "")) for base in both
    )
    assert from_plain == from_ours
    assert "news-archive" in from_plain or "Search articles" in from_plain
