"""Which links a crawl follows: bounded pagination, no calendars, facets, logins or loops."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

_PAGE_KEYS = frozenset(
    ["page", "p", "pg", "paged", "pagenum", "pagina", "seite", "start", "offset"]
)
_PAGE_PATH = re.compile(r"/(?:page|seite|pagina|p)/(\d+)/?$", re.I)
_CALENDAR_KEYS = frozenset(
    ["date", "day", "month", "year", "from", "to", "since", "until", "calendar", "cal"]
)
_FACET_KEYS = frozenset(
    [
        "sort",
        "sortby",
        "order",
        "orderby",
        "filter",
        "filters",
        "view",
        "format",
        "display",
        "print",
        "share",
        "replytocom",
        "action",
        "output",
        "amp",
        "outputtype",
        "layout",
    ]
)
_SKIP_PATH = re.compile(
    r"/(?:login|logout|signin|sign-in|signup|register|account|my-account|subscribe|cart|checkout|"
    r"search|wp-admin|wp-login\.php|xmlrpc\.php|wp-json|feed|rss|comments?/feed|amp|share|"
    r"calendar|events/\d{4}-\d{2}|cdn-cgi)(?:/|$|\.)",
    re.I,
)
_DATE_VALUE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?$|^\d{8}$")
MAX_URL_LENGTH = 400


def skip_reason(url: str, max_pagination: int) -> str | None:
    """Why a discovered link is not followed, or None to follow it."""
    if len(url) > MAX_URL_LENGTH:
        return "url too long"
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return "not http(s)"
    if _SKIP_PATH.search(parts.path):
        return "utility page"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > 3 and len(set(segments)) <= len(segments) // 2:
        return "repeating path"
    match = _PAGE_PATH.search(parts.path)
    if match and int(match.group(1)) > max_pagination:
        return "pagination beyond limit"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) > 3:
        return "too many query parameters"
    for key, value in query:
        key = key.lower()
        if key in _PAGE_KEYS and value.isdigit() and int(value) > max_pagination:
            return "pagination beyond limit"
        if key in _CALENDAR_KEYS or _DATE_VALUE.match(value):
            return "calendar"
        if key in _FACET_KEYS:
            return "facet"
    return None
