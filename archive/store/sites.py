"""The sites table: the sites an archive crawls on a schedule, and each one's last run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from archive.store.database import insert_row, now
from archive.store.errors import ArchiveError
from archive.store.transactions import write_transaction

# Settings may hold TOML's scalar types; the crawl receives them as text.
SettingValue = str | int | float | bool


class UnknownSite(ArchiveError):
    """No site of that name in the archive."""


class SiteExists(ArchiveError):
    """A site of that name is already in the archive."""


@dataclass(frozen=True)
class Site:
    """What to crawl for one site, and when: every interval (e.g. "30m") or at the times of
    a crontab line."""

    name: str
    url: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    rules: str | None = None
    max_pages: int = 0
    depth: int | None = None
    every: str | None = None
    cron: str | None = None
    settings: dict[str, SettingValue] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteRow:
    """A site as stored: its id, its definition and the scheduler's record of its last run."""

    id: int
    site: Site
    last_run: str | None = None
    last_status: str | None = None
    last_finished: str | None = None
    last_message: str | None = None


@dataclass(frozen=True)
class CrawlOutcome:
    """How the latest crawl of a site ended (its crawls row)."""

    crawl_id: int
    status: str
    finish_reason: str | None
    pages: int
    articles_new: int


def _columns(site: Site) -> dict[str, Any]:
    return {
        "name": site.name, "url": site.url, "feeds": json.dumps(list(site.feeds)),
        "sitemaps": json.dumps(list(site.sitemaps)), "rules": site.rules,
        "max_pages": site.max_pages, "depth": site.depth, "every": site.every,
        "cron": site.cron, "settings": json.dumps(site.settings, sort_keys=True),
    }  # fmt: skip


def _row(row: dict[str, Any]) -> SiteRow:
    site = Site(
        name=row["name"], url=row["url"], feeds=tuple(json.loads(row["feeds"] or "[]")),
        sitemaps=tuple(json.loads(row["sitemaps"] or "[]")), rules=row["rules"],
        max_pages=row["max_pages"] or 0, depth=row["depth"], every=row["every"],
        cron=row["cron"], settings=json.loads(row["settings"] or "{}"),
    )  # fmt: skip
    return SiteRow(
        id=row["id"], site=site, last_run=row["last_run"], last_status=row["last_status"],
        last_finished=row["last_finished"], last_message=row["last_message"],
    )  # fmt: skip


def list_sites(db: sqlite_utils.Database, last_status: str | None = None) -> list[SiteRow]:
    """Every site by name (or those whose last run has that status)."""
    if last_status is None:
        return [_row(row) for row in db.query("select * from sites order by name")]
    query = "select * from sites where last_status = ? order by name"
    return [_row(row) for row in db.query(query, [last_status])]


def get_site(db: sqlite_utils.Database, name: str) -> SiteRow:
    """The site called name; UnknownSite if there is none."""
    found = list(db.query("select * from sites where name = ?", [name]))
    if not found:
        raise UnknownSite(f"no site named {name!r} (see: news-archive sites list)")
    return _row(found[0])


def add_site(db: sqlite_utils.Database, site: Site) -> int:
    """Store a new site; SiteExists if its name is taken."""
    with write_transaction(db):
        if list(db.query("select id from sites where name = ?", [site.name])):
            raise SiteExists(f"a site named {site.name!r} exists (change it with sites edit)")
        return insert_row(db, "sites", {**_columns(site), "added": now(), "changed": now()})


def replace_site(db: sqlite_utils.Database, name: str, site: Site) -> None:
    """Store new settings for the site called name (which may rename it); its runs stay."""
    with write_transaction(db):
        current = get_site(db, name)
        if site.name != name and list(db.query("select 1 from sites where name = ?", [site.name])):
            raise SiteExists(f"a site named {site.name!r} exists")
        if _columns(current.site) != _columns(site):
            db.table("sites").update(current.id, {**_columns(site), "changed": now()})


@dataclass(frozen=True)
class Saved:
    """What loading a sites file changed."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0


def save_sites(db: sqlite_utils.Database, sites: list[Site], prune: bool = False) -> Saved:
    """Add or update each site by name, all in one transaction (prune: and remove the sites
    not among them); the same sites twice leave the table as it was."""
    counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0}
    with write_transaction(db):
        stored = {row.site.name: row for row in list_sites(db)}
        for site in sites:
            if site.name not in stored:
                insert_row(db, "sites", {**_columns(site), "added": now(), "changed": now()})
                counts["added"] += 1
            elif _columns(stored[site.name].site) != _columns(site):
                db.table("sites").update(stored[site.name].id, {**_columns(site), "changed": now()})
                counts["changed"] += 1
            else:
                counts["unchanged"] += 1
        for name in sorted(set(stored) - {site.name for site in sites}) if prune else []:
            _remove(db, stored[name].id)
            counts["removed"] += 1
    return Saved(**counts)


def remove_site(db: sqlite_utils.Database, name: str) -> None:
    """Forget a site; its crawls stay in the archive, no longer linked to it."""
    with write_transaction(db):
        _remove(db, get_site(db, name).id)


def _remove(db: sqlite_utils.Database, site_id: int) -> None:
    db.execute("update crawls set site_id = null where site_id = ?", [site_id])
    db.table("sites").delete(site_id)


def record_run(db: sqlite_utils.Database, site_id: int, started: str, status: str) -> None:
    """The scheduler started (or handed on) a run of the site at started."""
    with write_transaction(db):
        db.table("sites").update(
            site_id,
            {"last_run": started, "last_status": status, "last_finished": None,
             "last_message": None},
        )  # fmt: skip


def record_end(db: sqlite_utils.Database, site_id: int, status: str, message: str) -> None:
    """How the site's last run ended."""
    with write_transaction(db):
        db.table("sites").update(
            site_id, {"last_status": status, "last_finished": now(), "last_message": message}
        )


def last_crawl(db: sqlite_utils.Database, site_id: int) -> CrawlOutcome | None:
    """The latest crawls row of the site, if it has one."""
    found = list(
        db.query(
            "select id, status, finish_reason, pages_fetched, articles_new from crawls"
            " where site_id = ? order by id desc limit 1",
            [site_id],
        )
    )
    if not found:
        return None
    row = found[0]
    return CrawlOutcome(
        crawl_id=row["id"], status=row["status"], finish_reason=row["finish_reason"],
        pages=row["pages_fetched"] or 0, articles_new=row["articles_new"] or 0,
    )  # fmt: skip
