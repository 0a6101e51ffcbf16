"""Publishing with a real Datasette: metadata, JSON API, search, facets, read-only."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette

from archive.publish import PLUGINS_DIR, datasette_metadata
from tests.archive_helpers import build_archive


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("publish") / "archive.db")


def _get(path: Path, url: str):
    async def go():
        ds = Datasette([str(path)], metadata=datasette_metadata(path), plugins_dir=str(PLUGINS_DIR))
        await ds.invoke_startup()
        return await ds.client.get(url)

    return asyncio.run(go())


def test_articles_json_api_returns_the_article(archive_path: Path) -> None:
    response = _get(archive_path, "/archive/articles.json?_shape=array&_col=headline&_size=max")
    assert response.status_code == 200
    assert "Anti-trafficking drive goes on" in [row["headline"] for row in response.json()]


def test_search_query_finds_it(archive_path: Path) -> None:
    response = _get(archive_path, "/archive/articles.json?_search=trafficking&_shape=array")
    assert response.status_code == 200
    assert "Anti-trafficking drive goes on" in [row["headline"] for row in response.json()]


def test_search_with_punctuation_is_not_an_error(archive_path: Path) -> None:
    response = _get(archive_path, '/archive/articles.json?_search="unbalanced&_shape=array')
    assert response.status_code == 200


def test_metadata_titles_and_facets(archive_path: Path) -> None:
    response = _get(archive_path, "/archive/articles.json?_extra=facet_results")
    data = _get(archive_path, "/-/metadata.json").json()
    tables = data["databases"]["archive"]["tables"]
    assert tables["articles"]["title"] == "Articles"
    for column in ("headline", "body", "published", "authors", "language"):
        assert tables["articles"]["columns"][column]
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    assert {"site", "section", "language", "authors"} <= set(facets)


def test_newest_first(archive_path: Path) -> None:
    rows = _get(archive_path, "/archive/articles.json?_shape=array&_col=published").json()
    dates = [r["published"] for r in rows if r["published"]]
    assert dates == sorted(dates, reverse=True)


def test_every_table_and_column_is_described(archive_path: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(archive_path)
    tables = datasette_metadata(archive_path)["databases"]["archive"]["tables"]
    for name in ("articles", "captions", "captures", "crawls", "article_versions", "failures"):
        assert tables[name].get("description"), name
        columns = {c.name for c in db[name].columns} - {"id"}
        assert columns - set(tables[name].get("columns", {})) == set(), name


def test_writes_are_refused(archive_path: Path) -> None:
    response = _get(archive_path, "/archive.json?sql=delete+from+articles")
    assert response.status_code == 400
    rows = _get(archive_path, "/archive/articles.json?_shape=array").json()
    assert rows


def test_canned_search_ranks_and_highlights(archive_path: Path) -> None:
    response = _get(archive_path, "/archive/search_articles.json?q=human+trafficking&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert rows[0]["headline"] == "Anti-trafficking drive goes on"
    assert "<mark>" in rows[0]["snippet"]


@pytest.mark.parametrize("query", ['"unbalanced', "NOT", "a AND (", "", "co-operation*"])
def test_canned_search_takes_any_text(archive_path: Path, query: str) -> None:
    response = _get(archive_path, f"/archive/search_articles.json?_shape=array&q={quote(query)}")
    assert response.status_code == 200, response.text


def test_article_page_shows_paragraphs_and_author_names(archive_path: Path) -> None:
    rows = _get(archive_path, "/archive/articles.json?_shape=array&_col=id&_col=authors").json()
    row = next(r for r in rows if r["authors"] != "[]")
    html = _get(archive_path, f"/archive/articles/{row['id']}").text
    assert html.count("<p>") >= 2
    names = json.loads(row["authors"])
    assert ", ".join(names) in html


def test_coverage_query(archive_path: Path) -> None:
    rows = _get(archive_path, "/archive/coverage_by_month.json?_shape=array").json()
    assert rows and all(r["articles"] >= 1 for r in rows)
