"""Live crawl progress and the end-of-crawl summary, drawn with rich."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table

_OUTCOMES = ("new", "updated", "refreshed", "unchanged", "not_modified")
# The counts the summary shows: articles by outcome, pages dropped, errors, the links, feed
# and sitemap entries and redirects not followed (off the crawl's sites, not http(s), known
# articles not due...), and the known articles and re-checks of an incremental crawl.
_COUNTED = (
    "archive/articles/", "archive/dropped/", "archive/errors/", "archive/links_skipped/",
    "archive/revisits/",
)  # fmt: skip
# Rows whose stat name alone would not say enough.
_LABELS = {
    "archive/articles/updated": "articles updated (edits found)",
    "archive/articles/not_modified": "articles not modified (304)",
    "archive/links_skipped/known": "links skipped known (not due)",
    "archive/revisits/known": "revisits known urls",
    "archive/revisits/due": "revisits due (re-checked)",
}


def _errors(stats: dict[str, Any]) -> int:
    return sum(v for k, v in stats.items() if k.startswith("archive/errors/"))


def status_line(stats: dict[str, Any], started: float) -> str:
    pages = stats.get("archive/pages", 0)
    rate = pages / max(time.monotonic() - started, 0.001)
    counts = " ".join(f"{k} {stats.get(f'archive/articles/{k}', 0)}" for k in _OUTCOMES)
    return f"pages {pages}  articles {counts}  errors {_errors(stats)}  {rate:.1f} pages/s"


class CrawlProgress:
    """A one-line live display fed with the crawler's stats twice a second."""

    def __init__(self, console: Console):
        self.started = time.monotonic()
        self.live = Live("starting…", console=console, transient=True, refresh_per_second=4)

    def __enter__(self) -> CrawlProgress:
        self.live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.live.__exit__(*exc)  # type: ignore[arg-type]

    def tick(self, stats: dict[str, Any]) -> None:
        self.live.update(status_line(stats, self.started))


def summary_table(stats: dict[str, Any]) -> Table:
    """What the crawl did: pages, articles by outcome, drops and errors by kind."""
    table = Table(title="Crawl summary", show_header=False)
    elapsed = float(stats.get("elapsed_time_seconds") or 0)
    pages = stats.get("archive/pages", 0)
    rows = [
        ("finish reason", str(stats.get("finish_reason", "?"))),
        ("pages fetched", str(pages)),
        ("pages/s", f"{pages / elapsed:.1f}" if elapsed else "-"),
        ("pages extracted", str(stats.get("archive/extracted", 0))),
    ]
    for key in sorted(stats):
        if key.startswith(_COUNTED):
            label = _LABELS.get(key) or key.removeprefix("archive/").replace("/", " ")
            rows.append((label, str(stats[key])))
    for label, value in rows:
        table.add_row(label, value)
    return table
