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


# Paths of people, not of stories or sections: a writer's page, a user's profile.
_PEOPLE = frozenset(
    ["author", "authors", "by", "people", "person", "profile", "profiles", "staff", "user",
     "users", "writer", "writers", "contributor", "contributors", "journalist", "journalists"]
)  # fmt: skip
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)|(?:19|20)\d\d-?[01]\d-?[0-3]\d")
_WORDS = re.compile(r"[a-z\u00c0-\uffff]{2,}", re.I)
_STORY_ID = re.compile(r"\d{5,}")
_PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp")
_ID_KEYS = frozenset(["p", "id", "cid", "aid", "nid", "sid", "story", "article", "storyid"])


def looks_like_article(url: str) -> bool:
    """Whether a URL has the shape of a story's: a date in the path, a slug of three or more
    words, a long numeric id, or a story id in the query (`article.php?cid=123`)."""
    parts = urlsplit(url)
    path = parts.path
    if _DATE_PATH.search(path):
        return True
    last = path.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if last.lower().endswith(_PAGE_EXTENSIONS) else last
    if len(_WORDS.findall(stem)) >= 3 or _STORY_ID.search(stem):
        return True
    return any(k.lower() in _ID_KEYS and v.isdigit() for k, v in parse_qsl(parts.query))


def looks_like_section(url: str) -> bool:
    """Whether a URL has the shape of a front or section page: at most two path segments
    (`/business/`, `/section/local-news`), no file but an index, not a person's page."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if segments and segments[-1].lower().startswith("index."):
        segments.pop()
    if len(segments) > 2 or (segments and segments[0].lower() in _PEOPLE):
        return False
    return not (segments and "." in segments[-1])


def followed_from_article(url: str) -> bool:
    """From an article page only other stories and sections are followed: its author, tag,
    share, legal and utility links lead to pages that are not articles (and a writer's page
    is often missing altogether)."""
    return looks_like_article(url) or looks_like_section(url)
