"""Whether a crawl's memory stays flat: `news-archive crawl` of a generated news site of N
articles (nginx on 127.0.0.1, the settings of bench/crawl.py), its processes' RSS and PSS
sampled every 0.5 s, and the peak of each tenth of the crawl printed as the articles stored
pass it, with each process's RSS at that peak (the crawl's own, then the processes it started:
forkserver, resource tracker, extraction processes).

Example, from the repo root (nginx: `apt-get install -y nginx-light`):

    python bench/crawl_memory.py --articles 100000

A crawl whose memory grew with the pages it crawled would show it tenth by tenth; what it holds
for the whole crawl (the URLs it has decided on) shows in the first tenth.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402

from bench.crawl import command  # noqa: E402
from bench.nginx import free_port, serve_directory  # noqa: E402
from bench.sitegen import generate  # noqa: E402

MB = 1 << 20


class Peak:
    """The highest summed RSS seen in a window (with each process's RSS then), and PSS."""

    def __init__(self) -> None:
        self.rss, self.pss, self.each = 0, 0, [0]

    def sample(self, root: psutil.Process) -> None:
        try:
            infos = [p.memory_full_info() for p in [root, *root.children(recursive=True)]]
        except psutil.Error:
            return  # a process ended between the listing and the reading
        rss = sum(i.rss for i in infos)
        if rss > self.rss:
            self.rss, self.each = rss, [i.rss for i in infos]
        self.pss = max(self.pss, sum(i.pss for i in infos))

    def row(self, label: str, elapsed: float) -> str:
        each = ", ".join(str(r // MB) for r in self.each)
        return f"| {label} | {elapsed:.0f} s | {self.rss // MB} ({each}) | {self.pss // MB} |"


def stored(db: Path) -> int:
    """Articles the crawl has committed so far (0 before the table exists)."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def run(articles: int, workdir: Path) -> None:
    port = free_port()
    generate(workdir / "site", articles, f"http://127.0.0.1:{port}")
    db = workdir / "archive.db"
    print("| articles stored | elapsed | peak RSS MB (each process) | peak PSS MB |")
    print("|---|---|---|---|")
    with serve_directory(workdir / "site", port) as served:
        started = time.perf_counter()
        crawl = subprocess.Popen(command("ours", served.base, db), cwd=REPO_ROOT)
        root, peak, mark, counted = psutil.Process(crawl.pid), Peak(), articles // 10, 0.0
        while crawl.poll() is None:
            time.sleep(0.5)
            peak.sample(root)
            if time.perf_counter() - counted < 2:
                continue
            counted = time.perf_counter()
            count = stored(db)
            if count >= mark:
                print(peak.row(f"{count:,}", counted - started), flush=True)
                peak, mark = Peak(), mark + articles // 10
        if peak.rss:  # what came after the last tenth printed
            print(peak.row(f"{stored(db):,} (end)", time.perf_counter() - started))
    if crawl.returncode != 0:
        raise SystemExit(f"the crawl exited with {crawl.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crawl-memory-") as tmp:
        run(args.articles, Path(tmp))


if __name__ == "__main__":
    main()
