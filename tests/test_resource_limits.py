"""Responses built to exhaust the crawler (compression bombs, redirect loops) each leave a
failure with its reason, and the crawl goes on."""

from __future__ import annotations

import gzip
import re
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.crawling import Measured, crawl, measured_crawl, rows
from tests.servers import article_html, html, redirect, serve_routes

MAX_SIZE = 1_000_000
# 60 MB of HTML in about 60 KB: sixty times DOWNLOAD_MAXSIZE once unpacked.
BOMB = b"<html><body><p>" + b" " * 60_000_000 + b"</p></body></html>"
SITEMAP_BOMB = (
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + b"<url><loc>/news/ok</loc></url>" * 2_000_000
    + b"</urlset>"
)
CHAIN = 30  # more than REDIRECT_MAX_TIMES (20)


def _compressed(body: bytes, encoding: str, kind: str = "text/html") -> tuple:
    packed = gzip.compress(body, 9) if encoding == "gzip" else zlib.compress(body, 9)
    return 200, {"Content-Type": kind, "Content-Encoding": encoding}, packed


def _routes() -> dict:
    links = ["/news/ok", "/bomb/gzip", "/bomb/deflate", "/loop/a", "/self", "/chain/0"]
    home = "".join(f'<p><a href="{link}">{link}</a></p>' for link in links)
    gz_file = gzip.compress(SITEMAP_BOMB, 9)
    routes = {
        "/": html(f"<html><body><h1>News</h1>{home}</body></html>"),
        "/news/ok": html(article_html("A story that fits")),
        "/bomb/gzip": lambda: _compressed(BOMB, "gzip"),
        "/bomb/deflate": lambda: _compressed(BOMB, "deflate"),
        "/sitemap.xml.gz": lambda: (200, {"Content-Type": "application/gzip"}, gz_file),
        "/sitemap.xml": lambda: _compressed(SITEMAP_BOMB, "gzip", "application/xml"),
        "/loop/a": redirect("/loop/b"),
        "/loop/b": redirect("/loop/a"),
        "/self": redirect("/self", 301),
    }
    for i in range(CHAIN):
        routes[f"/chain/{i}"] = redirect(f"/chain/{i + 1}")
    return routes


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("limits") / "archive.db"
    with serve_routes(_routes()) as base:
        sitemaps = ["--sitemap", f"{base}/sitemap.xml.gz", "--sitemap", f"{base}/sitemap.xml"]
        limits = [
            "-s",
            f"DOWNLOAD_MAXSIZE={MAX_SIZE}",
            "-s",
            f"ARCHIVE_SITEMAP_MAX_BYTES={MAX_SIZE}",
        ]
        crawl(db, f"{base}/", *sitemaps, "--depth", "1", *limits)
    return db, base


@pytest.mark.parametrize(
    ("path", "kind", "says"),
    [
        ("/bomb/gzip", "too_large", "DOWNLOAD_MAXSIZE"),
        ("/bomb/deflate", "too_large", "DOWNLOAD_MAXSIZE"),
        ("/sitemap.xml.gz", "too_large", "ARCHIVE_SITEMAP_MAX_BYTES"),
        ("/sitemap.xml", "too_large", "DOWNLOAD_MAXSIZE"),
        ("/loop/a", "redirect_loop", "/loop/b"),
        ("/self", "redirect_loop", "/self"),
        ("/chain/0", "too_many_redirects", "/chain/20"),
    ],
)
def test_each_trap_is_a_failure_with_its_reason(
    crawled: tuple[Path, str], path: str, kind: str, says: str
) -> None:
    db, base = crawled
    failures = rows(db, "select kind, detail from failures where url = ?", [f"{base}{path}"])
    assert [f["kind"] for f in failures] == [kind]
    assert says in failures[0]["detail"]


def test_the_good_page_is_archived_and_the_crawl_finishes(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    assert rows(db, "select url from articles") == [{"url": f"{base}/news/ok"}]
    (run,) = rows(db, "select status from crawls")
    assert run["status"] == "finished"


HUGE = 300_000  # URLs in one gzipped sitemap (2.4 MB), all on the site, oldest first


def _huge_sitemap() -> bytes:
    entries = (
        f"<url><loc>/news/{i}</loc><lastmod>{_date(i)}</lastmod></url>".encode()
        for i in range(HUGE)
    )
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>'
    return gzip.compress(xml % b"".join(entries), 6)


def _date(i: int) -> str:
    """A distinct time for each entry, later as i grows."""
    return (datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=i)).isoformat()


def _skipped(output: str, reason: str) -> int:
    match = re.search(rf"links_skipped {re.escape(reason)}\W+(\d+)", output)
    return int(match.group(1)) if match else 0


@pytest.fixture(scope="module")
def huge(tmp_path_factory) -> tuple[Path, str, Measured]:
    db = tmp_path_factory.mktemp("huge") / "archive.db"
    packed = _huge_sitemap()
    routes = {
        "/sitemap.xml.gz": lambda: (200, {"Content-Type": "application/gzip"}, packed),
        "/news/*": html(article_html("A story from the archive")),
    }
    with serve_routes(routes) as base:
        result = measured_crawl(
            db, "--sitemap", f"{base}/sitemap.xml.gz", "--max-pages", "30", quiet=False
        )
    assert result.returncode == 0, result.stderr[-3000:]
    return db, base, result


def test_a_huge_sitemap_is_read_in_bounded_memory(huge: tuple[Path, str, Measured]) -> None:
    _, _, result = huge
    print(f"peak RSS of the crawl: {result.peak_rss_mb:.0f} MB")
    assert result.peak_rss_mb < 300


def test_a_huge_sitemap_honours_max_pages(huge: tuple[Path, str, Measured]) -> None:
    db, _, result = huge
    # 30 responses: the sitemap's, and the pages of the 29 newest entries, all it queued.
    (run,) = rows(db, "select finish_reason from crawls")
    assert run["finish_reason"] == "closespider_pagecount"
    assert 20 <= rows(db, "select count(*) as n from captures")[0]["n"] <= 30
    # One sitemap gives at most ARCHIVE_SITEMAP_MAX_URLS (50,000) URLs, its newest...
    assert _skipped(result.stderr, "sitemap limit") == HUGE - 50_000
    # ...and about as many are queued as the crawl will fetch (Scrapy takes a callback's
    # output up to twice CONCURRENT_ITEMS at a time), not 50,000.
    assert _skipped(result.stderr, "queue full") >= 50_000 - 30 - 200


def test_a_huge_sitemap_gives_its_newest_pages_first(huge: tuple[Path, str, Measured]) -> None:
    db, _, _ = huge
    numbers = [int(r["url"].rsplit("/", 1)[1]) for r in rows(db, "select url from captures")]
    assert numbers and min(numbers) >= HUGE - 30  # of 300,000: only the newest were queued
