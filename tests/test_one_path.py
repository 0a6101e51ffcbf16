"""One path from page to archive: the crawl, `reextract` and the test helper store the same page
the same way (its key, the crawl's minimum words, the feed's date)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import __version__
from archive.cli import cli
from tests.archive_helpers import PAGES, build_archive
from tests.crawling import crawl, rows
from tests.servers import html, serve_routes

PROJECT_URL = "+https://github.com/news-archive/news-archive"
NAMES = ["seed_phnompenh_post", "lang_german", "caption_guardian_style"]
FEED_DATE = "Sat, 14 Mar 2026 09:30:00 +0000"
SENTENCE = "The harbour board met on Tuesday to agree the spring timetable for the ferries. "


def _article(headline: str, sentences: int) -> str:
    """An article page with article markup and no date anywhere."""
    return (
        '<html><head><meta property="og:type" content="article">'
        f"<title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{SENTENCE * sentences}</p></article></body></html>"
    )


UNDATED = _article("Ferry timetable agreed for the spring season", 8)
BRIEF = _article("Harbour board meets", 2)  # under 50 words
# A CMS whose query names the story; and three spellings of one path.
CONTENT_IDS = ["/article.php?cid=123", "/article.php?cid=124"]
CAFE = ["/news/café", "/news/caf%C3%A9", "/news/caf%c3%a9"]


USER_AGENTS: set[str] = set()
MAX_SIZE = 200_000
# A gzipped sitemap of 70 KB that unpacks to more than the crawl's ARCHIVE_SITEMAP_MAX_BYTES.
BIG_SITEMAP = gzip.compress(
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + b"".join(b"<url><loc>/news/%d</loc></url>" % i for i in range(MAX_SIZE // 20))
    + b"</urlset>"
)


def _routes() -> dict:
    links = [f"/news/{name}" for name in NAMES] + ["/news/brief", *CONTENT_IDS, *CAFE]
    home = "".join(f'<p><a href="{link}">{link}</a></p>' for link in links)
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
        "<item><title>Ferry timetable</title><link>/news/undated</link>"
        f"<pubDate>{FEED_DATE}</pubDate></item></channel></rss>"
    )
    routes = {
        "/": html(f"<html><body><h1>Harbour news</h1>{home}</body></html>"),
        "/feed.xml": lambda: (200, {"Content-Type": "application/rss+xml"}, feed.encode()),
        "/news/undated": html(UNDATED),
        "/news/brief": html(BRIEF),
        "/sitemap.xml.gz": lambda: (200, {"Content-Type": "application/gzip"}, BIG_SITEMAP),
        "/news/café": html(_article("Café reopens on the quay after the winter", 8)),
    }
    for path in CONTENT_IDS:
        routes[path] = html(_article(f"Story number {path[-3:]} on the ferries", 8))
    for name in NAMES:
        routes[f"/news/{name}"] = html((PAGES / f"{name}.html").read_bytes(), charset=None)
    return routes


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> tuple[Path, str]:
    """An archive crawled with a 20-word floor, and the base URL the pages were served at."""
    db = tmp_path_factory.mktemp("one-path") / "archive.db"
    with serve_routes(_routes(), USER_AGENTS) as base:
        crawl(
            db,
            f"{base}/",
            "--feed",
            f"{base}/feed.xml",
            "--sitemap",
            f"{base}/sitemap.xml.gz",
            "--depth",
            "1",
            "-s",
            "ARCHIVE_MIN_WORDS=20",
            "-s",
            f"DOWNLOAD_MAXSIZE={MAX_SIZE}",
            "-s",
            f"ARCHIVE_SITEMAP_MAX_BYTES={MAX_SIZE}",
        )
    return db, base


_COLUMNS = "url, headline, body, authors, published, language, tags"


def test_a_floor_below_50_words_keeps_a_short_article(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    (brief,) = rows(db, "select * from articles where url = ?", [f"{base}/news/brief"])
    assert brief["word_count"] < 50 and brief["headline"] == "Harbour board meets"


def test_a_gzipped_sitemap_is_capped_once_unpacked(crawled: tuple[Path, str]) -> None:
    db, _ = crawled
    assert len(BIG_SITEMAP) < MAX_SIZE
    (failure,) = rows(db, "select kind, detail from failures where url like '%sitemap%'")
    assert failure["kind"] == "too_large" and str(MAX_SIZE) in failure["detail"]
    assert "ARCHIVE_SITEMAP_MAX_BYTES" in failure["detail"]


def test_the_crawler_says_which_version_it_is(crawled: tuple[Path, str]) -> None:
    want = f"news-archive/{__version__} (archival crawler; {PROJECT_URL})"
    assert sorted(USER_AGENTS) == [want]


def test_the_feed_date_reaches_an_undated_article(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    (row,) = rows(db, "select published from articles where url = ?", [f"{base}/news/undated"])
    assert row["published"] == "2026-03-14T09:30:00+00:00"


def test_a_content_id_in_the_query_is_a_story_of_its_own(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    stored = rows(db, "select url, headline from articles where url like '%article.php%'")
    assert sorted((r["url"], r["headline"]) for r in stored) == [
        (f"{base}/article.php?cid=123", "Story number 123 on the ferries"),
        (f"{base}/article.php?cid=124", "Story number 124 on the ferries"),
    ]


def test_every_spelling_of_a_path_is_one_page(crawled: tuple[Path, str]) -> None:
    db, base = crawled
    assert rows(db, "select url from captures where url like '%/news/caf%'") == [
        {"url": f"{base}/news/caf%C3%A9"}
    ]
    assert len(rows(db, "select id from articles where url like '%/news/caf%'")) == 1


def test_the_helper_stores_pages_as_the_crawl_does(crawled: tuple[Path, str], tmp_path) -> None:
    """Pages whose rel=canonical names another site are kept under the URL they came from."""
    db, base = crawled
    pages = [(f"{base}/news/{name}", (PAGES / f"{name}.html").read_bytes()) for name in NAMES]
    helper = build_archive(tmp_path / "helper.db", pages)
    want = rows(db, f"select {_COLUMNS} from articles where url like '%/news/%' order by url")
    want = [r for r in want if r["url"].rsplit("/", 1)[-1] in NAMES]
    assert len(want) == len(NAMES)
    assert rows(helper, f"select {_COLUMNS} from articles order by url") == want


def test_reextract_applies_the_crawls_rules(crawled: tuple[Path, str], tmp_path) -> None:
    """The crawl's 20-word floor and the feed's date, not reextract's own defaults."""
    db = tmp_path / "copy.db"
    shutil.copy(crawled[0], db)
    shutil.copytree(crawled[0].parent / "warcs", tmp_path / "warcs")  # the captured bytes
    before = rows(db, f"select {_COLUMNS}, version from articles order by url")
    result = CliRunner().invoke(cli, ["reextract", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Re-extracted: 1 not_article, 8 unchanged"  # the home page
    assert rows(db, f"select {_COLUMNS}, version from articles order by url") == before
