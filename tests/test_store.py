"""The archive store on real SQLite files: schema, upserts, versions, errors on bad files."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from archive.records import Hints
from archive.store import (
    ArchiveError,
    CorruptCapture,
    Provenance,
    add_capture,
    capture_body,
    captured_page,
    open_archive,
    open_warc_writer,
    save_article,
)
from archive.store.migrations import SCHEMA
from pipelines.extraction import extract
from tests.archive_helpers import PAGES, fetched

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
    names = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert names == [name for name, _ in SCHEMA]


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


def test_changed_metadata_with_the_same_text_refreshes_the_row(tmp_path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    corrected = dataclasses.replace(
        seed_article,
        authors=["Sok Chea"],
        published=datetime(2026, 3, 28, 9, 0, tzinfo=UTC),
        language="km",
        tags=["trafficking"],
        section="National",
        description="A drive against trafficking.",
        extractor_version="9.9.9",
    )
    assert _save(db, corrected) == "refreshed"
    row = next(db["articles"].rows)
    assert json.loads(row["authors"]) == ["Sok Chea"] and json.loads(row["tags"]) == ["trafficking"]
    assert row["published"] == "2026-03-28T09:00:00+00:00"
    assert (row["language"], row["section"], row["extractor_version"]) == (
        "km",
        "National",
        "9.9.9",
    )
    assert row["description"] == "A drive against trafficking."
    assert row["version"] == 1 and db["article_versions"].count == 1, "the text did not change"
    assert _save(db, corrected) == "unchanged"


def test_changed_caption_credit_refreshes_the_captions(tmp_path, seed_article) -> None:
    db = open_archive(tmp_path / "a.db")
    _save(db, seed_article)
    (caption,) = seed_article.captions
    seed_article.captions = [dataclasses.replace(caption, credit="MINISTRY PHOTO")]
    assert _save(db, seed_article) == "refreshed"
    assert [c["credit"] for c in db["captions"].rows] == ["MINISTRY PHOTO"]
    assert db["article_versions"].count == 1


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


def test_capture_keeps_raw_bytes_in_a_warc_record(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    body = (PAGES / "seed_phnompenh_post.html").read_bytes()
    page = fetched(SEED_URL, body, hints=Hints(title="Drive goes on", published="2026-03-28"))
    with open_warc_writer(db, 7) as warcs:
        capture_id = add_capture(db, 7, page, warcs)
    row = db["captures"].get(capture_id)
    assert row["body"] is None and row["length"] == len(body)
    assert row["warc_path"].startswith("warcs/news-archive-") and "-crawl7-" in row["warc_path"]
    assert (tmp_path / row["warc_path"]).stat().st_size > row["warc_offset"] + row["warc_length"]
    assert capture_body(db, capture_id) == body
    assert captured_page(db, capture_id) == page, "a capture gives back the page, hints and all"


def test_unchanged_refetch_is_a_revisit_of_the_earlier_capture(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    body = (PAGES / "seed_phnompenh_post.html").read_bytes()
    with open_warc_writer(db, None) as warcs:
        first = add_capture(
            db, None, fetched(SEED_URL, body, fetched_at="2026-03-01T08:00:00"), warcs
        )
        again = add_capture(
            db, None, fetched(SEED_URL, body, fetched_at="2026-03-02T08:00:00"), warcs
        )
        edited = add_capture(
            db, None, fetched(SEED_URL, body + b" ", fetched_at="2026-03-03T08:00:00"), warcs
        )
    rows = {r["id"]: r for r in db["captures"].rows}
    assert rows[again]["same_as"] == first and rows[edited]["same_as"] is None
    assert rows[again]["warc_length"] < rows[first]["warc_length"] / 2, "no payload repeated"
    assert capture_body(db, again) == body
    assert capture_body(db, edited) == body + b" "


def test_a_damaged_warc_record_is_a_clear_error(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    with open_warc_writer(db, None) as warcs:
        capture_id = add_capture(db, None, fetched(SEED_URL, b"<p>story</p>"), warcs)
    row = db["captures"].get(capture_id)
    warc = tmp_path / row["warc_path"]
    warc.write_bytes(warc.read_bytes()[: row["warc_offset"] + 20])
    with pytest.raises(CorruptCapture, match=rf"capture {capture_id}: .*offset"):
        capture_body(db, capture_id)
    warc.unlink()
    with pytest.raises(CorruptCapture, match="cannot be read"):
        capture_body(db, capture_id)


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
