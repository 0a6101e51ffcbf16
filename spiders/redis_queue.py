"""The shared request queue of distributed crawl workers (scrapy-redis' priority queue),
with each request a worker takes kept in Redis until its outcome is handed on: taking it
from the queue and noting it as the worker's own is one atomic step (a Lua script), so a
worker killed at any moment leaves every request it held behind, for another to take back
(spiders/redis_frontier.py). Queuing a request is atomic too: scrapy-redis' own scheduler
notes a request as seen (the dupefilter) and then queues it, two steps, and a worker killed
between them leaves a URL that is seen and queued nowhere, never fetched by anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

if TYPE_CHECKING:
    from spiders.redis_frontier import SharedFrontier

# Take the queue's first request and note it as held by the worker, atomically.
_TAKE = """
local taken = redis.call('ZPOPMIN', KEYS[1])
if taken[1] then redis.call('HSET', KEYS[2], taken[1], taken[2]) end
return taken
"""


# Note the request as seen (unless it may be fetched twice: no fingerprint) and queue it,
# atomically; 0 when it was seen before.
_SEE_AND_QUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class SharedScheduler(Scheduler):
    """scrapy-redis' scheduler, noting a request as seen and queuing it in one step."""

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.see_and_queue = self.server.register_script(_SEE_AND_QUEUE)

    def enqueue_request(self, request: Request) -> bool:
        queue: HeldRequestQueue = self.queue
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        entry = queue._encode_request(request)
        keys = [self.df.key, queue.key]
        if not self.see_and_queue(keys=keys, args=[fingerprint, -request.priority, entry]):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        queue.queued(request)
        return True


class HeldRequestQueue(PriorityQueue):
    """A priority queue whose pop notes the request as held by this worker (its frontier)."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.take = server.register_script(_TAKE)

    def push(self, request: Request) -> None:
        super().push(request)
        self.queued(request)

    def queued(self, request: Request) -> None:
        self._frontier().superseded(request)  # queued: what it stands for is finished

    def pop(self, timeout: int = 0) -> Request | None:
        frontier = self._frontier()
        taken = self.take(keys=[self.key, frontier.held_key])
        if not taken:
            return None
        data, _ = taken
        request: Request = self._decode_request(data)
        frontier.holding(request, data)
        return request

    def _frontier(self) -> SharedFrontier:
        from spiders.redis_frontier import SharedFrontier

        return SharedFrontier.of_crawler(self.spider.crawler)
