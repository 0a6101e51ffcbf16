"""The schema's migrations: new archives, archives made by 0.2.0, archives from a newer version."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from archive.reextract import reextract
from archive.store import ArchiveError, captured_page, open_archive
from archive.store.migrations import SCHEMA
from tests.crawling import rows

OLD = Path(__file__).parent / "fixtures" / "archives" / "news-archive-0.2.0.db"
TABLES = ["crawls", "captures", "articles", "captions", "article_versions", "failures"]


def _names(path: Path) -> list[str]:
    return [r["name"] for r in rows(path, "select name from _sqlite_migrations order by id")]


def _tables(path: Path) -> set[str]:
    return {r["name"] for r in rows(path, "select name from sqlite_master where type = 'table'")}


def test_a_new_archive_has_every_step(tmp_path: Path) -> None:
    open_archive(tmp_path / "a.db").close()
    assert _names(tmp_path / "a.db") == [name for name, _ in SCHEMA]
    assert "_migrations" not in _tables(tmp_path / "a.db")


@pytest.fixture
def old_archive(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(OLD, path)
    return path


def test_an_archive_made_by_0_2_0_upgrades_without_loss(old_archive: Path) -> None:
    before = {table: rows(old_archive, f"select * from {table} order by id") for table in TABLES}
    legacy = rows(old_archive, "select name, applied from _migrations order by name")
    assert [r["name"] for r in legacy] == ["001_initial", "002_crawl_pid", "003_capture_same_as"]
    db = open_archive(old_archive)
    assert _names(old_archive) == [name for name, _ in SCHEMA]
    adopted = rows(old_archive, "select name, applied_at from _sqlite_migrations order by id")
    assert [(r["name"], r["applied_at"]) for r in adopted[:3]] == [
        (r["name"], r["applied"]) for r in legacy
    ]
    assert "_migrations" not in _tables(old_archive)
    for table, old_rows in before.items():
        new_rows = rows(old_archive, f"select * from {table} order by id")
        assert [{k: r[k] for k in old} for r, old in zip(new_rows, old_rows, strict=True)] == (
            old_rows
        ), table
    assert {r["hints"] for r in rows(old_archive, "select hints from captures")} == {None}
    match = "select rowid from articles_fts where articles_fts match 'ferry'"
    assert len(list(db.query(match))) == 1, "full-text search still answers"
    for capture in before["captures"]:
        body = captured_page(db, capture["id"]).body
        assert hashlib.sha256(body).hexdigest() == capture["sha256"], "raw bytes kept"
    counts = reextract(db)
    assert counts == {"unchanged": 2, "not_article": 1}, "the old rows re-extract as they were"


def test_an_upgraded_archive_opens_again_unchanged(old_archive: Path) -> None:
    open_archive(old_archive).close()
    names = _names(old_archive)
    open_archive(old_archive).close()
    assert _names(old_archive) == names


def test_an_archive_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_archive(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at)"
            " values ('news-archive', '099_from_the_future', '2030-01-01')"
        )
    with pytest.raises(ArchiveError, match=r"a\.db: .*newer news-archive.*099_from_the_future"):
        open_archive(path)


def test_a_0_2_0_style_archive_with_an_unknown_step_is_refused_untouched(
    old_archive: Path,
) -> None:
    with closing(sqlite3.connect(old_archive)) as conn, conn:
        conn.execute("insert into _migrations values ('004_elsewhere', '2030-01-01')")
    with pytest.raises(ArchiveError, match=r"newer news-archive.*004_elsewhere"):
        open_archive(old_archive)
    assert "_migrations" in _tables(old_archive)
    assert "_sqlite_migrations" not in _tables(old_archive)
