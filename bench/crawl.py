"""Crawl throughput: a generated news site of N articles served by nginx on 127.0.0.1, crawled
by bare Scrapy (fetch only), by a plain Scrapy + trafilatura + sqlite-utils/FTS5 pipeline and
by `news-archive crawl`, interleaved run by run so all three see the same machine.

Example, from the repo root (nginx: `apt-get install -y nginx-light`):

    python bench/crawl.py --articles 10000 --runs 3

Articles/s is articles stored (fetched, for bare Scrapy) over the crawl's wall time, process
start included; CPU is that of the crawl and every process it started; peak RSS is the most
their resident memory summed to at once (sampled every 0.1 s), which counts the pages worker
processes share with their parent once per process, and peak PSS the same with shared pages
divided among the processes sharing them (every 0.5 s). Other processes' CPU is the
rest of the machine's, in cores, while each run went on. Our stored articles are summed up in
a digest of (path, content_hash), compared with bench/crawl_digests.json (`--record-digest`
writes it), so a change to the crawl path is seen to store every article as before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench import crawl_check  # noqa: E402
from bench.nginx import free_port, serve_directory  # noqa: E402
from bench.procs import Measured, cpu_of, measure  # noqa: E402
from bench.sitegen import generate  # noqa: E402

DIGESTS = Path(__file__).with_name("crawl_digests.json")
ROWS = ("bare", "plain", "ours")
LABELS = {
    "bare": "bare Scrapy, fetch only",
    "plain": "Scrapy + trafilatura + sqlite-utils/FTS5",
    "ours": "news-archive crawl",
}
# Every crawler: concurrency 32 on the one site, no robots.txt rules, no delays, no retries.
SETTINGS = {
    "CONCURRENT_REQUESTS": "32", "CONCURRENT_REQUESTS_PER_DOMAIN": "32", "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False", "ROBOTSTXT_OBEY": "False", "RETRY_TIMES": "0",
    "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": "False",
}  # fmt: skip


@dataclass(frozen=True)
class Run:
    measured: Measured
    stored: crawl_check.Stored
    server_cpu: float


def command(row: str, base: str, target: Path) -> list[str]:
    if row == "ours":
        settings = [arg for k, v in SETTINGS.items() for arg in ("-s", f"{k}={v}")]
        return [sys.executable, "-m", "archive.cli", "crawl", f"{base}/", "--db", str(target),
                "-q", *settings]  # fmt: skip
    settings = [f"{k}={v}" for k, v in SETTINGS.items()]
    return [sys.executable, "-m", "bench.crawl_peers", row, base, str(target), *settings]


def run_once(row: str, base: str, workdir: Path, nginx: psutil.Process, manifest: dict) -> Run:
    folder = Path(tempfile.mkdtemp(prefix=f"{row}-", dir=workdir))
    target = folder / ("stats.json" if row == "bare" else "archive.db")
    before = cpu_of([nginx])
    measured = measure(command(row, base, target), REPO_ROOT, [nginx], folder / "log.txt")
    server = cpu_of([nginx]) - before
    if measured.returncode != 0:
        log = (folder / "log.txt").read_text()[-3000:]
        raise SystemExit(f"{row} failed (exit {measured.returncode}):\n{log}")
    if row == "bare":
        stored = crawl_check.Stored(json.loads(target.read_text())["articles"], 0)
    elif row == "plain":
        stored = crawl_check.plain(target, manifest)
    else:
        stored = crawl_check.ours(target, manifest)
    return Run(measured, stored, server)


def _row(name: str, runs: list[Run], articles: int) -> list[str]:
    rates = [r.stored.articles / r.measured.seconds for r in runs]
    cpu = [1000 * r.measured.cpu_seconds / max(r.stored.articles, 1) for r in runs]
    rss = [r.measured.peak_rss_mb for r in runs]
    pss = [r.measured.peak_pss_mb for r in runs]
    server = [1000 * r.server_cpu / max(r.stored.articles, 1) for r in runs]
    exact = "" if name == "bare" else f"{min(r.stored.exact for r in runs):,}"
    return [
        LABELS[name], f"{statistics.median(r.stored.articles for r in runs):,.0f}", exact,
        f"{statistics.median(rates):.1f}", ", ".join(f"{x:.1f}" for x in rates),
        f"{statistics.median(cpu):.1f}", ", ".join(f"{x:.1f}" for x in cpu),
        f"{statistics.median(rss):.0f}", f"{statistics.median(pss):.0f}",
        f"{statistics.median(server):.2f}",
        ", ".join(f"{r.measured.others_cores:.2f}" for r in runs),
        ", ".join(f"{r.measured.load:.1f}" for r in runs),
    ]  # fmt: skip


def report(results: dict[str, list[Run]], articles: int, console: Console) -> None:
    runs = len(next(iter(results.values())))
    title = f"Crawl of a generated news site, {articles:,} articles ({runs} runs each, medians)"
    table = Table(title=title)
    columns = ("crawler", "articles", "exact", "articles/s", "each run", "CPU ms/article",
               "each run", "peak RSS MB", "peak PSS MB", "nginx CPU ms/art.", "others' CPU (cores)",
               "load")  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "crawler" else "right")
    for name, runs in results.items():
        table.add_row(*_row(name, runs, articles))
    console.print(table)
    if "plain" in results and "ours" in results:
        plain = statistics.median(r.stored.articles / r.measured.seconds for r in results["plain"])
        ours = statistics.median(r.stored.articles / r.measured.seconds for r in results["ours"])
        console.print(f"news-archive / plain pipeline: {ours / plain:.2f}x")


def check_digest(
    results: dict[str, list[Run]], articles: int, record: bool, console: Console
) -> None:
    if "ours" not in results:
        return
    digests = {r.stored.digest for r in results["ours"]}
    known = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
    expected = known.get(str(articles))
    (digest,) = digests if len(digests) == 1 else (f"differs between runs: {sorted(digests)}",)
    if record:
        DIGESTS.write_text(json.dumps({**known, str(articles): digest}, indent=2) + "\n")
        console.print(f"stored articles digest {digest} recorded in {DIGESTS.name}")
    elif expected is None:
        console.print(f"stored articles digest {digest} (none recorded for {articles})")
    else:
        verdict = "same as recorded" if digest == expected else f"DIFFERENT from {expected}"
        console.print(f"stored articles digest {digest}: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", default=",".join(ROWS), help="which crawlers, comma-separated")
    parser.add_argument("--record-digest", action="store_true", help="record our digest")
    parser.add_argument("--workdir", type=Path, help="where the site and archives go (a temp dir)")
    args = parser.parse_args()
    rows = [r for r in args.rows.split(",") if r]
    console = Console(width=200)
    with tempfile.TemporaryDirectory(prefix="bench-crawl-", dir=args.workdir) as tmp:
        workdir, port = Path(tmp), free_port()
        size = generate(workdir / "site", args.articles, f"http://127.0.0.1:{port}")
        console.print(
            f"site: {args.articles:,} articles, {size / args.articles / 1024:.0f} KB each"
        )
        manifest = crawl_check.read_manifest(workdir / "site")
        results: dict[str, list[Run]] = {row: [] for row in rows}
        with serve_directory(workdir / "site", port) as served:
            nginx = psutil.Process(served.process.pid)
            for n in range(args.runs):
                for row in rows:
                    run = run_once(row, served.base, workdir, nginx, manifest)
                    results[row].append(run)
                    console.print(f"run {n + 1} {row}: {run.stored.articles} articles in "
                                  f"{run.measured.seconds:.1f} s")  # fmt: skip
        report(results, args.articles, console)
        check_digest(results, args.articles, args.record_digest, console)


if __name__ == "__main__":
    main()
