"""Import WARC files made by any tool (wget --warc-file, Heritrix, Browsertrix...): every HTML
response goes the one way a crawled page goes, its capture pointing at its record in place."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC
from pathlib import Path
from typing import Any

import sqlite_utils
from warcio.timeutils import iso_date_to_datetime

from archive.ingest import Dropped, IngestOptions, page_to_article
from archive.records import FetchedPage, Hints
from archive.store import (
    Provenance,
    add_failure,
    add_indexed_capture,
    finish_crawl,
    save_article,
    start_crawl,
)
from archive.warc import StoredRecord, WarcLocation, WarcReadError, iter_records
from pipelines.extraction.urls import canonical_url, site_of

# The kinds of records that are pages; warcinfo, request, metadata... are counted apart.
_PAGES = ("response", "resource", "revisit")
# Drops that are failures of the page, kept in the failures table as the crawl keeps them.
_FAILURE_KINDS = {"unreadable": "unreadable_page"}


@dataclass(frozen=True)
class ImportJob:
    """What to import, and how pages become articles (the crawl's ARCHIVE_MIN_WORDS and
    rules; settings are recorded with the import's crawls row for `reextract`)."""

    paths: list[Path]
    options: IngestOptions
    max_bytes: int
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportResult:
    """Every record counted once: imported (an article saved), not_article, not_html,
    http_error, duplicate (already in the archive, or a revisit), unreadable, not_response
    (warcinfo, request, metadata, non-HTTP records); articles by outcome; one error line per
    file that could not be read to its end."""

    crawl_id: int
    counts: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    sites: set[str] = field(default_factory=set)


def import_warcs(db: sqlite_utils.Database, job: ImportJob) -> ImportResult:
    """Import the files in order, as one crawls row; a file that cannot be read (or stops
    being readable) is an error line and a failure, and the next file is imported."""
    crawl_id = start_crawl(db, "import-warc", [str(p) for p in job.paths], job.settings)
    result = ImportResult(crawl_id)
    for path in job.paths:
        _import_file(db, path, job, result)
    finish_crawl(db, crawl_id, _summary(result))
    return result


def _import_file(
    db: sqlite_utils.Database, path: Path, job: ImportJob, result: ImportResult
) -> None:
    pending: tuple[FetchedPage, WarcLocation] | None = None
    seen = 0
    try:
        for record in iter_records(path, job.max_bytes):
            seen += 1
            if record.kind not in _PAGES:
                result.counts["not_response"] += 1
                if (
                    pending
                    and record.kind == "metadata"
                    and record.concurrent_to == pending[1].record_id
                ):
                    pending = (_with_metadata(pending[0], record), pending[1])
                continue
            if pending:
                _ingest(db, *pending, job.options, result)
            pending = _page(db, path, record, result)
        if not seen:
            raise WarcReadError(f"{path}: holds no WARC records")
    except WarcReadError as error:
        result.errors.append(str(error))
        add_failure(db, result.crawl_id, str(path), "bad_warc", str(error))
    finally:
        if pending:
            _ingest(db, *pending, job.options, result)


def _page(
    db: sqlite_utils.Database, path: Path, record: StoredRecord, result: ImportResult
) -> tuple[FetchedPage, WarcLocation] | None:
    """The page a response or resource record holds, or None (the record counted)."""
    reason = _not_a_page(db, record)
    if reason:
        result.counts[reason] += 1
        if reason == "unreadable":
            detail = record.problem or "no HTTP status line"
            add_failure(db, result.crawl_id, record.uri, "unreadable_page", detail)
        return None
    assert record.body is not None
    headers = record.header_map() if record.kind == "response" else {}
    if record.kind == "resource":
        headers["content-type"] = record.content_type
    page = FetchedPage(
        url=canonical_url(record.uri), final_url=record.uri, status=record.status or 200,
        headers=headers, body=record.body, fetched_at=_fetched_at(record.date),
        site=site_of(record.uri), discovered_via="import",
    )  # fmt: skip
    result.sites.add(page.site)
    return page, WarcLocation(path, record.offset, record.length, record.record_id)


def _not_a_page(db: sqlite_utils.Database, record: StoredRecord) -> str | None:
    if record.kind == "revisit":
        return "duplicate"  # the payload is an earlier record's
    if not record.uri.lower().startswith(("http://", "https://")):
        return "not_response"  # dns:, metadata://, urn:... records
    if record.body is None or (record.kind == "response" and record.status is None):
        return "unreadable"
    try:
        _fetched_at(record.date)
    except ValueError:
        return "unreadable"
    known = "select 1 from captures where warc_record_id = ? limit 1"
    if record.record_id and next(db.query(known, [record.record_id]), None):
        return "duplicate"
    return None


def _ingest(
    db: sqlite_utils.Database,
    page: FetchedPage,
    record: WarcLocation,
    options: IngestOptions,
    result: ImportResult,
) -> None:
    """The one path from page to article, as the crawl's pipelines take it."""
    capture_id = add_indexed_capture(db, result.crawl_id, page, record)
    extracted = page_to_article(page, options)
    if isinstance(extracted, Dropped):
        result.counts[extracted.reason] += 1
        if extracted.reason == "http_error":
            add_failure(db, result.crawl_id, page.url, f"http_{page.status}", extracted.detail)
        elif extracted.reason in _FAILURE_KINDS:
            kind = _FAILURE_KINDS[extracted.reason]
            add_failure(db, result.crawl_id, page.url, kind, extracted.detail)
        return
    prov = Provenance.of(page, capture_id, result.crawl_id)
    result.outcomes[save_article(db, extracted.article, extracted.key, prov)] += 1
    result.counts["imported"] += 1


def _with_metadata(page: FetchedPage, record: StoredRecord) -> FetchedPage:
    """The page with what our crawl's metadata record says of it: how it was found, and the
    title and date its feed or sitemap gave."""
    fields: dict[str, str] = {}
    for line in (record.body or b"").decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    hints = Hints(title=fields.get("hint-title"), published=fields.get("hint-published"))
    return replace(page, hints=hints, discovered_via=fields.get("discovered-via", "import"))


def _fetched_at(warc_date: str) -> str:
    """FetchedPage.fetched_at from a WARC-Date; ValueError when it is not one."""
    try:
        moment = iso_date_to_datetime(warc_date)
    except TypeError as error:  # warcio's reading of an empty date
        raise ValueError(f"not a WARC-Date: {warc_date!r}") from error
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


def _summary(result: ImportResult) -> dict[str, Any]:
    errors = Counter({"bad_warc": len(result.errors)})
    errors.update(http_error=result.counts["http_error"], unreadable=result.counts["unreadable"])
    errors = +errors  # drop the zeros
    pages = sum(n for kind, n in result.counts.items() if kind != "not_response")
    return {
        "site": ", ".join(sorted(result.sites)),
        "status": "finished",
        "finish_reason": "finished"
        if not result.errors
        else f"{len(result.errors)} files unreadable",
        "pages_fetched": pages,
        "articles_new": result.outcomes["new"],
        "articles_updated": result.outcomes["updated"],
        "articles_refreshed": result.outcomes["refreshed"],
        "articles_unchanged": result.outcomes["unchanged"],
        "not_articles": result.counts["not_article"],
        "error_count": sum(errors.values()),
        "errors": json.dumps(dict(errors), sort_keys=True),
    }
