"""Scrapy's duplicate filter, kept on the news spider's own record of the URLs it decided on.

The news spider looks every URL it finds up in its `known` set before it builds a request
(spiders/news.py), so a request it built is never a duplicate of one it built before.
Scrapy's RFPDupeFilter kept a second record of the same URLs: a SHA-1 fingerprint of each
request, computed from its canonicalized URL (a canonicalization and a hash per request,
and about 8 MB of the crawl's process as a 100,000-page site's URLs are queued). This
filter lets the spider's own requests through (they carry ADMITTED in their meta), and
checks any other request, a redirect's next hop above all, against the spider's known URLs
in their canonical form, adding it: a redirect to a page already queued is dropped as a
duplicate, as Scrapy's filter did. Scrapy counts what is dropped (`dupefilter/filtered`).
A spider with no `known` set gets a set of its own here.
"""

from __future__ import annotations

import logging

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.dupefilters import BaseDupeFilter

from pipelines.extraction.urls import canonical_url

logger = logging.getLogger(__name__)

# In the meta of a request the spider built after looking its URL up (`known`). A redirect's
# next hop keeps its meta (and so this) but has redirect_urls: it is looked up here.
ADMITTED = "archive_admitted"


class KnownUrlsDupeFilter(BaseDupeFilter):
    """DUPEFILTER_CLASS: a request is seen if its canonical URL is one the spider knows."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.own: set[str] = set()  # for a spider that keeps no `known` set
        self.logged = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownUrlsDupeFilter:
        return cls(crawler)

    def _known(self) -> set[str]:
        known = getattr(self.crawler.spider, "known", None)
        return known if isinstance(known, set) else self.own

    def request_seen(self, request: Request) -> bool:
        if request.meta.get(ADMITTED) and not request.meta.get("redirect_urls"):
            return False  # looked up (and added) by the spider as it built it
        known = self._known()
        url = canonical_url(request.url)
        if url in known:
            return True
        known.add(url)
        return False

    def log(self, request: Request, spider: Spider) -> None:
        if not self.logged:
            logger.debug("Filtered duplicate request: %s (no more will be shown)", request)
            self.logged = True
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("dupefilter/filtered")
