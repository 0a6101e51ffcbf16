"""Incremental crawls and revisits, for real: the demo sites with an article edited between
crawls, requests counted at the server; a generated site gaining a story; odd 304s."""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from rich.console import Console

from archive.cli import cli
from archive.demo import DemoSites
from archive.progress import summary_table
from bench.revisit_site import GeneratedSite, serve
from tests.crawling import crawl, rows
from tests.servers import article_html, html, serve_routes
from tests.warc_helpers import warc_files, warcio

_REQUEST = re.compile(r'"GET (\S+) HTTP/[\d.]+" (\d{3})')
# The first step long past, the next far off: every known article is due once.
DUE = ("-s", "ARCHIVE_REVISIT_AFTER=1s 1h")


class _RequestLog(logging.Handler):
    """The demo sites' request lines (their DEBUG log), as path -> statuses."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def take(self) -> dict[str, list[int]]:
        """The requests since the last take."""
        seen: dict[str, list[int]] = defaultdict(list)
        for line in self.lines:
            if match := _REQUEST.search(line):
                seen[match.group(1).split("?")[0]].append(int(match.group(2)))
        self.lines = []
        return dict(seen)


@dataclass(frozen=True)
class Revisited:
    """Five crawls of one demo site: first; again (nothing due); due (an article edited
    meanwhile); due again at once; --full. The requests each made, and the archive."""

    db: Path
    articles: dict[str, str]  # path -> URL of every article of the site
    edited: str
    requests: list[dict[str, list[int]]]
    stored: list[dict[str, dict]]  # the articles table after each crawl, by URL

    def crawl(self, log: _RequestLog, base: str, *args: str) -> None:
        crawl(self.db, base, *args)
        self.requests.append(log.take())
        self.stored.append({r["url"]: r for r in rows(self.db, "select * from articles")})

    def crawl_row(self, number: int) -> dict:
        return rows(self.db, "select * from crawls where id = ?", [number])[0]

    def article_requests(self, number: int) -> dict[str, list[int]]:
        return {p: s for p, s in self.requests[number - 1].items() if p in self.articles}


@pytest.fixture(scope="module")
def revisited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Revisited]:
    db = tmp_path_factory.mktemp("revisits") / "a.db"
    log, logger = _RequestLog(), logging.getLogger("archive.demo.server")
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(log)
    try:
        with DemoSites() as demo:  # its own sites: the edit must not reach the shared ones
            base = demo.base_url("harbour")
            articles = {urlsplit(u).path: u for u in demo.article_urls() if u.startswith(base)}
            edited = sorted(articles.values())[0]
            done = Revisited(db, articles, edited, [], [])
            done.crawl(log, base)
            body = demo.expected(edited).body
            demo.edit(edited, body=(*body[:-1], f"Correction: {body[-1]}"))
            for args in ((), DUE, DUE, ("--full",)):
                done.crawl(log, base, *args)
        yield done
    finally:
        logger.removeHandler(log)
        logger.setLevel(level)


def test_the_first_crawl_fetches_every_article(revisited: Revisited) -> None:
    assert set(revisited.article_requests(1)) == set(revisited.articles)
    assert revisited.crawl_row(1)["articles_new"] == len(revisited.articles)


def test_known_articles_not_yet_due_are_not_requested_at_all(revisited: Revisited) -> None:
    assert revisited.article_requests(2) == {}
    second = revisited.crawl_row(2)
    assert second["known_skipped"] == len(revisited.articles)
    assert second["articles_new"] == second["articles_updated"] == second["rechecks"] == 0
    assert second["pages_fetched"] > 0, "its home, section pages, feed and sitemap were"


def test_an_edited_article_is_rechecked_on_schedule_and_its_new_version_stored(
    revisited: Revisited,
) -> None:
    path = urlsplit(revisited.edited).path
    assert revisited.article_requests(3)[path] == [200]
    third = revisited.crawl_row(3)
    assert third["rechecks"] == len(revisited.articles) and third["articles_updated"] == 1
    (article,) = rows(revisited.db, "select * from articles where url = ?", [revisited.edited])
    assert article["version"] == 2 and "Correction: " in article["body"]
    versions = rows(
        revisited.db, "select version, capture_id from article_versions where article_id = ?",
        [article["id"]],
    )  # fmt: skip
    assert [v["version"] for v in versions] == [1, 2]


def test_unchanged_articles_are_answered_304_and_cost_no_extraction(
    revisited: Revisited,
) -> None:
    unchanged = {p for p in revisited.articles if p != urlsplit(revisited.edited).path}
    statuses = revisited.article_requests(3)
    assert {p: statuses[p] for p in unchanged} == {p: [304] for p in unchanged}
    third = revisited.crawl_row(3)
    assert third["articles_not_modified"] == len(unchanged)
    assert third["articles_unchanged"] == 0, "none of them reached the store"
    # Every page but the 304s went through extraction; the 304s did not.
    assert third["pages_extracted"] == third["pages_fetched"] - len(unchanged)
    sql = "select count(*) as n from article_versions v join articles a on a.id = v.article_id"
    assert rows(revisited.db, f"{sql} where a.url != ?", [revisited.edited]) == [
        {"n": len(unchanged)}
    ], "no version row added"
    answered = rows(revisited.db, "select url, fetched_at from captures where status = 304")
    assert {r["url"] for r in answered} == {revisited.articles[p] for p in unchanged}
    before, after = revisited.stored[1], revisited.stored[2]
    for row in answered:  # only last_seen moved, to the 304's time
        assert after[row["url"]] == before[row["url"]] | {"last_seen": row["fetched_at"]}
    failures = rows(revisited.db, "select * from failures where crawl_id = 3 and kind = 'http_304'")
    assert failures == []


def test_a_step_once_checked_is_not_checked_again(revisited: Revisited) -> None:
    assert revisited.article_requests(4) == {}
    assert revisited.crawl_row(4)["known_skipped"] == len(revisited.articles)


def test_full_fetches_every_article_again_unconditionally(revisited: Revisited) -> None:
    statuses = revisited.article_requests(5)
    assert statuses == {path: [200] for path in revisited.articles}
    fifth = revisited.crawl_row(5)
    assert fifth["articles_unchanged"] == len(revisited.articles)
    assert fifth["known_skipped"] == fifth["rechecks"] == fifth["articles_not_modified"] == 0


def test_stats_count_edits_and_not_modified(revisited: Revisited) -> None:
    result = CliRunner().invoke(cli, ["stats", str(revisited.db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["edits"] == 1
    assert [site["edits"] for site in data["sites"]] == [1]
    by_id = {crawl["id"]: crawl for crawl in data["crawls"]}
    assert by_id[3]["edits"] == 1 and by_id[3]["not_modified"] == len(revisited.articles) - 1
    assert by_id[2]["known_skipped"] == len(revisited.articles)
    table = CliRunner().invoke(cli, ["stats", str(revisited.db)], env={"COLUMNS": "200"})
    assert "1 edits found" in table.stdout and "not_modified" in table.stdout


def test_the_304s_are_valid_warc_revisit_records(revisited: Revisited) -> None:
    files = warc_files(revisited.db)
    assert warcio("check", *files).returncode == 0
    index = warcio("index", "-f", "warc-type,warc-profile,http:status", *files).stdout
    records = [json.loads(line) for line in index.splitlines()]
    not_modified = [r for r in records if r.get("http:status") == "304"]
    assert len(not_modified) == len(revisited.articles) - 1
    assert {(r["warc-type"], r["warc-profile"].rsplit("/", 1)[-1]) for r in not_modified} == {
        ("revisit", "server-not-modified")
    }


def test_a_new_article_linked_from_the_home_page_is_found_on_the_next_crawl(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a.db"
    site = GeneratedSite(24, sections=2, per_page=6, pages=2)
    with serve(site) as base:
        crawl(db, f"{base}/")
        story = site.publish()
        site.reset_counts()
        crawl(db, f"{base}/")
    assert site.requests["article"] == 1, "the new story, and no story known before"
    assert site.requests["not_modified"] == 0
    (row,) = rows(db, "select * from crawls where id = 2")
    assert row["articles_new"] == 1 and row["known_skipped"] == 24
    stored = rows(db, "select url from articles where url like ?", [f"%/{story.slug}"])
    assert len(stored) == 1


def test_a_due_article_without_validators_is_fetched_whole(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    routes = {
        "/": html('<html><body><a href="/news/one">one</a></body></html>'),
        "/news/one": html(article_html("The ferry timetable changes in spring", 12)),
    }
    requests: list[str] = []
    with serve_routes(routes, requests=requests) as base:
        crawl(db, f"{base}/", "--depth", "1")
        crawl(db, f"{base}/", "--depth", "1", *DUE)
    assert requests.count("/news/one") == 2
    (row,) = rows(db, "select * from crawls where id = 2")
    assert row["rechecks"] == 1 and row["articles_unchanged"] == 1
    assert row["articles_not_modified"] == 0


def test_a_304_nobody_asked_for_is_neither_an_article_nor_a_failure(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    routes = {
        "/": html('<html><body><a href="/news/odd">odd</a></body></html>'),
        "/news/odd": lambda: (304, {"ETag": '"x"'}, b""),
    }
    with serve_routes(routes) as base:
        crawl(db, f"{base}/", "--depth", "1")
    (run,) = rows(db, "select * from crawls")
    assert run["error_count"] == 0 and rows(db, "select * from failures") == []
    assert run["articles_not_modified"] == 0 and run["articles_new"] == 0
    assert [r["status"] for r in rows(db, "select status from captures order by id")] == [200, 304]
    assert rows(db, "select * from known_urls") == []


def test_revisit_steps_that_are_not_durations_are_refused_before_the_crawl(
    tmp_path: Path,
) -> None:
    args = ["crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "a.db"), "-q"]
    result = CliRunner().invoke(cli, [*args, "-s", "ARCHIVE_REVISIT_AFTER=1h soon"])
    assert result.exit_code == 1
    assert "setting ARCHIVE_REVISIT_AFTER: 'soon' is not a step" in result.output


def test_the_crawl_summary_names_what_an_incremental_crawl_did() -> None:
    stats = {
        "archive/pages": 30, "archive/extracted": 20, "archive/articles/updated": 2,
        "archive/articles/not_modified": 10, "archive/links_skipped/known": 990,
        "archive/revisits/due": 12,
    }  # fmt: skip
    console = Console(width=120, record=True)
    console.print(summary_table(stats))
    text = console.export_text()
    for label, value in (("pages extracted", 20), ("articles updated (edits found)", 2),
                         ("articles not modified (304)", 10),
                         ("links skipped known (not due)", 990),
                         ("revisits due (re-checked)", 12)):  # fmt: skip
        assert re.search(rf"{re.escape(label)}\W+{value}\b", text), label
