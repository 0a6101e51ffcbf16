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


_QUOTER = sqlite_utils.Database(memory=True)
# An FTS5 query that is valid and matches nothing: what an empty search becomes.
MATCH_NOTHING = '""'


def quote_fts(text: str | None) -> str:
    """User text as a safe FTS5 query: words ANDed, "quoted phrases" kept, operators inert."""
    quoted = _QUOTER.quote_fts((text or "").strip())
    return quoted if quoted.strip('" ') else MATCH_NOTHING


def search(
    db: sqlite_utils.Database, text: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Articles matching text, best first (bm25, headline weighted above body and captions)."""
    query = quote_fts(text)
    if query == MATCH_NOTHING:
        return []
    params = {"query": query, "limit": limit, "start": marks[0], "end": marks[1]}
    return [Hit(**row) for row in db.query(_SQL, params)]
