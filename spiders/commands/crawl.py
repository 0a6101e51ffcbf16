"""`scrapy crawl`, exiting non-zero when the crawl could not keep its records.

Scrapy's own command exits 1 only when the spider cannot be built (and, on some versions,
when the crawler cannot start): a crawl whose archive could not be opened, or whose writes
failed mid-way, would otherwise end with status 0.
"""

from __future__ import annotations

import argparse
import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from pipelines.session import fatal_error

logger = logging.getLogger(__name__)


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider to crawl (scrapy crawl news -a url=...)")
        assert self.crawler_process
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        error = fatal_error(_final_stats(crawler))
        if error:
            logger.error("the crawl failed: %s", error)
        if self.crawler_process.bootstrap_failed or error:
            self.exitcode = 1


def _final_stats(crawler: Crawler) -> dict:
    """The crawl's stats; none when it never got as far as making its stats collector."""
    try:
        stats = crawler.stats
    except RuntimeError:  # Scrapy 2.19 on: read before it was set
        return {}
    return dict(stats.get_stats()) if stats is not None else {}
