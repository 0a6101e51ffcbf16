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
import re
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


class FeedError(ValueError):
    """A feed the feed parser gave up on."""


def parse_feed(body: bytes, base_url: str, content_type: str = "") -> list[FeedEntry]:
    """Entries of a feed in any of the formats above; [] when body is not a feed. FeedError
    when the parser breaks on it."""
    if body.lstrip()[:1] == b"{":
        return _json_feed(body, base_url)
    try:
        parsed = feedparser.parse(
            io.BytesIO(_CHARACTER_REFERENCE.sub(_valid_reference, body)),
            response_headers={"content-location": base_url, "content-type": content_type},
            resolve_relative_uris=False,
            sanitize_html=False,
        )
    except (UnicodeError, ValueError) as error:  # what its loose parser raises on bad bytes
        raise FeedError(f"the feed parser broke on it ({type(error).__name__}: {error})") from error
    if not parsed.get("version"):
        return []  # HTML, an error page, or bytes no feed parser recognises
    entries = []
    for entry in parsed.entries:
        url = resolve(base_url, _link(entry))
        if url:
            date = entry.get("published") or entry.get("updated") or entry.get("created")
            entries.append(FeedEntry(url, _text(entry.get("title")), _text(date)))
    return entries


# A numeric character reference: &#55296; or &#xD800;.
_CHARACTER_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _valid_reference(match: re.Match[bytes]) -> bytes:
    """The reference, or U+FFFD's for one naming no character (a lone surrogate, NUL, or
    past U+10FFFF), on which feedparser's loose parser raises."""
    digits = match.group(1)
    code = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
    valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
    return match.group(0) if valid else b"&#xFFFD;"


def _text(value: object) -> str | None:
    """A feed's text as the archive can keep it: a str with no lone surrogates (a JSON
    feed's "\\ud800" decodes to one, and SQLite refuses to store it)."""
    if not isinstance(value, str) or not value:
        return None
    return value.encode("utf-8", "replace").decode("utf-8")


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
            date = item.get("date_published") or item.get("date_modified")
            entries.append(FeedEntry(url, _text(item.get("title")), _text(date)))
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
