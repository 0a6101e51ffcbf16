"""The distributed crawl's commands refuse what they cannot do, in one line."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_ingest_from_an_unreachable_redis_is_one_line(tmp_path: Path) -> None:
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    result = CliRunner().invoke(cli, ["ingest", "--redis", url, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Redis at {url}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_ingest_into_a_file_that_is_not_an_archive_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not SQLite")
    result = CliRunner().invoke(
        cli, ["ingest", "--redis", "redis://127.0.0.1:1/0", "--db", str(bad)]
    )
    assert result.exit_code == 1
    assert "not a usable SQLite archive" in result.output


def test_a_worker_cannot_also_resume_from_a_directory(tmp_path: Path) -> None:
    args = ["crawl", "http://127.0.0.1:1/", "--redis", "redis://127.0.0.1:1/0",
            "--resume-dir", str(tmp_path)]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--resume-dir and --redis" in result.output
