"""Per-site extraction rules as data: CSS selectors that override the generic extractor.

A rules file is TOML, one table per site (its host, without "www."):

    [rules."example-news.com"]
    headline = "h1.story-title"
    body = "div.story-text"
    captions = ["figure.inline figcaption"]
    drop = [".newsletter-promo", "div.more-from-author"]

Every key is optional; what a site's rules leave out, the generic extractor decides.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lxml.cssselect import CSSSelector, SelectorError

from pipelines.extraction.errors import ExtractionError
from pipelines.extraction.urls import site_of


class RulesError(ExtractionError):
    """A rules file cannot be read, or one of its selectors is not valid CSS."""


@dataclass(frozen=True)
class SiteRules:
    """Selectors for one site, compiled once when the rules are loaded."""

    headline: CSSSelector | None = None
    body: CSSSelector | None = None
    captions: tuple[CSSSelector, ...] = ()
    drop: tuple[CSSSelector, ...] = ()


@dataclass(frozen=True)
class Rules:
    """All sites' rules, looked up by a page's URL."""

    sites: dict[str, SiteRules] = field(default_factory=dict)

    def for_url(self, url: str | None) -> SiteRules | None:
        return self.sites.get(site_of(url)) if url else None


def _compile(site: str, key: str, value: object) -> CSSSelector:
    if not isinstance(value, str):
        raise RulesError(f"rules for {site}: {key} must be a CSS selector string")
    try:
        return CSSSelector(value)
    except SelectorError as error:
        raise RulesError(f"rules for {site}: {key} {value!r} is not valid CSS ({error})") from error


def _many(site: str, key: str, value: object) -> tuple[CSSSelector, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        raise RulesError(f"rules for {site}: {key} must be a selector or a list of selectors")
    return tuple(_compile(site, key, v) for v in values)


def parse_rules(data: dict) -> Rules:
    """Rules from the parsed TOML document."""
    sites: dict[str, SiteRules] = {}
    for site, table in data.get("rules", {}).items():
        unknown = set(table) - {"headline", "body", "captions", "drop"}
        if unknown:
            raise RulesError(f"rules for {site}: unknown keys {sorted(unknown)}")
        sites[site.lower().removeprefix("www.")] = SiteRules(
            headline=_compile(site, "headline", table["headline"]) if "headline" in table else None,
            body=_compile(site, "body", table["body"]) if "body" in table else None,
            captions=_many(site, "captions", table.get("captions", [])),
            drop=_many(site, "drop", table.get("drop", [])),
        )
    return Rules(sites)


def load_rules(path: str | Path) -> Rules:
    """Read and compile a rules file; RulesError says what is wrong with it."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RulesError(f"{path}: cannot read rules ({error})") from error
    return parse_rules(data)
