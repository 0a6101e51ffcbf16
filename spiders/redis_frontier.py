"""The frontier distributed crawl workers share in Redis (`news-archive crawl --redis URL`):
scrapy-redis' scheduler queue and dupefilter, plus what makes a worker's death lose nothing.

Keys, under ARCHIVE_REDIS_KEY (`news-archive`): `requests` (the queue), `dupefilter` (every
request ever queued), `items` (fetched pages and failures for `news-archive ingest`),
`crawl` (the crawl under way: its start URLs), `workers`, `alive:<worker>` (a heartbeat
that expires) and `held:<worker>` (the requests the worker took and has not finished).

A request a worker takes moves from the queue to its `held` hash in one step, and leaves it
once the page's item is in `items`, once its redirect or retry is queued, or (a robots.txt,
feed or sitemap, whose callback queues URLs) once the worker is next idle. A worker
whose heartbeat has expired is gone: the first other worker to notice puts what it held back
on the queue, in one step. A worker idle with nothing queued stays open while another holds
requests (they may queue more); the last one to close ends the crawl, clearing the queue,
the dupefilter and `crawl`, so the next crawl under the key starts afresh.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.connection import get_redis_from_settings
from twisted.internet import task

from pipelines.extraction.urls import canonical_url
from pipelines.session import FATAL_STAT
from spiders.frontier import FrontierBase
from spiders.plan import CrawlPlan
from spiders.signals import crawl_planned

logger = logging.getLogger(__name__)

# Put every request a gone worker held back on the queue, atomically; how many.
_GIVE_BACK = """
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do redis.call('ZADD', KEYS[2], held[i + 1], held[i]) end
redis.call('DEL', KEYS[1])
return #held / 2
"""


def worker_settings(redis_url: str, key: str) -> dict[str, Any]:
    """The settings that make a crawl one worker of a distributed crawl."""
    return {
        "REDIS_URL": redis_url,
        "ARCHIVE_REDIS_KEY": key,
        "SCHEDULER": "spiders.redis_queue.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "spiders.redis_queue.HeldRequestQueue",
        "SCHEDULER_QUEUE_KEY": f"{key}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{key}:dupefilter",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_SERIALIZER": "spiders.redis_codec",
        "SCHEDULER_PERSIST": True,  # the queue outlives any one worker
        "ARCHIVE_MAX_QUEUED": 0,  # the queue is in Redis, not in this process's memory
        "EXTENSIONS": {
            "pipelines.session.CrawlSession": None,
            "spiders.frontier.Frontier": None,
            "spiders.redis_frontier.SharedFrontier": 200,
            "spiders.revisits.Revisits": None,  # incremental crawls read the archive
        },
        "ITEM_PIPELINES": {
            "pipelines.capture.CapturePipeline": None,
            "pipelines.extract.ExtractPipeline": None,
            "pipelines.store.StorePipeline": None,
            "pipelines.revisit.RevisitPipeline": None,
            "pipelines.relay.RelayPipeline": 100,
        },
    }


def chain_key(request: Request) -> str:
    """What a held request is known by: the URL its redirects began at (its items' url)."""
    return canonical_url(request.meta.get("redirect_urls", [request.url])[0])


class SharedFrontier(FrontierBase):
    """One worker's part in the shared frontier: its heartbeat and the requests it holds."""

    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        if not settings.get("REDIS_URL"):
            raise NotConfigured("not a distributed crawl: no REDIS_URL")
        self.crawler = crawler
        self.server = get_redis_from_settings(settings)
        self.key = settings.get("ARCHIVE_REDIS_KEY")
        self.worker = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.held_key = f"{self.key}:held:{self.worker}"
        self.beat = settings.getfloat("ARCHIVE_REDIS_HEARTBEAT_SECONDS")
        self.held: dict[str, list[bytes]] = {}  # chain_key -> queue entries held here
        self.give_back = self.server.register_script(_GIVE_BACK)
        self.heart = task.LoopingCall(self._beat)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedFrontier:
        frontier = cls(crawler)
        connect = crawler.signals.connect
        connect(frontier.crawl_planned, signal=crawl_planned)
        connect(frontier.spider_idle, signal=signals.spider_idle)
        connect(frontier.spider_closed, signal=signals.spider_closed)
        connect(frontier.superseded, signal=signals.request_dropped)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            connect(frontier.item_done, signal=signal)
        return frontier

    @classmethod
    def of_crawler(cls, crawler: Crawler) -> SharedFrontier:
        frontier = crawler.get_extension(cls)
        if frontier is None:
            raise NotConfigured("the SharedFrontier extension is not enabled (EXTENSIONS)")
        return frontier

    def _k(self, name: str) -> str:
        return f"{self.key}:{name}"

    def crawl_planned(self, plan: CrawlPlan) -> None:
        """Join the crawl under way under the key, or begin it; refuse another crawl's."""
        mine = json.dumps({"starts": plan.starts, "hosts": plan.hosts})
        if not self.server.set(self._k("crawl"), mine, nx=True):
            theirs = json.loads(self.server.get(self._k("crawl")) or "{}")
            if theirs.get("starts") != plan.starts:
                message = (
                    f"Redis key {self.key!r} holds another crawl (of {theirs.get('starts')}):"
                    " give this one its own key (--redis-key)"
                )
                self.crawler.stats.set_value(FATAL_STAT, message)
                logger.error(message)
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="key_in_use"))
                return
        self._beat()
        self.heart.start(self.beat, now=False)
        logger.info("worker %s joined the crawl under %r", self.worker, self.key)

    def _beat(self) -> None:
        pipe = self.server.pipeline()
        pipe.set(self._k(f"alive:{self.worker}"), 1, px=int(3000 * self.beat))
        pipe.sadd(self._k("workers"), self.worker)
        pipe.execute()

    def holding(self, request: Request, entry: bytes) -> None:
        """The queue handed this worker a request (noted in Redis as held)."""
        self.held.setdefault(chain_key(request), []).append(entry)

    def _release(self, key: str) -> None:
        entries = self.held.pop(key, None)
        if entries:
            self.server.hdel(self.held_key, *entries)

    def item_done(self, item: Any) -> None:
        """A page or failure is in `items`: its request (and its redirects') is finished.
        The requests its page links to were queued before it (Scrapy takes a callback's
        output in order, and queues a request without pausing)."""
        url = getattr(item, "url", None)
        if isinstance(url, str):
            self._release(url)

    def done(self, url: str) -> None:
        """A robots.txt, feed or sitemap (or a request refused) is finished with; kept as
        held until this worker is idle, since the requests its callback yielded may not all
        be queued yet when it returns."""

    def superseded(self, request: Request) -> None:
        """A redirect or a retry of a request held here is queued (or was a duplicate): the
        new request stands for it, wherever it is taken."""
        if "redirect_urls" in request.meta or "retry_times" in request.meta:
            self._release(chain_key(request))

    def spider_idle(self) -> None:
        """Nothing in progress here, so everything held here is finished. Take back what
        gone workers held, and stay while work is left anywhere (queued, or held by a live
        worker, which may queue more)."""
        self.held.clear()
        self.server.delete(self.held_key)
        self._take_back()
        if self._work_left():
            raise DontCloseSpider("the shared frontier has work left")

    def _take_back(self) -> None:
        for raw in self.server.smembers(self._k("workers")):
            worker = raw.decode() if isinstance(raw, bytes) else raw
            if worker == self.worker or self.server.exists(self._k(f"alive:{worker}")):
                continue
            count = self.give_back(keys=[self._k(f"held:{worker}"), self._k("requests")])
            self.server.srem(self._k("workers"), worker)
            if count:
                self.server.incrby(self._k("taken_back"), int(count))
                self.crawler.stats.inc_value("archive/redis/taken_back", int(count))
                logger.warning("took back %d requests from worker %s (gone)", count, worker)

    def _work_left(self) -> bool:
        if self.server.zcard(self._k("requests")):
            return True
        for raw in self.server.smembers(self._k("workers")):
            worker = raw.decode() if isinstance(raw, bytes) else raw
            if worker != self.worker and self.server.hlen(self._k(f"held:{worker}")):
                return True
        return False

    def spider_closed(self, reason: str) -> None:
        if self.heart.running:
            self.heart.stop()
        # Stopped early (Ctrl-C, --max-pages): what it held goes back to the queue at once.
        self.give_back(keys=[self.held_key, self._k("requests")])
        self.server.srem(self._k("workers"), self.worker)
        self.server.delete(self._k(f"alive:{self.worker}"))
        if reason == "finished" and not self._work_left():
            others = self.server.scard(self._k("workers"))
            self.server.delete(self._k("crawl"), self._k("requests"), self._k("dupefilter"))
            logger.info("the crawl under %r is over (%d workers still closing)", self.key, others)
