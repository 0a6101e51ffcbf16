"""Search latency on a large synthetic archive: our search page, JSON and CLI against Datasette's
own table search (?_search=) and the canned query, per query class; then every other page.

One command builds the archive when it is missing (about an hour for 1,000,000 articles, ~23 GB:
keep it outside the repository) and measures:

    python bench/search.py --db /work/bench-data/search-1m.db --articles 1000000
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.search_corpus import JAPANESE, PHRASE, RARE_WORD, CorpusSpec, build  # noqa: E402

BIN = Path(sys.executable).parent
QUERIES = {
    "rare word": RARE_WORD,
    "common word": "election",
    "2 common words": "election council",
    "2-word phrase": '"{} {}"'.format(*PHRASE),
    "CJK word": JAPANESE[0],
}
_LISTENING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")


@dataclass(frozen=True)
class Timing:
    times_ms: list[float]
    failures: int

    def cell(self) -> str:
        if not self.times_ms:
            return f"all {self.failures} failed"
        ordered = sorted(self.times_ms)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        text = f"{statistics.median(ordered):,.1f} / {p95:,.1f}"
        return text + (f" ({self.failures} failed)" if self.failures else "")

    @property
    def worst(self) -> float:
        return max(self.times_ms, default=float("inf"))


def fetch(url: str, runs: int) -> Timing:
    times, failures = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
        except (urllib.error.URLError, TimeoutError):
            failures += 1
            continue
        times.append((time.perf_counter() - started) * 1000)
    return Timing(times, failures)


def cli(db: Path, query: str, runs: int) -> Timing:
    times, failures = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "news-archive"), "search", str(db), query], capture_output=True
        )
        if done.returncode:
            failures += 1
            continue
        times.append((time.perf_counter() - started) * 1000)
    return Timing(times, failures)


def in_process(db: Path, query: str, runs: int, window=None, rank_limit=None) -> Timing:
    """archive.search.run in this process, with other WINDOW and RANK_LIMIT if given."""
    import sqlite_utils

    import archive.search as search

    conn = sqlite_utils.Database(db)
    saved = search.WINDOW, search.RANK_LIMIT
    search.WINDOW, search.RANK_LIMIT = window or saved[0], rank_limit or saved[1]
    try:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            search.run(conn, search.SearchQuery(query))
            times.append((time.perf_counter() - started) * 1000)
    finally:
        search.WINDOW, search.RANK_LIMIT = saved
        conn.close()
    return Timing(times, 0)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """`news-archive serve` on a free port; the base URL of the archive database."""
    command = [str(BIN / "news-archive"), "serve", str(db), "--port", "0"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    while not (found := _LISTENING.search(line := process.stderr.readline())):
        if not line and process.poll() is not None:
            raise SystemExit("news-archive serve did not start")
    # Keep reading its log, or the pipe fills and the server blocks.
    threading.Thread(target=process.stderr.read, daemon=True).start()
    return process, f"http://127.0.0.1:{found.group(1)}/{db.stem}"


def search_table(base: str, db: Path, runs: int, cli_runs: int) -> Table:
    columns = {
        "search page": "{base}/-/search?q={q}",
        "search.json": "{base}/-/search.json?q={q}",
        "canned query": "{base}/search_articles.json?q={q}&_shape=array",
        "Datasette ?_search= (page)": "{base}/articles?_search={q}",
    }
    table = Table(title=f"Search latency, ms median / p95 ({runs} runs, {cli_runs} for the CLI)")
    table.add_column("query")
    extra = [
        "news-archive search (CLI)",
        "in process: as shipped",
        "bm25 of newest 2,000",
        "bm25 of every match",
    ]
    for name in [*columns, *extra]:
        table.add_column(name, justify="right")
    for label, query in QUERIES.items():
        cells = [fetch(url.format(base=base, q=quote(query)), runs) for url in columns.values()]
        cells.append(cli(db, query, cli_runs))
        cells.append(in_process(db, query, runs))
        cells.append(in_process(db, query, runs, rank_limit=10**12))
        cells.append(in_process(db, query, cli_runs, 10**12, 10**12))
        table.add_row(f"{label}: {query}", *(cell.cell() for cell in cells))
    return table


def pages_table(base: str, runs: int) -> Table:
    pages = {
        "search page, no query": "/-/search",
        "articles table": "/articles",
        "article page (newest)": "/articles/{last}",
        "article JSON": "/-/article/{last}.json",
        "charts page": "/-/charts",
        **{f"chart: {c}": f"/-/charts/{c}.json" for c in ("coverage", "authors", "sections")},
        "chart: edits": "/-/charts/edits.json",
        "extraction health": "/-/health",
        "Atom feed: election": "/-/search.atom?q=election",
    }
    last = urllib.request.urlopen(f"{base}/articles.json?_sort_desc=id&_size=1&_shape=array")
    last_id = json.load(last)[0]["id"]
    table = Table(title=f"Other pages, ms median / p95 / max ({runs} runs)")
    for name in ("page", "median / p95", "max"):
        table.add_column(name, justify="right" if name != "page" else "left")
    for name, path in pages.items():
        timing = fetch(base + path.format(last=last_id), runs)
        table.add_row(name, timing.cell(), f"{timing.worst:,.0f}")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/work/bench-data/search-1m.db"))
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cli-runs", type=int, default=5)
    args = parser.parse_args()
    console = Console(width=220)
    if not args.db.exists():
        building = args.db.with_suffix(".building.db")
        building.unlink(missing_ok=True)
        build(building, CorpusSpec(args.articles), report=console.print)
        building.rename(args.db)
    process, base = serve(args.db)
    try:
        fetch(f"{base}/-/search?q=warmup", 1)
        console.print(search_table(base, args.db, args.runs, args.cli_runs))
        console.print(pages_table(base, args.runs))
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
