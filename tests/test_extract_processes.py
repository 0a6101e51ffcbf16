"""How many extraction processes a crawl starts (ARCHIVE_EXTRACT_PROCESSES), and the pipes
that take pages to them."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, process

from pipelines.extract import extract_processes
from pipelines.extract_pool import PAGES_AHEAD, PIPE_BYTES, pages_ahead, widen_pipes


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


def test_the_pools_pipes_hold_a_whole_page() -> None:
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(1, context) as executor:
        pages_out = executor._call_queue._writer.fileno()  # type: ignore[attr-defined]
        results_back = executor._result_queue._writer.fileno()  # type: ignore[attr-defined]
        assert fcntl.fcntl(pages_out, fcntl.F_GETPIPE_SZ) < 80_000  # Linux's 64 KB
        widen_pipes(executor)
        for end in (pages_out, results_back):
            assert fcntl.fcntl(end, fcntl.F_GETPIPE_SZ) >= PIPE_BYTES
        page = "<p>" + "x" * 300_000  # and pages still go out and come back whole
        assert executor.submit(str.upper, page).result(timeout=60) == page.upper()


def test_a_pool_without_those_pipes_is_left_alone() -> None:
    with ThreadPoolExecutor(1) as executor:
        widen_pipes(executor)  # type: ignore[arg-type]
        assert executor.submit(len, "page").result() == 4


def test_the_pool_is_sent_pages_ahead_and_other_pools_are_not() -> None:
    usual = process.EXTRA_QUEUED_CALLS
    context = multiprocessing.get_context("forkserver")
    with pages_ahead(PAGES_AHEAD):
        ours = ProcessPoolExecutor(1, context)
    other = ProcessPoolExecutor(1, context)
    try:
        # The call queue holds the calls sent ahead: one per worker, and the pages ahead.
        assert ours._call_queue._maxsize == 1 + PAGES_AHEAD  # type: ignore[attr-defined]
        assert other._call_queue._maxsize == 1 + usual  # type: ignore[attr-defined]
        put_back = process.EXTRA_QUEUED_CALLS
        assert put_back == usual
        pages = [ours.submit(str.upper, f"page {n}") for n in range(3 * PAGES_AHEAD)]
        assert [page.result(timeout=60) for page in pages] == [
            f"PAGE {n}" for n in range(3 * PAGES_AHEAD)
        ]
    finally:
        ours.shutdown()
        other.shutdown()
