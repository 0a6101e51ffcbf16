"""Item pipeline: note each re-check of a known page; a 304 (Not Modified) ends here, with
its article's last_seen moved and nothing extracted."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future

from archive.store.batch import PendingCheck
from archive.store.revisits import RevisitSteps, UrlCheck
from pipelines.items import CapturedPage
from pipelines.session import CrawlSession
from spiders.revisits import Revisits


class RevisitPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        self.revisits = Revisits.of(crawler)
        self.steps = RevisitSteps.parse(crawler.settings.get("ARCHIVE_REVISIT_AFTER"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RevisitPipeline:
        return cls(crawler)

    async def process_item(self, item: CapturedPage) -> CapturedPage:
        page = item.page
        recheck = self.revisits is not None and self.revisits.is_recheck(page.url)
        if page.status != 304 and not recheck:
            return item
        pending = PendingCheck(UrlCheck.of(page), self.steps)
        with self.session.archive():  # with the crawl's next write batch, in order
            self.session.writes.add(pending)
        if page.status != 304:
            return item  # changed, gone, or no validators were sent: on to extraction
        with self.session.archive():  # a 304 ends here: counted once its check is in
            await maybe_deferred_to_future(self.session.writes.committed())
        known = bool(pending.known)
        # A 304 for a URL the archive does not hold (a server answering one unasked) is
        # neither an article nor a failure either.
        self.stats.inc_value(
            "archive/articles/not_modified" if known else "archive/dropped/not_modified"
        )
        raise DropItem(f"not modified: {page.url}", log_level="DEBUG")
