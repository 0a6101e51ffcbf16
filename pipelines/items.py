"""The item at each stage of the item pipelines: one typed record per stage, none mutated."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.ingest import Extracted
from archive.records import FetchedPage
from archive.store import Outcome
from archive.store.batch import PendingCapture
from spiders.items import FetchFailure, ResumedCapture


@dataclass(frozen=True)
class CapturedPage:
    """A fetched page, and its row in captures (None when ARCHIVE_KEEP_CAPTURES is off):
    written with the crawl's next batch, its id known once that has committed."""

    page: FetchedPage
    capture: PendingCapture | None

    @property
    def url(self) -> str:
        return self.page.url

    @property
    def capture_id(self) -> int | None:
        return self.capture.id if self.capture else None


@dataclass(frozen=True)
class ExtractedPage:
    """A captured page that holds an article."""

    captured: CapturedPage
    extracted: Extracted = field(repr=False)  # the whole article: not for the log

    @property
    def url(self) -> str:
        return self.captured.url


@dataclass(frozen=True)
class StoredArticle:
    """An article written to the archive: new, updated, refreshed or unchanged."""

    source: ExtractedPage
    outcome: Outcome

    @property
    def url(self) -> str:
        return self.source.url


# What a pipeline can be handed: the spider's items, or an earlier pipeline's.
CrawlItem = (
    FetchedPage | FetchFailure | ResumedCapture | CapturedPage | ExtractedPage | StoredArticle
)
