"""The crawl session: opens the archive, records the crawl's row, its failures and its summary."""

from __future__ import annotations

import json
import logging
from typing import Any

import sqlite_utils
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.python.failure import Failure

from archive.store import add_failure, finish_crawl, open_archive, start_crawl
from pipelines.items import CrawlItem
from spiders.plan import CrawlPlan
from spiders.signals import crawl_planned

logger = logging.getLogger(__name__)

_SUMMARY = {
    "pages_fetched": "archive/pages",
    "articles_new": "archive/articles/new",
    "articles_updated": "archive/articles/updated",
    "articles_refreshed": "archive/articles/refreshed",
    "articles_unchanged": "archive/articles/unchanged",
    "not_articles": "archive/dropped/not_article",
}


class CrawlSession:
    """One crawl's link to the archive, shared by the pipelines through the crawler."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.path = crawler.settings.get("ARCHIVE_DB")
        self.db: sqlite_utils.Database | None = None
        self.crawl_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSession:
        session = cls(crawler)
        crawler.signals.connect(session.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(session.crawl_planned, signal=crawl_planned)
        crawler.signals.connect(session.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(session.spider_error, signal=signals.spider_error)
        crawler.signals.connect(session.item_error, signal=signals.item_error)
        return session

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlSession:
        """The crawl's session, for the pipelines that write through it."""
        session = crawler.get_extension(cls)
        if session is None:
            raise NotConfigured("the CrawlSession extension is not enabled (EXTENSIONS)")
        return session

    @property
    def archive(self) -> sqlite_utils.Database:
        """The open archive; only pipelines running inside the crawl use it."""
        if self.db is None:
            raise RuntimeError("the crawl session has not opened the archive")
        return self.db

    def spider_opened(self) -> None:
        self.db = open_archive(self.path)

    def crawl_planned(self, plan: CrawlPlan) -> None:
        settings = {k: v for k, v in self.crawler.settings.items() if k.startswith("ARCHIVE_")}
        sites = ", ".join(plan.hosts)
        # Set by `news-archive schedule`: the sites row this run belongs to.
        site_id = self.crawler.settings.getint("ARCHIVE_SITE_ID") or None
        self.crawl_id = start_crawl(self.archive, sites, plan.starts, settings, site_id)

    def record_failure(self, url: str, kind: str, detail: str) -> None:
        """Count a failure in the crawl stats and keep it in the failures table."""
        self.crawler.stats.inc_value(f"archive/errors/{kind}")
        if self.db is not None:
            add_failure(self.db, self.crawl_id, url, kind, detail)

    def spider_error(self, failure: Failure, response: Any) -> None:
        # A crash in one page's callback: counted and kept, the crawl goes on.
        self.record_failure(response.url, "spider_error", failure.getErrorMessage())

    def item_error(self, item: CrawlItem, failure: Failure) -> None:
        self.record_failure(item.url, "pipeline_error", failure.getErrorMessage())

    def spider_closed(self, reason: str) -> None:
        if self.db is None or self.crawl_id is None:
            return
        stats = self.crawler.stats.get_stats()
        errors = {k.removeprefix("archive/errors/"): v for k, v in stats.items()
                  if k.startswith("archive/errors/")}  # fmt: skip
        summary: dict[str, Any] = {col: int(stats.get(key, 0)) for col, key in _SUMMARY.items()}
        summary.update(
            status="finished" if reason == "finished" else "stopped",
            finish_reason=reason,
            errors=json.dumps(errors, sort_keys=True),
            error_count=sum(errors.values()),
        )
        finish_crawl(self.db, self.crawl_id, summary)
        self.db.close()
