"""Extraction off the reactor thread: `read_page` (pipelines/reading.py: a page's article and
its links) in a pool of worker processes (ARCHIVE_EXTRACT_PROCESSES, by default one per
core but one, which the crawl's own process needs), so downloading, queueing and storage on
the reactor thread go on while pages are being extracted on the other cores.

Workers are forked from a forkserver (a fork of the crawl itself, with its threads and open
sockets, would not be safe). With two workers or more, the forkserver imports the extractor
and loads what it loads on first use once, and the workers share those pages; a single
worker loads them itself, and the forkserver stays a bare interpreter rather than a second
copy of them kept resident for the whole crawl. (The language model's large arrays are
mapped from files, shared by any number of workers: pipelines/extraction/language_model.py.)
Each worker loads the crawl's per-site rules itself, since compiled selectors do not travel
between processes. Starting the pool takes a second or more, so it is started in a thread
as the crawl is set up, and pages that come before it is ready wait for it; if it cannot
start at all, pages are extracted in the crawl's own process. A worker that dies (the parser
crashing on a hostile page) takes the pool with it: a new pool is started and every page
the old one held is tried once more; a page that meets a dead worker twice is dropped as
unreadable, and the crawl goes on. Workers end with the process that started them, however
it ends.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, process, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from twisted.internet import defer

from archive.ingest import Dropped, IngestOptions
from archive.records import FetchedPage
from pipelines.extract_worker import extract_in_worker, start_worker, started
from pipelines.reading import Reading, read_page

logger = logging.getLogger(__name__)

# Pages sent ahead to the workers, beyond one each, and pipes to hold them. Python's pool
# sends one page ahead (EXTRA_QUEUED_CALLS) down a 64 KB pipe, less than a page of 80 KB,
# and the extraction process waits for its next page about 11% of its time (py-spy).
# Six pages ahead in pipes of 1 MB (what Linux lets any process ask for,
# /proc/sys/fs/pipe-max-size) crawled 3%, 8% and 6% faster in three interleaved pairs of
# 4,000-article crawls, although the process waits about as often; the pipes alone, or
# more pages ahead alone, did not.
PAGES_AHEAD = 6
PIPE_BYTES = 1 << 20
_MAKING_POOL = threading.Lock()


class ExtractionPool:
    """read_page in worker processes, each call a Deferred fired on the reactor."""

    def __init__(self, processes: int, options: IngestOptions, rules_path: str):
        self.processes = processes
        self.options = options  # for extracting here, should the pool not start
        self.init_args = (options.min_words, rules_path, options.max_bytes, os.getpid())
        self.context = multiprocessing.get_context("forkserver")
        if processes > 1:  # shared by the workers; a lone worker loads them itself
            self.context.set_forkserver_preload(
                ["pipelines.extract_worker", "pipelines.extract_warm"]
            )
        else:
            self.context.set_forkserver_preload([])
        self.executor: ProcessPoolExecutor | None = None
        self.waiting: list[tuple[FetchedPage, str | None, defer.Deferred[Reading]]] = []
        self.failed_to_start = False
        self.starting = threading.Thread(target=self._start, name="extraction-pool", daemon=True)
        self.starting.start()

    def _new_executor(self) -> ProcessPoolExecutor:
        with pages_ahead(PAGES_AHEAD):
            executor = ProcessPoolExecutor(
                self.processes, self.context, initializer=start_worker, initargs=self.init_args
            )
        widen_pipes(executor)
        return executor

    def _start(self) -> None:
        """In a thread: start the forkserver and every worker, then hand the pool over."""
        from twisted.internet import reactor

        clock: Any = reactor  # the installed reactor (zope interfaces confuse mypy)
        try:
            executor = self._new_executor()
            wait([executor.submit(started) for _ in range(self.processes)])
        except (OSError, RuntimeError, BrokenProcessPool) as error:
            clock.callFromThread(self._not_started, error)
            return
        clock.callFromThread(self._ready, executor)

    def _ready(self, executor: ProcessPoolExecutor) -> None:
        self.executor = executor
        waiting, self.waiting = self.waiting, []
        for page, links, result in waiting:
            self._submit(page, links, retried=False).chainDeferred(result)

    def _not_started(self, error: BaseException) -> None:
        logger.error("extraction processes could not start (%s): extracting here", error)
        self.failed_to_start = True
        waiting, self.waiting = self.waiting, []
        for page, links, result in waiting:
            result.callback(read_page(page, self.options, links))

    def extract(self, page: FetchedPage, links: str | None = None) -> defer.Deferred[Reading]:
        """The page's article (or drop), and its links if links names its encoding."""
        if self.failed_to_start:
            return defer.succeed(read_page(page, self.options, links))
        if self.executor is None:
            result: defer.Deferred[Reading] = defer.Deferred()
            self.waiting.append((page, links, result))
            return result
        return self._submit(page, links, retried=False)

    def _submit(
        self, page: FetchedPage, links: str | None, retried: bool
    ) -> defer.Deferred[Reading]:
        from twisted.internet import reactor

        clock: Any = reactor
        fresh = self.executor is None
        if self.executor is None:  # the last one broke: a new one (the forkserver is up)
            self.executor = self._new_executor()
        executor = self.executor
        result: defer.Deferred[Reading] = defer.Deferred()
        try:
            future = executor.submit(extract_in_worker, page, links)
        except BrokenProcessPool:
            # A worker died and the pool knows it, before any of its pages has been told:
            # a new pool, unless this one was new already (then the page fails, counted as
            # a pipeline error, rather than raising where no one waits for it).
            self._discard(executor)
            if fresh:
                return defer.fail()
            return self._submit(page, links, retried)
        future.add_done_callback(
            lambda done: clock.callFromThread(
                self._settle, result, done, (page, links), retried, executor
            )
        )
        return result

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        """Give up a broken pool (once, whichever of its pages hears of it first)."""
        if executor is self.executor:
            logger.warning("an extraction process died; starting new ones")
            executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def _settle(
        self,
        result: defer.Deferred[Reading],
        future: Future[Reading],
        work: tuple[FetchedPage, str | None],
        retried: bool,
        executor: ProcessPoolExecutor,
    ) -> None:
        error = future.exception()
        if error is None:
            result.callback(future.result())
        elif not isinstance(error, BrokenProcessPool):
            result.errback(error)
        elif retried:
            died = Dropped("unreadable", "the extractor's process died on this page")
            result.callback((died, None))
        else:
            self._discard(executor)
            self._submit(*work, retried=True).chainDeferred(result)

    def close(self) -> None:
        self.starting.join()
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def widen_pipes(executor: ProcessPoolExecutor) -> None:
    """Give the pool's pipes (pages out, results back) PIPE_BYTES each, where the system
    allows: the executor keeps them in attributes of its own, so a Python that names them
    otherwise, or a system that refuses, leaves them as they are (slower, not wrong)."""
    for channel in ("_call_queue", "_result_queue"):
        end = getattr(getattr(executor, channel, None), "_writer", None)
        try:
            fcntl.fcntl(end.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError) as error:
            logger.debug("the extraction pool's %s keeps its pipe size: %s", channel, error)


@contextmanager
def pages_ahead(count: int) -> Iterator[None]:
    """A ProcessPoolExecutor made within sends `count` calls ahead to its workers: the pool
    reads how many from a constant of its module (EXTRA_QUEUED_CALLS) as it is made, and
    has no argument for it; the constant is set for that moment and put back after."""
    with _MAKING_POOL:
        usual = process.EXTRA_QUEUED_CALLS
        process.EXTRA_QUEUED_CALLS = count  # type: ignore[misc]  # (typed Final; a setting)
        try:
            yield
        finally:
            process.EXTRA_QUEUED_CALLS = usual  # type: ignore[misc]
