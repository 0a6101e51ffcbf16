"""Item pipeline: store the article under its key, new, updated, refreshed or unchanged, and
remember the URL it came from (its validators, its next re-check)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from archive.store import Provenance, save_article, write_transaction
from archive.store.revisits import RevisitSteps, UrlCheck, remember_url
from pipelines.items import ExtractedPage, StoredArticle
from pipelines.session import CrawlSession


class StorePipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.steps = RevisitSteps.parse(crawler.settings.get("ARCHIVE_REVISIT_AFTER"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: ExtractedPage) -> StoredArticle:
        captured, extracted = item.captured, item.extracted
        prov = Provenance.of(captured.page, captured.capture_id, self.session.crawl_id)
        # The article and its URL's validators and next check, in one transaction.
        with self.session.archive() as db, write_transaction(db):
            outcome = save_article(db, extracted.article, extracted.key, prov)
            remember_url(db, UrlCheck.of(captured.page), extracted.key, self.steps)
        self.stats.inc_value(f"archive/articles/{outcome}")
        return StoredArticle(item, outcome)
