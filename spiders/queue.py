"""How many requests wait in the crawl's queue, and whether another may join them.

Every request waiting in Scrapy's scheduler holds memory, or disk (spiders/disk_queue.py),
and a sitemap can name hundreds of thousands of URLs: the spider queues a discovered URL
only while fewer than ARCHIVE_MAX_QUEUED requests wait, and, when the crawl stops after
CLOSESPIDER_PAGECOUNT pages (`--max-pages`), only while fewer wait than it has pages left to
fetch. A URL found when the queue is full is counted (`archive/links_skipped/queue full`),
not queued.
"""

from __future__ import annotations

import math

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request

# In a request's meta (which goes to the disk queue with it): counted as waiting.
_COUNTED = "archive_counted_waiting"


class QueueLimit:
    """Counts the requests waiting in the scheduler, from the engine's signals."""

    def __init__(self, crawler: Crawler):
        self.max_queued = crawler.settings.getint("ARCHIVE_MAX_QUEUED")
        self.max_pages = crawler.settings.getint("CLOSESPIDER_PAGECOUNT")
        self.waiting = 0
        self.fetched = 0
        connect = crawler.signals.connect
        connect(self._joined, signal=signals.request_scheduled)
        connect(self._left, signal=signals.request_dropped)  # a duplicate, say
        connect(self._left, signal=signals.request_reached_downloader)
        connect(self._fetched, signal=signals.response_received)

    def has_room(self) -> bool:
        return self.room() > 0

    def room(self) -> float:
        """How many more requests may join the queue now (math.inf: no limit)."""
        limit = self.max_queued or math.inf
        if self.max_pages:
            limit = min(limit, self.max_pages - self.fetched)
        return max(limit - self.waiting, 0)

    def _joined(self, request: Request) -> None:
        request.meta[_COUNTED] = True
        self.waiting += 1

    def _left(self, request: Request) -> None:
        # Only a request counted in: robots.txt's reach the downloader unscheduled.
        if request.meta.pop(_COUNTED, False):
            self.waiting -= 1

    def _fetched(self) -> None:
        self.fetched += 1
