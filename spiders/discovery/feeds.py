"""Read article links out of RSS and Atom feeds, and find feeds announced by HTML pages."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from pipelines.extraction.urls import resolve

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; [] when body is not a feed."""
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None or _local(root.tag) not in {"rss", "feed", "rdf"}:
        return []
    entries = []
    for el in root.iter():
        name = _local(el.tag)
        if name not in {"item", "entry"}:
            continue
        link = _child_text(el, "link") if name == "item" else _atom_link(el)
        url = resolve(base_url, link or _permalink_guid(el))
        if url:
            title = _child_text(el, "title")
            date = _child_text(el, "pubdate", "published", "updated", "date")
            entries.append(FeedEntry(url, title, date))
    return entries


def _atom_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
            return child.get("href")
    return None


def _permalink_guid(item: etree._Element) -> str | None:
    for child in item:
        if _local(child.tag) == "guid" and child.get("isPermaLink", "true") != "false":
            return (child.text or "").strip() or None
    return None


def feeds_announced(links: list[tuple[str, str, str]], base_url: str) -> list[str]:
    """Feed URLs from <link rel="alternate" type=... href=...> triples (rel, type, href)."""
    urls = []
    for rel, kind, href in links:
        if "alternate" in rel.lower().split() and kind.lower().strip() in FEED_TYPES:
            url = resolve(base_url, href)
            if url and url not in urls:
                urls.append(url)
    return urls
