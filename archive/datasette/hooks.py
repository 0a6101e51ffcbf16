"""Datasette plugin for news-archive: safe full-text queries in SQL, readable article cells."""

from __future__ import annotations

import json
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from archive.search import quote_fts

_LIST_COLUMNS = {"authors", "tags"}


@hookimpl
def prepare_connection(conn: Any) -> None:
    # fts_quote(:q) lets canned queries take any text a journalist types into MATCH.
    conn.create_function("fts_quote", 1, quote_fts, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str) -> Markup | None:
    """Body text as paragraphs on article pages; JSON name lists as plain lists."""
    if table not in {"articles", "article_versions"} or not isinstance(value, str):
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
