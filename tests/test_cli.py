"""The news-archive CLI through click's CliRunner: help, exit codes, messages, outputs."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from scrapy.settings import Settings

from archive import __version__
from archive.cli import cli
from archive.store import open_archive
from pipelines.extraction.urls import site_of
from spiders import settings
from tests.archive_helpers import PAGES, build_archive, fixture_articles

SEED = PAGES / "seed_phnompenh_post.html"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_every_command_has_help(runner: CliRunner) -> None:
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 40, name
        assert "news-archive" in command.help, f"{name} help has no example"


def test_version_is_the_packages_and_names_the_extraction_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"news-archive {version('news-archive')} (extraction rules 0.2.0)\n"
    assert version("news-archive") == __version__
    assert f"news-archive/{__version__} " in Settings(vars(settings)).get("USER_AGENT")


def test_extract_prints_the_clean_record(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["headline"] == "Anti-trafficking drive goes on"
    assert record["captions"][0]["credit"] == "SOCIAL AFFAIRS MINISTRY"
    assert len(record["body"]) == 10


def test_extract_explain_shows_dropped_blocks_and_reasons(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "--explain", str(SEED)])
    assert result.exit_code == 0
    assert "removed before scoring" in result.stderr
    assert "MOST VIEWED" in result.stderr or "class/id" in result.stderr
    assert "repeats the headline" in result.stderr


def test_extract_binary_file_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert "not HTML" in result.output


def test_extract_missing_file(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "no-such-page.html"])
    assert result.exit_code == 1
    assert "no such file" in result.output


@pytest.mark.parametrize("url", ["ftp://example.test/", "example.test", "file:///etc/passwd"])
def test_crawl_refuses_non_http_urls(runner: CliRunner, url: str, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["crawl", url, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.output


def test_crawl_needs_something_to_crawl(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["crawl"])
    assert result.exit_code == 2
    assert "give at least one URL, --feed or --sitemap to crawl" in result.output


def test_crawl_unusable_database_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not sqlite\n" * 100)
    result = runner.invoke(cli, ["crawl", "http://127.0.0.1:9/", "--db", str(notes)])
    assert result.exit_code == 1
    assert "not a usable SQLite archive" in result.output
    missing = runner.invoke(cli, ["crawl", "http://127.0.0.1:9/", "--db", "/no/such/dir/a.db"])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_search_ranks_and_highlights(runner: CliRunner, tmp_path: Path) -> None:
    db = build_archive(tmp_path / "archive.db")
    result = runner.invoke(cli, ["search", str(db), "human trafficking"])
    assert result.exit_code == 0
    assert result.stdout.startswith("1. Anti-trafficking drive goes on")
    hits = runner.invoke(cli, ["search", str(db), '"influencer trafficking"', "--json"])
    rows = [json.loads(line) for line in hits.stdout.splitlines()]
    assert rows[0]["headline"] == "Anti-trafficking drive goes on"
    assert "influencer trafficking" in rows[0]["snippet"]


def test_search_missing_archive(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["search", str(tmp_path / "none.db"), "x"])
    assert result.exit_code == 1
    assert "no such archive" in result.output
    assert not (tmp_path / "none.db").exists(), "searching must not create an archive"


def test_stats_json(runner: CliRunner, tmp_path: Path) -> None:
    db = build_archive(tmp_path / "archive.db")
    result = runner.invoke(cli, ["stats", str(db), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    pages = fixture_articles()
    assert data["articles"] == data["captures"] == len(pages) > 40
    assert data["captions"] == sum(1 for _ in open_archive(db)["captions"].rows) > 0
    assert sum(site["articles"] for site in data["sites"]) == data["articles"]
    assert {site["site"] for site in data["sites"]} == {site_of(url) for url, _ in pages}
    assert data["crawls"] == [] and data["failures"] == []


def test_stats_prints_tables(runner: CliRunner, tmp_path: Path) -> None:
    db = build_archive(tmp_path / "archive.db")
    result = runner.invoke(cli, ["stats", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    count = len(fixture_articles())
    assert result.stdout.startswith(f"{count} articles, ")
    assert "Sites" in result.stdout and "phnompenhpost.test" in result.stdout


def test_serve_refuses_a_file_that_is_not_an_archive(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"\x00" * 1000)
    result = runner.invoke(cli, ["serve", str(path)])
    assert result.exit_code == 1
    assert "x.db" in result.output and "not a usable SQLite archive" in result.output


def test_extract_a_url_from_a_loopback_server(runner: CliRunner) -> None:
    from tests.servers import html, serve_routes

    routes = {"/news/seed": html(SEED.read_text(encoding="utf-8")), "/gone": html("", status=404)}
    with serve_routes(routes) as base:
        result = runner.invoke(cli, ["extract", f"{base}/news/seed"])
        missing = runner.invoke(cli, ["extract", f"{base}/gone"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["headline"] == "Anti-trafficking drive goes on"
    assert record["url"] == f"{base}/news/seed"
    assert missing.exit_code == 1 and "cannot fetch" in missing.output


def test_reextract_rebuilds_articles_from_captures(runner: CliRunner, tmp_path: Path) -> None:
    from archive.store import add_capture, open_warc_writer
    from tests.archive_helpers import fetched

    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    url = "http://127.0.0.1:9/news/seed"
    with open_warc_writer(db, None) as warcs:
        add_capture(db, None, fetched(url, SEED.read_bytes()), warcs)
        add_capture(db, None, fetched(f"{url}/x", b"<h1>gone</h1>", status=404), warcs)
    db.close()
    first = runner.invoke(cli, ["reextract", str(db_path)])
    again = runner.invoke(cli, ["reextract", str(db_path)])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output and "1 unchanged" in again.output
    rows = list(open_archive(db_path).query("select url, headline, capture_id from articles"))
    assert [(r["url"], r["headline"]) for r in rows] == [(url, "Anti-trafficking drive goes on")]


def test_reextract_missing_archive(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["reextract", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such archive" in result.output
