"""Ranked full-text search over the archive, with highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

_SQL = """
select articles.id, articles.url, articles.site, articles.headline, articles.published,
  snippet(articles_fts, -1, :start, :end, '…', 24) as snippet,
  bm25(articles_fts, 8.0, 1.0, 2.0) as rank
from articles_fts join articles on articles.rowid = articles_fts.rowid
where articles_fts match :query
order by rank
limit :limit
"""


@dataclass(frozen=True)
class Hit:
    id: int
    url: str
    site: str
    headline: str
    published: str | None
    snippet: str
    rank: float


def fts_query(db: sqlite_utils.Database, text: str) -> str:
    """User text as a safe FTS5 query: words ANDed, "quoted phrases" kept, operators inert."""
    return db.quote_fts(text.strip())


def search(
    db: sqlite_utils.Database, text: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Articles matching text, best first (bm25, headline weighted above body and captions)."""
    query = fts_query(db, text)
    if not query.strip('" '):
        return []
    params = {"query": query, "limit": limit, "start": marks[0], "end": marks[1]}
    return [Hit(**row) for row in db.query(_SQL, params)]
