"""Validators of article pages (ETag, Last-Modified) and 304 answers to conditional GETs."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Protocol

from archive.demo.model import DemoArticle, Page


class Headers(Protocol):
    """Request headers looked up by name, case-insensitively (http.server's Message)."""

    def get(self, name: str) -> str | None: ...


def validators(article: DemoArticle) -> dict[str, str]:
    """ETag and Last-Modified of an article page.

    The ETag is weak and derived from the story itself (text, images, byline, dates), so it
    changes when the story is edited and not when another story's headline in a sidebar does:
    the page is then "semantically the same", which is what a weak validator promises.
    """
    digest = hashlib.sha256(repr(article).encode("utf-8")).hexdigest()[:20]
    changed = article.last_change.astimezone(UTC)
    return {"ETag": f'W/"{digest}"', "Last-Modified": format_datetime(changed, usegmt=True)}


def answer(page: Page, request_headers: Headers) -> Page:
    """304 Not Modified when the request's validators match the page's, else the page.

    As RFC 9110 section 13.2.2 orders it: If-None-Match (weak comparison, "*" matches any)
    decides when present; only without it does If-Modified-Since count. Pages without
    validators and answers other than 200 are returned as they are.
    """
    etag, last_modified = page.headers.get("ETag"), page.headers.get("Last-Modified")
    if page.status != 200 or not (etag or last_modified):
        return page
    if (if_none_match := request_headers.get("If-None-Match")) is not None:
        fresh = etag is not None and _matches(if_none_match, etag)
    elif (since := _http_date(request_headers.get("If-Modified-Since"))) is not None:
        modified = _http_date(last_modified)
        fresh = modified is not None and modified <= since
    else:
        fresh = False
    if not fresh:
        return page
    kept: dict[str, str] = {
        name: page.headers[name] for name in ("ETag", "Last-Modified") if name in page.headers
    }
    return Page(304, kept, b"")


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    return _opaque(etag) in {_opaque(tag) for tag in if_none_match.split(",")}


def _http_date(value: str | None) -> datetime | None:
    """An HTTP date, or None for a missing or malformed one (which the server then ignores)."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
