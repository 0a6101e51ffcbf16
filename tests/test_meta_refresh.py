"""A <meta http-equiv="refresh"> is followed (and its loops named) on pages of any size,
though only the head of each page is read for it, and a page without one goes on whole;
a head whose bytes cannot hold one is not decoded to look, and one in capitals or in UTF-16
is still found."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from spiders.limits import REFRESH_HEAD_BYTES, BoundedMetaRefresh
from tests.crawling import crawl, rows
from tests.servers import SENTENCE, article_html, html, serve_routes

# Far past the bytes read for a refresh: what is archived must be the whole page.
PROSE = SENTENCE * (3 * REFRESH_HEAD_BYTES // len(SENTENCE))
LAST_WORDS = "The last paragraph of a long story."


def _refreshing(target: str, equiv: str = "refresh") -> str:
    refresh = f'<meta http-equiv="{equiv}" content="0; url={target}">'
    return f"<html><head>{refresh}<title>Moved</title></head><body><p>{PROSE}</p></body></html>"


def _routes() -> dict:
    long_story = article_html("A long story").replace(
        "</article>", f"<p>{PROSE}</p><p>{LAST_WORDS}</p></article>"
    )
    pages = ["/moved", "/news/long", "/loop", "/capitals", "/wide"]
    wide = _refreshing("/news/wide-here").encode("utf-16")
    home = "".join(f'<p><a href="{page}">{page}</a></p>' for page in pages)
    return {
        "/": html(f"<html><body><h1>News</h1>{home}</body></html>"),
        "/moved": html(_refreshing("/news/moved-here")),
        "/news/moved-here": html(article_html("A story that moved")),
        "/news/long": html(long_story),
        "/loop": html(_refreshing("/loop")),
        "/capitals": html(_refreshing("/news/capitals-here", "REFRESH")),
        "/news/capitals-here": html(article_html("A story in capitals")),
        "/wide": lambda: (200, {"Content-Type": "text/html; charset=utf-16"}, wide),
        "/news/wide-here": html(article_html("A story in wide characters")),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("refresh") / "archive.db"
    with serve_routes(_routes()) as base:
        crawl(db, f"{base}/", "--depth", "2")
    return db, base


def test_pages_are_longer_than_the_head_read_for_a_refresh() -> None:
    assert len(_refreshing("/x").encode()) > 2 * REFRESH_HEAD_BYTES


def test_a_refresh_in_a_long_page_is_followed(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    urls = {row["url"] for row in rows(db, "select url from articles")}
    assert f"{base}/news/moved-here" in urls


def test_a_refresh_in_capitals_or_in_utf16_is_followed(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    urls = {row["url"] for row in rows(db, "select url from articles")}
    assert {f"{base}/news/capitals-here", f"{base}/news/wide-here"} <= urls


def test_a_head_that_cannot_hold_a_refresh_is_not_decoded() -> None:
    middleware = BoundedMetaRefresh.from_crawler(get_crawler())
    request = Request("http://127.0.0.1:9/news/a")
    plain = HtmlResponse(request.url, body=article_html("Plain").encode(), request=request)
    assert middleware.process_response(request, plain) is plain
    assert plain._cached_ubody is None  # never decoded
    moved = HtmlResponse(request.url, body=_refreshing("/b").encode(), request=request)
    followed = middleware.process_response(request, moved)
    assert isinstance(followed, Request) and followed.url == "http://127.0.0.1:9/b"


def test_a_long_page_without_a_refresh_is_archived_whole(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    (story,) = rows(db, "select body from articles where url = ?", [f"{base}/news/long"])
    assert story["body"].endswith(LAST_WORDS)
    (capture,) = rows(db, "select length from captures where url = ?", [f"{base}/news/long"])
    assert capture["length"] > 2 * REFRESH_HEAD_BYTES


def test_a_refresh_loop_in_a_long_page_is_a_failure(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    failures = rows(db, "select kind from failures where url = ?", [f"{base}/loop"])
    assert [f["kind"] for f in failures] == ["redirect_loop"]
