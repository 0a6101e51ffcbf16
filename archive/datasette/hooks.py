"""Datasette hooks of the news-archive plugin: SQL functions, metadata, pages, readable cells."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any
from weakref import WeakKeyDictionary

from datasette import hookimpl
from markupsafe import Markup, escape

from archive.datasette import pages, reports
from archive.datasette.article import load_article, version_diff
from archive.datasette.render import START, highlight
from archive.fts_query import quote_fts
from archive.publish import datasette_metadata

_LIST_COLUMNS = {"authors", "tags"}
# The archive databases of each running Datasette, found at startup.
_ARCHIVES: WeakKeyDictionary[Any, tuple[str, ...]] = WeakKeyDictionary()


def archives(datasette: Any) -> tuple[str, ...]:
    """Names of the attached databases that are news archives."""
    return _ARCHIVES.get(datasette, ())


@hookimpl
def startup(datasette: Any) -> Callable[[], Awaitable[None]]:
    async def find_archives() -> None:
        found = []
        for name, db in datasette.databases.items():
            if not name.startswith("_") and await db.table_exists("articles_fts"):
                found.append(name)
        _ARCHIVES[datasette] = tuple(found)
        if found:
            # Suggesting facets costs a query per column on every table page: seconds on a
            # large archive (1.3 s of 1.8 s on 20,000 articles). Datasette has no public way
            # for a plugin to say so; its settings are read from this dict.
            datasette._settings["suggest_facets"] = False

    return find_archives


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> dict:
    names = archives(datasette)
    return datasette_metadata(*names) if names else {}


@hookimpl(trylast=True)
def prepare_connection(conn: Any) -> None:
    # fts_quote(:q) lets canned queries take any text a journalist types into MATCH. Datasette's
    # table search box calls escape_fts(:search): replaced (trylast: after Datasette registers
    # its own) by the same quoting, which keeps OR and -word and never gives a syntax error.
    conn.create_function("fts_quote", 1, quote_fts, deterministic=True)
    conn.create_function("escape_fts", 1, quote_fts, deterministic=True)


@hookimpl
def register_routes(datasette: Any) -> list:
    return pages.ROUTES + reports.ROUTES


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    links = []
    for name in archives(datasette):
        base = datasette.urls.database(name)
        links += [
            {"href": f"{base}/-/search", "label": f"Search articles ({name})"},
            {"href": f"{base}/-/charts", "label": f"Charts ({name})"},
            {"href": f"{base}/-/health", "label": f"Extraction health ({name})"},
        ]
    return links


@hookimpl
def extra_template_vars(
    view_name: str, database: str, table: str, request: Any, datasette: Any
) -> dict[str, Any] | Callable[[], Awaitable[dict[str, Any]]]:
    if view_name != "row" or table != "articles" or database not in archives(datasette):
        return {}

    async def article_vars() -> dict:
        pks = request.url_vars.get("pks", "")
        if not pks.isdigit():
            return {}
        article_id = int(pks)
        db = datasette.get_database(database)
        article = await db.execute_fn(lambda conn: load_article(conn, article_id))
        if article is None:
            return {}
        old, new = pages.diff_versions(request, len(article.versions))
        diff = None
        if old and new:
            diff = await db.execute_fn(lambda conn: version_diff(conn, article_id, old, new))
        base = datasette.urls.database(database)
        return {
            "article": article, "diff": diff, "search_url": f"{base}/-/search",
            "article_json_url": f"{base}/-/article/{article_id}.json",
        }  # fmt: skip

    return article_vars


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    """Snippets highlighted safely, headlines linked, bodies as paragraphs, lists as names."""
    if database not in archives(datasette) or not isinstance(value, str):
        return None
    if column == "snippet" and START in value:
        return highlight(value)
    if column == "headline" and table is None and _has_id(row):
        href = f"{datasette.urls.table(database, 'articles')}/{int(row['id'])}"
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if table not in {"articles", "article_versions"}:
        return None
    if column == "body":
        paragraphs = [p for p in value.split("\n\n") if p.strip()]
        return Markup("".join(f"<p>{escape(p)}</p>" for p in paragraphs))
    if column in _LIST_COLUMNS and value.startswith("["):
        try:
            names = json.loads(value)
        except ValueError:
            return None
        return Markup(escape(", ".join(str(n) for n in names)))
    return None


def _has_id(row: Any) -> bool:
    try:
        return isinstance(row["id"], int)
    except (KeyError, IndexError):
        return False
