"""The date printed in a page's text (htmldate's search of the whole page): looked for when a
page without a date in its metadata is an article, or would be one if dated; not for a page
that is no article whatever its date (a section page), where it was the dearest step."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines.extraction import extract
from pipelines.extraction.core import explain

PROSE = "The harbour board met on Tuesday to agree the spring timetable for the ferries. " * 12
PRINTED = "<p class='dateline'>Wednesday, March 11, 2026</p>"
MARCH_11 = datetime(2026, 3, 11, tzinfo=UTC)


def _page(head: str, body: str) -> str:
    return f"<html><head><title>Ferry timetable</title>{head}</head><body>{body}</body></html>"


def test_an_article_without_metadata_dates_gets_its_printed_date() -> None:
    html = _page(
        '<meta property="og:type" content="article">',
        f"<article><h1>Ferry timetable agreed</h1>{PRINTED}<p>{PROSE}</p></article>",
    )
    article = extract(html, "http://127.0.0.1:9/news/ferry-timetable-agreed-for-spring")
    assert article.is_article
    assert article.published == MARCH_11


def test_a_text_without_markup_is_an_article_only_when_its_printed_date_says_so() -> None:
    url = "http://127.0.0.1:9/news/ferry-timetable-agreed-for-spring"
    dated = explain(
        _page("", f"<div><h1>Ferry timetable agreed</h1>{PRINTED}<p>{PROSE}</p></div>"), url
    )
    assert dated.article.is_article, dated.classification
    assert dated.article.published == MARCH_11
    undated = explain(_page("", f"<div><h1>Ferry timetable agreed</h1><p>{PROSE}</p></div>"), url)
    assert not undated.article.is_article
    assert undated.classification == "no article markup and no date"


def test_a_section_page_is_not_searched_for_a_printed_date() -> None:
    # A listing URL decides the verdict before any date could: the page's printed date is
    # not looked for, so its record carries none (the search took 3.6 of 9.5 ms a page).
    html = _page("", f"<main><h1>Sport</h1>{PRINTED}<p>{PROSE}</p></main>")
    explained = explain(html, "http://127.0.0.1:9/section/sport/")
    assert not explained.article.is_article
    assert explained.classification == "listing URL /section/sport/"
    assert explained.article.published is None


def test_a_section_page_keeps_the_dates_of_its_metadata() -> None:
    html = _page(
        '<meta property="article:modified_time" content="2026-03-12T08:00:00+01:00">',
        f"<main><h1>Sport</h1>{PRINTED}<p>{PROSE}</p></main>",
    )
    explained = explain(html, "http://127.0.0.1:9/section/sport/")
    assert not explained.article.is_article
    assert explained.article.modified == datetime.fromisoformat("2026-03-12T08:00:00+01:00")
