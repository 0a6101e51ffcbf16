"""Side-by-side article extraction benchmark: ours against peer libraries, on two sets.

The article-extraction-benchmark (181 pages, body text only) and fundus-dev (136 pages in 27
languages with headline, body, captions, authors and date), every peer in one run. Example,
from the repo root:

    python bench/extraction.py --only ours,trafilatura --sets fundus --worst 20
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    # Run as a script, `bench` and `pipelines` are only importable from the repo root.
    sys.path.insert(0, str(REPO_ROOT))

from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: E402

from bench import fundus_report, report  # noqa: E402
from bench.dataset import DEFAULT_DATA_DIR, DatasetError, load_pages  # noqa: E402
from bench.fundus import DEFAULT_FUNDUS_DIR, load_dev_pages, load_scorer, run_dev_peer  # noqa: E402
from bench.peers import PEER_NAMES, Peer, select  # noqa: E402
from bench.runner import run_peer  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "bench" / "results"
SETS = ("aeb", "fundus")
R = TypeVar("R")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Example: python bench/extraction.py --only ours,trafilatura --limit 50",
    )
    parser.add_argument(
        "--only", help=f"comma-separated extractors to run (default all: {','.join(PEER_NAMES)})"
    )
    parser.add_argument(
        "--sets", default=",".join(SETS),
        help="comma-separated sets: aeb (article-extraction-benchmark), fundus (default both)",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (by id)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="aeb set directory")
    parser.add_argument(
        "--fundus-data", type=Path, default=DEFAULT_FUNDUS_DIR, help="fundus-dev set directory"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directory for CSV and JSON")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="list our N worst pages")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap samples for ± std")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    if not args.sets or set(args.sets) - set(SETS):
        parser.error(f"--sets takes {', '.join(SETS)}")
    try:
        args.peers = select(args.only.split(",") if args.only else None)
    except KeyError as exc:
        parser.error(f"unknown extractor {exc.args[0]}; choose from {', '.join(PEER_NAMES)}")
    if args.worst and "ours" not in [peer.name for peer in args.peers]:
        args.worst = 0  # the worst-page lists are ours
    return args


def run_all(
    peers: Sequence[Peer], pages: int, console: Console, run: Callable[[Peer, Callable], R]
) -> list[R]:
    """Every extractor in turn, in this one process, over the same pages."""
    runs = []
    columns = (TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        for peer in peers:
            task = progress.add_task(peer.name, total=pages)
            runs.append(run(peer, lambda t=task: progress.advance(t)))
    return runs


def bench_aeb(args: argparse.Namespace, console: Console) -> None:
    """The article-extraction-benchmark: body text only."""
    pages = load_pages(args.data, limit=args.limit)
    runs = run_all(args.peers, len(pages), console, lambda p, tick: run_peer(p, pages, tick))
    report.print_table(console, runs, args.bootstrap, len(pages))
    report.write_pages_csv(args.out / "extraction-pages.csv", runs)
    data = report.summary(runs, args.bootstrap, args.data, len(pages))
    report.write_summary(args.out / "extraction-summary.json", data)
    ours = next((r for r in runs if r.peer.name == "ours" and not r.unavailable), None)
    if args.worst and ours is not None:
        report.print_worst(console, ours, args.worst)


def bench_fundus(args: argparse.Namespace, console: Console) -> None:
    """fundus-dev: full records, scored by the set's own score.py."""
    pages = load_dev_pages(args.fundus_data, limit=args.limit)
    scorer = load_scorer(args.fundus_data)
    runs = run_all(
        args.peers, len(pages), console, lambda p, tick: run_dev_peer(p, pages, scorer, tick)
    )
    fundus_report.print_table(console, runs, len(pages))
    fundus_report.print_languages(console, runs)
    fundus_report.write_pages_csv(args.out / "fundus-pages.csv", runs)
    data = fundus_report.summary(runs, args.fundus_data, len(pages))
    fundus_report.write_summary(args.out / "fundus-summary.json", data)
    ours = next((r for r in runs if r.peer.name == "ours" and not r.unavailable), None)
    if args.worst and ours is not None:
        fundus_report.print_worst(console, ours, args.worst)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # Peers log each page they give up on (goose3: every date it cannot parse; readability: a
    # traceback): the table counts those as errors already.
    logging.getLogger("goose3").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("readability").setLevel(logging.CRITICAL)
    # Their warnings too (newspaper4k without NLTK, dateutil on a "EST" time zone).
    warnings.filterwarnings("ignore", module=r"(newspaper|dateutil)(\.|$)")
    # Piped output (CI logs, `| tee`) would otherwise be squeezed into 80 columns.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        if "aeb" in args.sets:
            bench_aeb(args, console)
        if "fundus" in args.sets:
            bench_fundus(args, console)
    except DatasetError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False)
        return 2
    console.print(f"per-page scores and summaries written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
