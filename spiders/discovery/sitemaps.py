"""Read XML sitemaps: indexes, url sets, gzip files and Google News extensions."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field

from lxml import etree

from pipelines.extraction.urls import resolve

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None


@dataclass
class Sitemap:
    """A parsed sitemap: an index of other sitemaps, or a set of page URLs."""

    is_index: bool = False
    entries: list[SitemapEntry] = field(default_factory=list)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class SitemapTooLarge(ValueError):
    """A gzipped sitemap that unpacks to more bytes than the crawl's DOWNLOAD_MAXSIZE."""


def sitemap_bytes(body: bytes, max_size: int) -> bytes:
    """The XML of a sitemap whether it was served plain or as a .gz file, unpacked to at most
    max_size bytes (0: no limit), the cap the crawl puts on any response."""
    if body[:2] != b"\x1f\x8b":
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
        xml = unpacked.read(max_size + 1 if max_size else -1)
    if max_size and len(xml) > max_size:
        raise SitemapTooLarge(f"the sitemap unpacks to more than {max_size} bytes")
    return xml


def parse_sitemap(body: bytes, base_url: str, max_size: int) -> Sitemap:
    """Entries of a <sitemapindex> or <urlset>, newest first; an empty Sitemap if not one.
    Raises SitemapTooLarge for a gzipped one that unpacks to more than max_size bytes."""
    try:
        root = etree.fromstring(sitemap_bytes(body, max_size), parser=_PARSER)
    except (etree.XMLSyntaxError, OSError, EOFError):
        return Sitemap()
    if root is None or _local(root.tag) not in {"sitemapindex", "urlset"}:
        return Sitemap()
    sitemap = Sitemap(is_index=_local(root.tag) == "sitemapindex")
    for node in root:
        values = {_local(el.tag): (el.text or "").strip() for el in node.iter()}
        url = resolve(base_url, values.get("loc"))
        if url:
            sitemap.entries.append(
                SitemapEntry(
                    url,
                    lastmod=values.get("lastmod") or None,
                    news_title=values.get("title") or None,
                    news_published=values.get("publication_date") or None,
                )
            )
    sitemap.entries.sort(key=lambda e: e.news_published or e.lastmod or "", reverse=True)
    return sitemap
