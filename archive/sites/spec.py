"""A site's definition checked field by field, from the command line or a sites file."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.sites.timing import Timing, TimingError, check_cron, parse_every
from archive.store.sites import SettingValue, Site
from pipelines.extraction import ExtractionError, load_rules

# Site names become lock files, resume folders and scrapyd job ids.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_SETTING = re.compile(r"[A-Z][A-Z0-9_]*")
# Settings the scheduler sets itself, or that have their own key.
_RESERVED = {
    "ARCHIVE_DB": "the scheduler sets it",
    "ARCHIVE_SITE_ID": "the scheduler sets it",
    "ARCHIVE_RESUME_DIR": "the scheduler keeps each site's resume folder",
    "JOBDIR": "the scheduler keeps each site's resume folder (ARCHIVE_RESUME_DIR)",
    "ARCHIVE_RULES": "use the rules key (--rules)",
    "DEPTH_LIMIT": "use the depth key (--depth)",
    "CLOSESPIDER_PAGECOUNT": "use the max_pages key (--max-pages)",
}
KEYS = ("url", "feeds", "sitemaps", "rules", "max_pages", "depth", "every", "cron", "settings")
DEFAULT_EVERY = "1d"


class SiteError(ValueError):
    """A site definition that cannot be used; the message names the site and the key."""


def default_name(url: str) -> str:
    """The site's host without "www." (and with its port, if it names one)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}-{parts.port}" if parts.port else host


def build_site(name: str, fields: Mapping[str, Any], base: Path | None = None) -> Site:
    """A checked Site from its fields (the keys of KEYS); relative rules paths are read
    from base (the sites file's folder), else from the working directory."""
    where = f"site {name!r}"
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SiteError(f"{where}: the name may hold only letters, digits, '.', '_' and '-'")
    unknown = sorted(set(fields) - set(KEYS))
    if unknown:
        raise SiteError(f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(KEYS)})")
    if "url" not in fields:
        raise SiteError(f"{where}: url is missing")
    values: dict[str, Any] = {}
    for key, check in _CHECKS.items():
        if fields.get(key) is not None:
            try:
                values[key] = check(fields[key], base)
            except TimingError as error:  # its message names the key already
                raise SiteError(f"{where}: {error}") from error
            except SiteError as error:
                raise SiteError(f"{where}: {key}: {error}") from error
    if values.get("every") and values.get("cron"):
        raise SiteError(f"{where}: give every or cron, not both")
    if not values.get("cron"):
        values.setdefault("every", DEFAULT_EVERY)
    return Site(name=name, **values)


def site_fields(site: Site) -> dict[str, Any]:
    """The fields of a stored site, as build_site takes them."""
    return {key: value for key, value in asdict(site).items() if key != "name"}


def timing_of(site: Site) -> Timing:
    return Timing.of(site.every, site.cron)


def _url(value: Any, base: Path | None) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SiteError(f"{value!r} is not an http(s) URL")
    return str(value)


def _urls(value: Any, base: Path | None) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise SiteError(f"{value!r} is not a list of URLs")
    return tuple(_url(item, base) for item in value)


def _count(value: Any, base: Path | None) -> int:
    if type(value) is not int or value < 0:
        raise SiteError(f"{value!r} is not a whole number of 0 or more")
    return value


def _every(value: Any, base: Path | None) -> str:
    if not isinstance(value, str):
        raise SiteError(f'{value!r} is not an interval such as "30m"')
    parse_every(value)
    return value.strip().lower().replace(" ", "")


def _cron(value: Any, base: Path | None) -> str:
    if not isinstance(value, str):
        raise SiteError(f'{value!r} is not a crontab line such as "0 */2 * * *"')
    return check_cron(value)


def _rules(value: Any, base: Path | None) -> str:
    if not isinstance(value, str) or not value:
        raise SiteError(f"{value!r} is not a file path")
    path = Path(value).expanduser()
    path = (base / path if base and not path.is_absolute() else path).resolve()
    if not path.is_file():
        raise SiteError(f"{str(path)!r}: no such file")
    try:
        load_rules(str(path))
    except ExtractionError as error:
        raise SiteError(str(error)) from error
    return str(path)


def _settings(value: Any, base: Path | None) -> dict[str, SettingValue]:
    if not isinstance(value, Mapping):
        raise SiteError(f"{value!r} is not a table of NAME = value")
    for name, setting in value.items():
        if not _SETTING.fullmatch(name):
            raise SiteError(f"{name!r} is not a setting name (upper case, e.g. DOWNLOAD_DELAY)")
        if name in _RESERVED:
            raise SiteError(f"{name} cannot be set here: {_RESERVED[name]}")
        if not isinstance(setting, str | int | float | bool):
            raise SiteError(f"{name}: {setting!r} is not a string, number or true/false")
    settings = dict(sorted(value.items()))
    if settings:
        _check_values(settings)
    return settings


def _check_values(settings: dict[str, SettingValue]) -> None:
    """Read each value as the crawl will (a bad number fails here, not at 3 a.m.)."""
    from archive.crawl import ConfigError, CrawlJob, check_settings, job_settings

    overrides = {name: setting_text(value) for name, value in settings.items()}
    try:
        check_settings(job_settings(CrawlJob(db="archive.db", overrides=overrides)))
    except ConfigError as error:
        raise SiteError(str(error)) from error


def setting_text(value: SettingValue) -> str:
    """A setting as the crawl's -s NAME=VALUE (and scrapyd's setting=) take it."""
    return ("True" if value else "False") if isinstance(value, bool) else str(value)


_CHECKS: dict[str, Callable[[Any, Path | None], Any]] = {
    "url": _url, "feeds": _urls, "sitemaps": _urls, "rules": _rules, "max_pages": _count,
    "depth": _count, "every": _every, "cron": _cron, "settings": _settings,
}  # fmt: skip
