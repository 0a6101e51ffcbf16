"""How many extraction processes a crawl starts (ARCHIVE_EXTRACT_PROCESSES)."""

from __future__ import annotations

import os

from pipelines.extract import extract_processes


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
