"""What the news spider yields: a fetched page (`FetchedPage`), or a request that failed."""

from __future__ import annotations

from dataclasses import dataclass

from archive.records import FetchedPage

__all__ = ["FetchFailure", "FetchedPage"]


@dataclass(frozen=True)
class FetchFailure:
    """A request that produced no response: timeout, DNS error, refused connection..."""

    url: str
    kind: str
    detail: str
