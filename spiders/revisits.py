"""Incremental crawls: which of the pages a crawl finds the archive already holds, and
whether each is due for a re-check (ARCHIVE_INCREMENTAL, ARCHIVE_REVISIT_AFTER).

The archive's known URLs of the crawl's sites are read once, when the crawl is planned. A
known URL not yet due is never requested (counted once as `archive/links_skipped/known`);
one due is requested with If-None-Match / If-Modified-Since from the validators its server
sent last time (counted as `archive/revisits/due`). With ARCHIVE_INCREMENTAL off (`crawl
--full`) every page is fetched, unconditionally, as on a first crawl.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from scrapy.crawler import Crawler

from archive.store import now
from archive.store.revisits import KnownUrls, RevisitSteps, known_urls
from pipelines.extraction.urls import site_of
from pipelines.session import ARCHIVE_ERRORS, CrawlSession
from spiders.plan import CrawlPlan
from spiders.signals import crawl_planned

logger = logging.getLogger(__name__)

SKIPPED_STAT = "archive/links_skipped/known"
DUE_STAT = "archive/revisits/due"
KNOWN_STAT = "archive/revisits/known"


@dataclass(frozen=True)
class Decision:
    """Whether to request a page, and the conditional headers to send with it."""

    fetch: bool
    headers: dict[str, str] = field(default_factory=dict)


FETCH = Decision(True)
SKIP = Decision(False)


class Revisits:
    """The crawl's known URLs; an extension, asked by the spider before it builds a request
    and by the pipelines about the responses to re-checks."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.incremental = settings.getbool("ARCHIVE_INCREMENTAL")
        self.steps = RevisitSteps.parse(settings.get("ARCHIVE_REVISIT_AFTER"))
        self.known = KnownUrls()
        self.skipped: set[str] = set()  # known, not due, met in this crawl (counted once)
        self.rechecked: set[str] = set()  # due, requested conditionally in this crawl

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Revisits:
        revisits = cls(crawler)
        crawler.signals.connect(revisits.crawl_planned, signal=crawl_planned)
        return revisits

    @classmethod
    def of(cls, crawler: Crawler) -> Revisits | None:
        return crawler.get_extension(cls)

    def crawl_planned(self, plan: CrawlPlan) -> None:
        if not self.incremental:
            return
        session = CrawlSession.of(self.crawler)
        sites = {site_of(url) for url in plan.starts}
        try:
            self.known = known_urls(session.db, sites, self.steps, now())
        except ARCHIVE_ERRORS as error:
            session.fail(error)
            return
        self.stats.set_value(KNOWN_STAT, len(self.known))
        logger.info(
            "incremental crawl: %d known URLs, %d due for a re-check",
            len(self.known),
            len(self.known.due),
        )

    def decide(self, url: str) -> Decision:
        """Whether to request a page found at url (canonical), and with which headers."""
        if url in self.skipped:
            return SKIP
        if url in self.known.not_due:
            self.known.not_due.discard(url)
            self.skipped.add(url)
            self.stats.inc_value(SKIPPED_STAT)
            return SKIP
        validators = self.known.due.get(url)
        if validators is None:
            return FETCH
        if url not in self.rechecked:
            self.rechecked.add(url)
            self.stats.inc_value(DUE_STAT)
        return Decision(True, validators.request_headers())

    def is_recheck(self, url: str) -> bool:
        """Whether url was requested as a re-check of a known page in this crawl."""
        return url in self.rechecked
