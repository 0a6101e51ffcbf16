"""Read article links out of feeds, and find the feeds HTML pages announce.

RSS 0.9x to 2.0, RSS 1.0 (RDF) and Atom are read by feedparser, JSON Feed (which feedparser 6
does not read) by `_json_feed`. Feeds come from the crawl's responses, already bounded by
DOWNLOAD_MAXSIZE: feedparser is handed the bytes as a stream, so it never fetches a URL or
opens a file named by a hostile body, and it neither sanitises nor rewrites content we do not
keep.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

import feedparser

from pipelines.extraction.urls import resolve

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None


def parse_feed(body: bytes, base_url: str, content_type: str = "") -> list[FeedEntry]:
    """Entries of a feed in any of the formats above; [] when body is not a feed."""
    if body.lstrip()[:1] == b"{":
        return _json_feed(body, base_url)
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": base_url, "content-type": content_type},
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not parsed.get("version"):
        return []  # HTML, an error page, or bytes no feed parser recognises
    entries = []
    for entry in parsed.entries:
        url = resolve(base_url, _link(entry))
        if url:
            date = entry.get("published") or entry.get("updated") or entry.get("created")
            entries.append(FeedEntry(url, entry.get("title") or None, date or None))
    return entries


def _link(entry: Any) -> str | None:
    """The entry's page: its alternate link, else an RSS guid that is a permalink."""
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    if entry.get("guidislink") and entry.get("id"):
        return str(entry["id"])
    return None


def _json_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of a JSON Feed (https://jsonfeed.org, versions 1 and 1.1): each item's url.
    An item with only an external_url points at another site's page: not one of ours."""
    try:
        feed = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(
        _JSON_FEED_VERSION
    ):
        return []
    items = feed.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        url = resolve(base_url, item["url"])
        if url:
            title = item.get("title") if isinstance(item.get("title"), str) else None
            date = item.get("date_published") or item.get("date_modified")
            entries.append(FeedEntry(url, title or None, date if isinstance(date, str) else None))
    return entries


def feeds_announced(links: list[tuple[str, str, str]], base_url: str) -> list[str]:
    """Feed URLs from <link rel="alternate" type=... href=...> triples (rel, type, href)."""
    urls = []
    for rel, kind, href in links:
        if "alternate" in rel.lower().split() and kind.lower().strip() in FEED_TYPES:
            url = resolve(base_url, href)
            if url and url not in urls:
                urls.append(url)
    return urls
