"""Scheduled crawls as child processes of the scheduler (`news-archive crawl ...`), each holding
its site's lock, at most `workers` at once, stopped with SIGTERM so that they can resume."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from archive.schedule.locks import SiteLock, holder
from archive.schedule.runs import Ended, SitePaths, run_settings
from archive.store import now
from archive.store.sites import SiteRow

logger = logging.getLogger(__name__)
# After the stop bound, Scrapy is sent a second signal (its unclean stop), then this long on.
_FORCE_SECONDS = 10.0


@dataclass
class _Run:
    row: SiteRow
    process: subprocess.Popen
    lock: SiteLock
    paths: SitePaths
    after_crawl: int
    started: float


class LocalRunner:
    """Runs crawls in child processes on this machine."""

    waits_for_runs = True

    def __init__(self, db: Path, workers: int):
        self.db = db
        self.workers = workers
        self.active: dict[str, _Run] = {}
        self.stopping = False

    def full(self) -> bool:
        return len(self.active) >= self.workers

    def claim(self, row: SiteRow) -> SiteLock | None:
        """The site's lock, or None while a crawl of it runs (ours or any other)."""
        return SiteLock.acquire(SitePaths.of(self.db, row.site.name).lock)

    def holder(self, row: SiteRow) -> str:
        return holder(SitePaths.of(self.db, row.site.name).lock)

    def release(self, claim: SiteLock) -> None:
        claim.release()

    def launch(self, row: SiteRow, claim: SiteLock, resume: bool, after_crawl: int) -> str:
        """Start the site's crawl, which inherits the lock; a description of the process."""
        paths = SitePaths.of(self.db, row.site.name)
        if not resume:
            shutil.rmtree(paths.resume, ignore_errors=True)
        with paths.log.open("wb") as log:
            # A session of its own: a Ctrl-C in the terminal reaches the scheduler only,
            # which passes one signal on (a second one would make Scrapy stop uncleanly).
            process = subprocess.Popen(
                crawl_command(row, self.db, paths), stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, pass_fds=(claim.fd,), start_new_session=True,
            )  # fmt: skip
        claim.note(f"pid {process.pid} on {socket.gethostname()} since {now()}")
        self.active[row.site.name] = _Run(row, process, claim, paths, after_crawl, time.monotonic())
        return f"pid {process.pid}"

    def reap(self) -> list[Ended]:
        """The runs whose process has exited since the last call."""
        ended = []
        for name, run in list(self.active.items()):
            code = run.process.poll()
            if code is None:
                continue
            run.lock.release()
            del self.active[name]
            seconds = time.monotonic() - run.started
            last_words = _last_line(run.paths.log)
            ended.append(Ended(run.row, run.after_crawl, code, seconds, last_words, self.stopping))
        return ended

    def stop(self, timeout: float, hurry: Callable[[], bool]) -> list[Ended]:
        """Ask every crawl to stop (SIGTERM: Scrapy stops cleanly, resumable) and wait up to
        timeout (or until hurry() says so), then force the ones still running."""
        self.stopping = True
        self._signal(signal.SIGTERM)
        if not self._wait(timeout, hurry):
            logger.warning("forcing %d crawl(s) to stop: %s", len(self.active), self._names())
            self._signal(signal.SIGTERM)  # Scrapy's second signal: stop now, uncleanly
            if not self._wait(_FORCE_SECONDS, lambda: False):
                self._signal(signal.SIGKILL)
                self._wait(_FORCE_SECONDS, lambda: False)
        return self.reap()

    def _signal(self, number: int) -> None:
        for run in self.active.values():
            if run.process.poll() is None:
                with suppress(ProcessLookupError):
                    run.process.send_signal(number)

    def _wait(self, seconds: float, hurry: Callable[[], bool]) -> bool:
        """True once every crawl has exited; False after seconds or when hurried."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not hurry():
            if all(run.process.poll() is not None for run in self.active.values()):
                return True
            time.sleep(0.1)
        return all(run.process.poll() is not None for run in self.active.values())

    def _names(self) -> str:
        return ", ".join(sorted(self.active))


def crawl_command(row: SiteRow, db: Path, paths: SitePaths) -> list[str]:
    """`news-archive crawl` for the site, quiet, with its settings."""
    site = row.site
    command = [sys.executable, "-m", "archive.cli", "crawl", site.url, "-q"]
    for feed in site.feeds:
        command += ["--feed", feed]
    for sitemap in site.sitemaps:
        command += ["--sitemap", sitemap]
    command += ["--db", str(db.resolve())]
    for name, value in run_settings(row, db, paths).items():
        command += ["-s", f"{name}={value}"]
    return command


def _last_line(log: Path) -> str:
    """The crawl's last words (its error, when it failed), at most 300 characters."""
    with suppress(OSError):
        lines = log.read_bytes()[-4000:].decode("utf-8", "replace").strip().splitlines()
        return lines[-1][-300:] if lines else ""
    return ""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) or 1
