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
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
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
