"""Item pipeline: turn a captured page into an article, or drop it with a counted reason."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from archive.ingest import Dropped, IngestOptions, page_to_article
from pipelines.extraction import load_rules
from pipelines.items import CapturedPage, ExtractedPage
from pipelines.session import CrawlSession

# Drops that are failures of the page, kept in the failures table as well as counted.
_FAILURE_KINDS = {
    "unreadable": "unreadable_page",
    "redirect_off_site": "redirect_off_site",
    "bad_redirect": "bad_redirect",
    "too_large": "too_large",
}


class ExtractPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        path = crawler.settings.get("ARCHIVE_RULES")
        self.options = IngestOptions(
            min_words=crawler.settings.getint("ARCHIVE_MIN_WORDS"),
            rules=load_rules(path) if path else None,
            max_bytes=crawler.settings.getint("ARCHIVE_MAX_PAGE_BYTES"),
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def process_item(self, item: CapturedPage) -> ExtractedPage:
        self.stats.inc_value("archive/extracted")  # pages handed to extraction
        result = page_to_article(item.page, self.options)
        if isinstance(result, Dropped):
            self._record(item, result)
            raise DropItem(f"{result.reason}: {item.page.url}", log_level="DEBUG")
        return ExtractedPage(item, result)

    def _record(self, item: CapturedPage, dropped: Dropped) -> None:
        page = item.page
        if dropped.reason == "http_error":
            self.session.record_failure(page.url, f"http_{page.status}", dropped.detail)
        elif dropped.reason in _FAILURE_KINDS:
            self.session.record_failure(page.url, _FAILURE_KINDS[dropped.reason], dropped.detail)
        self.stats.inc_value(f"archive/dropped/{dropped.reason}")
