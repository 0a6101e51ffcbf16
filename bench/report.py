"""Present benchmark runs: the side-by-side table, per-page CSV, summary JSON, worst pages."""

from __future__ import annotations

import csv
import json
import platform
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bench.runner import Run

COLUMNS = (
    "extractor", "version", "F1 ± std", "P", "R", "exact", "F1>0.9",
    "ms/page", "pages/s", "errors", "F1 vs ours", "ms vs ours",
)  # fmt: skip


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if reference else "-"


def table_rows(runs: Sequence[Run], samples: int) -> list[list[str]]:
    """One row of strings per extractor, ratios against ours when ours ran."""
    ours = next((r for r in runs if r.peer.name == "ours" and r.results), None)
    ours_f1 = ours.scores.f1 if ours else None
    ours_ms = ours.median_ms if ours else None
    rows = []
    for run in runs:
        head = [run.peer.name, escape(run.peer.version() or "-")]
        if run.unavailable:
            # The short label here; print_table lists the full reason under the table.
            label = run.unavailable.split(" (")[0]
            rows.append([*head, label, *[""] * (len(COLUMNS) - 3)])
            continue
        scores, std = run.scores, run.std(samples)
        rows.append([
            *head,
            f"{scores.f1:.3f} ± {std.f1:.3f}",
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
            f"{scores.accuracy:.3f}",
            f"{run.share_above_0_9:.1%}",
            f"{run.median_ms:.1f}",
            f"{run.pages_per_second:.1f}",
            str(run.errors),
            _ratio(scores.f1, ours_f1),
            _ratio(run.median_ms, ours_ms),
        ])  # fmt: skip
    return rows


def print_table(console: Console, runs: Sequence[Run], samples: int, pages: int) -> None:
    title = f"Article body extraction, {pages} pages"
    caption = (
        "P, R: shingle precision and recall; exact: share of pages token-identical to the truth;"
        " F1>0.9: share of pages scoring above 0.9; ms/page: median CPU time; std: bootstrap."
    )
    table = Table(title=title, caption=caption)
    for i, name in enumerate(COLUMNS):
        table.add_column(name, justify="left" if i < 2 else "right")
    for row in table_rows(runs, samples):
        table.add_row(*row)
    console.print(table)
    print_failures(console, runs, id_chars=12)


def print_failures(console: Console, runs: Sequence[Any], id_chars: int | None = None) -> None:
    """A line per extractor that could not run, or failed on pages (the first of them, its
    id cut to id_chars): a Run of either set."""
    # markup=False: messages like "pip install 'newspaper4k[nlp]'" must print as they are.
    for run in runs:
        if run.unavailable:
            console.print(f"{run.peer.name}: {run.unavailable}", markup=False)
        elif run.errors:
            first = next(r for r in run.results if r.error)
            where = f"first on {first.page.id[:id_chars]}"
            console.print(
                f"{run.peer.name}: {run.errors} errors, {where}: {first.error}", markup=False
            )


def print_worst(console: Console, run: Run, count: int) -> None:
    """Our `count` worst pages by page F1, to look at when a change loses points."""
    worst = sorted(run.results, key=lambda r: (r.score.f1, r.page.id))[:count]
    table = Table(title=f"{run.peer.name}: {len(worst)} worst pages")
    for name in ("id", "url", "P", "R", "F1", "error"):
        table.add_column(name, overflow="fold")
    for r in worst:
        s = r.score
        precision = f"{s.precision:.3f}" if s.has_prediction else "empty"
        row = [r.page.id[:12], escape(r.page.url), precision, f"{s.recall:.3f}", f"{s.f1:.3f}"]
        table.add_row(*row, escape(r.error or ""))
    console.print(table)


def write_pages_csv(path: Path, runs: Sequence[Run]) -> None:
    """One row per page and extractor; precision is blank for an empty output (not averaged)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "url", "extractor", "precision", "recall", "f1", "ms", "error"])
        for run in runs:
            for r in run.results:
                s = r.score
                precision = f"{s.precision:.4f}" if s.has_prediction else ""
                writer.writerow([
                    r.page.id, r.page.url, run.peer.name, precision,
                    f"{s.recall:.4f}", f"{s.f1:.4f}", f"{r.seconds * 1000:.2f}", r.error or "",
                ])  # fmt: skip


def summary(runs: Sequence[Run], samples: int, data_dir: Path, pages: int) -> dict[str, Any]:
    """A JSON-ready record of the whole run, one entry per extractor."""
    extractors: dict[str, Any] = {}
    for run in runs:
        entry: dict[str, Any] = {"version": run.peer.version(), "unavailable": run.unavailable}
        if not run.unavailable:
            entry |= asdict(run.scores)
            entry["std"] = asdict(run.std(samples))
            entry |= {
                "share_f1_above_0_9": run.share_above_0_9,
                "median_ms": run.median_ms,
                "pages_per_second": run.pages_per_second,
                "errors": run.errors,
            }
        extractors[run.peer.name] = entry
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "dataset": str(data_dir),
        "pages": pages,
        "bootstrap_samples": samples,
        "python": platform.python_version(),
        "extractors": extractors,
    }


def write_summary(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
