"""When a site is due: an interval (`every = "30m"`) or a crontab line (`cron = "0 */2 * * *"`).

Crontab lines are read by croniter, which follows cron's own conventions (0 and 7 are Sunday;
APScheduler 3's `from_crontab` counts weekdays from Monday, so "0 3 * * 1" would run on
Tuesdays) in the machine's local time zone, as cron itself does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from croniter import CroniterBadDateError, CroniterError, croniter
from dateutil.tz import tzlocal

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
# The most missed crontab slots counted for the log; beyond that "1000+" says enough.
_COUNT_LIMIT = 1000


class TimingError(ValueError):
    """An interval or crontab line that cannot be used."""


def parse_every(text: str) -> timedelta:
    """ "30s", "30m", "2h", "1d", "1w" or a sum such as "1h30m", at least one second."""
    compact = text.strip().lower().replace(" ", "")
    if not re.fullmatch(r"(\d+[smhdw])+", compact):
        raise TimingError(f"every {text!r} is not an interval: write e.g. 30s, 30m, 2h, 1d, 1h30m")
    seconds = sum(int(n) * _UNITS[unit] for n, unit in re.findall(r"(\d+)([smhdw])", compact))
    if seconds < 1:
        raise TimingError(f"every {text!r}: the interval must be at least 1s")
    return timedelta(seconds=seconds)


def check_cron(expression: str) -> str:
    """The crontab line, fields separated by one space; TimingError if it is not usable."""
    fields = expression.split()
    if len(fields) != 5 and not (len(fields) == 1 and fields[0].startswith("@")):
        raise TimingError(
            f"cron {expression!r} needs 5 fields (minute hour day-of-month month day-of-week),"
            ' e.g. "0 */2 * * *", or one of @hourly, @daily, @weekly, @monthly, @yearly'
        )
    line = " ".join(fields)
    try:
        croniter(line, datetime.now(UTC)).get_next(datetime)
    except CroniterBadDateError as error:
        raise TimingError(f"cron {expression!r} never comes (no date matches it)") from error
    except CroniterError as error:
        raise TimingError(f"cron {expression!r} is not valid: {error}") from error
    return line


@dataclass(frozen=True)
class Timing:
    """A site's schedule: every `interval`, or at the times of the crontab line `cron`."""

    interval: timedelta | None = None
    cron: str | None = None

    @classmethod
    @functools.cache  # the scheduler asks for every site's, twice a second
    def of(cls, every: str | None, cron: str | None) -> Timing:
        if cron:
            return cls(cron=check_cron(cron))
        return cls(interval=parse_every(every or "1d"))

    def next_after(self, last: datetime) -> datetime:
        """The first time after last (aware) when the site is due again, in UTC."""
        if self.interval is not None:
            return last + self.interval
        local = croniter(self.cron, last.astimezone(tzlocal()))
        return local.get_next(datetime).astimezone(UTC)

    def missed(self, last: datetime, now: datetime) -> int:
        """How many times the site fell due between last and now (runs to coalesce)."""
        if self.interval is not None:
            return int((now - last) / self.interval)
        slots = croniter(self.cron, last.astimezone(tzlocal()))
        count = 0
        while count < _COUNT_LIMIT and slots.get_next(datetime) <= now:
            count += 1
        return count

    def describe(self) -> str:
        return f"cron {self.cron}" if self.cron else f"every {_short(self.interval)}"


def _short(interval: timedelta | None) -> str:
    seconds = int(interval.total_seconds()) if interval else 0
    parts = []
    for unit, size in sorted(_UNITS.items(), key=lambda item: -item[1]):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"
