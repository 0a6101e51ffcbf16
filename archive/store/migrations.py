"""The archive's schema: an ordered list of migrations, applied once each by sqlite-utils."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils import Migrations

from archive.store.errors import ArchiveError
from archive.store.revisits import RevisitSteps, Validators
from archive.store.transactions import write_transaction


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.table("crawls").create(
        {
            "id": int, "site": str, "start_urls": str, "started": str, "finished": str,
            "status": str, "finish_reason": str, "pages_fetched": int, "articles_new": int,
            "articles_updated": int, "articles_unchanged": int, "not_articles": int,
            "error_count": int, "errors": str, "settings": str,
        },
        pk="id",
    )  # fmt: skip
    db.table("captures").create(
        {
            "id": int, "crawl_id": int, "site": str, "url": str, "final_url": str, "status": int,
            "content_type": str, "headers": str, "fetched_at": str, "length": int,
            "sha256": str, "body": bytes, "discovered_via": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )  # fmt: skip
    db.table("articles").create(
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
    db.table("captions").create(
        {
            "id": int, "article_id": int, "position": int, "image_url": str, "alt": str,
            "caption": str, "credit": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )  # fmt: skip
    db.table("article_versions").create(
        {
            "id": int, "article_id": int, "version": int, "content_hash": str, "headline": str,
            "body": str, "captions_text": str, "seen_at": str, "capture_id": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("capture_id", "captures", "id")],
    )  # fmt: skip
    db.table("failures").create(
        {"id": int, "crawl_id": int, "url": str, "kind": str, "detail": str, "at": str},
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("articles").create_index(["site", "published"])
    db.table("captions").create_index(["article_id", "position"], unique=True)
    db.table("captures").create_index(["url"])
    db.table("captures").create_index(["crawl_id"])
    db.table("failures").create_index(["crawl_id"])
    db.table("article_versions").create_index(["article_id", "version"], unique=True)
    db.table("articles").enable_fts(
        ["headline", "body", "captions_text"],
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


def _m002_crawl_pid(db: sqlite_utils.Database) -> None:
    # Which process runs a crawl: a later crawl can tell a killed one from a running one.
    db.table("crawls").add_column("pid", int)
    db.table("crawls").add_column("host", str)


def _m003_capture_same_as(db: sqlite_utils.Database) -> None:
    # A page fetched again unchanged points at the capture holding its bytes (months of
    # recurring crawls would otherwise store every unchanged front page again and again).
    db.table("captures").add_column("same_as", int)
    db.table("captures").create_index(["url", "sha256"])


def _m004_capture_hints(db: sqlite_utils.Database) -> None:
    # The feed's or sitemap's title and date that led to a page: re-extraction applies the
    # date to an article that gives none, as the crawl did.
    db.table("captures").add_column("hints", str)


def _m005_crawl_refreshed(db: sqlite_utils.Database) -> None:
    # Articles whose text was unchanged but whose metadata (byline, dates, tags...) was not.
    db.table("crawls").add_column("articles_refreshed", int)


def _m006_sites(db: sqlite_utils.Database) -> None:
    # The sites an archive crawls on a schedule (news-archive sites / schedule), with the
    # scheduler's record of each one's last run; a crawl started for a site points at it.
    db.table("sites").create(
        {
            "id": int, "name": str, "url": str, "feeds": str, "sitemaps": str, "rules": str,
            "max_pages": int, "depth": int, "every": str, "cron": str, "settings": str,
            "added": str, "changed": str, "last_run": str, "last_status": str,
            "last_finished": str, "last_message": str,
        },
        pk="id",
        not_null={"name", "url"},
    )  # fmt: skip
    db.table("sites").create_index(["name"], unique=True)
    db.execute("alter table crawls add column site_id integer references sites(id)")
    db.table("crawls").create_index(["site_id"])


def _m007_trigram_fts(db: sqlite_utils.Database) -> None:
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
        """
        + _text_update_trigger("articles_trigram_au", "articles_trigram")
        + "insert into articles_trigram (articles_trigram) values ('rebuild');"
    )


def _text_update_trigger(name: str, index: str) -> str:
    """The trigger keeping a full-text index of articles in step with their text: only when
    the text changes, so a re-crawl that only moves last_seen leaves the index alone."""
    return f"""
        create trigger {name} after update of headline, body, captions_text
        on articles begin
            insert into {index} ({index}, rowid, headline, body, captions_text)
            values ('delete', old.rowid, old.headline, old.body, old.captions_text);
            insert into {index} (rowid, headline, body, captions_text)
            values (new.rowid, new.headline, new.body, new.captions_text);
        end;
        """


def _m008_captures_in_warc(db: sqlite_utils.Database) -> None:
    # A capture's bytes live in a WARC file (ours, or one imported in place): its response
    # or revisit record's file (relative to the archive's folder when inside it), offset,
    # length and WARC-Record-ID. Older rows keep their zlib body.
    for name, kind in (("warc_path", str), ("warc_offset", int), ("warc_length", int),
                       ("warc_record_id", str)):  # fmt: skip
        db.table("captures").add_column(name, kind)
    db.table("captures").create_index(["warc_record_id"])


def _m009_known_urls(db: sqlite_utils.Database) -> None:
    # Incremental crawls: every URL that held an article, with the validators its server sent
    # and when it was checked, so a crawl skips what it holds and re-checks it on schedule
    # (archive/store/revisits.py); and what each crawl skipped, re-checked and extracted.
    db.table("known_urls").create(
        {
            "url": str, "site": str, "article_id": int, "etag": str, "last_modified": str,
            "first_seen": str, "last_checked": str, "next_check": str, "last_status": int,
        },
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )  # fmt: skip
    db.table("known_urls").create_index(["site"])
    for name in ("articles_not_modified", "known_skipped", "rechecks", "pages_extracted"):
        db.table("crawls").add_column(name, int)
    _known_from_articles(db)


# ARCHIVE_REVISIT_AFTER's default when step 009 was written: the articles an archive already
# held are given their next checks on these steps.
_STEPS_009 = RevisitSteps.parse("1h 6h 1d 3d 7d 30d")
_ARTICLE_URLS = """
select coalesce(c.url, a.url) as url, a.site, a.id as article_id, a.first_seen, a.last_seen,
  coalesce(c.status, 200) as status,
  case when json_valid(c.headers) then json_extract(c.headers, '$.etag') end as etag,
  case when json_valid(c.headers) then json_extract(c.headers, '$."last-modified"') end
    as last_modified
from articles a left join captures c on c.id = a.capture_id
where a.first_seen is not null and a.last_seen is not null
"""


def _known_from_articles(db: sqlite_utils.Database) -> None:
    """The URLs of the articles an archive holds: the URL each one's capture was fetched
    from (its own URL when no capture was kept), with that capture's validators."""
    rows = []
    for row in db.query(_ARTICLE_URLS):
        validators = Validators.of(
            {"etag": row["etag"] or "", "last-modified": row["last_modified"] or ""}
        )
        rows.append(
            {
                "url": row["url"], "site": row["site"], "article_id": row["article_id"],
                "etag": validators.etag, "last_modified": validators.last_modified,
                "first_seen": row["first_seen"], "last_checked": row["last_seen"],
                "next_check": _next_check(row["first_seen"], row["last_seen"]),
                "last_status": row["status"],
            }
        )  # fmt: skip
    db.table("known_urls").insert_all(rows, pk="url", ignore=True)


def _next_check(first_seen: str, last_seen: str) -> str | None:
    try:
        return _STEPS_009.next_check(first_seen, last_seen)
    except ValueError:  # a time that is not ISO 8601: the next crawl checks it (and fixes it)
        return None


def _m010_fts_update_trigger(db: sqlite_utils.Database) -> None:
    # sqlite-utils' update trigger (001) fires on any update of an article, and re-indexed
    # its whole text each time a re-check moved last_seen; now only when the indexed text
    # changes, as the trigram index's trigger (007) always did.
    db.executescript(
        "drop trigger if exists articles_au;" + _text_update_trigger("articles_au", "articles_fts")
    )


# The schema, oldest first: (name, migration). Append new steps; never rename or reorder one
# (an archive records the names it has applied).
SCHEMA: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_crawl_pid", _m002_crawl_pid),
    ("003_capture_same_as", _m003_capture_same_as),
    ("004_capture_hints", _m004_capture_hints),
    ("005_crawl_refreshed", _m005_crawl_refreshed),
    ("006_sites_schedule", _m006_sites),
    ("007_trigram_fts", _m007_trigram_fts),
    ("008_captures_in_warc", _m008_captures_in_warc),
    ("009_known_urls", _m009_known_urls),
    ("010_fts_update_trigger", _m010_fts_update_trigger),
]
KNOWN = frozenset(name for name, _ in SCHEMA)
MIGRATIONS = Migrations("news-archive")
for _name, _step in SCHEMA:
    MIGRATIONS(name=_name)(_step)

# Where archives made before sqlite-utils' migrations (news-archive 0.2.0) listed theirs.
LEGACY_TABLE = "_migrations"


def apply_migrations(db: sqlite_utils.Database) -> list[str]:
    """Bring the schema up to date in one write transaction (each step a savepoint of it);
    return the names applied. An archive written by a newer news-archive (a migration we do
    not know) is refused, so this version never writes to a schema it does not understand."""
    check_schema(db)
    if not db.table(LEGACY_TABLE).exists() and not MIGRATIONS.pending(db):
        return []
    # Under the write lock, and looked at again: two crawls opening a new archive at once
    # must not both create its tables.
    with write_transaction(db):
        _adopt_legacy(db)
        check_schema(db)
        pending = [m.name for m in MIGRATIONS.pending(db)]
        MIGRATIONS.apply(db)
    return pending


def check_schema(db: sqlite_utils.Database) -> None:
    """Refuse an archive written by a newer news-archive: one recording a step we lack."""
    legacy = db.table(LEGACY_TABLE)
    names = [row["name"] for row in legacy.rows] if legacy.exists() else []
    names += [m.name for m in MIGRATIONS.applied(db)]
    unknown = [name for name in names if name not in KNOWN]
    if unknown:
        raise ArchiveError(_newer(unknown))


def _adopt_legacy(db: sqlite_utils.Database) -> None:
    """Move the names of a 0.2.0 archive's _migrations table into sqlite-utils' table."""
    legacy = db.table(LEGACY_TABLE)
    if not legacy.exists():
        return
    rows = list(legacy.rows)
    MIGRATIONS.ensure_migrations_table(db)
    db.table(Migrations.migrations_table).insert_all(
        {"migration_set": MIGRATIONS.name, "name": row["name"], "applied_at": row["applied"]}
        for row in rows
    )
    legacy.drop()


def _newer(names: list[str]) -> str:
    return (
        f"the archive was written by a newer news-archive (schema steps {', '.join(names)}"
        " are unknown here): upgrade news-archive to use it"
    )
