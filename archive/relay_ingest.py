"""`news-archive ingest`: the one archive writer of a distributed crawl. It takes the pages and
failures the workers (`news-archive crawl --redis URL`) put in Redis, and does what a
single-process crawl's pipelines do: each page's WARC record (in this machine's `warcs/`,
beside the archive), its captures row, its article (extracted in a pool of processes) and
its failures, a chunk of items per transaction.

A chunk taken from `items` waits in `ingesting` until its transaction has committed, so a
writer that dies loses nothing: run again, it ingests that chunk first (pages whose capture
committed already are not captured twice). It ends once the crawl under the key is over (its
`crawl` key gone) and every item is in; for the next crawl, run it again.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import redis
import sqlite_utils

from archive.ingest import MAX_PAGE_BYTES, Dropped
from archive.records import FetchedPage
from archive.store import finish_crawl, open_archive, open_warc_writer, start_crawl
from archive.store.articles import Provenance
from archive.store.batch import PendingArticle, PendingCapture, PendingFailure, WriteBatch
from archive.store.captures import write_capture_record
from archive.store.revisits import DEFAULT_REVISIT_AFTER, RevisitSteps, UrlCheck
from archive.warc import WarcWriter
from pipelines.extract import failure_of
from pipelines.extract_worker import extract_in_worker, start_worker
from pipelines.relay import decode_item
from spiders.items import FetchFailure

logger = logging.getLogger(__name__)
_STEPS = RevisitSteps.parse(DEFAULT_REVISIT_AFTER)

# Move up to N items from the list to the one being ingested, atomically.
_TAKE = """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #items > 0 then
  redis.call('RPUSH', KEYS[2], unpack(items))
  redis.call('LTRIM', KEYS[1], #items, -1)
end
return items
"""


@dataclass(frozen=True)
class IngestJob:
    """Where the items are, where they go, and how pages become articles."""

    db: str
    redis_url: str
    key: str = "news-archive"
    min_words: int = 50
    rules: str = ""
    processes: int = 2
    chunk: int = 200  # items per transaction


class Writer:
    """One run of the writer: its crawls row, WARC files, extraction pool and counts."""

    def __init__(self, job: IngestJob, db: sqlite_utils.Database, server: redis.Redis):
        self.job, self.db, self.server = job, db, server
        self.take = server.register_script(_TAKE)
        self.stats: Counter[str] = Counter()
        self.crawl_id: int | None = None
        self.warcs: WarcWriter | None = None
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipelines.extract_worker", "pipelines.extract_warm"])
        self.pool = ProcessPoolExecutor(
            job.processes,
            context,
            initializer=start_worker,
            initargs=(job.min_words, job.rules, MAX_PAGE_BYTES, os.getpid()),
        )

    def _k(self, name: str) -> str:
        return f"{self.job.key}:{name}"

    def begin(self) -> None:
        plan = json.loads(self.server.get(self._k("crawl")) or "{}")
        hosts, starts = plan.get("hosts") or [f"redis:{self.job.key}"], plan.get("starts", [])
        settings = {"ARCHIVE_MIN_WORDS": self.job.min_words, "ARCHIVE_RULES": self.job.rules,
                    "ARCHIVE_REDIS_KEY": self.job.key}  # fmt: skip
        self.crawl_id = start_crawl(self.db, ", ".join(hosts), starts, settings)
        self.warcs = open_warc_writer(self.db, self.crawl_id)

    def ingest(self, raw: list[bytes], again: bool = False) -> None:
        """One chunk, in one transaction (pages already captured skipped when again)."""
        items = [self._decode(data) for data in raw]
        pages = [i for i in items if isinstance(i, FetchedPage)]
        if again:
            pages = [p for p in pages if not self._captured(p)]
        batch = WriteBatch()
        for item in items:
            if isinstance(item, FetchFailure):
                batch.add(PendingFailure(self.crawl_id, item.url, item.kind, item.detail))
                self.stats[f"archive/errors/{item.kind}"] += 1
        results = self.pool.map(extract_in_worker, pages, chunksize=4)
        articles = []
        for page, (result, _) in zip(pages, results, strict=True):  # no links wanted
            record = write_capture_record(self.db, page, self._warcs())  # the record first
            capture = PendingCapture(self.crawl_id, page, record)
            batch.add(capture)
            self.stats["archive/pages"] += 1
            if isinstance(result, Dropped):
                self._dropped(batch, page, result)
                continue
            prov = Provenance.of(page, None, self.crawl_id)
            check = UrlCheck.of(page)  # known to later incremental crawls of the site
            articles.append(
                PendingArticle(result.article, result.key, prov, capture, check, _STEPS)
            )
            batch.add(articles[-1])
        batch.commit(self.db)
        for article in articles:
            self._count(article)

    def _decode(self, data: bytes) -> FetchedPage | FetchFailure:
        try:
            return decode_item(data)
        except ValueError as error:
            self.stats["archive/errors/bad_item"] += 1
            return FetchFailure(f"redis:{self.job.key}", "bad_item", str(error)[:500])

    def _dropped(self, batch: WriteBatch, page: FetchedPage, dropped: Dropped) -> None:
        self.stats[f"archive/dropped/{dropped.reason}"] += 1
        failure = failure_of(page, dropped)
        if failure is not None:
            batch.add(PendingFailure(self.crawl_id, page.url, *failure))
            self.stats[f"archive/errors/{failure[0]}"] += 1

    def _count(self, article: PendingArticle) -> None:
        if article.error is not None:
            self.stats["archive/errors/pipeline_error"] += 1
            logger.error("%s: not stored: %s", article.key, article.error)
        else:
            self.stats[f"archive/articles/{article.result()}"] += 1

    def _captured(self, page: FetchedPage) -> bool:
        sql = "select 1 from captures where url = ? and fetched_at = ? and length = ? limit 1"
        return (
            next(self.db.query(sql, [page.url, page.fetched_at, len(page.body)]), None) is not None
        )

    def _warcs(self) -> WarcWriter:
        if self.warcs is None:
            raise RuntimeError("the writer's crawl has not begun")
        return self.warcs

    def finish(self, status: str) -> None:
        if self.warcs is not None:
            self.warcs.close()
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.crawl_id is not None:
            finish_crawl(self.db, self.crawl_id, summary(self.stats, status))


def summary(stats: Counter[str], status: str) -> dict[str, Any]:
    """The crawls row's columns, as a crawl's session writes them."""
    errors = {k.removeprefix("archive/errors/"): v for k, v in stats.items()
              if k.startswith("archive/errors/")}  # fmt: skip
    return {
        "pages_fetched": stats["archive/pages"], "articles_new": stats["archive/articles/new"],
        "articles_updated": stats["archive/articles/updated"],
        "articles_refreshed": stats["archive/articles/refreshed"],
        "articles_unchanged": stats["archive/articles/unchanged"],
        "not_articles": stats["archive/dropped/not_article"], "status": status,
        "finish_reason": status, "errors": json.dumps(errors, sort_keys=True),
        "error_count": sum(errors.values()),
    }  # fmt: skip


def run_ingest(
    job: IngestJob,
    on_tick: Callable[[dict[str, Any]], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> dict[str, Any]:
    """Ingest the crawl under job.key until it is over (or stop() says so); its counts."""
    server = redis.Redis.from_url(job.redis_url)
    server.ping()
    db = open_archive(job.db)
    writer = Writer(job, db, server)
    try:
        while not (server.exists(writer._k("crawl")) or server.llen(writer._k("items"))):
            if stop():
                return {}
            time.sleep(0.2)
        writer.begin()
        left: list[bytes] = server.lrange(writer._k("ingesting"), 0, -1)  # type: ignore[assignment]
        if left:  # a writer before this one died with them
            writer.ingest(left, again=True)
            server.delete(writer._k("ingesting"))
        status = _drain(writer, server, on_tick, stop)
        writer.finish(status)
    finally:
        db.close()
    return dict(writer.stats)


def _drain(
    writer: Writer,
    server: redis.Redis,
    on_tick: Callable[[dict[str, Any]], None] | None,
    stop: Callable[[], bool],
) -> str:
    started = time.monotonic()
    while not stop():
        raw = writer.take(
            keys=[writer._k("items"), writer._k("ingesting")], args=[writer.job.chunk]
        )
        if raw:
            writer.ingest(raw)
            server.delete(writer._k("ingesting"))
        elif not server.exists(writer._k("crawl")) and not server.llen(writer._k("items")):
            return "finished"
        else:
            time.sleep(0.1)
        if on_tick:
            on_tick({**writer.stats, "elapsed_time_seconds": time.monotonic() - started})
    return "stopped"
