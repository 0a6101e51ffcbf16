"""Publish an archive with Datasette: metadata for every table, search, facets, read-only."""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

TEMPLATE = files("archive") / "datasette" / "metadata.json"
PLUGINS_DIR = Path(__file__).parent / "datasette" / "plugins"


def datasette_metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata for one archive file (tables are keyed by the file's stem)."""
    base = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    tables = base.pop("tables")
    queries = base.pop("queries")
    base["databases"] = {Path(db_path).stem: {"tables": tables, "queries": queries}}
    return base


def write_metadata(db_path: str | Path, target: Path) -> Path:
    target.write_text(json.dumps(datasette_metadata(db_path), indent=2), encoding="utf-8")
    return target


def serve_args(db_path: str | Path, metadata: Path, host: str, port: int) -> list[str]:
    """The datasette command line that serves the archive."""
    return [
        sys.executable, "-m", "datasette", "serve", str(db_path),
        "--metadata", str(metadata), "--host", host, "--port", str(port),
        "--plugins-dir", str(PLUGINS_DIR),
        "--setting", "default_page_size", "50",
        "--setting", "sql_time_limit_ms", "3000",
        "--setting", "facet_time_limit_ms", "500",
    ]  # fmt: skip
