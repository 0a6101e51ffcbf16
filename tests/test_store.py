"""The archive store on real SQLite files: schema, upserts, versions, errors on bad files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from archive.articles import Provenance, save_article
from archive.store import ArchiveError, Capture, add_capture, capture_body, open_archive
from pipelines.extraction import extract
from tests.archive_helpers import PAGES

SEED_URL = "https://www.phnompenhpost.test/national/anti-trafficking-drive-goes-on"


@pytest.fixture
def seed_article():
    return extract((PAGES / "seed_phnompenh_post.html").read_bytes(), url=SEED_URL)


def _save(db, article):
    return save_article(db, article, SEED_URL, Provenance("phnompenhpost.test", SEED_URL))


def test_open_archive_creates_schema_in_wal_mode(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    assert db.journal_mode == "wal"
    assert {"articles", "captions", "captures", "crawls", "failures", "article_versions"} <= set(
        db.table_names()
    )
    assert "articles_fts" in db.table_names()
    assert {t.name for t in db["articles"].triggers} >= {
        "articles_ai",
        "articles_ad",
        "articles_au",
    }


def test_migrations_apply_once(tmp_path: Path) -> None:
    open_archive(tmp_path / "a.db").close()
    db = open_archive(tmp_path / "a.db")
    assert [r["name"] for r in db["_migrations"].rows] == [
        "001_initial",
        "002_crawl_pid",
        "003_capture_same_as",
        "004_trigram_fts",
    ]


def test_same_article_twice_is_one_row(tmp_path: Path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    assert _save(db, seed_article) == "new"
    assert _save(db, seed_article) == "unchanged"
    assert db["articles"].count == 1
    assert db["captions"].count == 1
    assert db["article_versions"].count == 1


def test_changed_article_is_updated_and_versioned(tmp_path: Path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    seed_article.body.append("Correction: an earlier version misstated the date of the meeting.")
    assert _save(db, seed_article) == "updated"
    row = next(db["articles"].rows)
    assert row["version"] == 2
    assert row["body"].endswith("misstated the date of the meeting.")
    assert [v["version"] for v in db["article_versions"].rows] == [1, 2]


def test_fts_triggers_follow_updates(tmp_path: Path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    seed_article.body = ["Completely different wording about a harbour regatta in the rain."]
    _save(db, seed_article)
    match = "select rowid from articles_fts where articles_fts match ?"
    assert list(db.query(match, ['"regatta"']))
    assert not list(db.query(match, ['"influencer"']))


def test_caption_is_stored_with_its_credit(tmp_path: Path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    caption = next(db["captions"].rows)
    assert caption["credit"] == "SOCIAL AFFAIRS MINISTRY"
    assert caption["caption"].endswith("on March 27.")
    assert caption["position"] == 1


def test_capture_keeps_raw_bytes(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    body = (PAGES / "seed_phnompenh_post.html").read_bytes()
    capture = Capture(SEED_URL, SEED_URL, 200, {"content-type": "text/html"}, body, "now", "x")
    capture_id = add_capture(db, None, capture)
    row = db["captures"].get(capture_id)
    assert capture_body(db, capture_id) == body
    assert row["length"] == len(body) > len(row["body"])


def test_unchanged_refetch_points_at_the_earlier_capture(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    body = (PAGES / "seed_phnompenh_post.html").read_bytes()
    first = add_capture(db, None, Capture(SEED_URL, SEED_URL, 200, {}, body, "t1", "x"))
    again = add_capture(db, None, Capture(SEED_URL, SEED_URL, 200, {}, body, "t2", "x"))
    edited = add_capture(db, None, Capture(SEED_URL, SEED_URL, 200, {}, body + b" ", "t3", "x"))
    rows = {r["id"]: r for r in db["captures"].rows}
    assert rows[again]["same_as"] == first and rows[again]["body"] is None
    assert rows[edited]["same_as"] is None and rows[edited]["body"]
    assert capture_body(db, again) == body
    assert capture_body(db, edited) == body + b" "


def test_not_sqlite_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(ArchiveError, match="not a usable SQLite archive"):
        open_archive(path)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        open_archive(tmp_path / "missing" / "a.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_archive_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_archive(path).close()
    path.chmod(0o444)
    with pytest.raises(ArchiveError, match="read-only"):
        open_archive(path)


def test_read_only_flag_is_respected_even_for_root(tmp_path: Path, monkeypatch) -> None:
    """Root can write anything, so the check has to come from os.access, not from SQLite."""
    path = tmp_path / "a.db"
    open_archive(path).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(ArchiveError, match="read-only"):
        open_archive(path)


def test_archive_is_plain_sqlite(tmp_path: Path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    db.close()
    with sqlite3.connect(tmp_path / "a.db") as conn:
        (headline,) = conn.execute("select headline from articles").fetchone()
    assert headline == "Anti-trafficking drive goes on"
