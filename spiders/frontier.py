"""The crawl's frontier on disk (`--resume-dir`, ARCHIVE_RESUME_DIR): every URL the spider
queued, and whether its outcome is in the archive yet. It survives `kill -9`.

Scrapy's JOBDIR does not: its queue's bookkeeping (active.json, the LIFO files' sizes) is
written only on a clean stop, its list of seen URLs is buffered, and a request taken off
the queue but not yet stored is gone either way. Here each URL is written (committed) when
the spider queues it, noted as captured with its raw page's row in the archive, and marked
done once its article, failure or children are stored. A crawl run again with the same
directory queues every URL not done, and nothing else; one captured but not done (killed
while its article was being extracted) is extracted again from its capture, not fetched
again. Captures rows are committed in batches, and a batch's pages are noted as captured
here only after it has committed: a URL not noted is looked up in the archive's captures
since the frontier began, so the pages of a batch committed just before a kill are not
fetched again either. A crawl that finishes clears the directory, so the next run starts afresh.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.python.failure import Failure

from archive.records import Hints
from archive.store.captures import captured_since
from pipelines.session import ARCHIVE_ERRORS, CrawlSession, fatal_error

logger = logging.getLogger(__name__)

_SCHEMA = """
create table if not exists frontier (
    url text primary key, callback text not null, via text not null, hints text,
    depth integer not null, capture_id integer, done integer not null default 0
)
"""
_META = "create table if not exists frontier_meta (key text primary key, value text)"


@dataclass(frozen=True)
class Queued:
    """A URL the spider queued: what to call with its response, how it was found, depth."""

    url: str
    callback: str
    via: str
    hints: Hints
    depth: int
    capture_id: int | None = None  # its raw page's row in the archive, once captured


class FrontierBase:
    """What the spider and pipelines ask of a crawl's frontier, when it keeps one: the file
    of a resumable crawl (Frontier), or the shared one of distributed workers
    (spiders.redis_frontier.SharedFrontier). An extension, found through the crawler."""

    resuming = False

    @classmethod
    def of(cls, crawler: Crawler) -> FrontierBase | None:
        return crawler.get_extension(FrontierBase)

    def add(self, queued: Queued) -> bool:
        """Note a URL as queued; False if it was queued before."""
        return True

    def captured(self, url: str, capture_id: int) -> None:
        """Its raw page is in the archive."""

    def done(self, url: str) -> None:
        """Its outcome is stored (or handed on): it need not be fetched again."""

    def pending(self) -> Iterator[Queued]:
        """What an earlier run queued and did not finish."""
        return iter(())


class Frontier(FrontierBase):
    """The frontier file of a crawl; an extension, found by the spider through the crawler."""

    def __init__(self, crawler: Crawler, directory: Path):
        self.crawler = crawler
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "frontier.db"
        # Committed writes reach the OS at once: they survive the process being killed.
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("pragma journal_mode = wal")
        self.conn.execute("pragma synchronous = off")
        self.conn.execute(_SCHEMA)
        self.conn.execute(_META)
        now = datetime.now(UTC).isoformat(timespec="seconds")  # as captures.fetched_at
        self.conn.execute("insert or ignore into frontier_meta values ('started', ?)", [now])
        (self.started,) = self.conn.execute(
            "select value from frontier_meta where key = 'started'"
        ).fetchone()
        self.resuming = self._left() > 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Frontier:
        directory = crawler.settings.get("ARCHIVE_RESUME_DIR")
        if not directory:
            raise NotConfigured("no ARCHIVE_RESUME_DIR: the queue is kept in memory only")
        frontier = cls(crawler, Path(directory))
        if frontier.resuming:
            logger.info("resuming: %d queued URLs in %s", frontier._left(), frontier.path)
        for signal in (signals.item_scraped, signals.item_dropped):
            crawler.signals.connect(frontier.item_done, signal=signal)
        crawler.signals.connect(frontier.item_error, signal=signals.item_error)
        crawler.signals.connect(frontier.spider_closed, signal=signals.spider_closed)
        return frontier

    def add(self, queued: Queued) -> bool:
        """Note a URL as queued; False if it was queued before (in this run or an earlier)."""
        row = (queued.url, queued.callback, queued.via, queued.hints.to_json(), queued.depth)
        cursor = self.conn.execute(
            "insert or ignore into frontier (url, callback, via, hints, depth)"
            " values (?, ?, ?, ?, ?)",
            row,
        )
        return cursor.rowcount == 1

    def captured(self, url: str, capture_id: int) -> None:
        """Its raw page is in the archive: a later run extracts it from there."""
        self.conn.execute("update frontier set capture_id = ? where url = ?", [capture_id, url])

    def done(self, url: str) -> None:
        """Its outcome is stored: a later run need not fetch it. Nothing is marked done once
        the crawl has failed to keep its records."""
        if not fatal_error(self.crawler.stats.get_stats()):
            self.conn.execute("update frontier set done = 1 where url = ?", [url])

    def pending(self) -> Iterator[Queued]:
        """The URLs queued and not done, in the order they were queued."""
        archive = CrawlSession.of(self.crawler).db
        last = 0
        while True:
            batch = self.conn.execute(
                "select rowid, url, callback, via, hints, depth, capture_id from frontier"
                " where done = 0 and rowid > ? order by rowid limit 500",
                [last],
            ).fetchall()
            if not batch:
                return
            for rowid, url, callback, via, hints, depth, capture_id in batch:
                last = rowid
                if capture_id is None:  # its batch may have committed as the run was killed
                    capture_id = captured_since(archive, url, self.started)
                hinted = Hints(**json.loads(hints or "{}"))
                yield Queued(url, callback, via, hinted, depth, capture_id)

    def item_done(self, item: object) -> None:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            self.done(url)

    def item_error(self, item: object, failure: Failure) -> None:
        if not failure.check(*ARCHIVE_ERRORS):  # a page's crash is recorded: it is done
            self.item_done(item)

    def spider_closed(self, reason: str) -> None:
        finished = reason == "finished" and not fatal_error(self.crawler.stats.get_stats())
        self.conn.close()
        if finished:  # nothing left to resume: the next run starts afresh
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _left(self) -> int:
        return int(self.conn.execute("select count(*) from frontier where done = 0").fetchone()[0])
