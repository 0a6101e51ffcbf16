"""A real scrapyd on 127.0.0.1: the project deployed with scrapyd-deploy and our scrapy.cfg, and
`news-archive schedule --scrapyd URL` handing it a due crawl that lands in the archive."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crawling import rows
from tests.scheduling import add_site, news_site, wait_for
from tests.servers import closed_port, serve_routes

ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent
PROJECT = [
    "scrapy.cfg",
    "setup.py",
    "pyproject.toml",
    "README.md",
    "archive",
    "spiders",
    "pipelines",
]


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A scrapyd serving on a free loopback port; its URL and its logs folder."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = closed_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.5\nmax_proc = 2\nitems_dir =\n"
        f"eggs_dir = {home}/eggs\nlogs_dir = {home}/logs\ndbs_dir = {home}/dbs\n",
        encoding="utf-8",
    )
    url = f"http://127.0.0.1:{port}/"
    with (home / "scrapyd.out").open("wb") as out:
        server = subprocess.Popen([BIN / "scrapyd"], cwd=home, stdout=out, stderr=out)
    try:
        wait_for(lambda: _answers(url + "daemonstatus.json"), timeout=60)
        yield url, home / "logs"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.load(response)["status"] == "ok"
    except OSError:
        return False


def _deploy(tmp_path: Path, scrapyd_url: str) -> str:
    """scrapyd-deploy from a copy of the project (building the egg writes into the project
    folder), with the [deploy] target of our scrapy.cfg pointed at the test's scrapyd."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(source, copy / name)
    config = (copy / "scrapy.cfg").read_text(encoding="utf-8")
    assert "url = http://localhost:6800/" in config
    (copy / "scrapy.cfg").write_text(config.replace("http://localhost:6800/", scrapyd_url))
    result = subprocess.run(
        [BIN / "scrapyd-deploy"], cwd=copy, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_crawl_handed_to_scrapyd_lands_in_the_archive(
    tmp_path: Path, scrapyd: tuple[str, Path]
) -> None:
    url, logs = scrapyd
    deployed = json.loads(_deploy(tmp_path, url))
    assert (deployed["status"], deployed["project"], deployed["spiders"]) == (
        "ok", "news-archive", 1,
    )  # fmt: skip
    db = tmp_path / "archive.db"
    once = [sys.executable, "-m", "archive.cli", "schedule", str(db), "--once", "--scrapyd", url]
    with serve_routes(news_site(2, delay=3)) as base:
        add_site(db, "loop", f"{base}/", "--every", "1s")
        handed = subprocess.run(once, capture_output=True, text=True, timeout=60)
        assert handed.returncode == 0, handed.stderr
        assert "loop: started (scrapyd job loop." in handed.stderr
        # Due again a second later, but its job is still pending or running: not handed twice.
        again = subprocess.run(once, capture_output=True, text=True, timeout=60)
        assert "loop: skipped, its crawl is running (scrapyd job loop." in again.stderr
        wait_for(lambda: _finished(db), timeout=120)
    (crawl,) = rows(db, "select * from crawls")
    (site,) = rows(db, "select * from sites")
    assert crawl["site_id"] == site["id"] and crawl["status"] == "finished", _job_log(logs)
    assert crawl["pages_fetched"] == 3
    assert len(rows(db, "select id from articles")) == 2
    assert json.loads(crawl["settings"])["ARCHIVE_DB"] == str(db.resolve())


def _finished(db: Path) -> bool:
    return [r["status"] for r in rows(db, "select status from crawls")] == ["finished"]


def _job_log(logs: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8")[-3000:] for path in logs.rglob("*.log"))
