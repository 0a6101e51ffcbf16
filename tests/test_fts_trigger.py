"""The words index follows an article's text, and only its text: a re-check that moves
last_seen leaves the index alone (it was re-indexed whole each time before migration 010)."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlite_utils

from archive.store import open_archive
from tests.test_migrations import OLD


def _index_blocks(db: sqlite_utils.Database) -> list[tuple]:
    return list(db.execute("select id, block from articles_fts_data order by id").fetchall())


def _matches(db: sqlite_utils.Database, query: str) -> list[int]:
    sql = "select rowid from articles_fts where articles_fts match ? order by rowid"
    return [row[0] for row in db.execute(sql, [query]).fetchall()]


def _archive_with_one_article(path: Path) -> tuple[sqlite_utils.Database, int]:
    db = open_archive(path)
    row = {
        "url": "http://news.test/a",
        "headline": "Ferry strike ends",
        "body": "The harbour ferries sailed again on Monday.",
        "captions_text": "",
        "last_seen": "2026-01-01",
    }
    article_id = db.table("articles").insert(row).last_pk
    assert isinstance(article_id, int)
    return db, article_id


def test_moving_last_seen_leaves_the_index_alone(tmp_path: Path) -> None:
    db, article_id = _archive_with_one_article(tmp_path / "a.db")
    before = _index_blocks(db)
    db.table("articles").update(article_id, {"last_seen": "2026-02-01"})
    assert _index_blocks(db) == before
    assert _matches(db, "strike") == [article_id]


def test_a_changed_text_is_indexed_again(tmp_path: Path) -> None:
    db, article_id = _archive_with_one_article(tmp_path / "a.db")
    db.table("articles").update(article_id, {"headline": "Bridge opens", "body": "Cars crossed."})
    assert _matches(db, "bridge") == [article_id]
    assert _matches(db, "strike") == []
    assert _matches(db, "ferries") == []


def test_an_upgraded_archive_has_the_narrow_trigger(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD, path)
    db = open_archive(path)
    (sql,) = [r[0] for r in db.execute("select sql from sqlite_master where name = 'articles_au'")]
    assert "update of headline, body, captions_text" in sql.lower()
