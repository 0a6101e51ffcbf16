"""page_to_article: the one decision from a fetched page to an article or a drop reason."""

from __future__ import annotations

import pickle
import re
from datetime import UTC, datetime

import pytest

from archive.ingest import Dropped, Extracted, IngestOptions, page_to_article
from archive.records import Hints
from pipelines.extraction import extract
from pipelines.extraction.decode import is_html
from tests.archive_helpers import PAGES, fetched, modules_loaded_by

SEED = (PAGES / "seed_phnompenh_post.html").read_bytes()
URL = "http://127.0.0.1:9/national/anti-trafficking-drive-goes-on?utm_source=x"
OPTIONS = IngestOptions(min_words=50)
UNDATED = (
    b'<html><head><meta property="og:type" content="article"><title>Ferry timetable</title>'
    b"</head><body><article><h1>Ferry timetable agreed for spring</h1><p>"
    + b"The harbour board met on Tuesday to agree the spring timetable for the ferries. " * 8
    + b"</p></article></body></html>"
)


def test_an_article_is_keyed_by_its_canonical_url_on_its_own_site() -> None:
    # The seed's rel=canonical names phnompenhpost.test: another site, so syndication.
    result = page_to_article(fetched(URL, SEED), OPTIONS)
    assert isinstance(result, Extracted)
    assert result.article.headline == "Anti-trafficking drive goes on"
    assert result.key == "http://127.0.0.1:9/national/anti-trafficking-drive-goes-on"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"status": 404}, "http_error"),
        ({"headers": {"content-type": "application/pdf"}}, "not_html"),
        ({"headers": {}, "body": b"%PDF-1.4 not a page"}, "not_html"),
        ({"body": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}, "unreadable"),
        ({"body": b"  "}, "unreadable"),
        ({"body": b"<html><body><h1>Home</h1><p>Welcome.</p></body></html>"}, "not_article"),
    ],
)
def test_every_drop_has_its_reason(fields: dict, reason: str) -> None:
    page = fetched(URL, fields.pop("body", SEED), **fields)
    result = page_to_article(page, OPTIONS)
    assert isinstance(result, Dropped) and result.reason == reason


def test_minimum_words_is_the_callers() -> None:
    assert isinstance(page_to_article(fetched(URL, SEED), IngestOptions(5000)), Dropped)
    assert isinstance(page_to_article(fetched(URL, UNDATED), IngestOptions(20)), Extracted)


def test_a_feed_date_fills_in_a_missing_date_only() -> None:
    feed = Hints(published="Sat, 14 Mar 2026 09:30:00")
    feed_date = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    undated = page_to_article(fetched(URL, UNDATED, hints=feed), OPTIONS)
    dated = page_to_article(fetched(URL, SEED, hints=feed), OPTIONS)
    assert isinstance(undated, Extracted) and isinstance(dated, Extracted)
    assert undated.article.published == feed_date
    assert dated.article.published == extract(SEED, url=URL).published != feed_date


def test_pages_and_results_cross_process_boundaries() -> None:
    page = fetched(URL, SEED, hints=Hints(title="t"))
    result = page_to_article(page, OPTIONS)
    assert pickle.loads(pickle.dumps(page)) == page
    assert pickle.loads(pickle.dumps(result)) == result


def test_the_word_count_travels_with_the_article() -> None:
    # Counted in the process that extracts, not again in the one that stores.
    result = page_to_article(fetched(URL, SEED), OPTIONS)
    assert isinstance(result, Extracted)
    travelled = pickle.loads(pickle.dumps(result)).article
    assert "word_count" in vars(travelled)
    assert travelled.word_count == len(re.findall(r"\w+", result.article.text)) > 300


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("text/html; charset=utf-8", b"", True),
        ("application/xhtml+xml", b"<?xml?>", True),
        ("application/pdf", b"<html>", False),
        ("text/plain", b"<html><body>", False),
        ("", b"\n  <!DOCTYPE html><html>", True),
        (None, b"<p>a fragment</p>", True),
        ("", b"%PDF-1.4", False),
        ("", b"just words", False),
    ],
)
def test_is_html(content_type: str | None, body: bytes, expected: bool) -> None:
    assert is_html(content_type, body) is expected


def test_a_page_over_the_extraction_limit_is_dropped_as_too_large() -> None:
    big = UNDATED.replace(b"</article>", b"<p>" + b"word " * 300_000 + b"</p></article>")
    result = page_to_article(fetched(URL, big), IngestOptions(min_words=50, max_bytes=1_000_000))
    assert isinstance(result, Dropped) and result.reason == "too_large"
    assert "ARCHIVE_MAX_PAGE_BYTES (1000000)" in result.detail
    assert isinstance(
        page_to_article(fetched(URL, UNDATED), IngestOptions(50, max_bytes=100)), Dropped
    )
    assert isinstance(page_to_article(fetched(URL, UNDATED), IngestOptions(50)), Extracted)


def test_a_crawl_that_hands_pages_to_workers_does_not_import_the_extractor() -> None:
    # The crawl's own process unpickles the workers' articles and drops; the extractor's
    # libraries (7 MB of its memory) are loaded by the processes that extract.
    crawl = "archive.cli, archive.crawl, spiders.news, pipelines.extract, pipelines.store"
    loaded = modules_loaded_by(f"import {crawl}\nfrom archive.ingest import Extracted, Dropped")
    extractor = {"extruct", "htmldate", "dateparser", "py3langid", "rdflib"}
    assert {m.split(".")[0] for m in loaded} & extractor == set()
