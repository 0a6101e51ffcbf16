"""Publishing with a real Datasette: the plugin's metadata, JSON API, table and canned search."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlite_utils

from archive.publish import datasette_metadata
from tests.web_helpers import HOSTILE, SEED, build_web_archive, get


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    return build_web_archive(tmp_path_factory.mktemp("publish") / "archive.db")


def test_the_plugin_is_loaded_from_its_entry_point(archive_path: Path) -> None:
    plugins = get(archive_path, "/-/plugins.json").json()
    ours = next(p for p in plugins if p["name"] == "news-archive")
    assert ours["templates"] and ours["static"]
    assert {"get_metadata", "prepare_connection", "register_routes"} <= set(ours["hooks"])


def test_articles_json_api_returns_the_article(archive_path: Path) -> None:
    response = get(archive_path, "/archive/articles.json?_shape=array&_col=headline&_size=max")
    assert response.status_code == 200
    assert SEED in [row["headline"] for row in response.json()]


def test_metadata_comes_from_the_plugin(archive_path: Path) -> None:
    # No --metadata: the titles, descriptions and canned queries come from our file.
    data = get(archive_path, "/-/metadata.json").json()
    tables = data["databases"]["archive"]["tables"]
    assert data["title"] == "news-archive"
    assert tables["articles"]["title"] == "Articles"
    for column in ("headline", "body", "published", "authors", "language"):
        assert tables["articles"]["columns"][column]
    assert "search_articles" in data["databases"]["archive"]["queries"]


def test_a_metadata_file_given_to_datasette_wins(archive_path: Path) -> None:
    mine = {"title": "Harbour desk archive", "databases": {"archive": {"tables": {}}}}
    data = get(archive_path, "/-/metadata.json", metadata=mine).json()
    assert data["title"] == "Harbour desk archive"
    assert data["databases"]["archive"]["tables"]["articles"]["title"] == "Articles"


def test_a_database_that_is_not_an_archive_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"name": "x"})
    data = get(other, "/-/metadata.json").json()
    assert "databases" not in data and data.get("title") != "news-archive"
    assert get(other, "/other/-/search?q=x").status_code == 404


def test_table_search_finds(archive_path: Path) -> None:
    response = get(archive_path, "/archive/articles.json?_search=trafficking&_shape=array")
    assert SEED in [row["headline"] for row in response.json()]


@pytest.mark.parametrize("query", ['"', '"unbalanced', 'a"b"c"', "NOT", "a AND (", "\x00", "*"])
def test_table_search_box_takes_any_text(archive_path: Path, query: str) -> None:
    # issue 8 item 12: '"' gave "fts5: syntax error" (HTTP 400) in Datasette's search box.
    response = get(archive_path, f"/archive/articles.json?_shape=array&_search={quote(query)}")
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)


def test_table_search_box_understands_or_and_minus(archive_path: Path) -> None:
    def ids(query: str) -> set[int]:
        url = f"/archive/articles.json?_shape=array&_col=id&_size=max&_search={quote(query)}"
        return {row["id"] for row in get(archive_path, url).json()}

    trafficking, harbour = ids("trafficking"), ids("harbour")
    assert trafficking and harbour
    assert ids("trafficking OR harbour") == trafficking | harbour
    assert ids("harbour -festival") < harbour


def test_every_table_and_column_is_described(archive_path: Path) -> None:
    db = sqlite_utils.Database(archive_path)
    tables = datasette_metadata(archive_path)["databases"]["archive"]["tables"]
    for name in ("articles", "captions", "captures", "crawls", "article_versions", "failures"):
        assert tables[name].get("description"), name
        columns = {c.name for c in db[name].columns} - {"id"}
        assert columns - set(tables[name].get("columns", {})) == set(), name


def test_table_page_stays_cheap_on_a_large_archive(archive_path: Path) -> None:
    # Only index-backed work by default: the site facet, newest archived first, no suggestions.
    data = get(archive_path, "/archive/articles.json?_extra=facet_results&_size=max").json()
    assert set(data["facet_results"]) == {"site"}
    rows = get(archive_path, "/archive/articles.json?_shape=array&_col=id").json()
    ids = [r["id"] for r in rows]
    assert len(ids) > 5 and ids == sorted(ids, reverse=True)
    html = get(archive_path, "/archive/articles").text
    assert "Suggested facets" not in html
    facet = get(archive_path, "/archive/articles.json?_facet=section&_extra=facet_results").json()
    assert facet["facet_results"]["section"]["results"], "facets still work when asked for"


def test_writes_are_refused(archive_path: Path) -> None:
    assert get(archive_path, "/archive.json?sql=delete+from+articles").status_code == 400
    assert get(archive_path, "/archive/articles.json?_shape=array").json()


def test_canned_search_ranks_and_marks_matches(archive_path: Path) -> None:
    url = "/archive/search_articles.json?q=human+trafficking&_shape=array"
    rows = get(archive_path, url).json()
    assert rows[0]["headline"] == SEED
    # Matches are marked with STX/ETX in the JSON: no HTML is made from stored text.
    assert "\x02" in rows[0]["snippet"] and "<mark>" not in rows[0]["snippet"]


def test_canned_search_page_highlights_safely_and_links(archive_path: Path) -> None:
    html = get(archive_path, "/archive/search_articles?q=harbour").text
    assert "<mark>" in html.lower() or "<mark>harbour</mark>" in html.lower()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    rows = get(archive_path, "/archive/search_articles.json?q=harbour&_shape=array").json()
    ids = [row["id"] for row in rows]
    assert f'href="/archive/articles/{ids[0]}"' in html


@pytest.mark.parametrize("query", ['"unbalanced', "NOT", "a AND (", "", "co-operation*", "x\x00y"])
def test_canned_search_takes_any_text(archive_path: Path, query: str) -> None:
    # issue 8 item 12: a NUL byte in q answered HTTP 400.
    response = get(archive_path, f"/archive/search_articles.json?_shape=array&q={quote(query)}")
    assert response.status_code == 200, response.text


def test_body_cells_are_paragraphs_and_author_lists_are_names(archive_path: Path) -> None:
    rows = get(archive_path, "/archive/articles.json?_shape=array&_col=authors&_size=max").json()
    names = next(json.loads(r["authors"]) for r in rows if r["authors"] not in ("[]", None))
    html = get(archive_path, "/archive/articles?_size=max").text
    assert html.count("<p>") >= 10
    assert ", ".join(names) in html or names[0] in html
    assert HOSTILE not in html


def test_coverage_query(archive_path: Path) -> None:
    rows = get(archive_path, "/archive/coverage_by_month.json?_shape=array").json()
    assert rows and all(r["articles"] >= 1 for r in rows)
    assert sum(r["articles"] for r in rows) >= 40
