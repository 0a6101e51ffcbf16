"""The archive's schema, as an ordered list of migrations applied once each."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["crawls"].create(
        {
            "id": int, "site": str, "start_urls": str, "started": str, "finished": str,
            "status": str, "finish_reason": str, "pages_fetched": int, "articles_new": int,
            "articles_updated": int, "articles_unchanged": int, "not_articles": int,
            "error_count": int, "errors": str, "settings": str,
        },
        pk="id",
    )  # fmt: skip
    db["captures"].create(
        {
            "id": int, "crawl_id": int, "site": str, "url": str, "final_url": str, "status": int,
            "content_type": str, "headers": str, "fetched_at": str, "length": int,
            "sha256": str, "body": bytes, "discovered_via": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )  # fmt: skip
    db["articles"].create(
        {
            "id": int, "url": str, "site": str, "headline": str, "body": str,
            "captions_text": str, "authors": str, "published": str, "modified": str,
            "section": str, "tags": str, "language": str, "description": str,
            "lead_image_url": str, "site_name": str, "final_url": str, "word_count": int,
            "first_seen": str, "last_seen": str, "content_hash": str, "version": int,
            "extractor_version": str, "capture_id": int, "crawl_id": int,
        },
        pk="id",
        foreign_keys=[("capture_id", "captures", "id"), ("crawl_id", "crawls", "id")],
    )  # fmt: skip
    db["captions"].create(
        {
            "id": int, "article_id": int, "position": int, "image_url": str, "alt": str,
            "caption": str, "credit": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )  # fmt: skip
    db["article_versions"].create(
        {
            "id": int, "article_id": int, "version": int, "content_hash": str, "headline": str,
            "body": str, "captions_text": str, "seen_at": str, "capture_id": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("capture_id", "captures", "id")],
    )  # fmt: skip
    db["failures"].create(
        {"id": int, "crawl_id": int, "url": str, "kind": str, "detail": str, "at": str},
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])
    db["captions"].create_index(["article_id", "position"], unique=True)
    db["captures"].create_index(["url"])
    db["captures"].create_index(["crawl_id"])
    db["failures"].create_index(["crawl_id"])
    db["article_versions"].create_index(["article_id", "version"], unique=True)
    db["articles"].enable_fts(
        ["headline", "body", "captions_text"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


def _m002_crawl_pid(db: sqlite_utils.Database) -> None:
    # Which process runs a crawl: a later crawl can tell a killed one from a running one.
    db["crawls"].add_column("pid", int)
    db["crawls"].add_column("host", str)


def _m003_capture_same_as(db: sqlite_utils.Database) -> None:
    # A page fetched again unchanged points at the capture holding its bytes (months of
    # recurring crawls would otherwise store every unchanged front page again and again).
    db["captures"].add_column("same_as", int)
    db["captures"].create_index(["url", "sha256"])


def _m004_trigram_fts(db: sqlite_utils.Database) -> None:
    # Words in Japanese, Chinese, Thai or Khmer text are not separated by spaces, so the
    # unicode61 index holds whole runs of characters; a trigram index finds any substring of
    # three or more characters (and "harb" in "harbour"). External content: no second copy.
    db.executescript(
        """
        create virtual table articles_trigram using fts5(
            headline, body, captions_text,
            content='articles', content_rowid='rowid', tokenize='trigram'
        );
        create trigger articles_trigram_ai after insert on articles begin
            insert into articles_trigram (rowid, headline, body, captions_text)
            values (new.rowid, new.headline, new.body, new.captions_text);
        end;
        create trigger articles_trigram_ad after delete on articles begin
            insert into articles_trigram (articles_trigram, rowid, headline, body, captions_text)
            values ('delete', old.rowid, old.headline, old.body, old.captions_text);
        end;
        -- Only when the text changes: a re-crawl that only moves last_seen leaves it alone.
        create trigger articles_trigram_au after update of headline, body, captions_text
        on articles begin
            insert into articles_trigram (articles_trigram, rowid, headline, body, captions_text)
            values ('delete', old.rowid, old.headline, old.body, old.captions_text);
            insert into articles_trigram (rowid, headline, body, captions_text)
            values (new.rowid, new.headline, new.body, new.captions_text);
        end;
        insert into articles_trigram (articles_trigram) values ('rebuild');
        """
    )


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_crawl_pid", _m002_crawl_pid),
    ("003_capture_same_as", _m003_capture_same_as),
    ("004_trigram_fts", _m004_trigram_fts),
]


def apply_migrations(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; return their names."""
    db["_migrations"].create({"name": str, "applied": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for name, migration in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            migration(db)
            db.execute(
                "insert into _migrations (name, applied) values (?, datetime('now'))", [name]
            )
        applied.append(name)
    return applied
