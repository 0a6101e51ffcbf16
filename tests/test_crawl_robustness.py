"""A real crawl through hostile responses: every failure counted and kept, the crawl goes on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.archive_helpers import PAGES, undeclared
from tests.crawling import crawl, rows
from tests.servers import html, serve_routes, slow

LINKS = ["good", "german", "malformed", "binary", "empty", "slow", "huge", "broken", "gone",
         "shift-jis", "windows-1252"]  # fmt: skip


def _routes() -> dict:
    seed = (PAGES / "seed_phnompenh_post.html").read_text(encoding="utf-8")
    german = (PAGES / "lang_german.html").read_text(encoding="utf-8")
    # Declared only in the page, in Latin-1, with no charset in the HTTP header.
    german_latin1 = re.sub(r"charset=[\"']?utf-8", "charset=iso-8859-1", german, flags=re.I)
    home = "".join(f'<p><a href="/{name}">{name}</a></p>' for name in LINKS)
    return {
        "/": html(f"<html><body><h1>Test site</h1>{home}</body></html>"),
        "/good": html(seed),
        "/german": html(german_latin1.encode("iso-8859-1", errors="replace"), charset=None),
        # No charset anywhere: not in the header, not in the page.
        "/shift-jis": html(undeclared("lang_japanese", "shift_jis")[1], charset=None),
        "/windows-1252": html(undeclared("lang_german", "windows-1252")[1], charset=None),
        # Unclosed paragraphs, stray closing tags, an unclosed <b>, and no end of document.
        "/malformed": html(
            re.sub(r"</p>", "", seed).replace("<h1", "</span></em><b><h1").rsplit("</body>", 1)[0]
        ),
        "/binary": html(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
        "/empty": html(b""),
        "/slow": slow(4, seed.encode()),
        "/huge": html(b"<html><body>" + b"<p>word </p>" * 300_000 + b"</body></html>"),
        "/broken": html("<h1>Internal error</h1>", status=500),
        "/gone": html("<h1>Not here</h1>", status=404),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "archive.db"
    with serve_routes(_routes()) as base:
        limits = ["--depth", "1", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "DOWNLOAD_MAXSIZE=1000000"]
        crawl(db, f"{base}/", *limits)
    return db


def _failures(db: Path) -> dict[str, str]:
    failures = rows(db, "select * from failures")
    return {r["url"].split("/", 3)[-1]: r["kind"] for r in failures}


def test_good_pages_are_stored_despite_the_bad_ones(crawled: Path) -> None:
    stored = {r["url"].rsplit("/", 1)[-1] for r in rows(crawled, "select url from articles")}
    assert {"good", "malformed", "german", "shift-jis", "windows-1252"} <= stored
    assert not stored & {"binary", "empty", "slow", "huge", "broken", "gone"}


def test_malformed_html_still_extracts(crawled: Path) -> None:
    (row,) = rows(crawled, "select * from articles where url like '%/malformed'")
    assert row["headline"] == "Anti-trafficking drive goes on"
    assert "influencer trafficking" in row["body"]


def test_charset_declared_in_the_page_is_honoured(crawled: Path) -> None:
    (row,) = rows(crawled, "select body, language from articles where url like '%/german'")
    assert row["language"] == "de"
    assert "\ufffd" not in row["body"]
    assert re.search(r"[äöüß]", row["body"])


@pytest.mark.parametrize(("path", "name", "encoding"), [
    ("shift-jis", "lang_japanese", "shift_jis"), ("windows-1252", "lang_german", "windows-1252"),
])  # fmt: skip
def test_a_page_naming_no_charset_is_read_right(
    crawled: Path, path: str, name: str, encoding: str
) -> None:
    (row,) = rows(crawled, "select headline, body from articles where url like ?", [f"%/{path}"])
    text = " ".join(undeclared(name, encoding)[0].split())
    assert "\ufffd" not in row["body"]
    assert " ".join(row["headline"].split()) in text
    assert all(" ".join(p.split()) in text for p in row["body"].split("\n\n"))


def test_every_failure_is_counted_by_kind(crawled: Path) -> None:
    failures = _failures(crawled)
    assert failures["broken"] == "http_500"
    assert failures["gone"] == "http_404"
    assert failures["slow"] == "timeout"
    assert failures["huge"] == "too_large"
    assert failures["binary"] == "unreadable_page"
    assert failures["empty"] == "unreadable_page"


def test_crawl_row_summarises_errors(crawled: Path) -> None:
    (run,) = rows(crawled, "select * from crawls")
    assert run["status"] == "finished"
    errors = json.loads(run["errors"])
    assert errors["http_500"] == 1 and errors["timeout"] == 1
    assert run["error_count"] == sum(errors.values()) == len(_failures(crawled))


def test_raw_captures_kept_for_fetched_pages(crawled: Path) -> None:
    statuses = {
        r["url"].rsplit("/", 1)[-1]: r["status"] for r in rows(crawled, "select * from captures")
    }
    assert statuses["broken"] == 500 and statuses["gone"] == 404 and statuses["binary"] == 200
