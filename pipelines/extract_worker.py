"""What runs in the crawl's extraction processes (pipelines/extract_pool.py starts them): a
loop reading pages from the crawl's process and sending back what read_page makes of each.
Nothing here imports Twisted or Scrapy, which each process would otherwise load for nothing.

The pages come and go down one socket, as messages framed and pickled as Python's
multiprocessing frames them (a 4-byte big-endian length, then the bytes): the crawl's side
reads and writes them on its reactor, without threads of its own."""

from __future__ import annotations

import os
import pickle
import select
import threading
import traceback
from multiprocessing.connection import Connection
from typing import Any

from archive.ingest import IngestOptions
from archive.records import FetchedPage
from pipelines.reading import Reading, read_page

READY = b"ready"  # a worker's first message, once its options are set
_options: IngestOptions | None = None  # a worker's own, set by start_worker


def serve(conn: Connection, init_args: tuple[Any, ...]) -> None:
    """A worker process's life: set up, say so, then answer (key, page, links) messages with
    (key, reading, error) ones until the crawl's side closes the socket."""
    start_worker(*init_args)
    conn.send_bytes(READY)
    while True:
        try:
            key, page, links = pickle.loads(conn.recv_bytes())
        except EOFError:  # the crawl is done with this worker
            return
        conn.send_bytes(_answer(key, page, links))


def _answer(key: int, page: FetchedPage, links: str | None) -> bytes:
    try:
        return pickle.dumps((key, extract_in_worker(page, links), None), pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # the page's own failure, raised where it is awaited
        error.add_note("in the extraction process:\n" + traceback.format_exc())
        try:
            return pickle.dumps((key, None, error), pickle.HIGHEST_PROTOCOL)
        except Exception:  # an exception that cannot travel: its text does
            said = RuntimeError(f"{type(error).__name__}: {error}")
            return pickle.dumps((key, None, said), pickle.HIGHEST_PROTOCOL)


def start_worker(min_words: int, rules_path: str, max_bytes: int, parent: int) -> None:
    """A worker process's set-up: its options, with the rules compiled here; and it ends when
    the process that started it does."""
    global _options
    import pipelines.extract_warm  # noqa: F401  (already done in a forkserver that preloaded it)
    from pipelines.extraction import load_rules

    _options = IngestOptions(min_words, load_rules(rules_path) if rules_path else None, max_bytes)
    _exit_with(parent)


def _exit_with(parent: int) -> None:
    """A worker is the forkserver's child, not the crawl's: when the crawl is killed outright
    (no chance to stop its workers), its socket closes and the worker ends; this ends it as
    well should it be busy with a page then, and keeps it from holding the forkserver."""
    try:
        watched = os.pidfd_open(parent)  # readable once that process has ended
    except ProcessLookupError:
        os._exit(0)

    def watch() -> None:
        select.select([watched], [], [])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-crawl", daemon=True).start()


def extract_in_worker(page: FetchedPage, links: str | None = None) -> Reading:
    """read_page in a worker process, with the options start_worker set."""
    if _options is None:
        raise RuntimeError("extraction worker started without its options")
    return read_page(page, _options, links)
