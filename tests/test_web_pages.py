"""The plugin's pages through a real Datasette: search, article, feed, charts, health, capture."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest

from tests.web_helpers import (
    EDITED_URL,
    HOSTILE,
    SEED,
    SEED_PAGE,
    article_id,
    build_web_archive,
    get,
)


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    return build_web_archive(tmp_path_factory.mktemp("pages") / "archive.db")


def _search(path: Path, query: str, **params: str) -> str:
    extra = "".join(f"&{k}={quote(v)}" for k, v in params.items())
    response = get(path, f"/archive/-/search?q={quote(query)}{extra}")
    assert response.status_code == 200, response.text
    return response.text


def test_search_page_ranks_highlights_and_links(archive_path: Path) -> None:
    html = _search(archive_path, "human trafficking")
    seed = article_id(archive_path, SEED)
    first = html.index('class="na-hit"')
    assert f'href="/archive/articles/{seed}">{SEED}</a>' in html[first:]
    assert re.search(r"<mark>(human|trafficking)</mark>", html, re.IGNORECASE)
    assert re.search(r'class="na-count"><strong>1</strong>\s*article match', html)


def test_search_page_documents_the_syntax_and_has_every_filter(archive_path: Path) -> None:
    html = get(archive_path, "/archive/-/search").text
    for text in ('"city council"', "OR", "-festival", "harb*"):
        assert text in html
    for name in ("q", "site", "section", "author", "language", "since", "until", "sort"):
        assert f'name="{name}"' in html
    assert "newest first" in html


def test_search_page_escapes_stored_text(archive_path: Path) -> None:
    html = _search(archive_path, "harbour reopened")
    assert "<mark>harbour</mark>" in html.lower() or "<mark>reopened</mark>" in html.lower()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "query",
    ['"', "\x00", "<script>alert(1)</script>", "a" * 3000, "-x", "OR", "北", "{{7*7}}", "%00"],
)
def test_search_page_takes_any_input(archive_path: Path, query: str) -> None:
    html = _search(archive_path, query, since="not-a-date", page="-3", site="<b>")
    assert "<script>alert(1)" not in html and "<b>" not in html.split("</form>")[0][-2000:]


def test_search_filters_and_newest_first(archive_path: Path) -> None:
    everything = get(archive_path, "/archive/-/search.json?q=the").json()
    site = everything["hits"][0]["site"]
    only = get(archive_path, f"/archive/-/search.json?q=the&site={site}").json()
    assert 0 < only["total"] < everything["total"]
    assert {hit["site"] for hit in only["hits"]} == {site}
    newest = get(archive_path, "/archive/-/search.json?q=the&sort=newest").json()["hits"]
    dates = [hit["published"] for hit in newest if hit["published"]]
    assert dates == sorted(dates, reverse=True)
    bridge = get(archive_path, "/archive/-/search.json?q=bridge&author=Ana+Reyes").json()
    assert [hit["url"] for hit in bridge["hits"]] == [EDITED_URL]


def test_japanese_and_thai_words_are_found(archive_path: Path) -> None:
    for word in ("北浜酒造", "ป่าชายเลน"):
        result = get(archive_path, f"/archive/-/search.json?q={quote(word)}").json()
        assert result["total"] == 1 and result["index"] == "substrings", word


def test_a_search_is_an_atom_feed(archive_path: Path) -> None:
    response = get(archive_path, "/archive/-/search.atom?q=harbour")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "news-archive: harbour"
    titles = [entry.title for entry in feed.entries]
    assert len(titles) >= 3 and any("Harbour festival" in t for t in titles)
    assert any(HOSTILE in t for t in titles), "stored markup is text in the feed, not markup"
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert all(re.search(r"/archive/articles/\d+$", entry.link) for entry in feed.entries)


def test_search_page_announces_its_feed(archive_path: Path) -> None:
    html = _search(archive_path, "harbour")
    assert 'type="application/atom+xml"' in html and "/archive/-/search.atom?q=harbour" in html


def test_article_page_reads_as_a_story(archive_path: Path) -> None:
    seed = article_id(archive_path, SEED)
    html = get(archive_path, f"/archive/articles/{seed}").text
    assert f'<h1 class="na-headline">{SEED}</h1>' in html
    assert html.count("<p>") >= 5
    assert "SOCIAL AFFAIRS MINISTRY" in html and 'class="na-credit"' in html
    assert "Raw capture" in html and "Original article" in html
    assert f"/archive/-/article/{seed}.json" in html


def test_article_page_links_section_tags_and_authors(archive_path: Path) -> None:
    edited = article_id(archive_path, "Bridge to close")
    html = get(archive_path, f"/archive/articles/{edited}").text
    assert 'href="/archive/articles?section=Local"' in html
    assert 'href="/archive/articles?tags__arraycontains=roads"' in html
    assert 'href="/archive/articles?authors__arraycontains=Ana+Reyes"' in html
    assert "The old bridge at dusk" in html and "Ana Reyes/Valley Courier" in html


def test_article_page_shows_the_word_diff_between_versions(archive_path: Path) -> None:
    edited = article_id(archive_path, "Bridge to close")
    html = get(archive_path, f"/archive/articles/{edited}").text
    assert "<del>May. </del><ins>June.</ins>" in html or (
        "<del>May." in html and "<ins>June." in html
    )
    assert "Changes from version 1 to version 2" in html
    same = get(archive_path, f"/archive/articles/{edited}?old=2&new=2").text
    assert "<ins>" not in same and "<del>" not in same


def test_article_page_escapes_stored_text(archive_path: Path) -> None:
    hostile = article_id(archive_path, "Harbour story")
    html = get(archive_path, f"/archive/articles/{hostile}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;") >= 4


def test_article_json_has_captions_versions_and_diff(archive_path: Path) -> None:
    edited = article_id(archive_path, "Bridge to close")
    data = get(archive_path, f"/archive/-/article/{edited}.json").json()
    assert data["headline"] == "Bridge to close" and data["authors"] == ["Ana Reyes"]
    assert data["captions"][0]["credit"] == "Ana Reyes/Valley Courier"
    assert [v["version"] for v in data["versions"]] == [1, 2]
    ops = {(p["op"], p["text"].strip()) for p in data["diff"]["pieces"]}
    assert ("delete", "May.") in ops and ("insert", "June.") in ops
    assert get(archive_path, "/archive/-/article/999999.json").status_code == 404


def test_other_rows_keep_datasettes_page(archive_path: Path) -> None:
    html = get(archive_path, "/archive/captions/1").text
    assert "na-article" not in html and "rows-and-columns" in html


def test_raw_capture_is_served_as_text_never_as_a_page(archive_path: Path) -> None:
    seed = article_id(archive_path, SEED)
    capture = get(archive_path, f"/archive/-/article/{seed}.json").json()["capture_id"]
    response = get(archive_path, f"/archive/-/capture/{capture}.txt")
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "sandbox"
    assert SEED in response.text and response.content[:200] in SEED_PAGE.read_bytes()


def test_charts_are_drawn_from_bundled_javascript(archive_path: Path) -> None:
    html = get(archive_path, "/archive/-/charts").text
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert scripts and all(src.startswith("/-/static-plugins/news-archive/") for src in scripts)
    for src in scripts:
        assert get(archive_path, src).status_code == 200, src
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]


@pytest.mark.parametrize("chart", ["coverage", "authors", "sections", "edits"])
def test_chart_data(archive_path: Path, chart: str) -> None:
    data = get(archive_path, f"/archive/-/charts/{chart}.json").json()
    assert data["labels"] and data["datasets"]
    assert all(len(d["data"]) == len(data["labels"]) for d in data["datasets"])
    assert sum(sum(d["data"]) for d in data["datasets"]) >= 1


def test_coverage_by_day_week_month_year(archive_path: Path) -> None:
    widths = {"day": 10, "month": 7, "year": 4}
    for by, width in widths.items():
        labels = get(archive_path, f"/archive/-/charts/coverage.json?by={by}").json()["labels"]
        assert all(len(label) == width for label in labels), by
    week = get(archive_path, "/archive/-/charts/coverage.json?by=week").json()["labels"]
    assert week and all(date.fromisoformat(label).weekday() == 0 for label in week)
    assert get(archive_path, "/archive/-/charts/coverage.json?by=hour").status_code == 400


def test_extraction_health_per_site(archive_path: Path) -> None:
    html = get(archive_path, "/archive/-/health").text
    assert "hostile.test" in html and "edited.test" in html
    # The fixture pages include a site with no byline: a cell at 100% is marked.
    assert 'class="na-bad">100.0<' in html
    assert "<script>alert" not in html


def test_extraction_health_of_one_site(archive_path: Path) -> None:
    html = get(archive_path, "/archive/-/health?site=edited.test").text
    assert "Extraction health: edited.test" in html
    assert "hostile.test" not in html
    assert 'href="?site=edited.test"' in html


def test_coverage_counts_every_dated_article_and_follows_new_ones(tmp_path: Path) -> None:
    import sqlite_utils

    path = build_web_archive(tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    dated = db.execute("select count(*) from articles where published like '____-__-__%'")
    expected = dated.fetchone()[0]

    def total() -> int:
        data = get(path, "/archive/-/charts/coverage.json?by=year").json()
        return sum(sum(d["data"]) for d in data["datasets"])

    assert total() == expected
    db["articles"].insert(
        {"url": "https://new.test/a", "site": "new.test", "published": "2026-05-05"}
    )
    assert total() == expected + 1
