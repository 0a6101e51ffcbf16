"""reextract: today's extractor over the stored captures, nothing fetched again."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli
from archive.reextract import reextract
from archive.store import open_archive
from tests.archive_helpers import build_archive
from tests.crawling import rows

_METADATA = "url, authors, published, modified, language, tags, section, extractor_version"


def test_an_extractor_change_reaches_every_row_without_new_versions(tmp_path: Path) -> None:
    """Rows written by an older extractor (no authors, dates, language or tags) are brought up
    to date; a version row is added only where the text changed (nowhere here)."""
    path = build_archive(tmp_path / "archive.db")
    want = rows(path, f"select {_METADATA} from articles order by url")
    db = open_archive(path)
    db.execute(
        "update articles set authors = '[]', published = null, modified = null,"
        " language = null, tags = '[]', section = null, extractor_version = '0.1.0'"
    )
    db.conn.commit()
    counts = reextract(db)
    assert counts["refreshed"] == len(want) > 40
    assert counts["updated"] == counts["new"] == 0
    assert rows(path, f"select {_METADATA} from articles order by url") == want
    versions = rows(path, "select article_id, count(*) as n from article_versions group by 1")
    assert {v["n"] for v in versions} == {1} and len(versions) == len(want)


def test_reextract_again_changes_nothing(tmp_path: Path) -> None:
    path = build_archive(tmp_path / "archive.db")
    before = rows(path, "select * from articles order by id")
    counts = reextract(open_archive(path))
    assert set(counts) == {"unchanged"}
    assert rows(path, "select * from articles order by id") == before


def test_min_words_option_overrides_the_crawls_floor(tmp_path: Path) -> None:
    path = build_archive(tmp_path / "archive.db")
    articles = len(rows(path, "select id from articles"))
    result = CliRunner().invoke(cli, ["reextract", str(path), "--min-words", "5000"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Re-extracted: {articles} not_article"
