"""Writes gathered into one transaction: a crawl's captures rows, articles (with the URLs
they came from), re-checks of known URLs and failures are committed together, a batch at
a time, instead of a transaction (and a WAL sync) each.

What a batch holds is lost if the process dies before it commits, and only that: each
page's WARC record is written before its row joins a batch (so an uncommitted capture is in
the crawl's WARC file, and `import-warc` of that file adds exactly the captures and articles
whose rows never committed), and a crawl with `--resume-dir` marks a page done only once its
batch has committed, so a resumed crawl fetches the lost pages again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

import sqlite_utils

from archive.records import FetchedPage
from archive.store.articles import Outcome, Provenance, save_article
from archive.store.captures import CaptureRecord, insert_capture
from archive.store.crawls import insert_failure
from archive.store.errors import ArchiveError, UnrecordablePage
from archive.store.revisits import RevisitSteps, UrlCheck, note_check, remember_url
from archive.store.transactions import write_transaction
from pipelines.extraction.record import Article


@dataclass(eq=False)
class PendingCapture:
    """A captures row waiting in a batch; its id once the batch has committed. Its record
    (where the page is in the WARC files) is written before the batch is committed, by
    whoever commits it, who says why it could not be: storage_error, the files or the
    archive failing (then so does the batch, and the crawl stops), or error, this page
    alone (then it has no row, a failure says why, and its article is kept out)."""

    crawl_id: int | None
    page: FetchedPage = field(repr=False)
    record: CaptureRecord | None  # None: not written yet, or the row is stored already (id)
    id: int | None = None
    storage_error: BaseException | None = None
    error: Exception | None = None

    @classmethod
    def stored(cls, page: FetchedPage, capture_id: int) -> PendingCapture:
        """A capture an earlier run committed (a resumed crawl takes its page from there)."""
        return cls(None, page, None, capture_id)

    @property
    def error_detail(self) -> str:
        """Why its record could not be written, in a line (its failure row's detail)."""
        return f"{type(self.error).__name__}: {self.error}"

    def apply(self, db: sqlite_utils.Database) -> None:
        if self.storage_error is not None:
            raise self.storage_error
        if self.error is not None:
            detail = self.error_detail
            insert_failure(db, self.crawl_id, self.page.url, "unrecordable_page", detail)
            return
        if self.record is None:
            state = "is stored already" if self.id is not None else "was never written"
            raise ValueError(f"capture of {self.page.url} {state}: it has no record to add")
        self.id = insert_capture(db, self.crawl_id, self.page, self.record)


@dataclass(eq=False)
class PendingArticle:
    """An article waiting in a batch, with the URL it came from (its validators and next
    re-check: check, steps) when the crawl keeps them; its outcome once committed, or the
    error that kept this one article out (the rest of its batch is committed all the same)."""

    article: Article = field(repr=False)
    key: str
    prov: Provenance
    capture: PendingCapture | None = None
    check: UrlCheck | None = None
    steps: RevisitSteps | None = None
    outcome: Outcome | None = None
    error: Exception | None = None

    def apply(self, db: sqlite_utils.Database) -> None:
        if self.capture is not None and self.capture.error is not None:
            # Its page could not be kept, nor its article; the failure row is the capture's.
            capture = self.capture
            self.error = UnrecordablePage(
                f"{capture.page.url}: no WARC record ({capture.error_detail})"
            )
            return
        prov = self.prov
        if self.capture is not None:  # committed earlier in this batch or before it
            prov = replace(prov, capture_id=self.capture.id)
        try:
            # A savepoint of the batch's transaction: a page whose article cannot be saved
            # rolls back alone, its URL not remembered (a later crawl fetches it again).
            with write_transaction(db):
                outcome = save_article(db, self.article, self.key, prov)
                if self.check is not None and self.steps is not None:
                    remember_url(db, self.check, self.key, self.steps)
            self.outcome = outcome
        except sqlite3.Error:
            raise  # the archive itself: the whole batch fails
        except Exception as error:  # one page's: kept for its item's pipeline_error
            self.error = error

    def result(self) -> Outcome:
        """Its outcome, once its batch has committed; raises what kept this article out."""
        if self.error is not None:
            raise self.error
        if self.outcome is None:
            raise ArchiveError(f"{self.key}: its batch has not been committed")
        return self.outcome


@dataclass(eq=False)
class PendingFailure:
    crawl_id: int | None
    url: str
    kind: str
    detail: str

    def apply(self, db: sqlite_utils.Database) -> None:
        insert_failure(db, self.crawl_id, self.url, self.kind, self.detail)


@dataclass(eq=False)
class PendingCheck:
    """A re-check of a known URL (see note_check); known once committed: whether the
    archive knew the URL."""

    check: UrlCheck
    steps: RevisitSteps
    known: bool | None = None

    def apply(self, db: sqlite_utils.Database) -> None:
        self.known = note_check(db, self.check, self.steps)


Pending = PendingCapture | PendingArticle | PendingFailure | PendingCheck


class WriteBatch:
    """Captures, articles, re-checks and failures to commit in one transaction, in the
    order added."""

    def __init__(self) -> None:
        self.pending: list[Pending] = []

    def __len__(self) -> int:
        return len(self.pending)

    def add(self, pending: Pending) -> Pending:
        self.pending.append(pending)
        return pending

    def commit(self, db: sqlite_utils.Database) -> None:
        """Write everything in one transaction (BEGIN IMMEDIATE, retried): all or nothing,
        but for an article that failed on its own (PendingArticle.error)."""
        with write_transaction(db):
            for pending in self.pending:
                pending.apply(db)
