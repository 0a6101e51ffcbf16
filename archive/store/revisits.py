"""Known URLs: every URL that held an article, with its validators (ETag, Last-Modified) and
when it was checked, so that a crawl skips the articles it holds and re-checks each one on
the revisit steps (ARCHIVE_REVISIT_AFTER), conditionally.

A row is kept per URL fetched, not per article: the URL a link names is what a crawl is
about to request (an article stored under its rel=canonical URL may be linked under
another), and the validators are those of that URL's response.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlite_utils

from archive.records import FetchedPage
from archive.store.transactions import write_transaction
from pipelines.extraction.urls import canonical_url

DEFAULT_REVISIT_AFTER = "1h 6h 1d 3d 7d 30d"  # ARCHIVE_REVISIT_AFTER's default
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
# A validator is echoed back to the server: a long or odd one is not kept (hostile bytes).
_MAX_VALIDATOR = 200


class RevisitStepsError(ValueError):
    """An ARCHIVE_REVISIT_AFTER value that cannot be used."""


@dataclass(frozen=True)
class RevisitSteps:
    """When a known article is checked again: at each step after it was first seen (1h, 6h,
    1d...), once per step however late the crawl comes; after the last step it is frozen."""

    seconds: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> RevisitSteps:
        """Steps such as "1h 6h 1d 3d 7d 30d" (units s, m, h, d, w; a step may be a sum,
        1h30m; commas or spaces between steps); "" for none: known articles are never
        re-checked by an incremental crawl."""
        steps = set()
        for word in re.split(r"[\s,]+", str(text).strip().lower()):
            if not word:
                continue
            if not re.fullmatch(r"(\d+[smhdw])+", word):
                raise RevisitStepsError(
                    f"{word!r} is not a step: write steps such as 1h 6h 1d 3d 7d 30d"
                )
            seconds = sum(int(n) * _UNITS[unit] for n, unit in re.findall(r"(\d+)(\D)", word))
            if seconds < 1:
                raise RevisitStepsError(f"{word!r}: a step must be at least 1s")
            steps.add(seconds)
        return cls(tuple(sorted(steps)))

    def due(self, checked_age: int | None, age: int | None) -> bool:
        """Whether a step falls after the last check (checked_age seconds after first seen)
        and by now (age seconds after first seen). Unknown times: due, to be looked at."""
        if checked_age is None or age is None:
            return True
        step = self._after(checked_age)
        return step is not None and step <= age

    def next_check(self, first_seen: str, checked_at: str) -> str | None:
        """When a URL first seen then and checked at checked_at falls due; None: frozen."""
        first = _moment(first_seen)
        step = self._after(int((_moment(checked_at) - first).total_seconds()))
        if step is None:
            return None
        return (first + timedelta(seconds=step)).isoformat(timespec="seconds")

    def _after(self, age: int) -> int | None:
        index = bisect.bisect_right(self.seconds, age)
        return self.seconds[index] if index < len(self.seconds) else None


def _moment(text: str) -> datetime:
    """An ISO 8601 time (UTC when it names no offset); ValueError if it is not one."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _first_seen(stored: str | None, fallback: str) -> str:
    """A row's first_seen, or fallback when it has none or it is not a time (a damaged row)."""
    try:
        return _moment(stored).isoformat(timespec="seconds") if stored else fallback
    except ValueError:
        return fallback


@dataclass(frozen=True)
class Validators:
    """What the server said identifies a version of a page: its ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, headers: dict[str, str]) -> Validators:
        return cls(_usable(headers.get("etag")), _usable(headers.get("last-modified")))

    def request_headers(self) -> dict[str, str]:
        """The conditional request's headers: If-None-Match, If-Modified-Since, or none."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def _usable(value: str | None) -> str | None:
    if not value or len(value) > _MAX_VALIDATOR or not value.isprintable():
        return None
    return value.strip() or None


@dataclass(frozen=True)
class UrlCheck:
    """One response for a URL: when, its status and its validators."""

    url: str
    site: str
    checked_at: str
    status: int
    validators: Validators
    redirected_to: str | None = None  # where url redirected (canonical), if it did

    @classmethod
    def of(cls, page: FetchedPage) -> UrlCheck:
        final = canonical_url(page.final_url)
        return cls(
            page.url, page.site, page.fetched_at, page.status, Validators.of(page.headers),
            final if final != page.url else None,
        )  # fmt: skip


@dataclass
class KnownUrls:
    """A crawl's view of the URLs the archive holds articles from: those due for a re-check
    (with their validators), and the others, which the crawl does not request."""

    due: dict[str, Validators] = field(default_factory=dict)
    not_due: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.due) + len(self.not_due)


_KNOWN = """
select url, etag, last_modified,
  cast(strftime('%s', last_checked) as integer) - cast(strftime('%s', first_seen) as integer)
    as checked_age,
  cast(strftime('%s', :now) as integer) - cast(strftime('%s', first_seen) as integer) as age
from known_urls where site = :site or site like :subdomains
"""


def known_urls(
    db: sqlite_utils.Database, sites: Iterable[str], steps: RevisitSteps, now: str
) -> KnownUrls:
    """The known URLs of these sites (site_of form, their subdomains with them), read once
    at the start of a crawl; due: a revisit step has come since each one's last check."""
    known = KnownUrls()
    for site in sorted(set(sites)):
        params = {"site": site, "subdomains": f"%.{site}", "now": now}
        for row in db.query(_KNOWN, params):
            if steps.due(row["checked_age"], row["age"]):
                known.due[row["url"]] = Validators(row["etag"], row["last_modified"])
            else:
                known.not_due.add(row["url"])
    return known


def remember_url(db: sqlite_utils.Database, check: UrlCheck, key: str, steps: RevisitSteps) -> None:
    """The page at check.url held the article stored under key: keep its validators and
    when it was checked (first seen now, if it is new); the URL it redirected to as well
    (a shortlink's article is mostly linked by its own URL)."""
    with write_transaction(db):
        article = next(db.query("select id from articles where url = ?", [key]), None)
        for url in filter(None, (check.url, check.redirected_to)):
            _remember(db, url, check, article["id"] if article else None, steps)


def _remember(
    db: sqlite_utils.Database, url: str, check: UrlCheck, article_id: int | None,
    steps: RevisitSteps,
) -> None:  # fmt: skip
    row = next(db.query("select first_seen from known_urls where url = ?", [url]), None)
    first_seen = _first_seen(row["first_seen"] if row else None, check.checked_at)
    db.execute(
        _UPSERT_KNOWN,
        {
            "url": url, "site": check.site, "article_id": article_id,
            "etag": check.validators.etag, "last_modified": check.validators.last_modified,
            "first_seen": first_seen, "last_checked": check.checked_at,
            "next_check": steps.next_check(first_seen, check.checked_at),
            "last_status": check.status,
        },
    )  # fmt: skip


# sqlite-utils' upsert, written out: it costs a crawl's writer a tenth of a millisecond a
# page in table and column lookups.
_KNOWN_COLUMNS = (
    "url", "site", "article_id", "etag", "last_modified", "first_seen", "last_checked",
    "next_check", "last_status",
)  # fmt: skip
_UPSERT_KNOWN = (
    f"insert into known_urls ({', '.join(_KNOWN_COLUMNS)}) "
    f"values ({', '.join(':' + c for c in _KNOWN_COLUMNS)}) on conflict (url) do update set "
    + ", ".join(f"{c} = excluded.{c}" for c in _KNOWN_COLUMNS[1:])
)


def note_check(db: sqlite_utils.Database, check: UrlCheck, steps: RevisitSteps) -> bool:
    """A known URL was checked again: its check time, status and next check move; a 304
    (Not Modified) also moves its article's last_seen, and keeps any validators it sent.
    False when the URL is not known (nothing is written)."""
    with write_transaction(db):
        row = next(
            db.query("select first_seen, article_id from known_urls where url = ?", [check.url]),
            None,
        )
        if row is None:
            return False
        changes: dict[str, object] = {
            "last_checked": check.checked_at, "last_status": check.status,
            "next_check": steps.next_check(
                _first_seen(row["first_seen"], check.checked_at), check.checked_at
            ),
        }  # fmt: skip
        if check.status == 304:
            changes.update(_sent(check.validators))
            if row["article_id"] is not None:
                db.table("articles").update(row["article_id"], {"last_seen": check.checked_at})
        db.table("known_urls").update(check.url, changes)
    return True


def _sent(validators: Validators) -> dict[str, str]:
    values = {"etag": validators.etag, "last_modified": validators.last_modified}
    return {name: value for name, value in values.items() if value}
