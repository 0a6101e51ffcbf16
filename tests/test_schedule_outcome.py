"""How the scheduler reads an ended run: its exit status and the crawls row it made."""

from __future__ import annotations

import signal
from pathlib import Path

from archive.schedule.runs import Ended, outcome
from archive.store import finish_crawl, open_archive, start_crawl
from archive.store.sites import Site, SiteRow, add_site


def _run(tmp_path: Path, status: str | None, exit_code: int, stopping: bool) -> tuple[str, str]:
    db = open_archive(tmp_path / "a.db")
    site_id = add_site(db, Site("harbour", "http://127.0.0.1:9/", every="1h"))
    if status is not None:
        crawl_id = start_crawl(db, "127.0.0.1:9", ["http://127.0.0.1:9/"], {}, site_id)
        finish_crawl(db, crawl_id, {"status": status, "finish_reason": "finished"})
    row = SiteRow(site_id, Site("harbour", "http://127.0.0.1:9/", every="1h"))
    return outcome(db, Ended(row, 0, exit_code, 1.0, "", stopping))


def test_a_finished_crawl_hit_by_the_schedulers_sigterm_as_it_exits_is_finished(
    tmp_path: Path,
) -> None:
    # The crawl closed its row, then our SIGTERM (sent to stop the scheduler) found the
    # process on its way out: the run finished; it did not fail.
    status, _ = _run(tmp_path, "finished", -signal.SIGTERM, stopping=True)
    assert status == "finished"


def test_a_signal_the_scheduler_did_not_send_is_a_failure(tmp_path: Path) -> None:
    status, message = _run(tmp_path, "finished", -signal.SIGTERM, stopping=False)
    assert status == "failed" and f"exit {-signal.SIGTERM}" in message


def test_a_crawl_stopped_before_it_recorded_anything_is_stopped(tmp_path: Path) -> None:
    status, _ = _run(tmp_path, None, -signal.SIGKILL, stopping=True)
    assert status == "stopped"
