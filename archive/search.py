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
# With filters (site, author, dates...), the newest SCAN matches are read from the articles
# table and filtered; reading every match of a common word would take seconds.
SCAN = 20_000
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

    @property
    def filtered(self) -> bool:
        return any((self.site, self.section, self.author, self.language, self.since, self.until))


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
    windowed: bool  # more matches than were ranked: ranked among the newest WINDOW (or SCAN)
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


def _matches(fts: str, scan: str) -> str:
    # The newest matches (FTS5 walks its index backwards by rowid and stops), ranked as read.
    return (
        f"select rowid, bm25({fts}, {_WEIGHTS}) as rank from {fts}"
        f" where {fts} match :match order by rowid desc limit {scan}"
    )


def _candidates_sql(fts: str, where: str, newest_first: bool) -> str:
    if not where and not newest_first:
        # Nothing to read from the articles table: the index alone answers.
        newest = _matches(fts, ":window")
        return f"select rowid, rank from ({newest}) order by rank limit :limit offset :offset"
    order = "a.published desc, m.rank" if newest_first else "m.rank"
    return f"""
    select m.rowid, m.rank from ({_matches(fts, ":scan")}) m join articles a on a.rowid = m.rowid
    where 1{where} order by {order} limit :limit offset :offset
    """


def _count_sql(fts: str, where: str) -> str:
    if not where:
        return f"select count(*) from (select 1 from {fts} where {fts} match :match limit :cap)"
    return f"""
    select count(*) from ({_matches(fts, ":scan")}) m join articles a on a.rowid = m.rowid
    where 1{where}
    """


_HIT_SQL = """
select a.id, a.url, a.site, a.headline, a.published, a.section, a.language,
  snippet({fts}, -1, :start, :end, '…', 24) as snippet
from {fts} f join articles a on a.rowid = f.rowid
where {fts} match :match and f.rowid = :rowid
"""


def run(
    db: sqlite_utils.Database, query: SearchQuery, marks: tuple[str, str] = ("[", "]")
) -> SearchResult:
    """The page of hits for query: best first (bm25) or newest first, with snippets."""
    where, params = _filters(query)
    params |= {"cap": SCAN if where else COUNT_CAP, "scan": SCAN if where else WINDOW}
    params["window"] = WINDOW
    fts_query = parse_query(query.text)
    total, capped = _count(db, fts_query, where, params)
    if total == 0 and fts_query.index == "words":
        # No whole word matches: look for the text inside words ("harb" in "harbour").
        fts_query = parse_query(query.text, substrings=True)
        total, capped = _count(db, fts_query, where, params)
    if total == 0:
        return SearchResult([], 0, False, False, fts_query.index, query)
    sql = _candidates_sql(fts_query.table, where, query.newest_first)
    page = {"match": fts_query.match, "limit": query.limit, "offset": query.offset}
    rows = db.execute(sql, params | page).fetchall()
    hits = [_hit(db, fts_query, rowid, rank, marks) for rowid, rank in rows]
    return SearchResult(hits, total, capped, capped or total > WINDOW, fts_query.index, query)


def _count(db: sqlite_utils.Database, fts_query: FtsQuery, where: str, params: dict):
    """(matching articles, whether there are more than were counted)."""
    if fts_query.match == MATCH_NOTHING:
        return 0, False
    params = params | {"match": fts_query.match}
    matches = db.execute(_count_sql(fts_query.table, ""), params).fetchone()[0]
    if not where:
        return matches, matches >= COUNT_CAP
    filtered = db.execute(_count_sql(fts_query.table, where), params).fetchone()[0]
    return filtered, matches >= SCAN


def _hit(db: sqlite_utils.Database, fts_query: FtsQuery, rowid: int, rank: float, marks):
    # No bm25() here: each call would count the query's matches over the whole index again.
    sql = _HIT_SQL.format(fts=fts_query.table)
    params = {"match": fts_query.match, "rowid": rowid, "start": marks[0], "end": marks[1]}
    return Hit(**next(db.query(sql, params)), rank=rank)


def search(
    db: sqlite_utils.Database, text: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Articles matching text, best first (bm25, headline weighted above body and captions)."""
    return run(db, SearchQuery(text, limit=limit), marks).hits
