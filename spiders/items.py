"""What the news spider yields: a fetched page (`FetchedPage`), or a request that failed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from scrapy.http import Response

from archive.records import FetchedPage, Hints
from pipelines.extraction.urls import canonical_url, site_of
from spiders.wire import wire_of

__all__ = ["FetchFailure", "FetchedPage", "ResumedCapture", "fetched_page"]


@dataclass(frozen=True)
class FetchFailure:
    """A request that produced no response: timeout, DNS error, refused connection..."""

    url: str
    kind: str
    detail: str


@dataclass(frozen=True)
class ResumedCapture:
    """A page a killed run of this crawl captured but did not finish storing: the pipelines
    take it from the archive instead of fetching it again."""

    url: str
    capture_id: int


def fetched_page(response: Response) -> FetchedPage:
    """A response as the page record the pipelines store, under the URL first requested."""
    first = response.meta.get("redirect_urls", [response.url])[0]
    return FetchedPage(
        url=canonical_url(first),
        final_url=response.url,
        status=response.status,
        headers={k.decode().lower(): b", ".join(v).decode("latin-1")
                 for k, v in response.headers.items()},
        body=response.body,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        site=site_of(response.url),
        discovered_via=response.meta.get("via", "link"),
        hints=response.meta.get("hints") or Hints(),
        wire=wire_of(response),
    )  # fmt: skip
