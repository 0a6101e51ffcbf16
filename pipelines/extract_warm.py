"""Imported by the forkserver of the crawl's extraction processes (pipelines/extract_pool.py),
and for this alone: it extracts one small page, so that what the extractor loads on first use
(the date parsers' tables, the language model's small arrays; its large ones are mapped from
files, see pipelines/extraction/language_model.py) is loaded once, before the workers are
forked, and shared by all of them instead of loaded by each."""

from archive.ingest import IngestOptions, page_to_article
from archive.records import FetchedPage

_PAGE = FetchedPage(
    url="http://warm.invalid/2026/01/01/warm-up-story",
    final_url="http://warm.invalid/2026/01/01/warm-up-story",
    status=200,
    headers={"content-type": "text/html; charset=utf-8"},
    body=(
        b"<html lang='en'><head><title>A warm-up story</title></head><body><article><h1>A"
        b" warm-up story</h1><time datetime='2026-01-01T10:00:00+00:00'>1 January 2026</time>"
        + b"<p>The harbour council met on Monday to approve the new ferry timetable.</p>" * 8
        + b"</article></body></html>"
    ),
    fetched_at="2026-01-01T10:00:00+00:00",
    site="warm.invalid",
)

page_to_article(_PAGE, IngestOptions(min_words=50))
