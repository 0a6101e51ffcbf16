"""Present fundus-dev runs: the side-by-side table, body F1 by language, our worst pages."""

from __future__ import annotations

import csv
import json
import statistics
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bench.fundus import METRICS, DevRun
from bench.report import print_failures

_HEADERS = {
    "body_p": "body P",
    "body_r": "body R",
    "body_f1": "body F1",
    "headline_em": "headline",
    "caption_recall": "captions",
    "caption_leak": "leak",
    "author_f1": "authors",
    "date_day": "date",
}
# A language needs this many pages for its mean to be a goal (issue 7: no such language < 0.93).
MIN_LANGUAGE_PAGES = 3


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table_rows(runs: Sequence[DevRun]) -> list[list[str]]:
    """One row of strings per extractor: every measure, "–" where it extracts no such field."""
    rows = []
    for run in runs:
        head = [run.peer.name, escape(run.peer.version() or "-")]
        if run.unavailable:
            rows.append([*head, run.unavailable.split(" (")[0], *[""] * (len(METRICS) + 1)])
            continue
        figures = [_figure(run.mean(metric)) for metric in METRICS]
        rows.append([*head, *figures, f"{run.median_ms:.1f}", str(run.errors)])
    return rows


def print_table(console: Console, runs: Sequence[DevRun], pages: int) -> None:
    table = Table(
        title=f"fundus-dev: full records, {pages} pages",
        caption=(
            "body P/R/F1: bag of word tokens (a CJK character is one); headline: exact after"
            " case/space folding; captions: recall; leak: share of captions found in the body"
            " (lower is better); authors: set F1; date: publishing day; ms/page: median CPU time;"
            " –: the extractor gives no such field. Metric: the set's score.py."
        ),
    )
    for i, name in enumerate(["extractor", "version", *_HEADERS.values(), "ms/page", "errors"]):
        table.add_column(name, justify="left" if i < 2 else "right")
    for row in table_rows(runs):
        table.add_row(*row)
    console.print(table)
    print_failures(console, runs)


def language_line(run: DevRun) -> str:
    """score.py's line: mean body F1 by language, most pages first."""
    groups = sorted(run.by_language().items(), key=lambda kv: -len(kv[1]))
    parts = ", ".join(f"{lang} {statistics.fmean(v):.3f} ({len(v)})" for lang, v in groups)
    return f"{run.peer.name} body_f1 by language: {parts}"


def print_languages(console: Console, runs: Sequence[DevRun]) -> None:
    """Mean body F1 per language (rows) and extractor (columns), most pages first."""
    ran = [run for run in runs if not run.unavailable]
    if not ran:
        return
    counts = {lang: len(v) for lang, v in ran[0].by_language().items()}
    table = Table(title="fundus-dev: body F1 by language (pages)")
    table.add_column("language")
    for run in ran:
        table.add_column(run.peer.name, justify="right")
    for lang in sorted(counts, key=lambda lang: (-counts[lang], lang)):
        cells = [f"{statistics.fmean(r.by_language().get(lang, [0.0])):.3f}" for r in ran]
        table.add_row(f"{lang} ({counts[lang]})", *cells)
    console.print(table)
    for run in ran:
        console.print(language_line(run), markup=False)
    for run in ran:
        weak = weak_languages(run)
        listed = ", ".join(f"{lang} {mean:.3f}" for lang, mean in weak.items()) or "none"
        message = f"{run.peer.name}: languages of {MIN_LANGUAGE_PAGES}+ pages below 0.93: {listed}"
        console.print(message, markup=False)


def weak_languages(
    run: DevRun, threshold: float = 0.93, min_pages: int = MIN_LANGUAGE_PAGES
) -> dict[str, float]:
    """Languages with min_pages or more pages whose mean body F1 is below threshold."""
    groups = run.by_language()
    means = {lang: statistics.fmean(v) for lang, v in groups.items() if len(v) >= min_pages}
    return {lang: mean for lang, mean in means.items() if mean < threshold}


def print_worst(console: Console, run: DevRun, count: int) -> None:
    """Our `count` worst pages by body F1, with their other measures."""
    scored = [r for r in run.results if "body_f1" in r.scores]
    worst = sorted(scored, key=lambda r: (r.scores["body_f1"], r.page.id))[:count]
    table = Table(title=f"fundus-dev, {run.peer.name}: {len(worst)} worst pages by body F1")
    for name in ("id", *(_HEADERS[m] for m in METRICS), "error"):
        table.add_column(name, overflow="fold")
    for r in worst:
        cells = [_figure(r.scores.get(m)) for m in METRICS]
        table.add_row(r.page.id, *cells, escape(r.error or ""))
    console.print(table)


def write_pages_csv(path: Path, runs: Sequence[DevRun]) -> None:
    """One row per page and extractor; a blank cell is a measure that does not apply."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "language", "extractor", *METRICS, "ms", "error"])
        for run in runs:
            for r in run.results:
                cells = [f"{r.scores[m]:.4f}" if m in r.scores else "" for m in METRICS]
                row = [r.page.id, r.page.language, run.peer.name, *cells]
                writer.writerow([*row, f"{r.seconds * 1000:.2f}", r.error or ""])


def summary(runs: Sequence[DevRun], data_dir: Path, pages: int) -> dict[str, Any]:
    """A JSON-ready record of the run, one entry per extractor."""
    extractors: dict[str, Any] = {}
    for run in runs:
        entry: dict[str, Any] = {"version": run.peer.version(), "unavailable": run.unavailable}
        if not run.unavailable:
            entry |= {metric: run.mean(metric) for metric in METRICS}
            entry |= {"median_ms": run.median_ms, "errors": run.errors}
            langs = run.by_language().items()
            entry["body_f1_by_language"] = {k: statistics.fmean(v) for k, v in langs}
        extractors[run.peer.name] = entry
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "dataset": str(data_dir),
        "pages": pages,
        "extractors": extractors,
    }


def write_summary(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
