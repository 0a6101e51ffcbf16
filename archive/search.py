"""Ranked full-text search over the archive: safe queries, filters, highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from archive.fts_query import MATCH_NOTHING, FtsQuery, parse_query, quote_fts

__all__ = ["MATCH_NOTHING", "Hit", "SearchQuery", "SearchResult", "quote_fts", "run", "search"]

# Ranking every match of a common word ("election": 690,000 of 1,000,000 articles) costs
# seconds; ranking the newest WINDOW matches (archive order) costs milliseconds and is exact
# whenever fewer than WINDOW articles match. bench/search.py measures both.
WINDOW = 2000
# Counting stops here: "10,000+ articles" is as useful as an exact figure and far cheaper.
COUNT_CAP = 10_000
# Headline weighs most, captions next, body least (bm25 column weights).
_WEIGHTS = "8.0, 1.0, 2.0"


@dataclass(frozen=True)
class SearchQuery:
    """What a reader asked for: the text, optional filters, the order and the page."""

    text: str
    site: str | None = None
    section: str | None = None
    author: str | None = None
    language: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    newest_first: bool = False
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    id: int
    url: str
    site: str
    headline: str
    published: str | None
    snippet: str
    rank: float
    section: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class SearchResult:
    """One page of hits and how many articles match (capped at COUNT_CAP)."""

    hits: list[Hit]
    total: int
    capped: bool
    windowed: bool  # more than WINDOW matches: ranked among the newest WINDOW
    index: str  # which index answered: "words" (unicode61) or "substrings" (trigram)
    query: SearchQuery = field(repr=False, default=SearchQuery(""))


def _filters(query: SearchQuery) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    for name in ("site", "section", "language"):
        value = getattr(query, name)
        if value:
            clauses.append(f"a.{name} = :{name}")
            params[name] = value
    if query.author:
        clauses.append("exists (select 1 from json_each(a.authors) where value = :author)")
        params["author"] = query.author
    if query.since:
        clauses.append("a.published >= :since")
        params["since"] = query.since
    if query.until:
        # Inclusive day: every time on that day sorts below the next character after it.
        clauses.append("a.published < :until || 'T99'")
        params["until"] = query.until
    return "".join(f" and {clause}" for clause in clauses), params


def _candidates_sql(fts: str, where: str, order: str) -> str:
    return f"""
    select c.rowid from (
      select f.rowid as rowid, bm25({fts}, {_WEIGHTS}) as rank, a.published as published
      from {fts} f join articles a on a.rowid = f.rowid
      where {fts} match :match{where}
      order by f.rowid desc limit :window
    ) c order by {order} limit :limit offset :offset
    """


_COUNT_SQL = """
select count(*) from (
  select 1 from {fts} f join articles a on a.rowid = f.rowid
  where {fts} match :match{where} limit :cap
)
"""

_HIT_SQL = """
select a.id, a.url, a.site, a.headline, a.published, a.section, a.language,
  snippet({fts}, -1, :start, :end, '…', 24) as snippet, bm25({fts}, {weights}) as rank
from {fts} f join articles a on a.rowid = f.rowid
where {fts} match :match and f.rowid = :rowid
"""


def run(
    db: sqlite_utils.Database, query: SearchQuery, marks: tuple[str, str] = ("[", "]")
) -> SearchResult:
    """The page of hits for query: best first (bm25) or newest first, with snippets."""
    where, params = _filters(query)
    fts_query = parse_query(query.text)
    total = _count(db, fts_query, where, params)
    if total == 0 and fts_query.index == "words":
        # No whole word matches: look for the text inside words ("harb" in "harbour").
        fts_query = parse_query(query.text, substrings=True)
        total = _count(db, fts_query, where, params)
    if total == 0:
        return SearchResult([], 0, False, False, fts_query.index, query)
    params |= {"match": fts_query.match}
    fts = fts_query.table
    order = "c.published desc, c.rank" if query.newest_first else "c.rank"
    rows = db.execute(
        _candidates_sql(fts, where, order),
        params | {"window": WINDOW, "limit": query.limit, "offset": query.offset},
    ).fetchall()
    hits = [_hit(db, fts_query, rowid, marks) for (rowid,) in rows]
    return SearchResult(hits, total, total >= COUNT_CAP, total > WINDOW, fts_query.index, query)


def _count(db: sqlite_utils.Database, fts_query: FtsQuery, where: str, params: dict) -> int:
    if fts_query.match == MATCH_NOTHING:
        return 0
    sql = _COUNT_SQL.format(fts=fts_query.table, where=where)
    params = params | {"cap": COUNT_CAP, "match": fts_query.match}
    return db.execute(sql, params).fetchone()[0]


def _hit(db: sqlite_utils.Database, fts_query: FtsQuery, rowid: int, marks: tuple[str, str]):
    sql = _HIT_SQL.format(fts=fts_query.table, weights=_WEIGHTS)
    params = {"match": fts_query.match, "rowid": rowid, "start": marks[0], "end": marks[1]}
    row = next(db.query(sql, params))
    return Hit(**row)


def search(
    db: sqlite_utils.Database, text: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Articles matching text, best first (bm25, headline weighted above body and captions)."""
    return run(db, SearchQuery(text, limit=limit), marks).hits
