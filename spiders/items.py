"""The items the news spider yields: a fetched page, or a page that could not be fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageItem:
    """One fetched page as it came off the wire; pipelines extract and store it."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    site: str
    discovered_via: str = "link"
    hints: dict[str, Any] = field(default_factory=dict)
    capture_id: int | None = None
    article: Any = None


@dataclass
class FailureItem:
    """A request that produced no response: timeout, DNS error, refused connection..."""

    url: str
    kind: str
    detail: str
