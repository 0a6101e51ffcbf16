"""The scheduler's loop: start the crawls of due sites, record how each run ends, coalesce the
runs missed while no scheduler ran into one, and stop the running crawls on SIGTERM/Ctrl-C."""

from __future__ import annotations

import logging
import signal
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import FrameType
from typing import Any, Protocol

import sqlite_utils

from archive.schedule.runs import FAILED, Ended, RunnerError, outcome, resumes
from archive.sites.spec import timing_of
from archive.sites.timing import TimingError
from archive.store.sites import (
    SiteRow,
    UnknownSite,
    get_site,
    last_crawl,
    list_sites,
    record_end,
    record_run,
)

logger = logging.getLogger(__name__)
_NEVER_RUN = datetime.min.replace(tzinfo=UTC)


class Runner(Protocol):
    """Where crawls run: child processes (LocalRunner) or a scrapyd server (ScrapydRunner)."""

    waits_for_runs: bool

    @property
    def active(self) -> Mapping[str, Any]: ...

    def full(self) -> bool: ...
    def claim(self, row: SiteRow) -> Any: ...
    def holder(self, row: SiteRow) -> str: ...
    def release(self, claim: Any) -> None: ...
    def launch(self, row: SiteRow, claim: Any, resume: bool, after_crawl: int) -> str: ...
    def reap(self) -> list[Ended]: ...
    def stop(self, timeout: float, hurry: Callable[[], bool]) -> list[Ended]: ...


@dataclass(frozen=True)
class ScheduleOptions:
    """once: run what is due now, then exit; stop_timeout: how long running crawls get to
    stop cleanly; tick: how often due sites and running crawls are looked at."""

    once: bool = False
    stop_timeout: float = 60.0
    tick: float = 0.5


@dataclass
class Tally:
    """What the scheduler did: runs started, and how the ones it saw end ended."""

    started: int = 0
    ended: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return sum(self.ended[status] for status in FAILED)


def due_at(row: SiteRow) -> datetime:
    """When the site is next due: at once if it never ran, else its schedule's next time
    after its last run, however long ago that was (so missed runs make one)."""
    if not row.last_run:
        return _NEVER_RUN
    return timing_of(row.site).next_after(datetime.fromisoformat(row.last_run))


class Scheduler:
    """Runs until stopped (or, with once, until what was due has run)."""

    def __init__(self, db: sqlite_utils.Database, runner: Runner, options: ScheduleOptions):
        self.db, self.runner, self.options = db, runner, options
        self.signals = 0
        self.waiting: set[str] = set()  # due, but a crawl of the site runs elsewhere
        self.pending: set[str] = set()  # once: due at the start, not started yet
        self.trouble = ""  # the runner's last error, logged once
        self.unusable: set[str] = set()  # sites whose schedule cannot be read
        self.tally = Tally()

    def run(self) -> Tally:
        handlers = {sig: signal.signal(sig, self._on_signal) for sig in _STOP_SIGNALS}
        try:
            if self.options.once:
                self.pending = {row.site.name for row in self._due(_utcnow())}
                logger.info("due now: %s", ", ".join(sorted(self.pending)) or "no site")
            while not self.signals:
                self._tick()
                if self.options.once and self._once_done():
                    break
                time.sleep(self.options.tick)
            if self.signals:
                self._stop()
        finally:
            for sig, previous in handlers.items():
                signal.signal(sig, previous)
        return self.tally

    def _tick(self) -> None:
        try:
            self._collect(self.runner.reap())
            self._recover()
            self._start_due()
        except RunnerError as error:
            self._runner_failed(error)
        else:
            self.trouble = ""

    def _runner_failed(self, error: RunnerError) -> None:
        """Say it once (scrapyd may come back: the next tick tries again); with once, what
        was due has failed."""
        if str(error) != self.trouble:
            logger.error("%s", error)
            self.trouble = str(error)
        if self.options.once:
            self.tally.ended["failed"] += max(len(self.pending), 1)
            self.pending.clear()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.signals += 1  # no logging here: a signal may land inside a logging call

    def _once_done(self) -> bool:
        return not self.pending and not (self.runner.waits_for_runs and self.runner.active)

    def _due(self, now: datetime) -> list[SiteRow]:
        due = []
        for row in list_sites(self.db):
            try:
                when = due_at(row)
            except TimingError as error:  # a sites row edited by hand: said once
                if row.site.name not in self.unusable:
                    logger.error("%s: not scheduled: %s", row.site.name, error)
                    self.unusable.add(row.site.name)
                continue
            if when <= now:
                due.append((when, row))
        return [row for _, row in sorted(due, key=lambda pair: (pair[0], pair[1].site.name))]

    def _start_due(self) -> None:
        now = _utcnow()
        due = self._due(now)
        if self.options.once:
            gone = self.pending - {row.site.name for row in due} - set(self.runner.active)
            for name in sorted(gone):
                logger.info("%s: no longer due (run by another scheduler, or removed)", name)
            self.pending -= gone
        for row in due:
            name = row.site.name
            if name in self.runner.active or (self.options.once and name not in self.pending):
                continue
            if self.runner.full():
                break
            self._try_start(row, now)

    def _try_start(self, row: SiteRow, now: datetime) -> None:
        claim = self.runner.claim(row)
        if claim is None:
            self._busy(row)
            return
        try:
            fresh = get_site(self.db, row.site.name)
            ready = due_at(fresh) <= now  # another scheduler may have run it meanwhile
        except UnknownSite:
            ready = False
        if not ready:
            self.runner.release(claim)
            return
        self.waiting.discard(row.site.name)
        self._launch(fresh, claim, now)

    def _busy(self, row: SiteRow) -> None:
        name = row.site.name
        if self.options.once:
            self.pending.discard(name)
            logger.info("%s: skipped, its crawl is running (%s)", name, self.runner.holder(row))
        elif name not in self.waiting:
            self.waiting.add(name)
            logger.info("%s: due, starts when its running crawl ends (%s)", name,
                        self.runner.holder(row))  # fmt: skip

    def _launch(self, row: SiteRow, claim: Any, now: datetime) -> None:
        name = row.site.name
        self.pending.discard(name)
        crawl = last_crawl(self.db, row.id)
        resume = resumes(self.db, row)
        record_run(self.db, row.id, now.isoformat(), "running")
        try:
            what = self.runner.launch(row, claim, resume, crawl.crawl_id if crawl else 0)
        except (OSError, RunnerError) as error:
            self.runner.release(claim)
            record_end(self.db, row.id, "failed", f"could not start: {error}")
            self.tally.ended["failed"] += 1
            logger.error("%s: could not start: %s", name, error)
            return
        self.tally.started += 1
        resuming = "; resuming its stopped crawl" if resume else ""
        when = timing_of(row.site).describe()
        logger.info("%s: started (%s, %s)%s%s", name, what, when, _missed(row, now), resuming)

    def _collect(self, ended: list[Ended]) -> None:
        for run in ended:
            status, message = outcome(self.db, run)
            record_end(self.db, run.row.id, status, message)
            self.tally.ended[status] += 1
            level = logging.WARNING if status in FAILED else logging.INFO
            logger.log(level, "%s: %s in %.1fs: %s", run.row.site.name, status, run.seconds,
                       message)  # fmt: skip

    def _recover(self) -> None:
        """Close the record of runs that a scheduler started and did not see end (it was
        killed): once their crawl has ended, the crawls row tells how it went."""
        for row in list_sites(self.db, last_status="running"):
            if row.site.name in self.runner.active:
                continue
            claim = self.runner.claim(row)
            if claim is None:
                continue
            try:
                status, message = outcome(self.db, Ended(row, 0, None, 0.0, "no output"))
                record_end(self.db, row.id, status, f"{message} (ended unwatched)")
                logger.info("%s: its last run ended while unwatched: %s", row.site.name, status)
            finally:
                self.runner.release(claim)

    def _stop(self) -> None:
        running = len(self.runner.active) if self.runner.waits_for_runs else 0
        if running:
            logger.info("stopping: %d crawl(s) asked to stop, waiting up to %.0fs (Ctrl-C again"
                        " to force)", running, self.options.stop_timeout)  # fmt: skip
        self._collect(self.runner.stop(self.options.stop_timeout, lambda: self.signals > 1))
        logger.info("scheduler stopped")


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _missed(row: SiteRow, now: datetime) -> str:
    if not row.last_run:
        return "; first run"
    missed = timing_of(row.site).missed(datetime.fromisoformat(row.last_run), now)
    return f"; {missed} due times since its last run, coalesced into this one" if missed > 1 else ""
