"""The crawl's stats collector (spiders/stats.py) counts as Scrapy's does."""

from __future__ import annotations

from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from spiders import settings as project_settings
from spiders.stats import CrawlStats


def _count(stats: MemoryStatsCollector) -> dict:
    stats.open_spider()
    stats.inc_value("archive/extracted")
    stats.inc_value("archive/extracted", 2)
    stats.inc_value("downloader/response_bytes", 80_000, start=100)
    stats.max_value("archive/biggest", 7)
    stats.max_value("archive/biggest", 3)
    stats.min_value("archive/smallest", 3)
    stats.min_value("archive/smallest", 7)
    stats.set_value("finish_reason", "finished")
    return stats.get_stats()


def test_the_crawl_counts_with_it() -> None:
    settings = Settings()
    settings.setmodule(project_settings)
    assert load_object(settings["STATS_CLASS"]) is CrawlStats


def test_it_counts_as_scrapys_own() -> None:
    ours = _count(CrawlStats(get_crawler()))
    assert ours == _count(MemoryStatsCollector(get_crawler()))
    assert ours["archive/extracted"] == 3 and ours["downloader/response_bytes"] == 80_100
    assert (ours["archive/biggest"], ours["archive/smallest"]) == (7, 3)
