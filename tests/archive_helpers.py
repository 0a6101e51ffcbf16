"""Build small real archives from the stored fixture pages, for search/publish/CLI tests."""

from __future__ import annotations

import json
from pathlib import Path

from archive.articles import Provenance, save_article
from archive.store import open_archive
from pipelines.extraction import extract
from pipelines.extraction.urls import canonical_url, site_of

PAGES = Path(__file__).parent / "fixtures" / "pages"


def fixture_articles() -> list[tuple[str, bytes]]:
    """(url, html) of every fixture page that is an article."""
    pages = []
    for expected in sorted(PAGES.glob("*.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        if data.get("is_article", True) and data.get("url"):
            pages.append((data["url"], expected.with_suffix(".html").read_bytes()))
    return pages


def build_archive(path: Path) -> Path:
    """An archive holding every fixture article, saved the way the store pipeline saves them."""
    db = open_archive(path)
    for url, html in fixture_articles():
        article = extract(html, url=url)
        key = canonical_url(article.canonical_url or url)
        save_article(db, article, key, Provenance(site_of(url), url))
    db.close()
    return path
