"""Archive statistics: articles and edits per site, the last crawls, failures by kind."""

from __future__ import annotations

from typing import Any

import sqlite_utils

_SITES = """
select site, count(*) as articles, sum(coalesce(version, 1) - 1) as edits,
  min(published) as oldest, max(published) as newest, max(last_seen) as last_seen
from articles group by site order by articles desc
"""
# The last crawls: what each fetched, found new and edited (a new version), and, when
# incremental, the known articles it skipped, re-checked and was told had not changed (304).
_CRAWLS = """
select id, site, substr(started, 1, 16) as started, finish_reason as status,
  pages_fetched as pages, articles_new as new, articles_updated as edits,
  {known_skipped} as known_skipped, {rechecks} as rechecks,
  {articles_not_modified} as not_modified, error_count as errors
from crawls order by id desc limit :limit
"""
# Counted since migration 009: null in an archive not yet upgraded (`stats` only reads).
_INCREMENTAL = ("known_skipped", "rechecks", "articles_not_modified")
_EDITS = "select count(*) from article_versions where version > 1"
_FAILURES = "select kind, count(*) as n from failures group by kind order by n desc"


def archive_stats(db: sqlite_utils.Database, crawls: int = 5) -> dict[str, Any]:
    return {
        "articles": db.table("articles").count,
        "captions": db.table("captions").count,
        "captures": db.table("captures").count,
        "edits": db.execute(_EDITS).fetchone()[0],
        "sites": list(db.query(_SITES)),
        "crawls": list(db.query(_crawls_query(db), {"limit": crawls})),
        "failures": list(db.query(_FAILURES)),
    }


def _crawls_query(db: sqlite_utils.Database) -> str:
    present = {column.name for column in db.table("crawls").columns}
    return _CRAWLS.format(**{name: name if name in present else "null" for name in _INCREMENTAL})
