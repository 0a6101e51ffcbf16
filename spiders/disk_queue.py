"""Requests waiting in Scrapy's scheduler kept on disk, not in memory.

A waiting Request costs the crawl about 2.3 KB of memory (the object, its headers, Scrapy's
caches of its fingerprint and parsed URL), and a crawl of a large site keeps up to
ARCHIVE_MAX_QUEUED of them waiting: the crawl's memory grew with the site. Scrapy's own disk
queues (SCHEDULER_DISK_QUEUE) take them instead; Scrapy uses them only with a JOBDIR, whose
resume semantics this crawl does not want (spiders/frontier.py is the crawl's resumable
frontier), so here they get a directory of their own beside the archive
(`.ARCHIVE.queue-PID-XXXX`), removed when the crawl closes. A crawl killed outright leaves it
behind: the next crawl into the same archive removes those of crawls no longer running.
ARCHIVE_DISK_QUEUE = False keeps the requests in memory.

Scrapy's disk queue stores a request as `Request.to_dict()`, which names its callback by
listing every member of the spider (`inspect.getmembers`, which reads each property too)
and picking the method whose function is the callback's: on the news spider, most of the
time a request spent in the queue. LifoDiskRequests names the spider's own methods at once
and writes the same dict; any other callback is looked up as Scrapy does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.squeues import PickleLifoDiskQueue
from twisted.internet.defer import Deferred

from archive.store.crawls import process_alive


def _owner(folder: Path) -> int | None:
    """The pid in a queue directory's name (.ARCHIVE.queue-PID-XXXX), made with it at once."""
    pid = folder.name.rpartition(".queue-")[2].split("-")[0]
    return int(pid) if pid.isdigit() else None


def remove_stale(archive: Path) -> None:
    """Remove the queue directories left beside an archive by crawls no longer running."""
    for folder in archive.parent.glob(f".{archive.name}.queue-*"):
        pid = _owner(folder)
        if folder.is_dir() and not process_alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


class DiskQueueScheduler(Scheduler):
    """Scrapy's scheduler, its waiting requests in a directory beside the archive."""

    own_folder: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiskQueueScheduler:
        scheduler = super().from_crawler(crawler)
        settings = crawler.settings
        if scheduler.dqdir is None and settings.getbool("ARCHIVE_DISK_QUEUE"):
            archive = Path(settings.get("ARCHIVE_DB")).resolve()
            remove_stale(archive)
            prefix = f".{archive.name}.queue-{os.getpid()}-"
            folder = Path(tempfile.mkdtemp(prefix=prefix, dir=archive.parent))
            queue = folder / "requests.queue"  # where Scrapy keeps it under a JOBDIR
            queue.mkdir()
            scheduler.own_folder = folder
            scheduler.dqdir = str(queue)
        return scheduler

    def close(self, reason: str) -> Deferred[None] | None:
        try:
            return super().close(reason)
        finally:
            if self.own_folder is not None:
                shutil.rmtree(self.own_folder, ignore_errors=True)


class LifoDiskRequests(PickleLifoDiskQueue):  # type: ignore[valid-type,misc]  # made by a function
    """Scrapy's PickleLifoDiskQueue (SCHEDULER_DISK_QUEUE's default), each request written
    as request_dict makes it rather than as Request.to_dict does."""

    def push(self, request: Request) -> None:
        # What Scrapy's own push does after to_dict: pickle the dict, and write it.
        super(PickleLifoDiskQueue, self).push(request_dict(request, self.spider))  # type: ignore[misc]


def request_dict(request: Request, spider: Spider | None) -> dict[str, Any]:
    """request.to_dict(spider=spider), the spider's methods named by their own names."""
    names: dict[str, Any] = {}
    for key in ("callback", "errback"):
        method = getattr(request, key)
        names[key] = _name_of(spider, method) if callable(method) else method
        if callable(method) and names[key] is None:  # not the spider's own: as Scrapy does
            return request.to_dict(spider=spider)
    found = {"url": request.url, **names, "headers": dict(request.headers)}
    for attribute in request.attributes:  # as Request.to_dict lists them
        found.setdefault(attribute, getattr(request, attribute))
    if type(request) is not Request:
        found["_class"] = f"{type(request).__module__}.{type(request).__name__}"
    return found


def _name_of(spider: Spider | None, method: Callable[..., Any]) -> str | None:
    """The name of the spider's method that method is, if it is one under its own name."""
    name = getattr(method, "__name__", None)
    function = getattr(method, "__func__", None)
    if spider is None or name is None or function is None:
        return None
    return name if getattr(getattr(spider, name, None), "__func__", None) is function else None
