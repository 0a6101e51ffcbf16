"""Crawling twice: the same articles stay one row each; an edited article gets a new version;
a crawl stopped mid-way leaves a consistent archive."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from tests.archive_helpers import PAGES
from tests.crawling import count_rows, crawl, crawl_command, rows, wait_for_rows
from tests.servers import html, serve_routes, slow

NAMES = ["seed_phnompenh_post", "lang_german", "caption_guardian_style"]


def _site(pages: dict[str, str]) -> dict:
    home = "".join(f'<p><a href="/news/{name}">{name}</a></p>' for name in pages)
    routes = {"/": html(f"<html><body>{home}</body></html>")}
    for name in pages:
        routes[f"/news/{name}"] = lambda name=name: html(pages[name])()
    return routes


def test_recrawl_updates_rows_and_keeps_versions(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    pages = {n: (PAGES / f"{n}.html").read_text(encoding="utf-8") for n in NAMES}
    with serve_routes(_site(pages)) as base:
        crawl(db, f"{base}/", "--depth", "1")
        first = rows(db, "select url, content_hash from articles order by url")
        # --full: every article fetched again (an incremental crawl would skip them all).
        crawl(db, f"{base}/", "--depth", "1", "--full")
        assert rows(db, "select url, content_hash from articles order by url") == first
        pages["seed_phnompenh_post"] = (
            pages["seed_phnompenh_post"]
            .replace("ten years in prison", "ten years in jail")
            .replace("two problems", "three problems")
        )
        crawl(db, f"{base}/", "--depth", "1", "--full")
    assert len(first) == len(NAMES)
    runs = rows(db, "select articles_new, articles_updated, articles_unchanged from crawls")
    assert [tuple(r.values()) for r in runs] == [(3, 0, 0), (0, 0, 3), (0, 1, 2)]
    (seed,) = rows(db, "select * from articles where url like '%seed_phnompenh_post'")
    assert seed["version"] == 2 and "three problems" in seed["body"]
    versions = rows(
        db, "select version, body from article_versions where article_id = ?", [seed["id"]]
    )
    assert [v["version"] for v in versions] == [1, 2]
    assert "two problems" in versions[0]["body"] and "three problems" in versions[1]["body"]


def test_interrupted_crawl_leaves_a_consistent_archive(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(_slow_site(60, delay=1.0)) as base:
        process = _start(db, base)
        # Pages, not articles: see test_interrupted_crawl_resumes_where_it_stopped.
        wait_for_rows(db, "captures", 3)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr.decode()[-2000:]
    (run,) = rows(db, "select * from crawls")
    assert run["status"] == "stopped" and run["finish_reason"] == "shutdown"
    stored = count_rows(db, "articles")
    assert 3 <= stored < 60
    assert run["articles_new"] == stored
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


def _slow_site(pages: int, delay: float = 0.3) -> dict:
    seed = (PAGES / "seed_phnompenh_post.html").read_bytes()
    routes = {f"/news/{i}": slow(delay, seed) for i in range(pages)}
    routes["/"] = html("".join(f'<a href="/news/{i}">{i}</a> ' for i in range(pages)))
    return routes


def _start(db: Path, base: str, *extra: str) -> subprocess.Popen:
    """A slow-going crawl of base in the background, to be interrupted or killed."""
    args = [f"{base}/", "--depth", "1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", *extra]
    return subprocess.Popen(
        crawl_command(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_interrupted_crawl_resumes_where_it_stopped(tmp_path: Path) -> None:
    db, queue = tmp_path / "archive.db", tmp_path / "queue"
    with serve_routes(_slow_site(40, delay=1.0)) as base:
        first = _start(db, base, "--resume-dir", str(queue))
        # Pages, not articles: the first articles wait for the extraction processes to start,
        # by when a fast machine may have fetched the whole site.
        wait_for_rows(db, "captures", 5)
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=60)
        stopped_at = count_rows(db, "articles")
        crawl(db, f"{base}/", "--depth", "1", "--resume-dir", str(queue))
    assert 5 <= stopped_at < 40
    assert count_rows(db, "articles") == 40
    fetched = rows(db, "select url, count(*) as n from captures group by url having n > 1")
    assert fetched == [], "a resumed crawl must not fetch again what it already has"
    runs = rows(db, "select status from crawls order by id")
    assert [r["status"] for r in runs] == ["stopped", "finished"]


def test_a_killed_crawl_is_marked_by_the_next_one(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(_slow_site(30, delay=1.0)) as base:
        victim = _start(db, base)
        wait_for_rows(db, "captures", 2)  # see above: not articles
        victim.kill()
        victim.communicate(timeout=30)
        (row,) = rows(db, "select status from crawls")
        assert row["status"] == "running"
        crawl(db, f"{base}/", "--depth", "0")
    statuses = [r["status"] for r in rows(db, "select status from crawls order by id")]
    assert statuses == ["killed", "finished"]
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
