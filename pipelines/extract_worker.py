"""What runs in the crawl's extraction processes (pipelines/extract_pool.py starts them):
their initializer and their one task, read_page. Nothing here imports Twisted or Scrapy,
which each process would otherwise load for nothing."""

from __future__ import annotations

import os
import select
import threading

from archive.ingest import IngestOptions
from archive.records import FetchedPage
from pipelines.reading import Reading, read_page

_options: IngestOptions | None = None  # a worker's own, set by start_worker


def start_worker(min_words: int, rules_path: str, max_bytes: int, parent: int) -> None:
    """A worker process's initializer: its options, with the rules compiled here; and it
    ends when the process that started the pool does."""
    global _options
    import pipelines.extract_warm  # noqa: F401  (already done in a forkserver that preloaded it)
    from pipelines.extraction import load_rules

    _options = IngestOptions(min_words, load_rules(rules_path) if rules_path else None, max_bytes)
    _exit_with(parent)


def _exit_with(parent: int) -> None:
    """A worker is the forkserver's child, not the crawl's, and it waits for work from a
    queue it holds both ends of: when the crawl is killed outright (no chance to stop its
    pool), nothing would ever tell it, and it would keep the forkserver alive too."""
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


def started() -> bool:
    """Whether start_worker has run (in this process)."""
    return _options is not None
