"""Build small real archives from the stored fixture pages, for search/publish/CLI tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from archive.ingest import Extracted, IngestOptions, page_to_article
from archive.records import FetchedPage
from archive.store import Provenance, add_capture, open_archive, open_warc_writer, save_article
from pipelines.extraction.urls import canonical_url, site_of

PAGES = Path(__file__).parent / "fixtures" / "pages"
# The crawl's default ARCHIVE_MIN_WORDS.
OPTIONS = IngestOptions(min_words=50)


def fixture_articles() -> list[tuple[str, bytes]]:
    """(url, html) of every fixture page that is an article."""
    pages = []
    for expected in sorted(PAGES.glob("*.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        if data.get("is_article", True) and data.get("url"):
            pages.append((data["url"], expected.with_suffix(".html").read_bytes()))
    return pages


def fetched(url: str, html: bytes, **fields) -> FetchedPage:
    """A page as the crawl's spider hands it on, fetched from url with status 200."""
    values = {
        "url": canonical_url(url), "final_url": url, "status": 200,
        "headers": {"content-type": "text/html; charset=utf-8"}, "body": html,
        "fetched_at": "2026-03-28T00:00:00+00:00", "site": site_of(url),
    }  # fmt: skip
    return FetchedPage(**(values | fields))


def build_archive(path: Path, pages: list[tuple[str, bytes]] | None = None) -> Path:
    """An archive holding the pages (every fixture article by default), each captured,
    extracted and saved the way the crawl's pipelines do it."""
    db = open_archive(path)
    with open_warc_writer(db, None) as warcs:
        for url, html in fixture_articles() if pages is None else pages:
            page = fetched(url, html)
            capture_id = add_capture(db, None, page, warcs)
            result = page_to_article(page, OPTIONS)
            if isinstance(result, Extracted):
                prov = Provenance.of(page, capture_id, None)
                save_article(db, result.article, result.key, prov)
    db.close()
    return path


def undeclared(name: str, encoding: str) -> tuple[str, bytes]:
    """A fixture page as text, and as bytes in encoding with its <meta charset> taken out."""
    text = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    text = re.sub(r"<meta[^>]*charset[^>]*>", "", text, flags=re.I)
    text = text.encode(encoding, errors="replace").decode(encoding)  # what it can spell
    return text, text.encode(encoding)


def modules_loaded_by(code: str) -> set[str]:
    """The modules a fresh interpreter holds once it has run code (which must succeed)."""
    probe = code + "\nimport sys\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())
