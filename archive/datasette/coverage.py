"""Articles per site and period, counted on the (site, published) index one range at a time.

Grouping a million rows by month takes a second (a temporary b-tree over every entry);
counting each (site, month) range of the index takes a few milliseconds in all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "year")
MAX_PERIODS = 400  # per site, the latest ones: 400 days, ~7.7 years of weeks, 33 years of months
# Only ISO dates (what the store writes) are counted; anything else cannot be placed in time.
_ISO = "published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
# The distinct sites, one index seek each on (site, published) (a loose index scan), not
# one step per article.
SITES_SQL = """
with recursive sites(site) as (
  select min(site) from articles
  union all
  select (select min(site) from articles where site > sites.site) from sites
  where sites.site is not null
)
select site from sites where site is not null
"""


@dataclass(frozen=True)
class Count:
    series: str
    label: str
    n: int


def _start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    return day


def _next(start: date, by: str) -> date:
    if by in ("day", "week"):
        return start + timedelta(days=1 if by == "day" else 7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _label(start: date, by: str) -> str:
    return {"month": start.isoformat()[:7], "year": start.isoformat()[:4]}.get(
        by, start.isoformat()
    )


def _periods(first: date, last: date, by: str) -> list[date]:
    starts, start = [], _start(first, by)
    while start <= last:
        starts.append(start)
        start = _next(start, by)
    return starts[-MAX_PERIODS:]


def coverage(conn: sqlite3.Connection, by: str) -> list[Count]:
    """Articles published per site and period (week labels are the Monday), oldest first."""
    counts = []
    for (site,) in conn.execute(SITES_SQL).fetchall():
        first, last = conn.execute(
            f"select min(published), max(published) from articles where site = ? and {_ISO}",
            [site],
        ).fetchone()
        if first is None:
            continue
        last_day = date.fromisoformat(last[:10])
        for start in _periods(date.fromisoformat(first[:10]), last_day, by):
            n = conn.execute(
                "select count(*) from articles where site = ? and published >= ? and published < ?",
                [site, start.isoformat(), _next(start, by).isoformat()],
            ).fetchone()[0]
            if n:
                counts.append(Count(site, _label(start, by), n))
    return sorted(counts, key=lambda count: count.label)
