"""A fetched page read once: the article it holds (archive.ingest.page_to_article) and, when
the crawl leaves a page's links to its extraction, those links, found in the same lxml tree
(spiders/discovery/page_links.py) before extraction takes anything out of it. The crawl's
extraction processes run this; the crawl's own process need not parse the page a second
time to find where it leads."""

from __future__ import annotations

from lxml import html

from archive.ingest import Dropped, Extracted, IngestOptions, page_to_article
from archive.records import FetchedPage
from spiders.discovery.page_links import PageLinks, links_in_tree, page_links

Result = Extracted | Dropped
Reading = tuple[Result, PageLinks | None]


def read_page(page: FetchedPage, options: IngestOptions, links: str | None = None) -> Reading:
    """The page's article or drop, and its links if asked for: links names the encoding
    Scrapy read the page in, for a page extraction does not parse (one too large to
    extract, say), which is then parsed for its links alone."""
    if links is None:
        return page_to_article(page, options), None
    found: list[PageLinks] = []

    def seen(tree: html.HtmlElement) -> None:
        found.append(links_in_tree(tree, page.final_url))

    result = page_to_article(page, options, seen)
    if found:
        return result, found[0]
    return result, page_links(page.body, page.final_url, links)
