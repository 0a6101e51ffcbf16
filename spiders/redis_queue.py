"""The shared request queue of distributed crawl workers (scrapy-redis' priority queue),
with each request a worker takes kept in Redis until its outcome is handed on: taking it
from the queue and noting it as the worker's own is one atomic step (a Lua script), so a
worker killed at any moment leaves every request it held behind, for another to take back
(spiders/redis_frontier.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

if TYPE_CHECKING:
    from spiders.redis_frontier import SharedFrontier

# Take the queue's first request and note it as held by the worker, atomically.
_TAKE = """
local taken = redis.call('ZPOPMIN', KEYS[1])
if taken[1] then redis.call('HSET', KEYS[2], taken[1], taken[2]) end
return taken
"""


class HeldRequestQueue(PriorityQueue):
    """A priority queue whose pop notes the request as held by this worker (its frontier)."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.take = server.register_script(_TAKE)

    def push(self, request: Request) -> None:
        super().push(request)
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
