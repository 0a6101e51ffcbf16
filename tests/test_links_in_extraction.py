"""A page's links are found in the parse its extraction makes (pipelines/reading.py), in the
extraction processes or in the crawl's own, and queued before the page is stored as the
spider would have queued them: one deeper, from an article only stories and sections, with
the page as their Referer; a page too large to extract still has its links followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.ingest import IngestOptions
from archive.records import FetchedPage
from pipelines.reading import read_page
from spiders.discovery.page_links import page_links
from tests.crawling import crawl, rows
from tests.servers import SENTENCE, html, serve_routes
from tests.warc_helpers import warc_files

MAX_PAGE_BYTES = 20_000


def _story(title: str, links: list[str]) -> str:
    more = "".join(f'<li><a href="{link}">More: {link}</a></li>' for link in links)
    return (
        f'<html><head><meta property="og:type" content="article"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{SENTENCE * 8}</p></article>"
        f"<aside><ul>{more}</ul></aside></body></html>"
    )


def _routes() -> dict:
    # / -> /news/ (a section) -> /news/a (story) -> /news/b (story) -> /news/c (too deep).
    # / -> /big/ (a section too large to extract) -> /news/d (story).
    # /news/a also links its writer's page: an article's links go to stories and sections
    # only. /news/ links a PDF: a file, not a page, by its extension.
    padding = "<p>" + "<span>filler</span> " * (MAX_PAGE_BYTES // 20) + "</p>"
    return {
        "/": html(
            '<html><body><a href="/news/">News</a> <a href="/big/">Big</a>'
            ' <a href="/quiet/">Quiet</a></body></html>'
        ),
        # A section whose server asks for no Referer on the requests it leads to.
        "/quiet/": lambda: (
            200,
            {"Content-Type": "text/html; charset=utf-8", "Referrer-Policy": "no-referrer"},
            b'<html><body><h1>Quiet</h1><a href="/news/e">E</a></body></html>',
        ),
        "/news/e": html(_story("Story E", [])),
        "/news/": html(
            '<html><body><h1>News</h1><a href="/news/a">A</a> <a href="/files/a-b-c.pdf">PDF</a>'
            "</body></html>"
        ),
        "/big/": html(f'<html><body>{padding}<a href="/news/d">D</a></body></html>'),
        "/news/a": html(_story("Story A", ["/news/b", "/author/jane-doe"])),
        "/news/b": html(_story("Story B", ["/news/c"])),
        "/news/c": html(_story("Story C", [])),
        "/news/d": html(_story("Story D", [])),
        "/author/jane-doe": html(_story("Jane Doe", [])),
        "/files/a-b-c.pdf": html(_story("A document", [])),
    }


@pytest.fixture(scope="module", params=["0", "1"], ids=["in-crawl", "in-worker"])
def archived(request, tmp_path_factory) -> tuple[Path, str, str]:
    db = tmp_path_factory.mktemp("links") / "archive.db"
    with serve_routes(_routes()) as base:
        result = crawl(
            db, f"{base}/", "--depth", "3", "-s", f"ARCHIVE_EXTRACT_PROCESSES={request.param}",
            "-s", f"ARCHIVE_MAX_PAGE_BYTES={MAX_PAGE_BYTES}", quiet=False,
        )  # fmt: skip
    return db, base, result.stderr


def _referers(db: Path) -> dict[str, str]:
    """Each request record's target URL and the Referer it was sent with."""
    found = {}
    for path in warc_files(db):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "request":
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    found[url] = record.http_headers.get_header("Referer") or ""
    return found


def test_links_found_in_extraction_are_followed(archived) -> None:
    db, base, _ = archived
    headlines = {r["headline"] for r in rows(db, "select headline from articles")}
    # B is linked from an article only, D from a page too large to extract; C is too deep.
    assert headlines == {"Story A", "Story B", "Story D", "Story E"}
    fetched = {r["url"] for r in rows(db, "select url from captures")}
    assert f"{base}/news/c" not in fetched
    assert f"{base}/author/jane-doe" not in fetched  # a writer, linked from an article only
    assert f"{base}/files/a-b-c.pdf" not in fetched


def test_followed_links_carry_their_page_as_referer(archived) -> None:
    db, base, _ = archived
    referers = _referers(db)
    assert referers[f"{base}/news/a"] == f"{base}/news/"
    assert referers[f"{base}/news/b"] == f"{base}/news/a"
    assert referers[f"{base}/news/d"] == f"{base}/big/"
    assert referers[f"{base}/news/e"] == ""  # /quiet/ said no-referrer


def test_the_crawl_counts_what_it_did_and_did_not_follow(archived) -> None:
    _, _, output = archived
    # /, /news/, /big/ (parsed for its links alone), /quiet/, /news/a, /news/d and /news/e:
    # the spider parsed none of them itself.
    assert "'archive/pages_with_links_from_extraction': 7" in output
    assert "links_skipped not a story or section" in output
    assert "'archive/pages_at_depth_limit': 1" in output  # /news/b's links: too deep


@pytest.mark.parametrize("path", sorted(Path(__file__).parent.glob("fixtures/pages/*.html")))
def test_the_extraction_tree_gives_the_links_the_spider_would_find(path: Path) -> None:
    body = path.read_bytes()
    url = "https://news.example/2024/05/03/a-story-of-the-day"
    page = FetchedPage(
        url=url, final_url=url, status=200, headers={"content-type": "text/html"}, body=body,
        fetched_at="2024-05-03T10:00:00+00:00", site="https://news.example",
    )  # fmt: skip
    _, found = read_page(page, IngestOptions(min_words=50), "utf-8")
    own = page_links(body, url, "utf-8")
    assert found is not None
    assert set(found.links) == set(own.links)
    assert (found.feeds, found.is_article) == (own.feeds, own.is_article)
