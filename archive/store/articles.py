"""Save an extracted article: one row per canonical URL, a new version when its text changes."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import sqlite_utils

from archive.records import FetchedPage
from archive.store.database import insert_plain, insert_plain_all, now
from archive.store.errors import UnsafeURL
from archive.store.transactions import write_transaction
from pipelines.extraction.record import Article

Outcome = Literal["new", "updated", "refreshed", "unchanged"]


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


# Never in a stored URL: what would let it out of an HTML attribute or a line of text.
_UNSAFE = re.compile(r'[\x00-\x20\x7f"<>\\^`{|}]')


def web_url(url: str | None) -> str | None:
    """url, if the archive may keep it (absolute http(s), percent-encoded); UnsafeURL if not."""
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or _UNSAFE.search(url):
        raise UnsafeURL(f"not an http(s) URL in percent-encoded form: {url[:200]!r}")
    return url


def article_row(article: Article, key: str, prov: Provenance) -> dict:
    web_url(key)
    return {
        "url": key, "site": prov.site, "headline": article.headline,
        "body": article.text, "captions_text": captions_text(article),
        "authors": json.dumps(article.authors, ensure_ascii=False),
        "published": article.published.isoformat() if article.published else None,
        "modified": article.modified.isoformat() if article.modified else None,
        "section": article.section, "tags": json.dumps(article.tags, ensure_ascii=False),
        "language": article.language, "description": article.description,
        "lead_image_url": web_url(article.lead_image_url), "site_name": article.site_name,
        "final_url": prov.final_url, "word_count": article.word_count,
        "content_hash": content_hash(article), "extractor_version": article.extractor_version,
        "capture_id": prov.capture_id, "crawl_id": prov.crawl_id,
        "last_seen": prov.seen_at or now(),
    }  # fmt: skip


def save_article(
    db: sqlite_utils.Database, article: Article, key: str, prov: Provenance
) -> Outcome:
    """Insert or update the article stored under key (its canonical URL), in one transaction.

    new: first seen. updated: its text changed (a new version row). refreshed: same text, but
    its metadata or captions changed (corrected byline, dates, a newer extractor...).
    unchanged: only last_seen moves.
    """
    row = article_row(article, key, prov)
    with write_transaction(db):
        existing = next(db.query("select * from articles where url = ?", [key]), None)
        if existing is None:
            row.update(first_seen=row["last_seen"], version=1)
            article_id = insert_plain(db, "articles", row)
            _write_version(db, article_id, row)
            _write_captions(db, article_id, article)
            return "new"
        article_id = existing["id"]
        if existing["content_hash"] != row["content_hash"]:
            row["version"] = existing["version"] + 1
            db.table("articles").update(article_id, row)
            _write_version(db, article_id, row)
            _write_captions(db, article_id, article)
            return "updated"
        return _refresh(db, existing, row, article)


# What describes an article's text without being part of it: kept up to date in place.
_METADATA = (
    "authors", "published", "modified", "section", "tags", "language", "description",
    "lead_image_url", "site_name", "word_count", "extractor_version",
)  # fmt: skip
_WHERE_FROM = ("final_url", "capture_id", "crawl_id", "last_seen")


def _refresh(db: sqlite_utils.Database, existing: dict, row: dict, article: Article) -> Outcome:
    """Same text: write the metadata and captions that changed, without a new version."""
    changed = {name: row[name] for name in _METADATA if row[name] != existing[name]}
    captions_changed = _stored_captions(db, existing["id"]) != _caption_rows(article)
    if not changed and not captions_changed:
        db.table("articles").update(existing["id"], {"last_seen": row["last_seen"]})
        return "unchanged"
    db.table("articles").update(existing["id"], changed | {k: row[k] for k in _WHERE_FROM})
    if captions_changed:
        _write_captions(db, existing["id"], article)
    return "refreshed"


def _write_version(db: sqlite_utils.Database, article_id: int, row: dict) -> None:
    insert_plain(
        db,
        "article_versions",
        {
            "article_id": article_id, "version": row["version"],
            "content_hash": row["content_hash"], "headline": row["headline"],
            "body": row["body"], "captions_text": row["captions_text"],
            "seen_at": row["last_seen"], "capture_id": row["capture_id"],
        }
    )  # fmt: skip


def _caption_rows(article: Article) -> list[dict]:
    return [
        {"position": i, "image_url": web_url(c.image_url), "alt": c.alt, "caption": c.caption,
         "credit": c.credit}
        for i, c in enumerate(article.captions, start=1)
    ]  # fmt: skip


def _stored_captions(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    sql = (
        "select position, image_url, alt, caption, credit from captions"
        " where article_id = ? order by position"
    )
    return list(db.query(sql, [article_id]))


def _write_captions(db: sqlite_utils.Database, article_id: int, article: Article) -> None:
    db.execute("delete from captions where article_id = ?", [article_id])
    insert_plain_all(
        db, "captions", [{"article_id": article_id, **c} for c in _caption_rows(article)]
    )
