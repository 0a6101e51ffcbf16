"""The raw page record every way into the archive shares: the crawl, re-extraction, importers."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Hints:
    """What the page that led to an article said about it: a feed's or sitemap's title and
    date. Kept with the capture, so re-extraction applies them as the crawl did."""

    title: str | None = None
    published: str | None = None

    def to_json(self) -> str | None:
        values = {k: v for k, v in asdict(self).items() if v}
        return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else None

    @classmethod
    def from_json(cls, text: str | None) -> Hints:
        return cls(**json.loads(text)) if text else cls()


@dataclass(frozen=True)
class Wire:
    """What went over the wire with a page besides its body, for its WARC records: the request
    as sent, and the response's protocol, header lines as the server sent them (repeats kept,
    Content-Encoding and Transfer-Encoding included) and the server's address."""

    method: str = "GET"
    request_headers: tuple[tuple[str, str], ...] = ()
    protocol: str = "HTTP/1.1"
    response_headers: tuple[tuple[str, str], ...] = ()
    ip_address: str | None = None


@dataclass(frozen=True)
class FetchedPage:
    """One fetched page as it came off the wire (headers with lower-case names)."""

    url: str  # the canonical form of the URL first requested, before redirects
    final_url: str
    status: int
    # Out of the repr: a crash logged with its item must not print a page of hostile bytes.
    headers: dict[str, str] = field(repr=False)
    body: bytes = field(repr=False)
    fetched_at: str
    site: str
    discovered_via: str = "link"
    hints: Hints = field(default_factory=Hints)
    wire: Wire | None = None  # None: only the headers above are known (tests, old captures)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")
