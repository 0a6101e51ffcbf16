"""Published and modified datetimes: the publisher's, from JSON-LD, meta, <time> or the URL."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from copy import deepcopy
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import lxml.html
from htmldate import find_date

from pipelines.extraction.jsonld import text_of
from pipelines.extraction.page import Page
from pipelines.extraction.thresholds import DATE_TEXT_CHARS, EARLIEST_YEAR, FUTURE_DAYS

logger = logging.getLogger(__name__)

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "cxenseparse:recs:publishtime",
)  # fmt: skip
_MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "article.updated",
    "last-modified", "dcterms.modified", "lastmod",
)  # fmt: skip
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")
_DIGIT = re.compile(r"\d")
_ISO_HINT = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_date(value: Any) -> datetime | None:
    """A datetime from an ISO 8601 string (any offset kept), or from a free-form date."""
    text = text_of(value) if not isinstance(value, str) else value.strip()
    if not text:
        return None
    if _ISO_HINT.match(text):
        candidate = text.replace(" ", "T", 1) if len(text) > 10 and text[10] == " " else text
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            # Digits need no language: tried in every locale, "2024-02-30T25:61" took 1 s.
            return _free_form(text, languages=["en"])
    return _free_form(text)


def _free_form(text: str, languages: list[str] | None = None) -> datetime | None:
    if len(text) > DATE_TEXT_CHARS or not _DIGIT.search(text):
        return None
    import dateparser  # slow to import: only pages without ISO dates need it

    try:
        settings = {"PREFER_DAY_OF_MONTH": "first"}
        return dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, TypeError) as error:
        logger.debug("unparseable date %r: %s", text, error)
        return None


def _from_times(page: Page, words: tuple[str, ...]) -> Iterator[datetime | None]:
    for el in page.tree.iter("time"):
        parent = el.getparent()
        marks = " ".join(
            (el.get("class") or "", el.get("itemprop") or "", el.get("pubdate") or "",
             parent.get("class") or "" if parent is not None else "",
             (parent.text or "") if parent is not None else "")
        )  # fmt: skip
        if words and not any(w in marks.lower() for w in words):
            continue
        yield parse_date(el.get("datetime") or "")


def url_date(url: str | None) -> datetime | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


# A day written into the page's title: "... | DW | 28.04.2023", "... (2023-04-28)".
_TITLE_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})(?![\d.])"
    r"|(?<![\d-])(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d-])"
)


def title_date(titles: Iterable[str]) -> datetime | None:
    """The first day-month-year (with dots) or ISO date written in a title; midnight UTC."""
    for title in titles:
        for match in _TITLE_DATE.finditer(title):
            parts = match.groupdict()
            year, month, day = (
                (parts["y"], parts["m"], parts["d"])
                if parts["y"]
                else (parts["iy"], parts["im"], parts["id"])
            )
            try:
                return datetime(int(year), int(month), int(day), tzinfo=UTC)
            except ValueError:
                continue  # "31.02.2023": not a day
    return None


def _titles(page: Page) -> list[str]:
    """The page's own titles: og:title, twitter:title and <title>."""
    titles = [page.meta_first("og:title") or "", page.meta_first("twitter:title") or ""]
    title = page.tree.find(".//title")
    if title is not None:
        titles.append(title.text_content())
    return [t for t in titles if t]


class PageDates:
    """A page's (published, modified), each from the most authoritative source that has it,
    made as precise as the page allows, and always with a UTC offset. Without a date in the
    page's metadata: the day in its URL, then in its title, then one printed in its text.

    The printed date is looked for only when asked (`settled`, `has_published`): htmldate's
    search of a whole page is the dearest step of reading a section page, which has no date
    in its metadata (3.6 of about 11 ms a page, on the crawl benchmark's), and only an article,
    or a page that is one only if dated, needs it. It reads the page as parsed: a copy of
    the tree is kept for it (0.2 ms) before extraction takes anything out of the tree."""

    def __init__(self, page: Page, article: dict | None):
        self._published = best_date(_published_sources(page, article))
        if self._published is None:
            self._published = _plausible(url_date(page.url)) or _plausible(
                title_date(_titles(page))
            )
        self._modified = best_date(
            [
                parse_date(article.get("dateModified")) if article else None,
                *(_meta_dates(page, _MODIFIED_META)),
                *_from_times(page, ("updated", "modified", "datemodified")),
            ]
        )
        self._as_parsed = deepcopy(page.tree) if self._published is None else None

    def has_published(self) -> bool:
        """Whether the page gives a publication date anywhere, its printed text included."""
        return self.settled()[0] is not None

    def settled(self) -> tuple[datetime | None, datetime | None]:
        """(published, modified), the printed date looked for when no other source has one."""
        if self._as_parsed is not None:
            self._published = _plausible(_visible_date(self._as_parsed))
            self._as_parsed = None
        return self.known()

    def known(self) -> tuple[datetime | None, datetime | None]:
        """(published, modified) as found so far: the printed date only if already looked for."""
        published, modified = self._published, self._modified
        return with_offset(published, modified), with_offset(modified, published)


def _published_sources(page: Page, article: dict | None) -> Iterator[datetime | None]:
    yield parse_date(article.get("datePublished")) if article else None
    yield from _meta_dates(page, _PUBLISHED_META)
    yield from _from_times(page, ("publish", "pubdate", "datepublished", "entry-date"))
    yield from _from_times(page, ())


# The earliest plausible date (see EARLIEST_YEAR).
_EARLIEST = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC)


def _plausible(found: datetime | None) -> datetime | None:
    if found is None:
        return None
    aware = found if found.tzinfo else found.replace(tzinfo=UTC)
    latest = datetime.now(UTC) + timedelta(days=FUTURE_DAYS)
    return found if _EARLIEST <= aware <= latest else None


def _precise(found: datetime) -> bool:
    """A time of day with a UTC offset: nothing more to learn about this date."""
    return found.tzinfo is not None and found.timetz().replace(tzinfo=None) != time()


def best_date(sources: Iterable[datetime | None]) -> datetime | None:
    """The first plausible date, or a later source's more precise spelling of the same day
    (a JSON-LD "2014-09-15" beside a meta "2014-09-15T14:22:02+00:00")."""
    first = None
    for found in map(_plausible, sources):
        if found is None:
            continue
        if first is None:
            first = found
        elif found.date() == first.date() and _precise(found):
            return found
        if _precise(first):
            return first
    return first


def with_offset(found: datetime | None, other: datetime | None) -> datetime | None:
    """A time without an offset takes the page's other date's offset, else UTC."""
    if found is None or found.tzinfo is not None:
        return found
    zone = other.tzinfo if other is not None and other.tzinfo is not None else UTC
    return found.replace(tzinfo=zone)


def _visible_date(tree: lxml.html.HtmlElement) -> datetime | None:
    """A date printed in a page's text ("Wednesday, March 11, 2026"), found by htmldate in
    its tree; a day without a time, so it is kept as midnight UTC."""
    try:
        found = find_date(tree, extensive_search=True, original_date=True)
    except ValueError as error:  # htmldate 1.9 on an offset past a day ("+99:99")
        logger.debug("no date found in the text: %s", error)
        return None
    if not found:
        return None
    day = date.fromisoformat(found)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _meta_dates(page: Page, names: tuple[str, ...]) -> Iterator[datetime | None]:
    for name in names:
        for value in page.meta.get(name, []):
            yield parse_date(value)
