"""Choosing among a page's dates: placeholders skipped, the most precise spelling of the day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipelines.extraction.dates import best_date, parse_date, title_date, with_offset

EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("sources", "want"),
    [
        # A CMS's empty value is not a date; the next source is used.
        (["0001-01-01T00:00:00Z", "2019-11-19T06:12:56-05:00"], "2019-11-19T06:12:56-05:00"),
        # A day alone, then the same day with a time and offset: the precise one.
        (["2014-09-15", "2014-09-15T14:22:02+00:00"], "2014-09-15T14:22:02+00:00"),
        # A time without offset, then the same instant with one.
        (["2019-11-18T17:26:45.726", "2019-11-18T17:26:45.726Z"], "2019-11-18T17:26:45.726+00:00"),
        # A precise first source is not replaced by a later one.
        (["2019-11-19T06:12:56-05:00", "2019-11-19T09:00:00+00:00"], "2019-11-19T06:12:56-05:00"),
        # Another day is another date, not a better spelling of this one.
        (["2019-11-19", "2019-11-20T09:00:00+00:00"], "2019-11-19T00:00:00"),
        # Far in the future: a typo or a countdown, not the publication date.
        (["2999-01-01T00:00:00Z"], None),
        ([None, ""], None),
    ],
)
def test_best(sources: list[str | None], want: str | None) -> None:
    found = best_date(parse_date(s) if s else None for s in sources)
    assert (found.isoformat() if found else None) == (
        datetime.fromisoformat(want).isoformat() if want else None
    )


def test_a_time_without_offset_borrows_the_pages_other_offset() -> None:
    naive = datetime(2026, 4, 14, 8, 30)
    assert with_offset(naive, datetime(2026, 4, 14, 10, 5, tzinfo=EST)).utcoffset() == (
        timedelta(hours=-5)
    )
    assert with_offset(naive, None) == naive.replace(tzinfo=UTC)
    assert with_offset(None, naive) is None


@pytest.mark.parametrize(
    ("titles", "want"),
    [
        (["Ukraine: Ziele, Chancen, Risiken | DW | 28.04.2023"], "2023-04-28"),
        (["Budget vote delayed (2026-03-09) - City Paper"], "2026-03-09"),
        # Not a day: the next date, or the next title.
        (["Sitzung am 31.02.2023 oder am 2. 3. 2023"], "2023-03-02"),
        (["Ticket 12.5.4 released", "Bericht vom 7.1.2026"], "2026-01-07"),
        # Version numbers, scores and bare years are no dates.
        (["Release 1.2.2023.4 notes", "Bayern 2:1 Dortmund", "Top 100 of 2025"], None),
    ],
)
def test_title_date(titles: list[str], want: str | None) -> None:
    found = title_date(titles)
    assert (found.date().isoformat() if found else None) == want
    assert found is None or found.tzinfo is UTC
