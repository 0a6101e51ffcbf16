"""A scheduled run: the folders a site keeps beside the archive, the settings its crawl gets,
and how the run ended."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from archive.sites.spec import setting_text
from archive.store.sites import SiteRow, last_crawl


class RunnerError(RuntimeError):
    """Where crawls run cannot be reached or refused a request (scrapyd down...)."""


# How a run ended, as the sites table records it; the failed kinds make `--once` exit 1.
FAILED = frozenset({"failed", "killed"})


@dataclass(frozen=True)
class SitePaths:
    """Where a site's lock file, crawl frontier (ARCHIVE_RESUME_DIR) and last crawl log live."""

    folder: Path

    @classmethod
    def of(cls, db: Path, name: str) -> SitePaths:
        """Beside the archive: archive.db.schedule/<site>/."""
        return cls(db.resolve().with_name(db.name + ".schedule") / name)

    @property
    def lock(self) -> Path:
        return self.folder / "lock"

    @property
    def resume(self) -> Path:
        return self.folder / "resume"

    @property
    def log(self) -> Path:
        return self.folder / "crawl.log"


def run_settings(row: SiteRow, db: Path, paths: SitePaths) -> dict[str, str]:
    """The Scrapy settings of the site's crawl, as text (for -s and for scrapyd's setting=)."""
    site = row.site
    settings = {name: setting_text(value) for name, value in site.settings.items()}
    settings.update(
        ARCHIVE_DB=str(db.resolve()),
        ARCHIVE_SITE_ID=str(row.id),
        ARCHIVE_RESUME_DIR=str(paths.resume),
    )
    if site.max_pages:
        settings["CLOSESPIDER_PAGECOUNT"] = str(site.max_pages)
    if site.depth is not None:
        settings["DEPTH_LIMIT"] = str(site.depth)
    if site.rules:
        settings["ARCHIVE_RULES"] = site.rules
    return settings


def resumes(db: sqlite_utils.Database, row: SiteRow) -> bool:
    """Whether the site's next crawl carries on its last one: only after a crawl stopped by a
    signal (a finished, killed or page-capped crawl leaves nothing worth resuming)."""
    crawl = last_crawl(db, row.id)
    return crawl is not None and crawl.status == "stopped" and crawl.finish_reason == "shutdown"


@dataclass(frozen=True)
class Ended:
    """A run that is over: its site, the crawl id it started after, and what the runner saw."""

    row: SiteRow
    after_crawl: int
    exit_code: int | None
    seconds: float
    last_words: str = ""
    stopping: bool = False


def outcome(db: sqlite_utils.Database, ended: Ended) -> tuple[str, str]:
    """(status, message) of an ended run, from its exit and the crawls row it made."""
    crawl = last_crawl(db, ended.row.id)
    mine = crawl if crawl is not None and crawl.crawl_id > ended.after_crawl else None
    code = ended.exit_code
    if code is not None and code < 0 and ended.stopping and mine is None:
        return "stopped", "stopped before the crawl began"
    # A crawl whose row is closed when our SIGTERM lands is ending anyway (Scrapy has
    # given the signal back to the default handler): its row says how it went.
    closed = mine is not None and mine.status in {"finished", "stopped"}
    if code not in (None, 0) and not (ended.stopping and code < 0 and closed):
        return "failed", f"exit {code}: {ended.last_words or 'no output'}"
    if mine is None:
        return "failed", f"no crawl was recorded: {ended.last_words or 'no output'}"
    found = f"crawl {mine.crawl_id}: {mine.pages} pages, {mine.articles_new} new articles"
    if mine.status == "stopped" and mine.finish_reason == "shutdown":
        return "stopped", f"{found}; stopped, resumes at its next run"
    if mine.status in {"finished", "stopped"}:
        reason = "" if mine.finish_reason == "finished" else f" ({mine.finish_reason})"
        return "finished", found + reason
    return "killed", f"{found}; the crawl process died ({mine.status})"
