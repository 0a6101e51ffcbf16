"""Scrapy settings of the news-archive project; ARCHIVE_* settings are documented in README.md."""

from archive import __version__
from archive.store.revisits import DEFAULT_REVISIT_AFTER

BOT_NAME = "news-archive"
# The spider's own module, not the whole package: Scrapy imports every module it is given,
# and spiders/ also holds the Redis frontier (scrapy-redis and redis: 6 MB a crawl without it).
SPIDER_MODULES = ["spiders.news"]
NEWSPIDER_MODULE = "spiders"
# `scrapy crawl` exits non-zero when the archive cannot keep the crawl's records.
COMMANDS_MODULE = "spiders.commands"

USER_AGENT = (
    f"news-archive/{__version__} (archival crawler; +https://github.com/news-archive/news-archive)"
)
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 0.25
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
# Several responses are held at once (a compression bomb unpacks to this much): the crawl's
# peak memory grows with it. HTML beyond ARCHIVE_MAX_PAGE_BYTES is kept but not extracted.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 2
DEPTH_LIMIT = 3
DEPTH_PRIORITY = 1
# Every response reaches the spider, so 404s and 500s are captured and counted, not lost.
HTTPERROR_ALLOW_ALL = True
TELNETCONSOLE_ENABLED = False
# Nor Scrapy's remote control (on by default since 2.19): an HTTP server on localhost that
# runs the Python code it is sent (the spider leaves it out of Scrapy's extensions, too).
REMOTE_CONTROL_ENABLED = False
# A callback yields at most one item (a page, or a failure) and some requests: Scrapy starts
# this many tasks for each response's output (100 by default), most with nothing to do;
# 121 us a response with 16, 39 with 2.
CONCURRENT_ITEMS = 2
STATS_CLASS = "spiders.stats.CrawlStats"  # Scrapy's, without a wrapper around every call
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# Only http(s) is ever fetched: Scrapy's handlers for local files, FTP, S3 and data: URLs are
# off, and ScopeMiddleware refuses any request off the crawl's sites (scheme, host and port),
# in place of Scrapy's OffsiteMiddleware, which knows hosts but not ports or schemes.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}
# Scrapy's decompression and redirect middlewares, in their places, with the compression
# bombs, redirect loops and overlong chains they give up on named (spiders/limits.py).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "spiders.scope.ScopeMiddleware": 50,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "spiders.limits.BoundedMetaRefresh": 580,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "spiders.limits.BoundedDecompression": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "spiders.limits.BoundedRedirects": 600,
}
REDIRECT_MAX_TIMES = 20

EXTENSIONS = {
    "pipelines.session.CrawlSession": 100,
    "spiders.frontier.Frontier": 200,
    "spiders.revisits.Revisits": 300,
}
ITEM_PIPELINES = {
    "pipelines.capture.CapturePipeline": 100,
    "pipelines.revisit.RevisitPipeline": 150,
    "pipelines.extract.ExtractPipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

ARCHIVE_DB = "archive.db"
ARCHIVE_MAX_PAGINATION = 5
ARCHIVE_SITEMAPS_FROM_ROBOTS = True
ARCHIVE_KEEP_CAPTURES = True
ARCHIVE_WARC_DIR = ""  # where the crawl's WARC files go; default: warcs/ beside ARCHIVE_DB
ARCHIVE_WARC_MAX_BYTES = 1_000_000_000  # a crawl's WARC file is closed past this, a new one begun
ARCHIVE_MIN_WORDS = 50
ARCHIVE_MAX_PAGE_BYTES = 4 * 1024 * 1024  # bigger HTML pages are kept raw, not extracted
ARCHIVE_SITEMAP_MAX_URLS = 50_000  # the newest URLs read from one sitemap file
ARCHIVE_SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # a .gz sitemap unpacked (streamed), as the protocol
ARCHIVE_MAX_QUEUED = 200_000  # the most requests waiting (on disk) at once; more are skipped
# Waiting requests are kept on disk beside the archive (spiders/disk_queue.py), not in memory.
SCHEDULER = "spiders.disk_queue.DiskQueueScheduler"
SCHEDULER_DISK_QUEUE = "spiders.disk_queue.LifoDiskRequests"  # Scrapy's, written faster
DUPEFILTER_CLASS = "spiders.dupefilter.KnownUrlsDupeFilter"  # the spider's known URLs
ARCHIVE_DISK_QUEUE = True
ARCHIVE_RULES = ""  # path to a per-site rules file (TOML), see README
# Incremental crawls: pages the archive holds articles from are fetched again only when due
# for a re-check, at these steps after each was first seen (then never); `crawl --full` turns
# it off for one crawl.
ARCHIVE_INCREMENTAL = True
ARCHIVE_REVISIT_AFTER = DEFAULT_REVISIT_AFTER
ARCHIVE_RESUME_DIR = ""  # where the crawl's frontier is kept, to resume it (--resume-dir)
ARCHIVE_EXTRACT_PROCESSES = ""  # extraction processes; empty: cores - 1 (at least 1), 0: none
ARCHIVE_WRITE_BATCH_SIZE = 100  # writes committed together...
ARCHIVE_WRITE_BATCH_SECONDS = 0.1  # ...or once the first of them is this old
ARCHIVE_REDIS_KEY = "news-archive"  # a distributed crawl's keys in Redis (--redis-key)
ARCHIVE_REDIS_HEARTBEAT_SECONDS = 5.0  # a worker silent for 3 of these is gone
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
# Scrapy's remote-control HTTP server is not wanted on an unattended archive crawler.
REMOTE_CONTROL_ENABLED = False
