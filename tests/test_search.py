"""Full-text search: bm25 ranking, snippets, and queries that must never raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.search import search
from archive.store import open_archive
from tests.archive_helpers import build_archive


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = build_archive(tmp_path_factory.mktemp("search") / "archive.db")
    return open_archive(path)


def test_finds_the_seed_article_with_highlighted_snippet(db) -> None:
    hits = search(db, "human trafficking")
    assert hits, "the seed article is about human trafficking"
    assert hits[0].headline == "Anti-trafficking drive goes on"
    assert "[" in hits[0].snippet and "]" in hits[0].snippet


def test_ranked_by_bm25(db) -> None:
    hits = search(db, "trafficking")
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks)


def test_phrase_query_in_quotes(db) -> None:
    hits = search(db, '"influencer trafficking"')
    assert [h.headline for h in hits] == ["Anti-trafficking drive goes on"]
    assert search(db, '"trafficking influencer"') == []


def test_headline_weighs_more_than_body(db) -> None:
    top = search(db, "anti-trafficking")[0]
    assert top.headline == "Anti-trafficking drive goes on"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'a"b',
        "(((",
        "NOT",
        "AND OR NOT",
        "x* : ^",
        "body:text",
        "-minus",
        "co-operation",
        "'apostrophe'",
        "NEAR(a b)",
        "{col}",
        "***",
        "",
        "   ",
        "über ünïcödé",
        "100%",
    ],
)
def test_punctuation_never_raises(db, query: str) -> None:
    assert isinstance(search(db, query), list)


def test_caption_text_is_searchable(tmp_path: Path, db) -> None:
    hits = search(db, "SOCIAL AFFAIRS MINISTRY")
    assert any(h.headline == "Anti-trafficking drive goes on" for h in hits)
