"""Read XML sitemaps: indexes, url sets, gzip files and Google News extensions."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from scrapy.utils.gz import gunzip

from pipelines.extraction.urls import resolve

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
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


def sitemap_bytes(body: bytes) -> bytes:
    """The XML of a sitemap whether it was served plain or as a .gz file."""
    if body[:2] == b"\x1f\x8b":
        return gunzip(body, max_size=MAX_SITEMAP_BYTES)
    return body


def parse_sitemap(body: bytes, base_url: str) -> Sitemap:
    """Entries of a <sitemapindex> or <urlset>, newest first; an empty Sitemap if not one."""
    try:
        root = etree.fromstring(sitemap_bytes(body), parser=_PARSER)
    except (etree.XMLSyntaxError, OSError, ValueError):
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
