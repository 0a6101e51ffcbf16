"""Item pipeline: store the article under its key, new, updated, refreshed or unchanged."""

from __future__ import annotations

from scrapy.crawler import Crawler

from archive.store import Provenance, save_article
from pipelines.items import ExtractedPage, StoredArticle
from pipelines.session import CrawlSession


class StorePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: ExtractedPage) -> StoredArticle:
        captured, extracted = item.captured, item.extracted
        prov = Provenance.of(captured.page, captured.capture_id, self.session.crawl_id)
        with self.session.archive() as db:
            outcome = save_article(db, extracted.article, extracted.key, prov)
        self.stats.inc_value(f"archive/articles/{outcome}")
        return StoredArticle(item, outcome)
