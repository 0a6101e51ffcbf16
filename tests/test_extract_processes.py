"""How many extraction processes a crawl starts (ARCHIVE_EXTRACT_PROCESSES), how pages go to
them and come back (multiprocessing's frames on a socket the reactor reads), and the pool
itself, on a real reactor with real worker processes."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
from multiprocessing import Pipe
from pathlib import Path

from pipelines.extract import extract_processes
from pipelines.extract_pool import framed, unframe

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_by_default_every_core_but_the_crawls_own() -> None:
    cores = len(os.sched_getaffinity(0))
    assert extract_processes("") == max(1, cores - 1)
    assert extract_processes(None) == extract_processes("")


def test_at_least_one_on_a_single_core(monkeypatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert extract_processes("") == 1


def test_a_number_given_is_taken() -> None:
    assert extract_processes("0") == 0
    assert extract_processes("3") == 3


MESSAGES = [b"", b"ready", os.urandom(300_000), b"x" * 70_000, b"last"]


def test_what_the_crawl_sends_a_worker_reads() -> None:
    ours, theirs = Pipe(duplex=True)
    with ours, theirs:
        for message in MESSAGES[:2]:  # small enough for the socket's buffer before a read
            os.write(ours.fileno(), b"".join(framed(message)))
            assert theirs.recv_bytes() == message


def test_what_a_worker_sends_the_crawl_reads_in_any_pieces() -> None:
    ours, theirs = Pipe(duplex=True)
    with ours, theirs:
        sending = threading.Thread(target=lambda: [theirs.send_bytes(m) for m in MESSAGES])
        sending.start()  # messages larger than the socket holds: read while they are sent
        stream = bytearray()
        while len(stream) < sum(len(m) + 4 for m in MESSAGES):
            stream += os.read(ours.fileno(), 1 << 20)
        sending.join()
    received, read = bytearray(), []
    for start in range(0, len(stream), 997):  # pieces that cut lengths and messages apart
        received += stream[start : start + 997]
        read += unframe(received)
    assert read == MESSAGES
    assert received == bytearray()  # nothing left over


def test_a_message_cut_short_waits_for_the_rest() -> None:
    received = bytearray(b"".join(framed(b"hello")) + struct.pack("!i", 10) + b"abc")
    assert unframe(received) == [b"hello"]
    assert received == struct.pack("!i", 10) + b"abc"
    # The long form multiprocessing uses for 2 GB or more: -1, then an 8-byte length.
    received = bytearray(struct.pack("!i", -1) + struct.pack("!Q", 3) + b"abcde")
    assert unframe(received) == [b"abc"]
    assert received == b"de"


# Run in a fresh interpreter with the crawl's reactor: the pool as the crawl's pipeline uses it.
_POOL = """
import dataclasses, json, os, signal
from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from twisted.internet import defer, reactor, task
from archive.ingest import Dropped, IngestOptions
from archive.records import FetchedPage
from pipelines.extract_pool import PAGES_AHEAD, ExtractionPool
from tests.servers import article_html

def page(n, sentences=8):
    url = f"http://site.test/news/{n}"
    body = article_html(f"Story {n} about the ferries", sentences).encode()
    return FetchedPage(url, url, 200, {"content-type": "text/html"}, body,
                       "2026-01-01T00:00:00+00:00", "site.test")

def headline(reading):
    result, links = reading
    return "dropped: " + result.detail if isinstance(result, Dropped) else result.article.headline

async def until(check):
    while not check():
        await task.deferLater(reactor, 0.005, lambda: None)

async def main():
    report = {}
    pool = ExtractionPool(1, IngestOptions(min_words=20), "")
    await until(lambda: pool.workers)
    first = pool.workers[0]
    pages = [pool.extract(page(n), "utf-8") for n in range(3 * PAGES_AHEAD)]
    report["sent"], report["waiting"] = len(first.jobs), len(pool.queue)
    report["read"] = [headline(r) for r in await defer.gatherResults(pages)]
    try:
        await pool.extract(dataclasses.replace(page(0), body=None))
    except TypeError as error:
        report["error"] = [type(error).__name__, "".join(getattr(error, "__notes__", []))]
    # Killed holding pages it has not read: they are read by the worker started after it.
    pages = [pool.extract(page(n), "utf-8") for n in range(PAGES_AHEAD)]
    os.kill(first.process.pid, signal.SIGKILL)
    report["after_kill"] = [headline(r) for r in await defer.gatherResults(pages)]
    second = pool.workers[0]
    report["replaced"] = second.process.pid != first.process.pid
    # Killed again, and the next one as soon as it is handed them: a page that meets a dead
    # worker twice is dropped. (Long pages: the next one has not read them all by then.)
    pages = [pool.extract(page(n, 4000), "utf-8") for n in range(PAGES_AHEAD)]
    os.kill(second.process.pid, signal.SIGKILL)
    await until(lambda: pool.workers and pool.workers[0] is not second)
    third = pool.workers[0]
    os.kill(third.process.pid, signal.SIGKILL)
    report["twice"] = [headline(r) for r in await defer.gatherResults(pages)]
    await until(lambda: pool.workers)
    pool.close()
    report["alive_after_close"] = [p.process.is_alive() for p in (first, second, third)]
    report["pages_ahead"] = PAGES_AHEAD
    return report

def report(result):
    print(json.dumps(result) if isinstance(result, dict) else result)
    reactor.stop()

def run():
    defer.ensureDeferred(main()).addBoth(report)
reactor.callWhenRunning(run)
reactor.run()
"""


def test_the_pool_reads_pages_in_workers_and_outlives_them() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _POOL], cwd=REPO_ROOT, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ahead = report["pages_ahead"]
    # A worker is sent the page it reads and PAGES_AHEAD more; the others wait their turn.
    assert (report["sent"], report["waiting"]) == (ahead + 1, 2 * ahead - 1)
    assert report["read"] == [f"Story {n} about the ferries" for n in range(3 * ahead)]
    # A page's own error comes back as itself, with where it was raised.
    assert report["error"][0] == "TypeError"
    assert "in the extraction process" in report["error"][1]
    assert report["after_kill"] == [f"Story {n} about the ferries" for n in range(ahead)]
    assert report["replaced"] is True
    died = "dropped: the extractor's process died on this page"
    assert died in report["twice"]  # and the others read, by the worker after
    assert set(report["twice"]) <= {died} | {f"Story {n} about the ferries" for n in range(ahead)}
    assert report["alive_after_close"] == [False, False, False]
    assert "an extraction process died; starting a new one" in done.stderr
