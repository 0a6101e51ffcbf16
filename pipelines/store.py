"""Item pipeline: store the article under its canonical URL, new, updated or unchanged."""

from __future__ import annotations

from scrapy.crawler import Crawler

from archive.articles import Provenance, save_article
from pipelines.extraction.urls import canonical_url, site_of
from pipelines.session import CrawlSession
from spiders.items import PageItem


def article_key(item: PageItem) -> str:
    """The URL an article is stored under: its rel=canonical on the same site, else its own."""
    canonical = item.article.canonical_url
    if canonical and site_of(canonical) == site_of(item.final_url):
        return canonical
    return canonical_url(item.final_url)


class StorePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = crawler.get_extension(CrawlSession)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        prov = Provenance(
            site=item.site,
            final_url=item.final_url,
            capture_id=item.capture_id,
            crawl_id=self.session.crawl_id,
            seen_at=item.fetched_at,
        )
        outcome = save_article(self.session.db, item.article, article_key(item), prov)
        self.stats.inc_value(f"archive/articles/{outcome}")
        return item
