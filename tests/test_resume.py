"""A crawl killed outright (SIGKILL) and run again with the same --resume-dir archives every
page it had queued, without fetching again what it had already stored."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from spiders.frontier import _META, _SCHEMA
from tests.crawling import count_rows, crawl, crawl_command, rows, wait_for_rows
from tests.servers import article_html, html, serve_routes, slow

PAGES = 200


def _site() -> dict:
    """A home page linking to 20 section pages, each linking to 10 of the 200 articles (so
    most articles are found by pages fetched after the crawl starts, and are queued when it
    is killed); every article takes a moment to serve."""
    routes = {"/": html("".join(f'<a href="/section/{s}">{s}</a> ' for s in range(20)))}
    for s in range(20):
        links = "".join(f'<a href="/news/{i}">{i}</a> ' for i in range(s * 10, s * 10 + 10))
        routes[f"/section/{s}"] = html(f"<html><body>{links}</body></html>")
    for i in range(PAGES):
        routes[f"/news/{i}"] = slow(0.05, article_html(f"Story {i} about the ferries").encode())
    return routes


def test_a_crawl_killed_outright_resumes_with_every_queued_page(tmp_path: Path) -> None:
    db, resume = tmp_path / "archive.db", tmp_path / "resume"
    args = ["--depth", "2", "--resume-dir", str(resume), "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
    with serve_routes(_site()) as base:
        victim = subprocess.Popen(
            crawl_command(db, f"{base}/", *args),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_rows(db, "articles", 40, timeout=120)
        victim.kill()
        victim.wait(timeout=30)
        killed_at = count_rows(db, "articles")
        crawl(db, f"{base}/", *args)
    assert 40 <= killed_at < PAGES
    assert count_rows(db, "articles") == PAGES
    # The page being stored at the instant of the kill may be fetched again (its capture
    # committed, its place in the queue not yet marked done); no other.
    again = rows(db, "select url from captures group by url having count(*) > 1")
    assert len(again) <= 1, again
    assert [r["status"] for r in rows(db, "select status from crawls order by id")] == [
        "killed",
        "finished",
    ]


def test_a_finished_crawl_leaves_the_resume_dir_ready_for_the_next(tmp_path: Path) -> None:
    db, resume = tmp_path / "archive.db", tmp_path / "resume"
    with serve_routes(_site()) as base:
        crawl(db, f"{base}/section/0", "--depth", "1", "--resume-dir", str(resume))
        crawl(db, f"{base}/section/0", "--depth", "1", "--resume-dir", str(resume), "--full")
    runs = rows(db, "select pages_fetched, status from crawls order by id")
    assert runs == [{"pages_fetched": 11, "status": "finished"}] * 2


@pytest.mark.parametrize(
    ("began", "fetched_again"),
    [("2000-01-01T00:00:00+00:00", 0), ("2999-01-01T00:00:00+00:00", 10)],
    ids=["captured-since-the-frontier-began", "captured-before-it"],
)
def test_pages_committed_but_not_yet_noted_are_taken_from_their_captures(
    tmp_path: Path, began: str, fetched_again: int
) -> None:
    """A batch of captures commits, and the run is killed before the frontier notes them
    (the frontier is told after each commit): the resumed run takes those pages from the
    archive, not from the site; captures older than the frontier are never taken."""
    db, resume = tmp_path / "archive.db", tmp_path / "resume"
    requests: list[str] = []
    with serve_routes(_site(), requests=requests) as base:
        crawl(db, f"{base}/section/0", "--depth", "1")
        # The frontier as such a kill leaves it: the section done, its articles queued.
        resume.mkdir()
        with closing(sqlite3.connect(resume / "frontier.db")) as conn, conn:
            conn.execute(_SCHEMA)
            conn.execute(_META)
            conn.execute("insert into frontier_meta values ('started', ?)", [began])
            conn.execute(
                "insert into frontier (url, callback, via, hints, depth, done)"
                " values (?, 'parse_page', 'start', '{}', 0, 1)",
                [f"{base}/section/0"],
            )
            conn.executemany(
                "insert into frontier (url, callback, via, hints, depth) values (?, ?, ?, ?, ?)",
                [(f"{base}/news/{i}", "parse_page", "link", "{}", 1) for i in range(10)],
            )
        requests.clear()
        crawl(db, f"{base}/section/0", "--depth", "1", "--resume-dir", str(resume))
    assert len([path for path in requests if path.startswith("/news/")]) == fetched_again
    assert count_rows(db, "articles") == 10
    assert not (resume / "frontier.db").exists()  # finished: the next run starts afresh
