"""Item pipeline: store the article under its key, new, updated, refreshed or unchanged, and
remember the URL it came from (its validators, its next re-check), with the crawl's next
write batch; the item goes on once that batch has committed."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future

from archive.store import Provenance
from archive.store.batch import PendingArticle
from archive.store.errors import UnrecordablePage
from archive.store.revisits import RevisitSteps, UrlCheck
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

    async def process_item(self, item: ExtractedPage) -> StoredArticle:
        captured, extracted = item.captured, item.extracted
        prov = Provenance.of(captured.page, captured.capture_id, self.session.crawl_id)
        pending = PendingArticle(
            extracted.article, extracted.key, prov, captured.capture,
            check=UrlCheck.of(captured.page), steps=self.steps,
        )  # fmt: skip
        with self.session.archive():
            self.session.writes.add(pending)
            await maybe_deferred_to_future(self.session.writes.committed())
        try:
            outcome = pending.result()  # raises what kept this one article out, if anything did
        except UnrecordablePage as error:  # counted and recorded with its capture already
            raise DropItem(str(error), log_level="DEBUG") from error
        self.stats.inc_value(f"archive/articles/{outcome}")
        return StoredArticle(item, outcome)
