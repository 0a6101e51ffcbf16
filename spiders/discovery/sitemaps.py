"""Read XML sitemaps: indexes, url sets, gzip files and Google News extensions.

A sitemap is read as a stream (lxml's iterparse over the unpacked bytes, each entry let go
once read), so a file of 300,000 URLs never stands in memory as a tree, and only its newest
`max_urls` entries are kept (the sitemap protocol allows 50,000 per file): a site may list
its entries oldest first, and the newest are the ones an archive wants first.
"""

from __future__ import annotations

import gzip
import heapq
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from pipelines.extraction.urls import resolve

MAX_URLS = 50_000  # the most URLs the sitemap protocol allows in one file
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None

    @property
    def date(self) -> str:
        return self.news_published or self.lastmod or ""


@dataclass
class Sitemap:
    """A parsed sitemap: an index of other sitemaps, or a set of page URLs, newest first;
    `skipped` entries were beyond the newest max_urls."""

    is_index: bool = False
    entries: list[SitemapEntry] = field(default_factory=list)
    skipped: int = 0


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class SitemapTooLarge(ValueError):
    """A sitemap that unpacks to more bytes than the crawl allows (ARCHIVE_SITEMAP_MAX_BYTES)."""


class _Capped(io.RawIOBase):
    """A stream of at most max_size bytes (0: no limit); SitemapTooLarge past that."""

    def __init__(self, stream: io.BufferedIOBase, max_size: int):
        self.stream, self.max_size, self.read_so_far = stream, max_size, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        # Never "all of it": a gzip bomb would be unpacked whole before the count is checked.
        size = _CHUNK if size is None or size < 0 else min(size, _CHUNK)
        data = self.stream.read(size)
        self.read_so_far += len(data)
        if self.max_size and self.read_so_far > self.max_size:
            raise SitemapTooLarge(f"the sitemap unpacks to more than {self.max_size} bytes")
        return data


def sitemap_stream(body: bytes, max_size: int) -> io.RawIOBase:
    """The XML of a sitemap whether it was served plain or as a .gz file, as a stream of at
    most max_size bytes (0: no limit)."""
    raw: io.BufferedIOBase = io.BytesIO(body)
    if body[:2] == b"\x1f\x8b":
        raw = gzip.GzipFile(fileobj=raw)
    return _Capped(raw, max_size)


# An entry as read: (date, rank, loc, lastmod, title, publication date). Tuples, so the
# heap compares them in C: by date, and for one date the entry listed first (rank -position)
# counts as newer. Only the URLs of the entries kept are resolved.
_Read = tuple[str, int, str, str, str, str]


def parse_sitemap(body: bytes, base_url: str, max_size: int, max_urls: int = MAX_URLS) -> Sitemap:
    """The newest max_urls entries of a <sitemapindex> or <urlset>, newest first; an empty
    Sitemap if it is not one. Raises SitemapTooLarge for one that unpacks to more than
    max_size bytes."""
    sitemap = Sitemap()
    newest: list[_Read] = []  # a min-heap: the oldest entry kept is on top
    # Only the ends of <url> and <sitemap> elements reach Python: the rest is lxml's C.
    events = etree.iterparse(
        sitemap_stream(body, max_size), events=("end",), tag=("{*}url", "{*}sitemap"),
        recover=True, resolve_entities=False, no_network=True, load_dtd=False,
    )  # fmt: skip
    parent, kind = None, ""
    try:
        for position, (_, element) in enumerate(events):
            if element.getparent() is not parent:
                parent = element.getparent()
                kind = _local(parent.tag) if parent is not None else ""
            if kind in {"urlset", "sitemapindex"}:
                sitemap.is_index = kind == "sitemapindex"
                _keep(newest, element, position, max_urls, sitemap)
            _release(element)
    except (etree.XMLSyntaxError, OSError, EOFError):
        pass  # a broken or cut file: what was read before the break stands
    kept = (_entry(read, base_url) for read in sorted(newest, reverse=True))
    sitemap.entries = [entry for entry in kept if entry]
    return sitemap


def _fields(element: etree._Element) -> dict[str, str]:
    """An entry's loc, lastmod, and its Google News title and publication_date (one level
    down, in <news:news>), by local name."""
    fields: dict[str, str] = {}
    for child in element:
        name = _local(child.tag)
        if name == "news":
            fields.update((_local(c.tag), (c.text or "").strip()) for c in child)
        elif name in {"loc", "lastmod"}:
            fields[name] = (child.text or "").strip()
    return fields


def _entry(read: _Read, base_url: str) -> SitemapEntry | None:
    _, _, loc, lastmod, title, published = read
    url = resolve(base_url, loc)
    if not url:
        return None
    return SitemapEntry(url, lastmod or None, title or None, published or None)


def _keep(
    newest: list[_Read], element: etree._Element, position: int, max_urls: int, sitemap: Sitemap
) -> None:
    """Keep an entry if it is among the newest max_urls so far; count the one let go."""
    fields = _fields(element)
    published, lastmod = fields.get("publication_date", ""), fields.get("lastmod", "")
    date = published or lastmod
    if len(newest) >= max_urls:
        sitemap.skipped += 1
        if not newest or (date, -position) <= newest[0][:2]:
            return
    read = (date, -position, fields.get("loc", ""), lastmod, fields.get("title", ""), published)
    if len(newest) < max_urls:
        heapq.heappush(newest, read)
    else:
        heapq.heapreplace(newest, read)


def _release(element: etree._Element) -> None:
    """Let go of an entry once read, and of the siblings read before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def sitemaps_in_robots(body: bytes, base_url: str) -> Iterator[str]:
    """The URLs of a robots.txt's Sitemap: lines (Scrapy's own reader takes text up to
    Scrapy 2.14 and bytes from 2.15 on, warning about the other)."""
    for line in body.splitlines():
        name, _, value = line.strip().partition(b":")
        if name.strip().lower() == b"sitemap" and value.strip():
            try:
                yield urljoin(base_url, value.strip().decode("utf-8"))
            except UnicodeDecodeError:
                continue
