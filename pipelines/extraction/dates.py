"""Published and modified datetimes: the publisher's, from JSON-LD, meta, <time> or the URL."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime
from typing import Any

from htmldate import find_date

from pipelines.extraction.jsonld import text_of
from pipelines.extraction.page import Page

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
            pass
    return _free_form(text)


def _free_form(text: str) -> datetime | None:
    if len(text) > 60 or not re.search(r"\d", text):
        return None
    import dateparser  # slow to import: only pages without ISO dates need it

    try:
        return dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError) as error:
        logger.debug("unparseable date %r: %s", text, error)
        return None


def _from_times(page: Page, words: tuple[str, ...]) -> datetime | None:
    for el in page.tree.iter("time"):
        parent = el.getparent()
        marks = " ".join(
            (el.get("class") or "", el.get("itemprop") or "", el.get("pubdate") or "",
             parent.get("class") or "" if parent is not None else "",
             (parent.text or "") if parent is not None else "")
        )  # fmt: skip
        if words and not any(w in marks.lower() for w in words):
            continue
        found = parse_date(el.get("datetime") or "")
        if found:
            return found
    return None


def url_date(url: str | None) -> datetime | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def find_dates(page: Page, article: dict | None) -> tuple[datetime | None, datetime | None]:
    """(published, modified), each from the most authoritative source that has it."""
    published = parse_date(article.get("datePublished")) if article else None
    published = published or _first_meta(page, _PUBLISHED_META)
    published = published or _from_times(
        page, ("publish", "pubdate", "datepublished", "entry-date")
    )
    published = published or _from_times(page, ())
    published = published or url_date(page.url) or _visible_date(page)
    modified = parse_date(article.get("dateModified")) if article else None
    modified = modified or _first_meta(page, _MODIFIED_META)
    modified = modified or _from_times(page, ("updated", "modified", "datemodified"))
    return published, modified


def _visible_date(page: Page) -> datetime | None:
    """A date printed in the page's text ("Wednesday, March 11, 2026"), found by htmldate;
    a day without a time, so it is kept as midnight UTC."""
    found = find_date(page.tree, extensive_search=True, original_date=True)
    if not found:
        return None
    day = date.fromisoformat(found)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _first_meta(page: Page, names: tuple[str, ...]) -> datetime | None:
    for name in names:
        for value in page.meta.get(name, []):
            found = parse_date(value)
            if found:
                return found
    return None
