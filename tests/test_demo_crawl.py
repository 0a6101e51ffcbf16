"""Real Scrapy crawls of the bundled demo sites on 127.0.0.1: discovery by every route,
every article stored once, none of the non-article pages, traps handled."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import Datasette

from archive.demo import DemoSites
from archive.publish import datasette_metadata
from tests.crawling import crawl, rows

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def full_crawl(sites, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    crawl(db, *sites.base_urls)
    return db


def _article_urls(db: Path) -> list[str]:
    return [r["url"] for r in rows(db, "select url from articles")]


def test_every_demo_article_is_stored_once(sites, full_crawl: Path) -> None:
    stored = _article_urls(full_crawl)
    assert len(stored) == len(set(stored))
    assert sorted(stored) == sorted(sites.article_urls())


def test_no_page_that_is_not_an_article_is_stored(sites, full_crawl: Path) -> None:
    assert not set(_article_urls(full_crawl)) & set(sites.non_article_urls())


def test_stored_articles_match_the_demo_content(sites, full_crawl: Path) -> None:
    for row in rows(full_crawl, "select * from articles"):
        expected = sites.expected(row["url"])
        assert row["headline"] == expected.headline
        assert row["body"].split("\n\n") == list(expected.body), row["url"]
        assert json.loads(row["authors"]) == list(expected.authors), row["url"]
        assert row["language"] == expected.language.split("-")[0].lower()  # ISO 639-1 code
        captions = rows(full_crawl, "select * from captions where article_id = ? order by position",
                        [row["id"]])  # fmt: skip
        assert [(c["caption"], c["credit"]) for c in captions] == [
            (c.caption, c.credit) for c in expected.captions
        ], row["url"]


def test_traps_are_counted_not_stored(sites, full_crawl: Path) -> None:
    kinds = {r["kind"] for r in rows(full_crawl, "select kind from failures")}
    assert {"http_404", "http_500"} <= kinds
    captured = [r["url"] for r in rows(full_crawl, "select url from captures")]
    assert not [u for u in captured if "/private/" in u], "robots.txt must be obeyed"
    pdfs = rows(full_crawl, "select url from captures where content_type like 'application/pdf%'")
    assert pdfs and not {p["url"] for p in pdfs} & set(_article_urls(full_crawl))
    assert not [u for u in captured if "/page/7/" in u or "/page/50/" in u]
    assert len([u for u in captured if "archive?date=" in u]) == 0
    assert not [u for u in captured if "utm_" in u or "#" in u]


def test_crawl_row_summary(full_crawl: Path, sites) -> None:
    (run,) = rows(full_crawl, "select * from crawls")
    assert run["status"] == "finished"
    assert run["articles_new"] == len(sites.article_urls())
    assert run["pages_fetched"] == len(rows(full_crawl, "select id from captures"))


def test_feed_discovery_alone(sites, tmp_path: Path) -> None:
    base = sites.base_url("harbour")
    crawl(tmp_path / "a.db", "--feed", f"{base}feed/", "--depth", "0")
    stored = set(_article_urls(tmp_path / "a.db"))
    assert stored and stored <= set(sites.article_urls())
    assert {u for u in sites.article_urls() if u.startswith(base)} == stored


def test_sitemap_discovery_alone(sites, tmp_path: Path) -> None:
    base = sites.base_url("mekong")
    crawl(tmp_path / "a.db", "--sitemap", f"{base}sitemap.xml", "--depth", "0")
    assert {u for u in sites.article_urls() if u.startswith(base)} == set(
        _article_urls(tmp_path / "a.db")
    )


def test_news_sitemap_keeps_dates(sites, tmp_path: Path) -> None:
    base = sites.base_url("northwind")
    crawl(tmp_path / "a.db", "--sitemap", f"{base}news-sitemap.xml", "--depth", "0")
    found = rows(tmp_path / "a.db", "select url, published from articles")
    assert {r["url"] for r in found} == {u for u in sites.article_urls() if u.startswith(base)}
    assert all(r["published"] for r in found)


def test_section_page_discovery(sites, tmp_path: Path) -> None:
    base = sites.base_url("mekong")
    section = next(u for u in sites.non_article_urls() if u.startswith(f"{base}section/"))
    crawl(tmp_path / "a.db", section, "--depth", "1", "-s", "ARCHIVE_SITEMAPS_FROM_ROBOTS=False")
    stored = set(_article_urls(tmp_path / "a.db"))
    assert stored and stored <= {u for u in sites.article_urls() if u.startswith(base)}


def test_second_crawl_adds_nothing_and_fetches_no_article(sites, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    crawl(db, *sites.base_urls)
    known = {r["url"] for r in rows(db, "select url from known_urls")}
    crawl(db, *sites.base_urls)
    assert len(_article_urls(db)) == len(sites.article_urls())
    assert set(sites.article_urls()) <= known, set(sites.article_urls()) - known
    second = rows(db, "select * from crawls order by id")[-1]
    assert second["articles_new"] == 0 and second["articles_updated"] == 0, second
    assert second["known_skipped"] > 0, second
    # Incremental: no URL an article was fetched from is fetched again before it is due.
    # (A shortlink the first crawl did not happen to meet is new to it, and fetched.)
    fetched = {r["url"] for r in rows(db, "select url from captures where crawl_id = 2")}
    assert fetched and not fetched & known, fetched & known


def test_an_article_edited_between_two_crawls_gets_a_new_version(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with DemoSites() as demo:  # its own sites: the edit must not reach the shared fixture
        base = demo.base_url("harbour")
        urls = [u for u in demo.article_urls() if u.startswith(base)]
        crawl(db, "--feed", f"{base}feed/", "--depth", "0")
        body = demo.expected(urls[0]).body
        demo.edit(urls[0], body=(*body[:-1], f"Correction: {body[-1]}"))
        crawl(db, "--feed", f"{base}feed/", "--depth", "0", "--full")
        expected = demo.expected(urls[0])
    runs = rows(db, "select articles_new, articles_updated, articles_unchanged from crawls")
    assert [tuple(r.values()) for r in runs] == [(len(urls), 0, 0), (0, 1, len(urls) - 1)]
    (row,) = rows(db, "select * from articles where url = ?", [urls[0]])
    assert row["version"] == 2 and row["body"].split("\n\n") == list(expected.body)
    versions = rows(db, "select version from article_versions where article_id = ?", [row["id"]])
    assert [v["version"] for v in versions] == [1, 2]


def test_datasette_serves_and_searches_the_demo_archive(sites, full_crawl: Path) -> None:
    expected = sites.expected(sites.article_urls()[0])
    word = max(expected.headline.split(), key=len).strip(",.'")

    async def go():
        ds = Datasette([str(full_crawl)], metadata=datasette_metadata(full_crawl))
        await ds.invoke_startup()
        listing = await ds.client.get("/demo/articles.json?_shape=array&_size=max")
        search = await ds.client.get(f"/demo/articles.json?_search={word}&_shape=array")
        return listing, search

    listing, search = asyncio.run(go())
    assert len(listing.json()) == len(sites.article_urls())
    assert expected.headline in [r["headline"] for r in search.json()]


def test_the_scrapy_way_works_from_the_repo_root(sites, tmp_path: Path) -> None:
    db = tmp_path / "scrapy.db"
    base = sites.base_url("harbour")
    settings = {"ARCHIVE_DB": db, "DEPTH_LIMIT": 1, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "ERROR",
                "AUTOTHROTTLE_ENABLED": False}  # fmt: skip
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={base}"]
    command += [arg for k, v in settings.items() for arg in ("-s", f"{k}={v}")]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = set(_article_urls(db))
    assert stored and stored <= set(sites.article_urls())


def test_crawl_prints_a_summary(sites, tmp_path: Path) -> None:
    base = sites.base_url("northwind")
    command = [sys.executable, "-m", "archive.cli", "crawl", base, "--db", str(tmp_path / "a.db"),
               "--delay", "0", "--depth", "1"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    for line in ("Crawl summary", "pages fetched", "articles new", "errors http_500"):
        assert line in result.stderr, line
