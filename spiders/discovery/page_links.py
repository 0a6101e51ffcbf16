"""Links found in an HTML page: its links, the feeds it announces and whether it presents
itself as an article, from one lxml tree: the extraction's own in a crawl that extracts
(pipelines/reading.py), so a page is parsed once; a tree of its own otherwise (page_links).
Replaces Scrapy's LinkExtractor, which parses the page (through parsel) and builds a Link
object for every anchor, repeats included."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from spiders.discovery.feeds import feeds_announced
from spiders.discovery.links import looks_like_article

# The schemes LinkExtractor hands on: others (mailto:, javascript:, tel:) are no links at all.
_LINK_SCHEMES = ("http:", "https:", "file:", "ftp:")
_HREFS = etree.XPath("//a/@href | //area/@href", smart_strings=False)
_BASE = etree.XPath("//base/@href", smart_strings=False)
_FEED_LINKS = etree.XPath("//link[@rel][@type][@href]")
_OG_TYPE = etree.XPath("//meta[@property='og:type']/@content", smart_strings=False)
_JSONLD = etree.XPath("//script[@type='application/ld+json']/text()", smart_strings=False)
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"\w*(?:Article|BlogPosting|Report)"')


@dataclass(frozen=True)
class PageLinks:
    """What a page links to: its links (absolute, each once, in page order) and feeds."""

    links: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    is_article: bool = False  # marked up as an article (og:type, JSON-LD) or at a story's URL


def page_links(body: bytes, url: str, encoding: str) -> PageLinks:
    """The links of an HTML page; none when it cannot be parsed."""
    parser = etree.HTMLParser(encoding=encoding, recover=True, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser=parser, base_url=url)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return PageLinks()
    if root is None:
        return PageLinks()
    return links_in_tree(root, url)


def links_in_tree(root: etree._Element, url: str) -> PageLinks:
    """The links of a parsed page (its tree as parsed, before anything is removed from it),
    relative ones read against its <base> or URL."""
    bases = _BASE(root)
    base = urljoin(url, bases[0].strip()) if bases else url
    feeds = feeds_announced(
        [(e.get("rel", ""), e.get("type", ""), e.get("href", "")) for e in _FEED_LINKS(root)], base
    )
    return PageLinks(_absolute(_HREFS(root), base), feeds, _is_article(root, url))


def _absolute(hrefs: list[str], base: str) -> list[str]:
    """Each href once, absolute (links to images, media and documents included: the spider
    leaves those out, see spiders/news.py; this module runs in extraction processes too,
    which have no need to import Scrapy for its list of their extensions)."""
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    out: dict[str, None] = {}
    for href in dict.fromkeys(hrefs):
        href = href.strip()
        if href.startswith("/") and not href.startswith("//"):
            absolute = origin + href  # the commonest case, without urljoin's cost
        else:
            absolute = urljoin(base, href)
        if not absolute.startswith(_LINK_SCHEMES):
            continue
        absolute = absolute.split("#", 1)[0]
        out[absolute] = None
    return list(out)


def _is_article(root: etree._Element, url: str) -> bool:
    if any("article" in value.lower() for value in _OG_TYPE(root)):
        return True
    if any(_ARTICLE_TYPE.search(text) for text in _JSONLD(root)):
        return True
    return looks_like_article(url)
