"""The scheduler for real: `news-archive schedule` processes crawling loopback sites on
seconds-long intervals, stopped with SIGTERM, killed with SIGKILL and started again."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from tests.crawling import rows
from tests.scheduling import add_site, events, news_site, scheduler, starts, wait_for
from tests.servers import closed_port, serve_routes

# The scheduler may start a run late (it looks every half second), never early; the log's
# clock has millisecond resolution.
EARLY = timedelta(milliseconds=50)


def _crawls(db: Path, site: str) -> list[dict]:
    return rows(
        db,
        "select crawls.* from crawls join sites on sites.id = crawls.site_id"
        " where sites.name = ? order by crawls.id",
        [site],
    )


def _site(db: Path, name: str) -> dict:
    (row,) = rows(db, "select * from sites where name = ?", [name])
    return row


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=90) == 0


def test_two_sites_each_at_its_interval_and_a_slow_one_never_overlaps(tmp_path: Path) -> None:
    db, log = tmp_path / "archive.db", tmp_path / "schedule.log"
    with serve_routes(news_site(2)) as fast, serve_routes(news_site(1, delay=4)) as slow:
        add_site(db, "fast", f"{fast}/", "--every", "3s")
        add_site(db, "slow", f"{slow}/", "--every", "2s")
        process = scheduler(db, log, "--workers", "2")
        wait_for(lambda: len(starts(log, "fast")) >= 3 and len(_crawls(db, "slow")) >= 2)
        _stop(process)
    fast_starts = starts(log, "fast")
    assert len(fast_starts) >= 3
    assert all(b - a >= timedelta(seconds=3) - EARLY for a, b in pairwise(fast_starts))
    # The slow site's crawl takes longer than its interval: each run starts only after the
    # one before it has ended, in the log and in the crawls table.
    slow_events = [e.what for e in events(log, "slow")]
    assert slow_events == ["started", "finished", "started", "stopped"], slow_events
    first, second = _crawls(db, "slow")
    assert first["finished"] <= second["started"]
    assert {c["status"] for c in _crawls(db, "fast")} <= {"finished", "stopped"}
    assert len(rows(db, "select * from articles")) == 3


def test_a_killed_scheduler_leaves_no_stale_lock_and_missed_runs_make_one(tmp_path: Path) -> None:
    db, first_log, second_log = tmp_path / "archive.db", tmp_path / "1.log", tmp_path / "2.log"
    with serve_routes(news_site(1, delay=4)) as base:
        add_site(db, "slow", f"{base}/", "--every", "2s")
        first = scheduler(db, first_log)
        wait_for(lambda: [c["status"] for c in _crawls(db, "slow")] == ["running"])
        first.kill()
        first.wait(timeout=10)
        # Its crawl goes on and keeps the site locked: the next scheduler waits for it...
        second = scheduler(db, second_log)
        wait_for(lambda: len(starts(second_log, "slow")) >= 2)
        _stop(second)
    orphan, *later = _crawls(db, "slow")
    assert orphan["status"] == "finished", "the killed scheduler's crawl ran to its end"
    assert later and orphan["finished"] <= later[0]["started"], "never two crawls of a site"
    whats = [e.what for e in events(second_log, "slow")]
    assert whats[:3] == ["due", "its", "started"], whats  # waited, closed the record, started
    first_start, next_start = starts(second_log, "slow")[:2]
    # ...then the runs missed meanwhile make one: the next comes a full interval later.
    assert "coalesced into this one" in events(second_log, "slow")[2].line
    assert next_start - first_start >= timedelta(seconds=2) - EARLY
    with (tmp_path / "archive.db.schedule" / "slow" / "lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if a lock were left over
    assert _site(db, "slow")["last_status"] in {"finished", "stopped"}


def test_sigterm_stops_the_running_crawl_resumable_and_the_next_run_resumes(
    tmp_path: Path,
) -> None:
    db, log = tmp_path / "archive.db", tmp_path / "schedule.log"
    with serve_routes(news_site(30, delay=0.5)) as base:
        add_site(db, "big", f"{base}/", "--every", "1s", "-s", "CONCURRENT_REQUESTS=2")
        process = scheduler(db, log)
        wait_for(lambda: len(rows(db, "select id from articles")) >= 4)
        _stop(process)
        (stopped,) = _crawls(db, "big")
        assert (stopped["status"], stopped["finish_reason"]) == ("stopped", "shutdown")
        assert _site(db, "big")["last_status"] == "stopped"
        stored = len(rows(db, "select id from articles"))
        once = subprocess.run(_once(db), capture_output=True, text=True, timeout=120)
    assert once.returncode == 0, once.stderr
    assert "resuming its stopped crawl" in once.stderr
    assert 4 <= stored < 30
    assert len(rows(db, "select id from articles")) == 30
    refetched = rows(db, "select url from captures group by url having count(*) > 1")
    assert refetched == [], "the resumed crawl fetched nothing twice"
    assert [c["status"] for c in _crawls(db, "big")] == ["stopped", "finished"]


def _once(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive.cli", "schedule", str(db), "--once", *args]


def test_once_runs_only_what_is_due(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(news_site(1)) as base:
        add_site(db, "hourly", f"{base}/", "--every", "1h")
        add_site(db, "often", f"{base}/?often", "--every", "1s")
        add_site(db, "new-year", f"{base}/?new-year", "--cron", "0 0 1 1 *")
        first = subprocess.run(_once(db), capture_output=True, text=True, timeout=120)
        second = subprocess.run(_once(db), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "due now: hourly, new-year, often" in first.stderr  # never crawled: all due
    assert "due now: often\n" in second.stderr
    counts = {name: len(_crawls(db, name)) for name in ("hourly", "often", "new-year")}
    assert counts == {"hourly": 1, "often": 2, "new-year": 1}
    assert second.stdout == "1 run(s) started: 1 finished\n"


def test_once_exits_1_when_a_run_fails(tmp_path: Path) -> None:
    db, rules = tmp_path / "archive.db", tmp_path / "rules.toml"
    rules.write_text('[rules."example.com"]\nheadline = "h1"\n', encoding="utf-8")
    with serve_routes(news_site(1)) as base:
        add_site(db, "good", f"{base}/")
        add_site(db, "broken", f"{base}/?broken", "--rules", str(rules))
        os.remove(rules)  # the crawl refuses to start without its rules
        result = subprocess.run(_once(db), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("Error: 1 run(s) failed (see the log above)")
    broken, good = _site(db, "broken"), _site(db, "good")
    assert broken["last_status"] == "failed" and "rules.toml" in broken["last_message"]
    assert good["last_status"] == "finished" and len(_crawls(db, "good")) == 1


def test_bad_input_gives_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["schedule", str(tmp_path / "none.db"), "--once"])
    assert (missing.exit_code, missing.output) == (
        1,
        f"Error: {tmp_path}/none.db: no such archive\n",
    )
    db = tmp_path / "archive.db"
    add_site(db, "site", "http://127.0.0.1:9/")
    down = f"http://127.0.0.1:{closed_port()}"
    unreachable = runner.invoke(cli, ["schedule", str(db), "--once", "--scrapyd", down])
    assert unreachable.exit_code == 1
    assert unreachable.output.startswith(f"Error: scrapyd at {down} cannot be reached: ")
    assert len(unreachable.output.splitlines()) == 1
    not_http = runner.invoke(cli, ["schedule", str(db), "--scrapyd", "ftp://127.0.0.1"])
    assert not_http.exit_code == 2 and "is not an http(s) URL" in not_http.output
