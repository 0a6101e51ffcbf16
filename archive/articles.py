"""Save an extracted article: one row per canonical URL, a new version when its text changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Literal

import sqlite_utils

from archive.records import FetchedPage
from archive.store import now
from pipelines.extraction.record import Article

Outcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class Provenance:
    """Where and when an article was seen: its site, capture, crawl and fetch time."""

    site: str
    final_url: str
    capture_id: int | None = None
    crawl_id: int | None = None
    seen_at: str | None = None

    @classmethod
    def of(cls, page: FetchedPage, capture_id: int | None, crawl_id: int | None) -> Provenance:
        """The provenance of an article read from a fetched page."""
        return cls(page.site, page.final_url, capture_id, crawl_id, page.fetched_at)


def content_hash(article: Article) -> str:
    parts = [article.headline or "", *article.body, *(c.caption for c in article.captions)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def captions_text(article: Article) -> str:
    return "\n".join(
        f"{c.caption} ({c.credit})" if c.credit else c.caption for c in article.captions
    )


def article_row(article: Article, key: str, prov: Provenance) -> dict:
    return {
        "url": key, "site": prov.site, "headline": article.headline,
        "body": article.text, "captions_text": captions_text(article),
        "authors": json.dumps(article.authors, ensure_ascii=False),
        "published": article.published.isoformat() if article.published else None,
        "modified": article.modified.isoformat() if article.modified else None,
        "section": article.section, "tags": json.dumps(article.tags, ensure_ascii=False),
        "language": article.language, "description": article.description,
        "lead_image_url": article.lead_image_url, "site_name": article.site_name,
        "final_url": prov.final_url, "word_count": article.word_count,
        "content_hash": content_hash(article), "extractor_version": article.extractor_version,
        "capture_id": prov.capture_id, "crawl_id": prov.crawl_id,
        "last_seen": prov.seen_at or now(),
    }  # fmt: skip


def save_article(
    db: sqlite_utils.Database, article: Article, key: str, prov: Provenance
) -> Outcome:
    """Insert or update the article stored under key (its canonical URL), in one transaction."""
    row = article_row(article, key, prov)
    with db.atomic():
        existing = next(
            db.query("select id, content_hash, version from articles where url = ?", [key]), None
        )
        if existing is None:
            row.update(first_seen=row["last_seen"], version=1)
            article_id = int(db["articles"].insert(row).last_pk)
            outcome: Outcome = "new"
        elif existing["content_hash"] == row["content_hash"]:
            article_id = existing["id"]
            db["articles"].update(article_id, {"last_seen": row["last_seen"]})
            return "unchanged"
        else:
            article_id = existing["id"]
            row["version"] = existing["version"] + 1
            db["articles"].update(article_id, row)
            outcome = "updated"
        _write_captions(db, article_id, article)
        db["article_versions"].insert(
            {
                "article_id": article_id, "version": row["version"],
                "content_hash": row["content_hash"], "headline": row["headline"],
                "body": row["body"], "captions_text": row["captions_text"],
                "seen_at": row["last_seen"], "capture_id": prov.capture_id,
            }
        )  # fmt: skip
    return outcome


def _write_captions(db: sqlite_utils.Database, article_id: int, article: Article) -> None:
    db.execute("delete from captions where article_id = ?", [article_id])
    db["captions"].insert_all(
        {
            "article_id": article_id, "position": i, "image_url": c.image_url, "alt": c.alt,
            "caption": c.caption, "credit": c.credit,
        }
        for i, c in enumerate(article.captions, start=1)
    )  # fmt: skip
