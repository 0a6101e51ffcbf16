"""Item pipeline: turn a fetched page into a clean Article, or drop it with a counted reason."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.extraction import ExtractionError, extract, load_rules
from pipelines.extraction.dates import parse_date, with_offset
from pipelines.extraction.page import decode_html
from pipelines.session import CrawlSession
from spiders.items import PageItem


class ExtractPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.session = crawler.get_extension(CrawlSession)
        self.min_words = crawler.settings.getint("ARCHIVE_MIN_WORDS")
        path = crawler.settings.get("ARCHIVE_RULES")
        self.rules = load_rules(path) if path else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def _drop(self, reason: str, item: PageItem) -> DropItem:
        self.stats.inc_value(f"archive/dropped/{reason}")
        return DropItem(f"{reason}: {item.url}", log_level="DEBUG")

    def process_item(self, item: PageItem) -> PageItem:
        if item.status >= 400:
            self.session.record_failure(item.url, f"http_{item.status}", f"HTTP {item.status}")
            raise self._drop("http_error", item)
        content_type = item.headers.get("content-type", "")
        if content_type and "html" not in content_type.lower():
            raise self._drop("not_html", item)
        try:
            html = decode_html(item.body, content_type)
            article = extract(html, url=item.final_url, rules=self.rules, min_words=self.min_words)
        except ExtractionError as error:
            self.session.record_failure(item.url, "unreadable_page", str(error))
            raise self._drop("unreadable", item) from error
        if not article.is_article or article.word_count < self.min_words:
            raise self._drop("not_article", item)
        if article.published is None and item.hints.get("published"):
            # A sitemap's or feed's date, with UTC when it gives no offset.
            article.published = with_offset(parse_date(item.hints["published"]), None)
        item.article = article
        return item
