"""Incremental crawls measured: requests made by successive crawls of one generated site
(bench/revisit_site.py, on 127.0.0.1), counted at the server, side by side.

1. the first crawl of the site into an empty archive;
2. a second crawl of the unchanged site (nothing due for a re-check yet);
3. a crawl after new stories were published and others edited (nothing due yet);
4. a crawl once the revisit steps have come (run with ARCHIVE_REVISIT_AFTER=1s, as if the
   first step had passed): every known article re-checked with If-None-Match;
5. `crawl --full`: everything fetched again, as before incremental crawls.

Example, from the repo root:

    python bench/revisit.py --articles 1000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlite_utils  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.revisit_site import GeneratedSite, serve  # noqa: E402

# No politeness delay on loopback; the same for every crawl.
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "RETRY_TIMES": "0",
}  # fmt: skip


@dataclass(frozen=True)
class Run:
    """One crawl as the server and the archive saw it."""

    name: str
    requests: dict[str, int]
    bytes_sent: int
    crawl: dict
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.requests.values())


def crawl(site: GeneratedSite, base: str, db: Path, name: str, *extra: str) -> Run:
    site.reset_counts()
    args = [arg for key, value in SETTINGS.items() for arg in ("-s", f"{key}={value}")]
    command = [sys.executable, "-m", "archive.cli", "crawl", f"{base}/", "--db", str(db), "-q",
               *args, *extra]  # fmt: skip
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{name}: the crawl failed:\n{result.stderr[-2000:]}")
    row = list(sqlite_utils.Database(db).query("select * from crawls order by id desc limit 1"))
    return Run(name, dict(site.requests), site.bytes_sent, row[0], seconds)


def report(runs: list[Run], articles: int) -> Table:
    table = Table(title=f"Incremental crawls of a generated {articles:,}-article site")
    for column in ("crawl", "requests", "vs first", "article 200s", "article 304s",
                   "other pages", "KB sent", "new", "edits", "not modified", "known skipped",
                   "extracted", "s"):  # fmt: skip
        table.add_column(column, justify="left" if column == "crawl" else "right")
    first = runs[0].total
    for run in runs:
        r, c = run.requests, run.crawl
        other = run.total - r.get("article", 0) - r.get("not_modified", 0)
        table.add_row(
            run.name, f"{run.total:,}", f"{run.total / first:.1%}", f"{r.get('article', 0):,}",
            f"{r.get('not_modified', 0):,}", f"{other:,}", f"{run.bytes_sent / 1024:,.0f}",
            str(c["articles_new"]), str(c["articles_updated"]),
            str(c["articles_not_modified"] or 0), str(c["known_skipped"] or 0),
            str(c["pages_extracted"] or 0), f"{run.seconds:.1f}",
        )  # fmt: skip
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=10, help="stories published and edited")
    args = parser.parse_args()
    site = GeneratedSite(args.articles)
    with tempfile.TemporaryDirectory() as tmp, serve(site) as base:
        db = Path(tmp) / "revisit.db"
        runs = [crawl(site, base, db, "1. first crawl")]
        runs.append(crawl(site, base, db, "2. unchanged"))
        for story in site.newest()[: args.changes]:
            site.edit(story.slug, "Correction: an earlier version of this story misnamed the port.")
        for _ in range(args.changes):
            site.publish()
        runs.append(crawl(site, base, db, f"3. +{args.changes} new, {args.changes} edited"))
        due = ("-s", "ARCHIVE_REVISIT_AFTER=1s")
        runs.append(crawl(site, base, db, "4. steps due", *due))
        runs.append(crawl(site, base, db, "5. --full", "--full"))
    Console(width=160).print(report(runs, args.articles))
    print("other pages: home, section pages, feed, sitemap and robots.txt (fetched twice: by")
    print("Scrapy's robots.txt middleware and by the spider for its sitemaps)")


if __name__ == "__main__":
    main()
