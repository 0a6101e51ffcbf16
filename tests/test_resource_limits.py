"""Responses built to exhaust the crawler (compression bombs, redirect loops) each leave a
failure with its reason, and the crawl goes on."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from tests.crawling import crawl, rows
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
        crawl(db, f"{base}/", *sitemaps, "--depth", "1", "-s", f"DOWNLOAD_MAXSIZE={MAX_SIZE}")
    return db, base


@pytest.mark.parametrize(
    ("path", "kind", "says"),
    [
        ("/bomb/gzip", "too_large", "DOWNLOAD_MAXSIZE"),
        ("/bomb/deflate", "too_large", "DOWNLOAD_MAXSIZE"),
        ("/sitemap.xml.gz", "too_large", "DOWNLOAD_MAXSIZE"),
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
