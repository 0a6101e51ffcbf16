"""The `sites` commands: add, list, edit, remove, export and import an archive's sites."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import sqlite_utils
from rich.console import Console
from rich.table import Table

from archive.sites.spec import SiteError, build_site, default_name, site_fields, timing_of
from archive.sites.tomlfile import read_sites_file, sites_toml
from archive.store import ArchiveError, open_archive
from archive.store.sites import (
    SiteRow,
    add_site,
    get_site,
    list_sites,
    remove_site,
    replace_site,
    save_sites,
)


def open_db(path: str, create: bool = True) -> sqlite_utils.Database:
    """The archive at path, or one clear line saying why it cannot be used."""
    try:
        return open_archive(path, create=create)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error


@contextmanager
def _store_errors() -> Iterator[None]:
    try:
        yield
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error


def _settings(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    pairs = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r} is not NAME=VALUE (e.g. DOWNLOAD_DELAY=2)")
        pairs[name.strip()] = setting
    return pairs


_db_option = click.option(
    "--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False),
    help="Archive file holding the sites.",
)  # fmt: skip
_OPTIONS = [
    click.option(
        "--every", help="Crawl at this interval: 30s, 30m, 2h, 1d, 1h30m... (default 1d)."
    ),
    click.option("--cron", help='Crawl at the times of a crontab line, e.g. "0 */2 * * *".'),
    click.option("--feed", "feeds", multiple=True, help="RSS/Atom feed URL (repeatable)."),
    click.option("--sitemap", "sitemaps", multiple=True, help="Sitemap URL (repeatable)."),
    click.option(
        "--rules", type=click.Path(exists=True, dir_okay=False), help="Per-site rules (TOML)."
    ),
    click.option("--max-pages", type=click.IntRange(min=0), help="Stop each crawl after N pages."),
    click.option("--depth", type=click.IntRange(min=0), help="Link depth (default 3)."),
    click.option(
        "-s",
        "--set",
        "settings",
        multiple=True,
        callback=_settings,
        metavar="NAME=VALUE",
        help="A Scrapy or ARCHIVE_* setting for this site's crawls (repeatable).",
    ),
]


def _site_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        command = option(command)
    return _db_option(command)


def _build(name: str, fields: dict[str, Any]) -> Any:
    try:
        return build_site(name, fields)
    except SiteError as error:
        raise click.UsageError(str(error)) from error


@click.group()
def sites() -> None:
    """The sites an archive crawls on a schedule (see `news-archive schedule`).

    news-archive sites add https://www.example-news.com/ --every 30m --db archive.db
    """


@sites.command("add")
@click.argument("url")
@click.option("--name", help="Name of the site (default: its host without www.).")
@_site_options
def add(url: str, name: str | None, db: str, **options: Any) -> None:
    """Add a site to crawl on a schedule: daily unless --every or --cron says otherwise.

    news-archive sites add https://www.example-news.com/ --every 30m --max-pages 500
    """
    fields = {"url": url, **_given(options)}
    site = _build(name or default_name(url), fields)
    archive = open_db(db)
    with _store_errors():
        add_site(archive, site)
    click.echo(f"added {site.name}: {site.url}, {timing_of(site).describe()}")


def _given(options: dict[str, Any]) -> dict[str, Any]:
    """The site fields the options set (an option left out sets nothing)."""
    keys = ("every", "cron", "feeds", "sitemaps", "rules", "max_pages", "depth", "settings")
    return {key: options[key] for key in keys if options.get(key) not in (None, (), {})}


@sites.command("edit")
@click.argument("name")
@click.option("--url", help="New start page.")
@click.option("--name", "new_name", help="New name for the site.")
@_site_options
@click.option("--no-feeds", is_flag=True, help="Forget the site's feeds.")
@click.option("--no-sitemaps", is_flag=True, help="Forget the site's sitemaps.")
@click.option("--no-rules", is_flag=True, help="Crawl the site without a rules file.")
@click.option("--unset", multiple=True, metavar="NAME", help="Remove a setting (repeatable).")
def edit(name: str, db: str, **options: Any) -> None:
    """Change a site: the options given replace what the site had (--feed replaces its
    feeds, --every replaces its cron line...), the others stay.

        news-archive sites edit example-news.com --cron "0 */2 * * *" --max-pages 0
    """
    archive = open_db(db, create=False)
    with _store_errors():
        fields = site_fields(get_site(archive, name).site)
    changes = _given(options)
    if options["url"]:
        changes["url"] = options["url"]
    if "every" in changes or "cron" in changes:
        fields.update(every=None, cron=None)
    fields.update({key: value for key, value in changes.items() if key != "settings"})
    fields["settings"] = _edited_settings(fields["settings"], changes, options["unset"])
    for flag, key, empty in (("no_feeds", "feeds", ()), ("no_sitemaps", "sitemaps", ())):
        fields[key] = empty if options[flag] else fields[key]
    fields["rules"] = None if options["no_rules"] else fields["rules"]
    site = _build(options["new_name"] or name, fields)
    with _store_errors():
        replace_site(archive, name, site)
    click.echo(f"changed {site.name}: {site.url}, {timing_of(site).describe()}")


def _edited_settings(current: dict, changes: dict, unset: tuple[str, ...]) -> dict:
    missing = [name for name in unset if name not in current and name not in changes]
    if missing:
        raise click.UsageError(f"--unset {missing[0]}: the site has no such setting")
    settings = {**current, **changes.get("settings", {})}
    return {name: value for name, value in settings.items() if name not in unset}


@sites.command("remove")
@click.argument("name")
@_db_option
def remove(name: str, db: str) -> None:
    """Remove a site; the articles and crawls it brought stay in the archive.

    news-archive sites remove example-news.com --db archive.db
    """
    with _store_errors():
        remove_site(open_db(db, create=False), name)
    click.echo(f"removed {name}")


@sites.command("list")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the sites as JSON.")
def list_command(db: str, as_json: bool) -> None:
    """The sites, their schedules, how each one's last run went and when it is next due.

    news-archive sites list --db archive.db
    """
    rows = list_sites(open_db(db, create=False))
    if as_json:
        click.echo(json.dumps([_summary(row) for row in rows], indent=2, ensure_ascii=False))
        return
    table = Table()
    for column in ("site", "url", "schedule", "last run", "status", "next due"):
        # Only the URL folds when the terminal is narrow; names and times stay whole.
        table.add_column(column, no_wrap=column != "url", overflow="fold")
    for row in rows:
        summary = _summary(row)
        table.add_row(
            row.site.name, row.site.url, summary["schedule"], _local(row.last_run),
            row.last_status or "", _local(summary["next_due"]) or "now",
        )  # fmt: skip
    Console().print(table if rows else "no sites (add one with: news-archive sites add URL)")


def _summary(row: SiteRow) -> dict[str, Any]:
    timing = timing_of(row.site)
    due = timing.next_after(datetime.fromisoformat(row.last_run)) if row.last_run else None
    return {
        "id": row.id, "name": row.site.name, "url": row.site.url,
        "schedule": timing.describe(), "last_run": row.last_run,
        "last_status": row.last_status, "last_message": row.last_message,
        "next_due": due.isoformat() if due else None,
    }  # fmt: skip


def _local(stamp: str | None) -> str:
    if not stamp:
        return ""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


@sites.command("export")
@click.argument("file", default="-", type=click.Path(dir_okay=False, allow_dash=True))
@_db_option
def export(file: str, db: str) -> None:
    """Write the sites as a sites file (TOML; FILE or standard output), to keep in version
    control and load with `sites import`.

        news-archive sites export sites.toml --db archive.db
    """
    rows = list_sites(open_db(db, create=False))
    base = Path.cwd() if file == "-" else Path(file).resolve().parent
    text = sites_toml([row.site for row in rows], base)
    with click.open_file(file, "w", encoding="utf-8") as out:
        out.write(text)


@sites.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_db_option
@click.option("--prune", is_flag=True, help="Also remove the sites the file does not list.")
def import_command(file: str, db: str, prune: bool) -> None:
    """Load a sites file (TOML): new sites are added, changed ones updated, all or nothing.
    Loading the same file again changes nothing.

        news-archive sites import sites.toml --db archive.db
    """
    try:
        entries = read_sites_file(Path(file))
    except SiteError as error:
        raise click.ClickException(str(error)) from error
    saved = save_sites(open_db(db), entries, prune=prune)
    counts = f"{saved.added} added, {saved.changed} changed, {saved.unchanged} unchanged"
    click.echo(counts + (f", {saved.removed} removed" if prune else ""))
