"""The archive stores only http(s) URLs, percent-encoded: an article's key, its lead image
and its captions' images, whatever markup or scheme a hostile page puts in them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archive.store import Provenance, UnsafeURL, open_archive, save_article
from pipelines.extraction import Article
from tests.crawling import crawl, rows
from tests.servers import SENTENCE, html, serve_routes

XSS_PATH = '/story/"><svg/onload=alert(1)>'


def _story(title: str, head: str = "", figure: str = "") -> str:
    return (
        f'<html><head><meta property="og:type" content="article"><title>{title}</title>{head}'
        f"</head><body><article><h1>{title}</h1>{figure}<p>{SENTENCE * 8}</p>"
        "</article></body></html>"
    )


def _figure(src: str) -> str:
    return f'<figure><img src="{src}" alt="x"><figcaption>The quay at dawn.</figcaption></figure>'


def _routes() -> dict:
    markup = XSS_PATH.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    stories = {
        "/news/markup": _story("Canonical with markup", f'<link rel="canonical" href="{markup}">'),
        "/news/js-canonical": _story(
            "Canonical that runs script", '<link rel="canonical" href="javascript:alert(1)">'
        ),
        "/news/js-image": _story(
            "Images that run script",
            '<meta property="og:image" content="javascript:alert(1)">',
            _figure("javascript:alert(2)"),
        ),
        "/news/data-image": _story(
            "Images inline", '<meta property="og:image" content="data:image/png;base64,AAAA">'
        ),
        "/news/spaced-image": _story(
            "Images with spaces",
            '<meta property="og:image" content="/img/a b&quot;c.jpg">',
            _figure("/img/d e.jpg"),
        ),
    }
    home = "".join(f'<a href="{path}">{path}</a> ' for path in stories)
    routes = {path: html(page) for path, page in stories.items()}
    routes["/"] = html(f"<html><body>{home}</body></html>")
    return routes


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("urls") / "archive.db"
    with serve_routes(_routes()) as base:
        crawl(db, f"{base}/", "--depth", "1")
    return db, base


def _safe(url: str) -> bool:
    return urlsplit(url).scheme in {"http", "https"} and not any(c in url for c in "\"<> '")


def test_every_stored_url_is_http_and_percent_encoded(stored: tuple[Path, str]) -> None:
    db, _ = stored
    urls = [r["url"] for r in rows(db, "select url from articles")]
    urls += [r["u"] for r in rows(db, "select lead_image_url as u from articles") if r["u"]]
    urls += [r["u"] for r in rows(db, "select image_url as u from captions") if r["u"]]
    assert len(urls) >= 5
    assert [url for url in urls if not _safe(url)] == []


def test_a_canonical_url_with_markup_is_stored_encoded(stored: tuple[Path, str]) -> None:
    db, base = stored
    (row,) = rows(db, "select url from articles where headline = 'Canonical with markup'")
    assert row["url"] == f"{base}/story/%22%3E%3Csvg/onload=alert(1)%3E"


def test_a_canonical_that_is_not_http_leaves_the_page_url(stored: tuple[Path, str]) -> None:
    db, base = stored
    (row,) = rows(db, "select url from articles where headline = 'Canonical that runs script'")
    assert row["url"] == f"{base}/news/js-canonical"


@pytest.mark.parametrize("headline", ["Images that run script", "Images inline"])
def test_an_image_that_is_not_http_is_not_stored(stored: tuple[Path, str], headline: str) -> None:
    db, _ = stored
    (row,) = rows(db, "select id, lead_image_url from articles where headline = ?", [headline])
    assert row["lead_image_url"] is None
    images = rows(db, "select image_url from captions where article_id = ?", [row["id"]])
    assert all(image["image_url"] is None for image in images)


def test_an_image_url_with_spaces_is_stored_encoded(stored: tuple[Path, str]) -> None:
    db, base = stored
    (row,) = rows(
        db, "select id, lead_image_url from articles where headline = 'Images with spaces'"
    )
    assert row["lead_image_url"] == f"{base}/img/a%20b%22c.jpg"
    (caption,) = rows(db, "select image_url from captions where article_id = ?", [row["id"]])
    assert caption["image_url"] == f"{base}/img/d%20e.jpg"


@pytest.mark.parametrize(
    ("key", "image"),
    [
        ('http://news.test/story/"><svg/onload=alert(1)>', None),
        ("javascript:alert(1)", None),
        ("http://news.test/story", "javascript:alert(1)"),
        ("http://news.test/story", "http://news.test/a b.jpg"),
    ],
)
def test_the_store_refuses_an_unsafe_url(tmp_path: Path, key: str, image: str | None) -> None:
    """Whoever writes to the store, not only archive.ingest."""
    db = open_archive(tmp_path / "a.db")
    article = Article(headline="A story", body=["Text."], lead_image_url=image)
    with pytest.raises(UnsafeURL):
        save_article(db, article, key, Provenance("news.test", "http://news.test/story"))
    assert db.table("articles").count == 0
    db.close()
