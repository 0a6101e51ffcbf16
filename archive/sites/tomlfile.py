"""The sites file: an archive's sites as TOML, one `[sites."name"]` table each, so a collection
of sites can be kept in version control and loaded again (`sites export` / `sites import`)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from archive.sites.spec import DEFAULT_EVERY, SiteError, build_site
from archive.store.sites import Site

HEADER = (
    "# The sites of a news-archive archive: load with `news-archive sites import FILE`.\n"
    "# One table per site; keys: url, feeds, sitemaps, rules, max_pages, depth,\n"
    '# every (e.g. "30m") or cron (e.g. "0 */2 * * *"), settings (a table of NAME = value).\n\n'
)


def read_sites_file(path: Path) -> list[Site]:
    """Every site of the file, each checked; SiteError names the file and the site at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SiteError(f"{path}: cannot be read ({error})") from error
    except tomllib.TOMLDecodeError as error:
        raise SiteError(f"{path}: not valid TOML ({error})") from error
    extra = sorted(set(data) - {"sites"})
    if extra:
        raise SiteError(f'{path}: unknown table {extra[0]!r} (sites go in [sites."name"] tables)')
    tables = data.get("sites", {})
    if not isinstance(tables, dict):
        raise SiteError(f'{path}: sites must be tables, [sites."name"]')
    sites = []
    for name, fields in tables.items():
        if not isinstance(fields, dict):
            raise SiteError(f'{path}: site {name!r}: not a table ([sites."{name}"] url = ...)')
        try:
            sites.append(build_site(name, fields, base=path.parent))
        except SiteError as error:
            raise SiteError(f"{path}: {error}") from error
    return sites


def sites_toml(sites: list[Site], base: Path) -> str:
    """The sites as a sites file; rules files below base are written relative to it."""
    tables = {site.name: _table(site, base) for site in sites}
    return HEADER + tomli_w.dumps({"sites": tables})


def _table(site: Site, base: Path) -> dict[str, Any]:
    table: dict[str, Any] = {"url": site.url}
    if site.feeds:
        table["feeds"] = list(site.feeds)
    if site.sitemaps:
        table["sitemaps"] = list(site.sitemaps)
    if site.rules:
        table["rules"] = _relative(Path(site.rules), base)
    if site.max_pages:
        table["max_pages"] = site.max_pages
    if site.depth is not None:
        table["depth"] = site.depth
    if site.cron:
        table["cron"] = site.cron
    else:
        table["every"] = site.every or DEFAULT_EVERY
    if site.settings:
        table["settings"] = dict(site.settings)
    return table


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base.resolve()))
    except ValueError:
        return str(path)
