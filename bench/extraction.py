"""Side-by-side article body extraction benchmark: ours against peer libraries.

Example, from the repo root:

    python bench/extraction.py --only ours,trafilatura --limit 50 --worst 10
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    # Run as a script, `bench` and `pipelines` are only importable from the repo root.
    sys.path.insert(0, str(REPO_ROOT))

from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: E402

from bench import report  # noqa: E402
from bench.dataset import DEFAULT_DATA_DIR, DatasetError, Page, load_pages  # noqa: E402
from bench.peers import PEER_NAMES, Peer, select  # noqa: E402
from bench.runner import Run, run_peer  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "bench" / "results"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Example: python bench/extraction.py --only ours,trafilatura --limit 50",
    )
    parser.add_argument(
        "--only", help=f"comma-separated extractors to run (default all: {','.join(PEER_NAMES)})"
    )
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="dataset directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directory for CSV and JSON")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list our N worst pages")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap samples for ± std")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    try:
        args.peers = select(args.only.split(",") if args.only else None)
    except KeyError as exc:
        parser.error(f"unknown extractor {exc.args[0]}; choose from {', '.join(PEER_NAMES)}")
    if args.worst and "ours" not in [peer.name for peer in args.peers]:
        parser.error("--worst lists our worst pages: add ours to --only")
    return args


def run_all(peers: Sequence[Peer], pages: Sequence[Page], console: Console) -> list[Run]:
    """Every extractor in turn, in this one process, over the same pages."""
    runs = []
    columns = (TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        for peer in peers:
            task = progress.add_task(peer.name, total=len(pages))
            runs.append(run_peer(peer, pages, on_page=lambda t=task: progress.advance(t)))
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # goose3 warns about every publish date it cannot parse; dates are not benchmarked here.
    logging.getLogger("goose3").setLevel(logging.ERROR)
    # Piped output (CI logs, `| tee`) would otherwise be squeezed into 80 columns.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    try:
        pages = load_pages(args.data, limit=args.limit)
    except DatasetError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}")
        return 2
    runs = run_all(args.peers, pages, console)
    report.print_table(console, runs, args.bootstrap, len(pages))
    args.out.mkdir(parents=True, exist_ok=True)
    report.write_pages_csv(args.out / "extraction-pages.csv", runs)
    data = report.summary(runs, args.bootstrap, args.data, len(pages))
    report.write_summary(args.out / "extraction-summary.json", data)
    console.print(f"per-page scores and summary written to {args.out}")
    if args.worst:
        ours = next(r for r in runs if r.peer.name == "ours")
        if ours.unavailable:
            message = f"--worst: ours did not run: {ours.unavailable}"
            Console(stderr=True).print(f"[red]error:[/red] {message}")
            return 1
        report.print_worst(console, ours, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
