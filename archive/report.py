"""Archive statistics: articles per site, the last crawls, failures by kind."""

from __future__ import annotations

from typing import Any

import sqlite_utils

_SITES = """
select site, count(*) as articles, min(published) as oldest, max(published) as newest,
  max(last_seen) as last_seen
from articles group by site order by articles desc
"""
_CRAWLS = """
select id, site, substr(started, 1, 16) as started, finish_reason as status,
  pages_fetched as pages, articles_new as new, articles_updated as updated, error_count as errors
from crawls order by id desc limit :limit
"""
_FAILURES = "select kind, count(*) as n from failures group by kind order by n desc"


def archive_stats(db: sqlite_utils.Database, crawls: int = 5) -> dict[str, Any]:
    return {
        "articles": db.table("articles").count,
        "captions": db.table("captions").count,
        "captures": db.table("captures").count,
        "sites": list(db.query(_SITES)),
        "crawls": list(db.query(_CRAWLS, {"limit": crawls})),
        "failures": list(db.query(_FAILURES)),
    }
