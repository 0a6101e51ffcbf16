"""Extraction off the reactor thread: `read_page` (pipelines/reading.py: a page's article and
its links) in worker processes (ARCHIVE_EXTRACT_PROCESSES, by default one per core but one,
which the crawl's own process needs), so downloading, queueing and storage on the reactor
thread go on while pages are being extracted on the other cores.

Each worker is connected to the crawl by a socket the reactor reads and writes itself
(pipelines/extract_worker.py has the other end): a page goes out as one pickled message and
its reading comes back as one, with no thread in between. (Python's ProcessPoolExecutor,
used before, takes each page through two threads of its own and wakes the reactor from a
third: a tenth of the crawl's own process's time went to them, and to the locks and pipes
between them.) Up to PAGES_AHEAD pages are sent to a worker beyond the one it is reading,
so that it never waits for the next; the others wait here, in order, for the first worker
with room.

Workers are forked from a forkserver (a fork of the crawl itself, with its threads and open
sockets, would not be safe). With two workers or more, the forkserver imports the extractor
and loads what it loads on first use once, and the workers share those pages; a single
worker loads them itself, and the forkserver stays a bare interpreter rather than a second
copy of them kept resident for the whole crawl. (The language model's large arrays are
mapped from files, shared by any number of workers: pipelines/extraction/language_model.py.)
Each worker loads the crawl's per-site rules itself, since compiled selectors do not travel
between processes. Starting a worker takes a second or more, so it is started in a thread,
and pages that come before one is ready wait for it; if none can start at all, pages are
extracted in the crawl's own process. A worker that dies (the parser crashing on a hostile
page) is replaced, and every page it held is tried once more; a page that meets a dead
worker twice is dropped as unreadable, and the crawl goes on. Workers end with the process
that started them, however it ends.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from twisted.internet import defer, protocol
from twisted.python.failure import Failure

from archive.ingest import Dropped, IngestOptions
from archive.records import FetchedPage
from pipelines.extract_worker import READY, serve
from pipelines.reading import Reading, read_page

logger = logging.getLogger(__name__)

# Pages sent to a worker beyond the one it is reading. With Python's pool, six ahead in
# pipes of 1 MB crawled 3-8% faster than its one ahead in 64 KB pipes; the sockets here get
# the same room (what the system allows of it: net.core.wmem_max).
PAGES_AHEAD = 6
SOCKET_BYTES = 1 << 20
START_SECONDS = 120  # for a worker to import the extractor and say it is ready
_LENGTH = struct.Struct("!i")  # multiprocessing's frame: the length, then the message
_LONG_LENGTH = struct.Struct("!Q")  # after a length of -1, for a message of 2 GB or more


@dataclass
class _Job:
    """A page to read, the Deferred waiting for its reading, and whether a worker already
    died holding it."""

    page: FetchedPage
    links: str | None
    result: defer.Deferred[Reading]
    retried: bool = False


class _Worker(protocol.Protocol):
    """One worker process, as its socket's protocol: pages out, readings back, by key."""

    def __init__(self, pool: ExtractionPool, process: BaseProcess):
        self.pool = pool
        self.process = process
        self.jobs: dict[int, _Job] = {}  # sent, and not answered yet
        self.received = bytearray()

    def send(self, key: int, job: _Job) -> None:
        message = pickle.dumps((key, job.page, job.links), pickle.HIGHEST_PROTOCOL)
        self.jobs[key] = job
        transport: Any = self.transport  # a unix socket's (zope interfaces confuse mypy)
        transport.writeSequence(framed(message))

    def dataReceived(self, data: bytes) -> None:
        self.received += data
        for message in unframe(self.received):
            key, reading, error = pickle.loads(message)
            job = self.jobs.pop(key)
            if error is None:
                job.result.callback(reading)
            else:
                job.result.errback(Failure(error))
        self.pool.dispatch()

    def connectionLost(self, reason: Failure = protocol.connectionDone) -> None:
        self.process.join(timeout=0)  # reaped, if it has ended
        self.pool.worker_lost(self)


def framed(message: bytes) -> list[bytes]:
    """A message as multiprocessing's Connection.recv_bytes reads it: its length, then it."""
    if len(message) < 0x7FFFFFFF:
        return [_LENGTH.pack(len(message)), message]
    return [_LENGTH.pack(-1) + _LONG_LENGTH.pack(len(message)), message]


def unframe(received: bytearray) -> list[bytes]:
    """The whole messages at the start of received (taken out of it), as
    multiprocessing's Connection.send_bytes frames them."""
    messages = []
    while len(received) >= _LENGTH.size:
        (size,) = _LENGTH.unpack_from(received)
        start = _LENGTH.size
        if size == -1:
            if len(received) < start + _LONG_LENGTH.size:
                break
            (size,) = _LONG_LENGTH.unpack_from(received, start)
            start += _LONG_LENGTH.size
        if len(received) < start + size:
            break
        messages.append(bytes(received[start : start + size]))
        del received[: start + size]
    return messages


@dataclass
class _Starting:
    """Workers being started in a thread (one at a time: the forkserver forks them in turn)."""

    count: int
    thread: threading.Thread | None = None
    ready: list[tuple[BaseProcess, Connection]] = field(default_factory=list)


class ExtractionPool:
    """read_page in worker processes, each call a Deferred fired on the reactor."""

    def __init__(self, processes: int, options: IngestOptions, rules_path: str):
        self.processes = processes
        self.options = options  # for extracting here, should no worker start
        self.init_args = (options.min_words, rules_path, options.max_bytes, os.getpid())
        self.context = multiprocessing.get_context("forkserver")
        if processes > 1:  # shared by the workers; a lone worker loads them itself
            self.context.set_forkserver_preload(
                ["pipelines.extract_worker", "pipelines.extract_warm"]
            )
        else:
            self.context.set_forkserver_preload([])
        self.workers: list[_Worker] = []
        self.queue: deque[tuple[int, _Job]] = deque()  # in order, for the first with room
        self.keys = 0
        self.extract_here = False
        self.closing = False
        self.starting: list[threading.Thread] = []
        self._start(processes)

    def extract(self, page: FetchedPage, links: str | None = None) -> defer.Deferred[Reading]:
        """The page's article (or drop), and its links if links names its encoding."""
        if self.extract_here:
            return defer.succeed(read_page(page, self.options, links))
        job = _Job(page, links, defer.Deferred())
        self.keys += 1
        self.queue.append((self.keys, job))
        self.dispatch()
        return job.result

    def dispatch(self) -> None:
        """Send waiting pages to the workers with room for them, the least busy first."""
        while self.queue and self.workers:
            worker = min(self.workers, key=lambda w: len(w.jobs))
            if len(worker.jobs) > PAGES_AHEAD:
                return
            key, job = self.queue.popleft()
            worker.send(key, job)

    def worker_lost(self, worker: _Worker) -> None:
        """A worker's socket closed: at the crawl's end, or because the worker died, whose
        pages are then tried once more (those it died on twice are dropped as unreadable),
        first, while a new worker starts."""
        if worker in self.workers:
            self.workers.remove(worker)
        if self.closing:
            return
        logger.warning("an extraction process died; starting a new one")
        again = []
        for key, job in sorted(worker.jobs.items()):
            if job.retried:
                died = Dropped("unreadable", "the extractor's process died on this page")
                job.result.callback((died, None))
            else:
                job.retried = True
                again.append((key, job))
        worker.jobs.clear()
        self.queue.extendleft(reversed(again))
        self._start(1)
        self.dispatch()

    # Starting workers: in a thread, then handed to the reactor.

    def _start(self, count: int) -> None:
        thread = threading.Thread(
            target=self._start_in_thread, args=(count,), name="extraction-start", daemon=True
        )
        self.starting.append(thread)
        thread.start()

    def _start_in_thread(self, count: int) -> None:
        from twisted.internet import reactor

        clock: Any = reactor  # the installed reactor (zope interfaces confuse mypy)
        for _ in range(count):
            try:
                started = self._start_one()
            except Exception as error:  # whatever it is, pages must not wait for it forever
                clock.callFromThread(self._not_started, error)
                return
            clock.callFromThread(self._ready, *started)

    def _start_one(self) -> tuple[BaseProcess, Connection]:
        ours, theirs = self.context.Pipe(duplex=True)  # a socket pair
        for end in (ours, theirs):
            _widen(end)
        process = self.context.Process(
            target=serve, args=(theirs, self.init_args), name="extraction", daemon=True
        )
        try:
            process.start()
        finally:
            theirs.close()  # the worker's own now: its end closing is how we learn it died
        try:
            if not ours.poll(START_SECONDS) or ours.recv_bytes() != READY:
                raise RuntimeError(f"no word from an extraction process in {START_SECONDS} s")
        except BaseException:
            ours.close()
            process.kill()
            process.join(timeout=5)
            raise
        return process, ours

    def _ready(self, process: BaseProcess, conn: Connection) -> None:
        from twisted.internet import reactor

        clock: Any = reactor
        if self.closing:
            conn.close()
            process.kill()
            return
        worker = _Worker(self, process)
        factory = protocol.Factory.forProtocol(lambda: worker)
        try:
            os.set_blocking(conn.fileno(), False)
            clock.adoptStreamConnection(conn.fileno(), socket.AF_UNIX, factory)  # dup()s it
        except OSError as error:
            process.kill()
            self._not_started(error)
            return
        finally:
            conn.close()
        self.workers.append(worker)
        self.dispatch()

    def _not_started(self, error: BaseException) -> None:
        if self.closing or self.workers:
            logger.error("an extraction process could not start (%s)", error)
            return
        logger.error("extraction processes could not start (%s): extracting here", error)
        self.extract_here = True
        waiting, self.queue = self.queue, deque()
        for _, job in waiting:
            job.result.callback(read_page(job.page, self.options, job.links))

    def close(self) -> None:
        """Stop the workers. The crawl is over: a page still out (a crawl stopped short) is
        left unread, as the rest of what it was doing."""
        self.closing = True
        for thread in self.starting:
            thread.join()
        for worker in self.workers:
            transport: Any = worker.transport
            transport.abortConnection()
            worker.process.kill()  # it holds nothing to keep: its readings are all sent
            worker.process.join(timeout=5)
        self.workers.clear()
        self.queue.clear()


def _widen(end: Connection) -> None:
    """Give a worker's socket SOCKET_BYTES each way, where the system allows."""
    with socket.socket(fileno=os.dup(end.fileno())) as sock:
        for option in (socket.SO_SNDBUF, socket.SO_RCVBUF):
            sock.setsockopt(socket.SOL_SOCKET, option, SOCKET_BYTES)
