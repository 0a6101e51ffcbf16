"""Run the news spider in this process with the project's settings, reporting progress."""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.store import open_archive
from archive.store.revisits import RevisitSteps, RevisitStepsError
from pipelines.extraction import RulesError, load_rules
from pipelines.session import fatal_error


@dataclass
class CrawlJob:
    """What to crawl and how: start pages, feeds, sitemaps, limits, and where to store."""

    db: str
    urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    max_pages: int = 0
    depth: int | None = None
    delay: float | None = None
    log_level: str = "WARNING"
    overrides: dict[str, Any] = field(default_factory=dict)


def job_settings(job: CrawlJob) -> Settings:
    """The project settings with the job's limits applied on top."""
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    values: dict[str, Any] = {"ARCHIVE_DB": job.db, "LOG_LEVEL": job.log_level}
    if job.max_pages:
        values["CLOSESPIDER_PAGECOUNT"] = job.max_pages
    if job.depth is not None:
        values["DEPTH_LIMIT"] = job.depth
    if job.delay is not None:
        values["DOWNLOAD_DELAY"] = job.delay
        values["AUTOTHROTTLE_START_DELAY"] = max(job.delay, 0.01)
    values.update(job.overrides)
    if values.get("REDIS_URL"):  # one worker of a distributed crawl
        from spiders.redis_frontier import worker_settings

        key = str(values.get("ARCHIVE_REDIS_KEY") or settings.get("ARCHIVE_REDIS_KEY"))
        values = {**worker_settings(str(values["REDIS_URL"]), key), **values}
    settings.setdict(values, priority="cmdline")
    return settings


class ConfigError(ValueError):
    """A setting has a value the crawl cannot use."""


_NUMERIC = {
    "ARCHIVE_MAX_PAGINATION": "getint", "ARCHIVE_MIN_WORDS": "getint", "DEPTH_LIMIT": "getint",
    "CLOSESPIDER_PAGECOUNT": "getint", "DOWNLOAD_DELAY": "getfloat", "DOWNLOAD_TIMEOUT": "getfloat",
    "CONCURRENT_REQUESTS": "getint", "CONCURRENT_REQUESTS_PER_DOMAIN": "getint",
    "DOWNLOAD_MAXSIZE": "getint", "RETRY_TIMES": "getint", "AUTOTHROTTLE_ENABLED": "getbool",
    "ROBOTSTXT_OBEY": "getbool", "ARCHIVE_KEEP_CAPTURES": "getbool",
    "ARCHIVE_SITEMAPS_FROM_ROBOTS": "getbool", "ARCHIVE_SITEMAP_MAX_URLS": "getint",
    "ARCHIVE_MAX_QUEUED": "getint", "REDIRECT_MAX_TIMES": "getint",
    "ARCHIVE_WARC_MAX_BYTES": "getint",
    "ARCHIVE_MAX_PAGE_BYTES": "getint", "ARCHIVE_SITEMAP_MAX_BYTES": "getint",
    "ARCHIVE_INCREMENTAL": "getbool",
}  # fmt: skip


def check_settings(settings: Settings) -> None:
    """Read every setting we rely on once, so a bad value fails here with its name."""
    if settings.get("ARCHIVE_RULES"):
        try:
            load_rules(settings.get("ARCHIVE_RULES"))
        except RulesError as error:
            raise ConfigError(f"setting ARCHIVE_RULES: {error}") from error
    try:
        RevisitSteps.parse(settings.get("ARCHIVE_REVISIT_AFTER"))
    except RevisitStepsError as error:
        raise ConfigError(f"setting ARCHIVE_REVISIT_AFTER: {error}") from error
    for name, getter in _NUMERIC.items():
        try:
            value = getattr(settings, getter)(name)
        except ValueError as error:
            raise ConfigError(f"setting {name}={settings.get(name)!r} is not valid") from error
        if getter != "getbool" and value < 0:
            raise ConfigError(f"setting {name}={value!r} must not be negative")
        if name == "ARCHIVE_WARC_MAX_BYTES" and value == 0:
            raise ConfigError(f"setting {name}=0 must be positive (a WARC file's size limit)")


def run_crawl(
    job: CrawlJob, on_tick: Callable[[dict[str, Any]], None] | None = None
) -> dict[str, Any]:
    """Crawl until done (or interrupted); return the crawl's final Scrapy stats.

    Scrapy's reactor cannot restart: call this once per process.
    """
    settings = job_settings(job)
    if not settings.get("REDIS_URL"):  # a worker of a distributed crawl writes no archive
        open_archive(job.db).close()  # fail fast, with a clear error, on an unusable archive
    check_settings(settings)
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(job.log_level)
    if job.log_level != "DEBUG" and job.log_level != "INFO":
        # Each failure is counted, stored and summarised: no need to also shout it line by line.
        logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
    crawler = process.create_crawler("news")
    args = {"url": job.urls, "feed": job.feeds, "sitemap": job.sitemaps}
    process.crawl(crawler, **args)
    if on_tick is not None:
        from twisted.internet import task  # after CrawlerProcess installed its reactor

        ticker = task.LoopingCall(lambda: on_tick(crawler.stats.get_stats()))
        ticker.start(0.5, now=False)
    try:
        process.start()
    finally:
        # Scrapy's shutdown handlers outlive the crawl: give Ctrl-C back to the caller.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    stats = dict(crawler.stats.get_stats())
    error = fatal_error(stats)
    if error or process.bootstrap_failed:
        raise CrawlFailed(error or "the crawl could not start (see the log above)", stats)
    return stats


class CrawlFailed(RuntimeError):
    """The crawl stopped because the archive could not keep its records."""

    def __init__(self, message: str, stats: dict[str, Any]):
        super().__init__(f"the crawl stopped: {message}")
        self.stats = stats
