"""The plugin's pages: search (HTML, JSON, Atom), an article as JSON, a raw capture as text."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from typing import Any

import sqlite_utils
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Response

from archive.datasette.article import load_article, version_diff
from archive.datasette.coverage import SITES_SQL
from archive.datasette.feed import atom_feed
from archive.datasette.render import END, START, highlight, plain
from archive.search import SCAN, TEXT_SCAN, WINDOW, SearchQuery, SearchResult, run
from archive.store import capture_body

PAGE_SIZE = 20
# A search slower than this is stopped and reported, never left to hold a thread.
TIME_LIMIT_MS = 5000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FILTERS = ("site", "section", "author", "language")


def search_query(request: Any, limit: int = PAGE_SIZE) -> SearchQuery:
    """The SearchQuery a request's parameters ask for; unusable values are ignored."""
    args = request.args
    days = {k: args.get(k, "") for k in ("since", "until")}
    page = args.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) <= WINDOW // limit else 1
    return SearchQuery(
        text=args.get("q", ""),
        **{name: (args.get(name) or "").strip() or None for name in _FILTERS},
        **{k: v if _DAY.fullmatch(v) else None for k, v in days.items()},
        newest_first=args.get("sort") == "newest",
        limit=limit,
        offset=(page - 1) * limit,
    )


async def _search(datasette: Any, database: str, query: SearchQuery) -> SearchResult:
    db = datasette.get_database(database)

    def go(conn: sqlite3.Connection) -> SearchResult:
        with sqlite_timelimit(conn, TIME_LIMIT_MS):
            return run(sqlite_utils.Database(conn), query, marks=(START, END))

    return await db.execute_fn(go)


def _archive(datasette: Any, request: Any) -> str:
    from archive.datasette.hooks import archives  # the hooks module imports this one

    database = request.url_vars["database"]
    if database not in archives(datasette):
        raise NotFound(f"{database} is not a news archive")
    return database


async def _sites(datasette: Any, database: str) -> list[str]:
    rows = await datasette.get_database(database).execute(SITES_SQL)
    return [row["site"] for row in rows]


async def search_page(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    query = search_query(request)
    result, error = None, None
    if query.text.strip():
        try:
            result = await _search(datasette, database, query)
        except sqlite3.OperationalError as failure:
            error = f"The search could not finish: {failure}"
    context = {
        "database": database, "query": query, "result": result, "error": error,
        "sites": await _sites(datasette, database), "highlight": highlight,
        "page": query.offset // query.limit + 1, "page_size": query.limit,
        "window": WINDOW, "scan": SCAN, "text_scan": TEXT_SCAN,
        "article_base": datasette.urls.table(database, "articles"),
        "args": {k: request.args.get(k) for k in request.args if k != "page"},
    }  # fmt: skip
    html = await datasette.render_template("news_archive_search.html", context, request=request)
    return Response.html(html)


async def search_json(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    query = search_query(request)
    result = await _search(datasette, database, query)
    hits = [dataclasses.asdict(h) | {"snippet": plain(h.snippet)} for h in result.hits]
    body = {
        "query": dataclasses.asdict(query), "total": result.total, "capped": result.capped,
        "windowed": result.windowed, "index": result.index, "hits": hits,
    }  # fmt: skip
    return Response.json(body)


async def search_atom(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    query = dataclasses.replace(search_query(request, limit=50), newest_first=True, offset=0)
    result = await _search(datasette, database, query)
    base = datasette.absolute_url(request, datasette.urls.table(database, "articles"))
    feed = atom_feed(result, request.url, base)
    return Response(feed, content_type="application/atom+xml; charset=utf-8")


def diff_versions(request: Any, count: int) -> tuple[int | None, int | None]:
    """The two versions to compare: ?old=&new= if valid, else the last two; None if < 2."""
    if count < 2:
        return None, None
    old, new = request.args.get("old", ""), request.args.get("new", "")
    if old.isdigit() and new.isdigit() and 1 <= int(old) <= count and 1 <= int(new) <= count:
        return int(old), int(new)
    return count - 1, count


async def article_json(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    article_id = int(request.url_vars["id"])
    db = datasette.get_database(database)
    article = await db.execute_fn(lambda conn: load_article(conn, article_id))
    if article is None:
        raise NotFound(f"no article {article_id}")
    body = dataclasses.asdict(article)
    old, new = diff_versions(request, len(article.versions))
    if old and new:
        diff = await db.execute_fn(lambda conn: version_diff(conn, article_id, old, new))
        body["diff"] = dataclasses.asdict(diff) if diff else None
    return Response.json(body)


async def raw_capture(datasette: Any, request: Any) -> Response:
    """The page as fetched, as plain text: never rendered, so its scripts never run here."""
    database = _archive(datasette, request)
    capture_id = int(request.url_vars["id"])
    db = datasette.get_database(database)
    try:
        raw = await db.execute_fn(
            lambda conn: capture_body(sqlite_utils.Database(conn), capture_id)
        )
    except sqlite_utils.db.NotFoundError as missing:
        raise NotFound(f"no capture {capture_id}") from missing
    headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"}
    text = raw.decode("utf-8", errors="replace")
    return Response.text(text, headers=headers)


_DB = r"^/(?P<database>[^/]+)/-/"
ROUTES = [
    (_DB + r"search$", search_page),
    (_DB + r"search\.json$", search_json),
    (_DB + r"search\.atom$", search_atom),
    (_DB + r"article/(?P<id>\d{1,18})\.json$", article_json),
    (_DB + r"capture/(?P<id>\d{1,18})\.txt$", raw_capture),
]
