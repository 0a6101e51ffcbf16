"""Publish an archive with Datasette: our metadata for archive databases, the serve command."""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

TEMPLATE = files("archive") / "datasette" / "metadata.json"


@cache
def _template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def datasette_metadata(*databases: str | Path) -> dict[str, Any]:
    """Datasette metadata for archive databases, named by file stem (archive.db -> archive).

    The plugin hands this to Datasette for every attached database that is an archive, so
    `datasette archive.db` and `news-archive serve archive.db` show the same titles, facets,
    descriptions and canned queries. A --metadata file given to Datasette overrides it.
    """
    base = json.loads(_template())
    del base["tables"], base["queries"]
    base["databases"] = {Path(db).stem: _database_part() for db in databases}
    return base


def _database_part() -> dict[str, Any]:
    # A fresh copy each time: Datasette merges other metadata into what it is given.
    data = json.loads(_template())
    return {"tables": data["tables"], "queries": data["queries"]}


def serve_args(db_path: str | Path, host: str, port: int) -> list[str]:
    """The datasette command line that serves the archive (the plugin is an entry point)."""
    return [
        sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host,
        "--port", str(port),
    ]  # fmt: skip
