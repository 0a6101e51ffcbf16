"""Discovery building blocks: feeds, sitemaps (plain, gzip, index, news), link rules, URLs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from spiders.discovery.feeds import feeds_announced, parse_feed
from spiders.discovery.links import skip_reason
from spiders.discovery.sitemaps import SitemapTooLarge, parse_sitemap

FIXTURES = Path(__file__).parent / "fixtures" / "discovery"


def test_rss_links_and_permalink_guids() -> None:
    entries = parse_feed((FIXTURES / "rss.xml").read_bytes(), "https://harbour-gazette.test/feed/")
    assert [e.url for e in entries] == [
        "https://harbour-gazette.test/2026/03/14/ferry-timetable/?utm_source=rss&utm_medium=rss",
        "https://harbour-gazette.test/2026/03/13/only-guid/",
    ]
    assert entries[0].title == "Ferry timetable changes from Monday"
    assert entries[0].published == "Sat, 14 Mar 2026 09:30:00 +0000"


def test_atom_alternate_links_resolved_against_the_feed() -> None:
    entries = parse_feed((FIXTURES / "atom.xml").read_bytes(), "https://northwind.test/feed.atom")
    assert [e.url for e in entries] == ["https://northwind.test/news/wind-farm-approved"]
    assert entries[0].published == "2026-03-14T08:00:00+01:00"


def test_html_is_not_a_feed() -> None:
    assert parse_feed(b"<html><body><p>hello</p></body></html>", "https://x.test/") == []
    assert parse_feed(b"\x00\x01binary", "https://x.test/") == []


def test_google_news_sitemap_keeps_title_and_date_newest_first() -> None:
    sitemap = parse_sitemap(
        (FIXTURES / "news-sitemap.xml").read_bytes(), "https://northwind.test/", 0
    )
    assert not sitemap.is_index
    first = sitemap.entries[0]
    assert first.url == "https://northwind.test/news/wind-farm-approved"
    assert first.news_title == "Wind farm approved"
    assert first.news_published == "2026-03-14T08:00:00+01:00"
    assert len(sitemap.entries) == 2


def test_sitemap_index_gzipped() -> None:
    body = gzip.compress((FIXTURES / "sitemap-index.xml").read_bytes())
    sitemap = parse_sitemap(body, "https://mekong-ledger.test/sitemap.xml", 10_000)
    assert sitemap.is_index
    assert {e.url for e in sitemap.entries} == {
        "https://mekong-ledger.test/sitemap-articles.xml.gz",
        "https://mekong-ledger.test/sitemap-pages.xml",
    }


def test_broken_sitemap_is_empty_not_an_exception() -> None:
    assert parse_sitemap(b"<urlset><url><loc>", "https://x.test/", 0).entries == []
    assert parse_sitemap(b"\x1f\x8bnot really gzip", "https://x.test/", 0).entries == []
    assert parse_sitemap(gzip.compress(b"<urlset>")[:-6], "https://x.test/", 0).entries == []


def test_a_gzipped_sitemap_is_capped_at_the_download_maximum() -> None:
    """DOWNLOAD_MAXSIZE bounds every response; a gzipped sitemap's unpacked bytes too."""
    xml = (FIXTURES / "sitemap-index.xml").read_bytes()
    assert len(parse_sitemap(gzip.compress(xml), "https://x.test/", len(xml)).entries) == 2
    with pytest.raises(SitemapTooLarge):
        parse_sitemap(gzip.compress(xml), "https://x.test/", len(xml) - 1)


def test_feeds_announced_by_link_alternate() -> None:
    links = [
        ("alternate", "application/rss+xml", "/feed/"),
        ("alternate", "text/html", "/fr/"),
        ("stylesheet", "text/css", "/s.css"),
        ("alternate", "application/atom+xml", "https://x.test/feed.atom"),
    ]
    assert feeds_announced(links, "https://x.test/news/") == [
        "https://x.test/feed/",
        "https://x.test/feed.atom",
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://x.test/2026/03/14/story-slug/", None),
        ("https://x.test/page/2/", None),
        ("https://x.test/page/6/", "pagination beyond limit"),
        ("https://x.test/news?page=40", "pagination beyond limit"),
        ("https://x.test/archive?date=2026-03-14", "calendar"),
        ("https://x.test/events?day=20260314", "calendar"),
        ("https://x.test/section/world?sort=newest", "facet"),
        ("https://x.test/a?b=1&c=2&d=3&e=4", "too many query parameters"),
        ("https://x.test/wp-login.php", "utility page"),
        ("https://x.test/a/b/a/b/a/b/a/b", "repeating path"),
        ("https://x.test/" + "x" * 500, "url too long"),
    ],
)
def test_link_rules(url: str, reason: str | None) -> None:
    assert skip_reason(url, max_pagination=5) == reason


def test_a_sitemap_keeps_its_newest_entries_up_to_the_limit() -> None:
    xml = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + b"".join(
            b"<url><loc>/n/%d</loc><lastmod>2026-03-%02d</lastmod></url>" % (i, i)
            for i in range(1, 29)
        )
        + b"</urlset>"
    )
    kept = parse_sitemap(gzip.compress(xml), "https://x.test/", 0, max_urls=3)
    assert [e.url for e in kept.entries] == [f"https://x.test/n/{i}" for i in (28, 27, 26)]
    assert kept.skipped == 25
    assert parse_sitemap(xml, "https://x.test/", 0, max_urls=0).skipped == 28


def test_a_feed_naming_no_character_is_read_and_its_text_can_be_stored() -> None:
    """&#xD800; made feedparser raise (the whole feed lost); a JSON Feed's "\\ud800" gave a
    title SQLite refuses to store (the story's capture lost)."""
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        b"<title>A &#xD800; &#0; &#55296; title &#233;</title><link>/a</link></item>"
        b"</channel></rss>"
    )
    json_feed = (
        b'{"version": "https://jsonfeed.org/version/1.1",'
        b' "items": [{"url": "/b", "title": "A \\ud800 title"}]}'
    )
    for body in (rss, json_feed):
        (entry,) = parse_feed(body, "https://x.test/feed")
        assert entry.title and entry.title.encode("utf-8")  # no lone surrogate left
