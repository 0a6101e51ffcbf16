"""Ranked full-text search over the archive: safe queries, filters, highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from archive.fts_query import MATCH_NOTHING, FtsQuery, parse_query, quote_fts
from archive.text_snippet import text_snippet

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
# Words too short for any index are looked for by reading the newest TEXT_SCAN articles
# (about 0.3 s on a large archive: reading every story would take minutes).
TEXT_SCAN = 5_000
# bm25 counts, for each word, every article holding it (once per search): 40 ms for a word in
# 750,000 articles, and such a word gets almost no weight (its IDF is near zero). When a word
# is in more than RANK_LIMIT articles, results are ordered headline matches first, then newest.
RANK_LIMIT = 100_000
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


def _text_terms(words: tuple[str, ...], without: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    text = "a.headline || char(10) || coalesce(a.body, '') || char(10) || a.captions_text"
    found = [f" and instr({text}, :short{i}) > 0" for i in range(len(words))]
    missing = [f" and instr({text}, :without{i}) = 0" for i in range(len(without))]
    params = {f"short{i}": word for i, word in enumerate(words)}
    params |= {f"without{i}": word for i, word in enumerate(without)}
    return "".join(found + missing), params


def _matches(fts: str, scan: str, rank: str = "bm25") -> str:
    """The newest matches with a rank: "bm25", "headline" (headline matches first) or "none"."""
    if fts == "articles":
        # Only words too short for any index: the newest articles are read and tested.
        return (
            "select rowid, 0.0 as rank from articles"
            f" where rowid > (select max(rowid) from articles) - {scan} order by rowid desc"
        )
    # The newest matches (FTS5 walks its index backwards by rowid and stops), ranked as read.
    value = {
        "bm25": f"bm25({fts}, {_WEIGHTS})",
        "headline": _HEADLINE_FIRST.format(fts=fts),
        "none": "0.0",
    }[rank]
    return (
        f"select rowid, {value} as rank from {fts}"
        f" where {fts} match :match order by rowid desc limit {scan}"
    )


# Without bm25: -1 for the articles whose headline matches (the index alone knows), else 0;
# only rowids from :lowest (the oldest candidate) on are read.
_HEADLINE_FIRST = """case when rowid in (
  select rowid from {fts} where {fts} match '{{headline}} : (' || :match || ')'
  and rowid >= :lowest) then -1.0 else 0.0 end"""


def _candidates_sql(fts: str, where: str, newest_first: bool, ranked: bool) -> str:
    if not where and not newest_first:
        # Nothing to read from the articles table: the index alone answers.
        newest = _matches(fts, ":window", "bm25" if ranked else "headline")
        return f"select rowid, rank from ({newest}) order by rank, rowid desc {_PAGE}"
    order = "a.published desc" if newest_first else "m.rank, m.rowid desc"
    rank = "none" if newest_first else "bm25" if ranked else "headline"
    matches = _matches(fts, ":scan", rank)
    return f"""
    select m.rowid, m.rank from ({matches}) m join articles a on a.rowid = m.rowid
    where 1{where} order by {order} {_PAGE}
    """


_PAGE = "limit :limit offset :offset"


def _count_sql(fts: str, where: str) -> str:
    if not where:
        return f"select count(*) from (select 1 from {fts} where {fts} match :match limit :cap)"
    return f"""
    select count(*) from ({_matches(fts, ":scan", "none")}) m join articles a on a.rowid = m.rowid
    where 1{where}
    """


_HIT_COLUMNS = "id, url, site, headline, published, section, language"
_HIT_SQL = """
select a.id, a.url, a.site, a.headline, a.published, a.section, a.language,
  snippet({fts}, -1, :start, :end, '…', 24) as snippet
from {fts} f join articles a on a.rowid = f.rowid
where {fts} match :match and f.rowid in ({rowids})
"""


@dataclass(frozen=True)
class _Plan:
    """Where the matches come from and what narrows them."""

    table: str | None  # the FTS table; "articles" to read articles; None: nothing can match
    where: str
    params: dict[str, Any]
    words: tuple[str, ...]  # what to mark in snippets cut from the text


def _plan(query: SearchQuery, fts_query: FtsQuery) -> _Plan:
    where, params = _filters(query)
    if fts_query.short or fts_query.without:
        clauses, words = _text_terms(fts_query.short, fts_query.without)
        where, params = where + clauses, params | words
    table: str | None = fts_query.table
    if fts_query.match == MATCH_NOTHING:
        table = "articles" if fts_query.short else None
    params |= {"match": fts_query.match, "window": WINDOW}
    scan = (TEXT_SCAN if table == "articles" else SCAN) if where else WINDOW
    params |= {"cap": SCAN if where else COUNT_CAP, "scan": scan}
    marked = fts_query.short + tuple(p[1:-1].replace('""', '"') for p in fts_query.positive)
    return _Plan(table, where, params, marked)


def run(
    db: sqlite_utils.Database, query: SearchQuery, marks: tuple[str, str] = ("[", "]")
) -> SearchResult:
    """The page of hits for query: best first (bm25) or newest first, with snippets."""
    fts_query = parse_query(query.text)
    plan = _plan(query, fts_query)
    total, capped = _count(db, plan)
    if total == 0 and fts_query.index == "words":
        # No whole word matches: look for the text inside words ("harb" in "harbour").
        fts_query = parse_query(query.text, substrings=True)
        plan = _plan(query, fts_query)
        total, capped = _count(db, plan)
    if total == 0 or plan.table is None:
        return SearchResult([], 0, False, False, fts_query.index, query)
    # One word or phrase counted below its cap is not common: no need to count it again.
    single = len(fts_query.positive) == 1 and not (capped or plan.where or total >= RANK_LIMIT)
    # Substring matches are not weighed by bm25 (trigram counts say little, and counting them
    # means reading every match again): headline matches first, then newest, as for common words.
    ranked = plan.table == "articles" or (
        plan.table == "articles_fts" and (single or not _common(db, plan.table, fts_query))
    )
    sql = _candidates_sql(plan.table, plan.where, query.newest_first, ranked)
    page = {"limit": query.limit, "offset": query.offset}
    if not ranked and not query.newest_first:
        page["lowest"] = _lowest(db, plan)
    rows = db.execute(sql, plan.params | page).fetchall()
    hits = _hits(db, plan, [tuple(row) for row in rows], marks)
    return SearchResult(hits, total, capped, capped or total > WINDOW, fts_query.index, query)


def _lowest(db: sqlite_utils.Database, plan: _Plan) -> int:
    """The oldest rowid among the matches that will be read (they are read newest first)."""
    scan = ":scan" if plan.where else ":window"
    assert plan.table is not None  # run() returns before reading hits from no index
    sql = f"select min(rowid) from ({_matches(plan.table, scan, 'none')})"
    return db.execute(sql, plan.params).fetchone()[0] or 0


def _common(db: sqlite_utils.Database, fts: str, fts_query: FtsQuery) -> bool:
    """Whether a word or phrase of the query is in more than RANK_LIMIT articles."""
    sql = f"select count(*) from (select 1 from {fts} where {fts} match ? limit {RANK_LIMIT})"
    phrases = fts_query.positive
    return any(db.execute(sql, [phrase]).fetchone()[0] >= RANK_LIMIT for phrase in phrases)


def _count(db: sqlite_utils.Database, plan: _Plan) -> tuple[int, bool]:
    """(matching articles, whether there are more than were counted)."""
    if plan.table is None:
        return 0, False
    if plan.table == "articles":
        newest = db.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
        matches = min(newest, plan.params["scan"])
    else:
        matches = db.execute(_count_sql(plan.table, ""), plan.params).fetchone()[0]
    if not plan.where:
        return matches, matches >= COUNT_CAP
    filtered = db.execute(_count_sql(plan.table, plan.where), plan.params).fetchone()[0]
    return filtered, matches >= plan.params["scan"]


def _hits(
    db: sqlite_utils.Database, plan: _Plan, rows: list[tuple], marks: tuple[str, str]
) -> list[Hit]:
    """The page's hits with their snippets, in the order of rows (rowid, rank)."""
    if plan.table in ("articles", "articles_trigram"):
        # Substrings are found in the text as easily, and the trigram index would be asked
        # again for every trigram of every word of every hit.
        return [_text_hit(db, rowid, rank, plan, marks) for rowid, rank in rows]
    # One query for the page; no bm25() here: it would count the query's matches again.
    sql = _HIT_SQL.format(fts=plan.table, rowids=", ".join(str(int(r)) for r, _ in rows))
    params = {"match": plan.params["match"], "start": marks[0], "end": marks[1]}
    found = {row["id"]: row for row in db.query(sql, params)}
    return [Hit(**found[rowid], rank=rank) for rowid, rank in rows if rowid in found]


def _text_hit(
    db: sqlite_utils.Database, rowid: int, rank: float, plan: _Plan, marks: tuple[str, str]
) -> Hit:
    """A hit whose snippet is cut from its text around the first word found."""
    sql = (
        f"select {_HIT_COLUMNS}, headline || char(10) || body as text from articles where rowid = ?"
    )
    row = next(db.query(sql, [rowid]))
    snippet = text_snippet(row.pop("text") or "", plan.words, marks)
    return Hit(**row, snippet=snippet, rank=rank)


def search(
    db: sqlite_utils.Database, text: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Articles matching text, best first (bm25, headline weighted above body and captions)."""
    return run(db, SearchQuery(text, limit=limit), marks).hits
