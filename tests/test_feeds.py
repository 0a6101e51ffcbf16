"""Feeds in every format a news site serves (RSS 0.91 and 2.0, RSS 1.0/RDF, Atom, JSON Feed),
read from real feed files, alone and in a crawl of a loopback site."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiders.discovery.feeds import feeds_announced, parse_feed
from tests.crawling import crawl, rows
from tests.servers import html, serve_routes

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
TYPES = {
    "rss-0.91.xml": "application/rss+xml",
    "rss-2.0.xml": "application/rss+xml; charset=utf-8",
    "rss-1.0.rdf": "application/rdf+xml",
    "atom-1.0.xml": "application/atom+xml",
    "feed-1.1.json": "application/feed+json",
}
# What each feed file says: (its file, the article path, the entry's title and date).
ENTRIES = [
    ("rss-0.91.xml", "/news/rss091-story", "Fähre fährt wieder", None),
    ("rss-2.0.xml", "/news/rss20-story?utm_source=rss&utm_medium=rss",
     "Ferry timetable changes from Monday", "Sat, 14 Mar 2026 09:30:00 +0000"),
    ("rss-2.0.xml", "/news/rss20-guid-story", "Only a permalink guid",
     "Fri, 13 Mar 2026 18:00:00 +0000"),
    ("rss-1.0.rdf", "/news/rdf-story", "Mill reopens as a museum", "2026-03-12T07:15:00+01:00"),
    ("atom-1.0.xml", "/news/atom-story", "Wind farm approved", "2026-03-14T08:00:00+01:00"),
    ("feed-1.1.json", "/news/json-story", "Commuters turn to ferries",
     "2026-03-11T06:45:00+01:00"),
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(TYPES))
def test_every_format_gives_its_entries(name: str) -> None:
    base = "http://news.test"
    entries = parse_feed((FEEDS / name).read_bytes(), f"{base}/feeds/{name}", TYPES[name])
    want = [(f"{base}{path}", title, date) for feed, path, title, date in ENTRIES if feed == name]
    assert [(e.url, e.title, e.published) for e in entries] == want


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body><p>not a feed</p></body></html>",
        b"\x00\x01binary",
        b"",
        b'{"version": "1", "items": "nope"}',
        b'{"items": [{"url": "/a"}]}',
        b"/etc/hostname",  # a path: read as data, never as a file to open
        b"http://127.0.0.1:9/feed.xml",  # a URL: read as data, never fetched
    ],
)
def test_what_is_not_a_feed_has_no_entries(body: bytes) -> None:
    assert parse_feed(body, "http://news.test/feed", "") == []


def test_json_feed_is_announced_like_the_others() -> None:
    links = [("alternate", "application/feed+json", "/feed.json")]
    assert feeds_announced(links, "http://news.test/") == ["http://news.test/feed.json"]


def _article(title: str) -> str:
    words = "The ferry to Skarra runs again after the winter repairs to its quay. " * 8
    return (
        f'<html><head><meta property="og:type" content="article"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1><p>{words}</p></article></body></html>"
    )


def _routes() -> dict:
    announce = '<link rel="alternate" type="application/feed+json" href="/feeds/feed-1.1.json">'
    routes = {
        "/": html(f"<html><head>{announce}</head><body><h1>News</h1></body></html>"),
        "/feeds/broken.xml": html("<html><body>not a feed</body></html>"),
    }
    for name, kind in TYPES.items():
        body = (FEEDS / name).read_bytes()
        routes[f"/feeds/{name}"] = lambda body=body, kind=kind: (200, {"Content-Type": kind}, body)
    for _, path, title, _ in ENTRIES:
        routes[path.split("?")[0]] = html(_article(f"{title} in full"))
    return routes


def test_a_crawl_follows_every_format(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(_routes()) as base:
        feeds = [f"{base}/feeds/{name}" for name in TYPES if name != "feed-1.1.json"]
        args = [arg for feed in [*feeds, f"{base}/feeds/broken.xml"] for arg in ("--feed", feed)]
        crawl(db, f"{base}/", *args, "--depth", "2")
    stored = {r["url"].removeprefix(base): r for r in rows(db, "select * from articles")}
    assert sorted(stored) == sorted(path.split("?")[0] for _, path, _, _ in ENTRIES)
    dated = {path.split("?")[0]: date for _, path, _, date in ENTRIES if date}
    assert all(stored[path]["published"] for path in dated), "each feed's date is applied"
    assert stored["/news/rdf-story"]["published"] == "2026-03-12T07:15:00+01:00"
    failures = rows(db, "select url, kind from failures")
    assert failures == [{"url": f"{base}/feeds/broken.xml", "kind": "bad_feed"}]
