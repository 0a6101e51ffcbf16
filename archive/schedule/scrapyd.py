"""Scheduled crawls handed to a scrapyd server through its schedule.json API (scrapyd-client's
ScrapydClient); a site whose job is pending or running there is not handed on again."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive.schedule.runs import Ended, RunnerError, SitePaths, run_settings
from archive.store.sites import SiteRow

logger = logging.getLogger(__name__)
SPIDER = "news"
# scrapyd's job list is asked for at most this often.
_REFRESH_SECONDS = 2.0


class ScrapydError(RunnerError):
    """scrapyd cannot be reached, or refused a request."""


@dataclass
class _Job:
    row: SiteRow
    job_id: str
    after_crawl: int
    started: float


class ScrapydRunner:
    """Hands crawls to scrapyd; scrapyd's own max_proc bounds how many run at once."""

    waits_for_runs = False

    def __init__(self, url: str, project: str, db: Path):
        try:
            from scrapyd_client import ScrapydClient
        except ImportError as error:
            raise ScrapydError(
                "scrapyd-client is not installed: pip install 'news-archive[scrapyd]'"
            ) from error
        self.client = ScrapydClient(url.rstrip("/"))  # it appends "/schedule.json"...
        self.url, self.project, self.db = url, project, db
        self.active: dict[str, _Job] = {}
        self._live: dict[str, str] = {}
        self._asked = 0.0
        self.live()  # fail now, with a clear error, if scrapyd or the project is missing

    def full(self) -> bool:
        return False

    def live(self, fresh: bool = False) -> dict[str, str]:
        """Site name -> id of its pending or running job on scrapyd."""
        if fresh or time.monotonic() - self._asked > _REFRESH_SECONDS:
            jobs = self._call(lambda: self.client.jobs(self.project))
            self._live = {
                job["id"].rpartition(".")[0]: job["id"]
                for job in [*jobs.get("pending", []), *jobs.get("running", [])]
            }
            self._asked = time.monotonic()
        return self._live

    def claim(self, row: SiteRow) -> str | None:
        """A token to hand the site on, or None while scrapyd has a job of it."""
        return None if row.site.name in self.live() else row.site.name

    def holder(self, row: SiteRow) -> str:
        return f"scrapyd job {self._live.get(row.site.name, '?')}"

    def release(self, claim: str) -> None:
        """Nothing to release: scrapyd's job list is the lock."""

    def launch(self, row: SiteRow, claim: str, resume: bool, after_crawl: int) -> str:
        """schedule.json for the site's crawl; the job's id."""
        paths = SitePaths.of(self.db, row.site.name)
        paths.folder.mkdir(parents=True, exist_ok=True)
        job_id = f"{row.site.name}.{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}"
        args = [("jobid", job_id), ("url", row.site.url)]
        if row.site.feeds:
            args.append(("feed", ",".join(row.site.feeds)))
        if row.site.sitemaps:
            args.append(("sitemap", ",".join(row.site.sitemaps)))
        if not resume:
            shutil.rmtree(paths.resume, ignore_errors=True)
        settings = run_settings(row, self.db, paths)
        args += [("setting", f"{name}={value}") for name, value in settings.items()]
        self._call(lambda: self.client.schedule(self.project, SPIDER, args))
        self._live[row.site.name] = job_id
        self.active[row.site.name] = _Job(row, job_id, after_crawl, time.monotonic())
        return f"scrapyd job {job_id}"

    def reap(self) -> list[Ended]:
        """The jobs handed on that scrapyd no longer lists as pending or running."""
        if not self.active:
            return []
        live = set(self.live().values())
        ended = []
        for name, job in list(self.active.items()):
            if job.job_id not in live:
                del self.active[name]
                seconds = time.monotonic() - job.started
                ended.append(Ended(job.row, job.after_crawl, None, seconds, job.job_id))
        return ended

    def stop(self, timeout: float, hurry: Callable[[], bool]) -> list[Ended]:
        """Jobs handed to scrapyd are scrapyd's: they go on after the scheduler stops."""
        if self.active:
            logger.info("left to scrapyd: %s", ", ".join(j.job_id for j in self.active.values()))
        return []

    def _call(self, request: Callable[[], Any]) -> Any:
        from scrapyd_client.exceptions import ErrorResponse, MalformedResponse

        try:
            return request()
        except (ErrorResponse, MalformedResponse) as error:
            said = " ".join(str(error).split())[:200]  # an HTML error page, on one line
            raise ScrapydError(f"scrapyd at {self.url}, project {self.project}: {said}") from error
        except OSError as error:  # requests' errors are OSErrors
            raise ScrapydError(f"scrapyd at {self.url} cannot be reached: {error}") from error
