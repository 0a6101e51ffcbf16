"""`news-archive serve` and plain `datasette`: the same pages, and a clean stop on SIGTERM."""

from __future__ import annotations

import re
import signal
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive_helpers import build_archive
from tests.web_helpers import served

BIN = Path(sys.executable).parent
_QUERY_TIME = re.compile(r"Queries took [\d.]+ms")


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("serve") / "archive.db")


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
