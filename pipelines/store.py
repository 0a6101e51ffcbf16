"""Item pipeline: store the article under its canonical URL, new, updated or unchanged."""

from __future__ import annotations

from scrapy.crawler import Crawler

from archive.articles import Provenance, save_article
from pipelines.extraction.urls import article_key
from pipelines.session import CrawlSession
from spiders.items import PageItem


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
        key = article_key(item.article.canonical_url, item.final_url)
        outcome = save_article(self.session.db, item.article, key, prov)
        self.stats.inc_value(f"archive/articles/{outcome}")
        return item
