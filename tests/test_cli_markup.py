"""The CLI prints page and query text as text: rich markup in it is not markup (issue 8).

A class name like "[/x]" or a query like "[/nope]" made rich raise MarkupError, and a URL
urllib cannot parse gave a traceback instead of one line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.archive_helpers import PAGES, build_archive

SEED = (PAGES / "seed_phnompenh_post.html").read_text(encoding="utf-8")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_explain_prints_markup_like_class_names_and_text_as_they_are(
    runner: CliRunner, tmp_path: Path
) -> None:
    html = SEED.replace('class="node__content"', 'class="node__content [/x]" id="[bold]b"')
    html = html.replace('class="share-bar"', 'class="share-bar [/y]"', 1)
    html = html.replace("<p>A recent meeting", "<p>[/z] [red]A recent meeting", 1)
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--explain", str(page)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["body"][0].startswith("[/z] [red]A recent meeting")
    assert "[/y]" in result.stderr  # the removed share bar's class
    assert "[/z] [red]A recent meeting" in result.stderr  # a kept block


def test_explain_prints_a_markup_like_container_and_classification(
    runner: CliRunner, tmp_path: Path
) -> None:
    html = SEED.replace(
        'class="clearfix text-formatted field', 'class="[/x] clearfix text-formatted field', 1
    )
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--explain", str(page)])
    assert result.exit_code == 0, result.output
    assert 'class="[/x] clearfix' in result.stderr


def test_search_with_markup_in_the_query(runner: CliRunner, tmp_path: Path) -> None:
    db = build_archive(tmp_path / "archive.db")
    result = runner.invoke(cli, ["search", str(db), "[/nope]"])
    assert result.exit_code == 0, result.output
    assert "No articles match '[/nope]'." in result.stdout


@pytest.mark.parametrize("url", ["http://[::1", "https://[x]:99999/a"])
def test_extract_an_unparseable_url_is_one_line(runner: CliRunner, url: str) -> None:
    result = runner.invoke(cli, ["extract", url])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{url}: cannot fetch" in result.output
    assert "Traceback" not in result.output


def test_extract_a_file_with_an_unparseable_url_is_one_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(SEED, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(page), "--url", "http://[::1"])
    assert result.exit_code == 1
    assert "not a valid URL" in result.output


def test_stats_tables_print_stored_text_as_it_is() -> None:
    from io import StringIO

    from rich.console import Console

    from archive.texts import render_stats

    out = StringIO()
    data = {
        "articles": 1, "captions": 0, "captures": 1, "edits": 3,
        "sites": [{"site": "[/x]", "articles": 1}],
        "crawls": [], "failures": [{"kind": "[bold]http_error", "count": 2}],
    }  # fmt: skip
    render_stats(Console(file=out, width=120), data)
    assert "[/x]" in out.getvalue() and "[bold]http_error" in out.getvalue()
    assert "3 edits found" in out.getvalue()
