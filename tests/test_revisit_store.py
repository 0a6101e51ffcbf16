"""The revisit policy and the archive's known URLs, on real archive files: steps from first
seen, validators kept per URL, a 304 moving last_seen only, 304s in WARC files and ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from archive.cli import cli
from archive.ingest import Dropped, Extracted, page_to_article
from archive.records import Wire
from archive.store import (
    Provenance,
    add_capture,
    capture_body,
    captured_page,
    open_archive,
    open_warc_writer,
    save_article,
    write_transaction,
)
from archive.store.revisits import (
    RevisitSteps,
    RevisitStepsError,
    UrlCheck,
    Validators,
    known_urls,
    note_check,
    remember_url,
)
from tests.archive_helpers import OPTIONS, PAGES, fetched
from tests.crawling import rows
from tests.warc_helpers import warcio

URL = "http://127.0.0.1:8101/news/ferry"
SITE = "127.0.0.1:8101"
T0 = "2026-03-28T00:00:00+00:00"
DEFAULT = RevisitSteps.parse("1h 6h 1d 3d 7d 30d")
VALIDATORS = {"etag": 'W/"v1"', "last-modified": "Sat, 28 Mar 2026 00:00:00 GMT"}


def test_steps_are_read_from_the_setting() -> None:
    assert DEFAULT.seconds == (3600, 21600, 86400, 259200, 604800, 2592000)
    assert RevisitSteps.parse("90m, 1h30m 2d").seconds == (5400, 172800)
    assert RevisitSteps.parse("").seconds == ()


@pytest.mark.parametrize("text", ["1x", "1 hour", "-1h", "0s", "h"])
def test_a_step_that_is_not_a_duration_is_refused(text: str) -> None:
    with pytest.raises(RevisitStepsError, match="step"):
        RevisitSteps.parse(text)


def test_each_step_after_first_seen_comes_once_then_the_url_is_frozen() -> None:
    hour, day = 3600, 86400
    assert not DEFAULT.due(0, hour - 1), "checked when first seen: the first step is 1h"
    assert DEFAULT.due(0, hour)
    assert not DEFAULT.due(hour, 5 * hour), "the 1h step was checked; 6h has not come"
    # A crawl that comes late checks once for all the steps it missed.
    assert DEFAULT.due(hour, 20 * day)
    assert not DEFAULT.due(20 * day, 29 * day), "the next step is 30 days"
    assert not DEFAULT.due(31 * day, 400 * day), "after the last step: frozen"
    assert DEFAULT.due(None, 0), "a row without times is looked at"
    assert not RevisitSteps(()).due(0, 400 * day), "no steps: never re-checked"


def test_the_next_check_is_the_first_step_after_the_last_check() -> None:
    assert DEFAULT.next_check(T0, T0) == "2026-03-28T01:00:00+00:00"
    assert DEFAULT.next_check(T0, "2026-03-28T02:00:00+00:00") == "2026-03-28T06:00:00+00:00"
    assert DEFAULT.next_check(T0, "2026-05-28T00:00:00+00:00") is None


def test_validators_a_server_could_abuse_are_not_kept() -> None:
    assert Validators.of(VALIDATORS).request_headers() == {
        "If-None-Match": 'W/"v1"',
        "If-Modified-Since": "Sat, 28 Mar 2026 00:00:00 GMT",
    }
    hostile = {"etag": '"' + "x" * 500 + '"', "last-modified": "Sat\x00, 28 Mar"}
    assert Validators.of(hostile) == Validators(None, None)
    assert Validators.of({}).request_headers() == {}


def _archive_with_article(path: Path, headers: dict[str, str] | None = None):
    """An archive holding one article fetched from URL at T0, saved as the pipelines do."""
    db = open_archive(path)
    html = (PAGES / "seed_phnompenh_post.html").read_bytes()
    page = fetched(URL, html, headers={"content-type": "text/html", **(headers or {})},
                   fetched_at=T0)  # fmt: skip
    with open_warc_writer(db, None) as warcs:
        capture_id = add_capture(db, None, page, warcs)
    result = page_to_article(page, OPTIONS)
    assert isinstance(result, Extracted)
    with write_transaction(db):
        save_article(db, result.article, result.key, Provenance.of(page, capture_id, None))
        remember_url(db, UrlCheck.of(page), result.key, DEFAULT)
    return db, page


def test_a_stored_article_makes_its_url_known_until_its_first_step(tmp_path: Path) -> None:
    db, _ = _archive_with_article(tmp_path / "a.db", VALIDATORS)
    (row,) = rows(tmp_path / "a.db", "select * from known_urls")
    assert row["url"] == URL and row["site"] == SITE and row["etag"] == 'W/"v1"'
    assert row["first_seen"] == row["last_checked"] == T0
    assert row["next_check"] == "2026-03-28T01:00:00+00:00" and row["last_status"] == 200
    soon = known_urls(db, [SITE], DEFAULT, "2026-03-28T00:59:59+00:00")
    assert soon.not_due == {URL} and soon.due == {}
    later = known_urls(db, [SITE], DEFAULT, "2026-03-28T01:00:00+00:00")
    assert later.due == {URL: Validators('W/"v1"', VALIDATORS["last-modified"])}
    assert len(known_urls(db, ["127.0.0.1:8102"], DEFAULT, T0)) == 0, "another site's"
    assert known_urls(db, [SITE], RevisitSteps.parse("1s"), T0).due == {}, "same second"


def test_a_redirected_url_and_the_url_it_led_to_are_both_known(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    page = fetched(f"http://{SITE}/node/7?utm_source=x", b"", final_url=f"{URL}?utm_source=x")
    article = page_to_article(
        fetched(URL, (PAGES / "seed_phnompenh_post.html").read_bytes()), OPTIONS
    )
    assert isinstance(article, Extracted)
    with write_transaction(db):
        save_article(db, article.article, article.key, Provenance.of(page, None, None))
        remember_url(db, UrlCheck.of(page), article.key, DEFAULT)
    known = rows(tmp_path / "a.db", "select url, article_id from known_urls order by url")
    # Both in canonical form (the tracking parameter gone), both pointing at the article.
    assert [r["url"] for r in known] == [URL, f"http://{SITE}/node/7"]
    assert {r["article_id"] for r in known} == {1}
    assert UrlCheck.of(fetched(URL, b"")).redirected_to is None


def test_a_304_moves_last_seen_and_the_next_check_only(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db, _ = _archive_with_article(path, VALIDATORS)
    before = rows(path, "select * from articles")
    later = "2026-03-28T02:00:00+00:00"
    check = UrlCheck(URL, SITE, later, 304, Validators('W/"v1"', None))
    assert note_check(db, check, DEFAULT)
    (article,) = rows(path, "select * from articles")
    assert article["last_seen"] == later
    assert {k: v for k, v in article.items() if k != "last_seen"} == {
        k: v for k, v in before[0].items() if k != "last_seen"
    }
    (known,) = rows(path, "select * from known_urls")
    assert known["last_checked"] == later and known["next_check"] == "2026-03-28T06:00:00+00:00"
    assert known["last_status"] == 304 and known["first_seen"] == T0
    assert known["last_modified"] == VALIDATORS["last-modified"], "kept: the 304 sent none"
    assert rows(path, "select count(*) as n from article_versions") == [{"n": 1}]
    unknown = UrlCheck(URL + "/other", SITE, later, 304, Validators())
    assert not note_check(db, unknown, DEFAULT)


def test_a_304_is_a_server_not_modified_revisit_of_the_capture_with_content(
    tmp_path: Path,
) -> None:
    db, page = _archive_with_article(tmp_path / "a.db", VALIDATORS)
    sent = (("ETag", 'W/"v1"'), ("Date", "Sat, 28 Mar 2026 02:00:00 GMT"))
    answer = fetched(URL, b"", status=304, headers={"etag": 'W/"v1"'},
                     fetched_at="2026-03-28T02:00:00+00:00",
                     wire=Wire(request_headers=(("If-None-Match", 'W/"v1"'),),
                               response_headers=sent))  # fmt: skip
    with open_warc_writer(db, None) as warcs:
        capture_id = add_capture(db, None, answer, warcs)
    (row,) = rows(tmp_path / "a.db", "select * from captures where id = ?", [capture_id])
    (first,) = rows(tmp_path / "a.db", "select * from captures where id = ?", [row["same_as"]])
    assert row["status"] == 304 and first["status"] == 200
    assert capture_body(db, capture_id) == page.body, "the content the 304 stands for"
    assert captured_page(db, capture_id).status == 304
    with (tmp_path / row["warc_path"]).open("rb") as handle:
        handle.seek(row["warc_offset"])
        record = next(iter(ArchiveIterator(handle)))
        assert record.rec_type == "revisit"
        headers = record.rec_headers
        assert headers.get_header("WARC-Profile").endswith("/revisit/server-not-modified")
        assert headers.get_header("WARC-Refers-To") == first["warc_record_id"]
        assert headers.get_header("WARC-Refers-To-Target-URI") == URL
        assert headers.get_header("WARC-Payload-Digest") is None, "the profile forbids it"
        assert record.http_headers.statusline == "304 Not Modified"
    assert warcio("check", tmp_path / row["warc_path"]).returncode == 0


def test_a_304_with_no_earlier_capture_stands_alone(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    answer = fetched(URL, b"", status=304, headers={})
    with open_warc_writer(db, None) as warcs:
        capture_id = add_capture(db, None, answer, warcs)
        again = add_capture(db, None, fetched(URL, b"", status=200, headers={}), warcs)
    assert capture_body(db, capture_id) == b""
    (row,) = rows(tmp_path / "a.db", "select * from captures where id = ?", [again])
    assert row["same_as"] is None, "an empty 200 is no revisit of a 304"


def test_a_304_is_neither_an_article_nor_a_failure() -> None:
    result = page_to_article(fetched(URL, b"", status=304, headers={}), OPTIONS)
    assert isinstance(result, Dropped) and result.reason == "not_modified"


def test_an_archive_made_before_revisits_knows_its_articles_urls(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db, _ = _archive_with_article(path, VALIDATORS)
    db.execute("drop table known_urls")
    db.execute("delete from _sqlite_migrations where name = '009_known_urls'")
    for column in ("articles_not_modified", "known_skipped", "rechecks", "pages_extracted"):
        db.execute(f"alter table crawls drop column {column}")
    db.close()
    open_archive(path).close()
    (row,) = rows(path, "select * from known_urls")
    assert row["url"] == URL and row["etag"] == 'W/"v1"', "validators from its capture"
    assert row["first_seen"] == row["last_checked"] == T0
    assert row["next_check"] == "2026-03-28T01:00:00+00:00"


def test_an_export_with_a_304_imports_to_the_same_article(tmp_path: Path) -> None:
    db, _ = _archive_with_article(tmp_path / "a.db", VALIDATORS)
    answer = fetched(URL, b"", status=304, headers={"etag": 'W/"v1"'},
                     fetched_at="2026-03-28T02:00:00+00:00")  # fmt: skip
    with open_warc_writer(db, None) as warcs:
        add_capture(db, None, answer, warcs)
    out = tmp_path / "out.warc.gz"
    runner = CliRunner()
    assert runner.invoke(cli, ["export-warc", str(tmp_path / "a.db"), str(out)]).exit_code == 0
    assert warcio("check", out).returncode == 0
    again = tmp_path / "again.db"
    result = runner.invoke(cli, ["import-warc", str(again), str(out)])
    assert result.exit_code == 0, result.output
    assert "1 duplicate" in result.output and "1 imported" in result.output
    columns = "url, headline, body, captions_text"
    assert rows(again, f"select {columns} from articles") == rows(
        tmp_path / "a.db", f"select {columns} from articles"
    )
