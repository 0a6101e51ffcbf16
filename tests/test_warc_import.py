"""import-warc and export-warc: wget's WARC of the demo sites gives the articles a crawl gives,
an export re-imports to the same articles, a damaged file is an error and the rest import."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.reextract import reextract
from archive.store import open_archive
from tests.crawling import crawl, rows
from tests.warc_helpers import warc_files, warcio

OLD = Path(__file__).parent / "fixtures" / "archives" / "news-archive-0.2.0.db"
ARTICLE = "url, headline, body, authors, published, section, tags, language"
CAPTIONS = (
    "select a.url, c.position, c.caption, c.credit from captions c"
    " join articles a on a.id = c.article_id order by a.url, c.position"
)


@pytest.fixture(scope="module")
def crawled(sites, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("crawled") / "demo.db"
    crawl(db, *sites.base_urls)
    return db


def _invoke(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


def _articles(db: Path, columns: str = ARTICLE) -> list[dict]:
    return rows(db, f"select {columns} from articles order by url")


@pytest.mark.skipif(shutil.which("wget") is None, reason="needs wget (.ci/install-tools)")
def test_import_of_wgets_warc_gives_the_crawls_articles(sites, crawled, tmp_path) -> None:
    """wget follows links only (no feeds, no sitemaps), as deep as it is told; every demo
    article is linked from a home or section page."""
    command = ["wget", "-r", "-l", "5", "-nd", "--delete-after", "-q", "-e", "robots=on",
               "-P", str(tmp_path / "files"), "--warc-file", str(tmp_path / "wget"),
               *sites.base_urls]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 8), done.stderr  # 8: the server answered some 404s
    db = tmp_path / "wget.db"
    code, output = _invoke("import-warc", db, tmp_path / "wget.warc.gz")
    assert code == 0, output
    assert _articles(db, "url, headline, body") == _articles(crawled, "url, headline, body")
    assert rows(db, CAPTIONS) == rows(crawled, CAPTIONS)
    (run,) = rows(db, "select * from crawls")
    assert run["articles_new"] == len(sites.article_urls()) and run["status"] == "finished"
    assert "imported" in output and "not_html" in output and "http_error" in output


def test_export_then_import_gives_the_same_articles(crawled: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.warc.gz"
    code, output = _invoke("export-warc", crawled, out)
    assert code == 0, output
    assert warcio("check", out).returncode == 0
    db = tmp_path / "again.db"
    code, output = _invoke("import-warc", db, out)
    assert code == 0, output
    assert _articles(db) == _articles(crawled)
    assert rows(db, CAPTIONS) == rows(crawled, CAPTIONS)
    assert set(reextract(open_archive(db))) == {"unchanged", "not_article", "not_html"}


def test_export_keeps_to_its_site(crawled: Path, sites, tmp_path: Path) -> None:
    site = sites.base_url("harbour").split("/")[2]
    out = tmp_path / "harbour.warc.gz"
    assert _invoke("export-warc", crawled, out, "--site", site, "--since", "2000-01-01")[0] == 0
    db = tmp_path / "harbour.db"
    assert _invoke("import-warc", db, out)[0] == 0
    assert {r["url"].split("/")[2] for r in _articles(db)} == {site}
    code, output = _invoke(
        "export-warc", crawled, tmp_path / "none.warc.gz", "--since", "2100-01-01"
    )
    assert code == 1 and "no captures since 2100-01-01" in output


def test_importing_a_file_again_adds_nothing(crawled: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    (warc,) = warc_files(crawled)
    assert _invoke("import-warc", db, warc)[0] == 0
    captures = rows(db, "select count(*) as n from captures")
    code, output = _invoke("import-warc", db, warc)
    assert code == 0 and rows(db, "select count(*) as n from captures") == captures
    assert f"{captures[0]['n']} duplicate" in output and "imported" not in output


def test_a_damaged_warc_is_an_error_and_the_other_files_import(crawled, tmp_path) -> None:
    (good,) = warc_files(crawled)
    middle = rows(crawled, "select warc_offset from captures order by id")[50]["warc_offset"]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[: middle + 100])  # inside a response record
    text = tmp_path / "notes.warc.gz"
    text.write_text("these are my notes, not a WARC file\n")
    db = tmp_path / "a.db"
    code, output = _invoke("import-warc", db, cut, text, tmp_path / "missing.warc.gz", good)
    assert code == 1
    flat = " ".join(output.split())
    assert f"{cut}: cut short or corrupt after offset" in flat and f"offset {middle} " in flat
    assert f"{text}: no WARC record at offset 0 (not a WARC file?)" in flat
    assert "missing.warc.gz: cannot be read (No such file or directory)" in flat
    assert _articles(db) == _articles(crawled), "the whole file imported all the same"
    failures = rows(db, "select url, kind from failures where kind = 'bad_warc' order by id")
    assert [f["url"] for f in failures] == [str(cut), str(text), str(tmp_path / "missing.warc.gz")]
    from_cut = rows(db, "select count(*) as n from captures where warc_path like '%cut.warc.gz'")
    assert from_cut[0]["n"] == 50, "what the damaged file held before the damage is kept"


def test_an_old_archive_exports_the_bodies_it_holds(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(OLD, old)
    out = tmp_path / "old.warc.gz"
    held = len(rows(old, "select id from captures"))
    code, output = _invoke("export-warc", old, out)
    assert code == 0 and f"0 records copied, {held} written from bytes held in the" in output
    assert warcio("check", out).returncode == 0
    db = tmp_path / "new.db"
    assert _invoke("import-warc", db, out)[0] == 0
    assert _articles(db) == _articles(old)
