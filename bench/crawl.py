"""Crawl throughput on the bundled demo sites: our full crawl (discovery, extraction, SQLite)
against a bare Scrapy crawl of the same sites with the same settings, in the same run.

Example, from the repo root:

    python bench/crawl.py --runs 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlite_utils  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from archive.demo import DemoSites  # noqa: E402

# Both crawlers get these: no politeness delay on loopback, same concurrency and depth.
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "DEPTH_LIMIT": "3", "RETRY_TIMES": "0",
    "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": "False", "REMOTE_CONTROL_ENABLED": "False",
    "ROBOTSTXT_OBEY": "True",
}  # fmt: skip


def _settings_args() -> list[str]:
    return [arg for name, value in SETTINGS.items() for arg in ("-s", f"{name}={value}")]


def run_ours(urls: list[str], workdir: Path) -> tuple[int, float]:
    db = workdir / f"ours-{time.monotonic_ns()}.db"
    command = [sys.executable, "-m", "archive.cli", "crawl", *urls, "--db", str(db), "-q",
               *_settings_args()]  # fmt: skip
    seconds = _timed(command)
    pages = sqlite_utils.Database(db)["captures"].count
    return pages, seconds


def run_bare(urls: list[str], workdir: Path) -> tuple[int, float]:
    stats = workdir / f"bare-{time.monotonic_ns()}.json"
    script = (
        "import json, sys\n"
        "from scrapy.crawler import CrawlerProcess\n"
        "from bench.bare_spider import BareSpider\n"
        "settings = dict(arg.split('=', 1) for arg in sys.argv[3:])\n"
        "process = CrawlerProcess(settings)\n"
        "crawler = process.create_crawler(BareSpider)\n"
        "process.crawl(crawler, url=sys.argv[1])\n"
        "process.start()\n"
        "get = crawler.stats.get_value\n"
        "pages = get('response_received_count', 0) - get('robotstxt/response_count', 0)\n"
        "json.dump({'pages': pages}, open(sys.argv[2], 'w'))\n"
    )
    settings = [f"{name}={value}" for name, value in SETTINGS.items()]
    seconds = _timed([sys.executable, "-c", script, ",".join(urls), str(stats), *settings])
    return json.loads(stats.read_text())["pages"], seconds


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO_ROOT, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="crawls per crawler (median kept)")
    args = parser.parse_args()
    results: dict[str, list[tuple[int, float]]] = {"news-archive": [], "bare scrapy": []}
    with DemoSites() as sites, tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            results["news-archive"].append(run_ours(sites.base_urls, Path(tmp)))
            results["bare scrapy"].append(run_bare(sites.base_urls, Path(tmp)))
    table = Table(title=f"Crawl of the demo sites ({args.runs} runs each, wall time, median)")
    for column in ("crawler", "pages", "seconds", "pages/s", "each run pages/s", "vs ours"):
        table.add_column(column, justify="right" if column != "crawler" else "left")
    ours_rate = statistics.median(p / s for p, s in results["news-archive"])
    for name, runs in results.items():
        rates = [p / s for p, s in runs]
        rate = statistics.median(rates)
        table.add_row(
            name, str(statistics.median(p for p, _ in runs)),
            f"{statistics.median(s for _, s in runs):.2f}", f"{rate:.1f}",
            ", ".join(f"{r:.1f}" for r in rates), f"{rate / ours_rate:.2f}x",
        )  # fmt: skip
    Console().print(table)
    Console().print(
        "pages: HTML/PDF/error responses (robots.txt not counted); news-archive skips"
        " pagination past 5, calendars and facets, the bare crawler follows every link to"
        " depth 3. Wall time includes interpreter start-up for both."
    )


if __name__ == "__main__":
    main()
