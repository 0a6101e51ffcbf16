"""Two crawls writing one archive at the same time store everything, and both say so."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from contextlib import ExitStack, closing
from pathlib import Path

from tests.crawling import crawl_command, rows
from tests.servers import news_site, serve_routes

ARTICLES, MISSING = 100, 30


def test_two_crawls_into_one_archive_store_every_article_and_failure(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"  # created by whichever crawl gets there first
    with ExitStack() as stack:
        bases = [
            stack.enter_context(serve_routes(news_site(ARTICLES, MISSING, name)))
            for name in ("Harbour", "Ferry")
        ]
        args = ["--depth", "1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]
        crawls = [
            subprocess.Popen(
                crawl_command(db, f"{base}/", *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for base in bases
        ]
        outputs = [process.communicate(timeout=300) for process in crawls]
    for process, (_, stderr) in zip(crawls, outputs, strict=True):
        assert process.returncode == 0, stderr.decode()[-3000:]
        assert b"database is locked" not in stderr
    for base in bases:
        stored = rows(db, "select count(*) as n from articles where url like ?", [f"{base}/news/%"])
        assert stored == [{"n": ARTICLES}], base
        missing = rows(
            db, "select count(*) as n from failures where url like ?", [f"{base}/gone/%"]
        )
        assert missing == [{"n": MISSING}], base
    runs = rows(db, "select * from crawls order by id")
    assert [r["status"] for r in runs] == ["finished", "finished"]
    for run in runs:
        assert run["articles_new"] == ARTICLES
        assert json.loads(run["errors"]) == {"http_404": MISSING}
        failures = rows(db, "select count(*) as n from failures where crawl_id = ?", [run["id"]])
        assert failures == [{"n": MISSING}]
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
