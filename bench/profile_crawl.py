"""Where a crawl's CPU goes: `news-archive crawl` of a generated site under py-spy (every
process and thread, 100 samples a second), the samples summed up by what the code was doing.

Example, from the repo root:

    python bench/profile_crawl.py --articles 2000

Each sample is put in the first group, in the order below, that one of its frames belongs to
(extraction before the rest, so the extractor's own URL handling counts as extraction); the
extraction is split by the extraction module nearest the leaf. Figures are shares of all
samples and CPU ms per stored article (samples / rate / articles).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlite_utils  # noqa: E402

from bench.crawl import SETTINGS  # noqa: E402
from bench.nginx import free_port, serve_directory  # noqa: E402
from bench.sitegen import generate  # noqa: E402

RATE = 100
# (group, patterns any frame of the sample may match), first match wins.
_GROUPS = [
    ("extraction", [r"\(pipelines/extraction/core\.py", "page_to_article", "extract_in_worker"]),
    ("capture: WARC record + captures row",
     [r"\(pipelines/capture\.py", r"\(archive/store/captures", r"\(archive/warc/"]),
    ("article store (SQLite, FTS)", [r"\(pipelines/store\.py", r"\(archive/store/articles"]),
    ("write batches", [r"\(archive/store/batch", r"\(pipelines/writes"]),
    ("extraction pool, pickling",
     [r"\(pipelines/extract_pool", r"\(pipelines/extract\.py", r"\(concurrent/futures",
      r"\(multiprocessing/"]),
    ("failures recorded", ["record_failure", "add_failure"]),
    ("frontier (resume file)", [r"\(spiders/frontier\.py"]),
    ("canonicalisation and skip rules",
     ["canonical_url", r"\(w3lib/url\.py", "skip_reason", r"\(spiders/scope\.py",
      "followed_from_article"]),
    ("building Request objects", [r"Request\.__init__ \(scrapy/http", r"_request \(spiders/news"]),
    ("link extraction (parse, links)",
     ["linkextractors", "_page_links", r"\(parsel/", r"\(spiders/discovery/page_links"]),
    ("Scrapy scheduling and dupefilter",
     [r"\(scrapy/core/scheduler\.py", "dupefilters", r"\(scrapy/utils/request\.py", "pqueues",
      "queuelib", r"ExecutionEngine\.(crawl|_schedule_request)"]),
    ("spider middleware chain, callback output",
     [r"\(scrapy/core/spidermw\.py", r"\(scrapy/spidermiddlewares/", "_parallel_asyncio",
      "_process_spidermw_output"]),
    ("download, HTTP, reactor I/O",
     [r"\(scrapy/core/downloader", r"\(scrapy/core/http", r"\(twisted/web",
      r"\(twisted/internet/(tcp|_newtls|abstract)", r"\(h11/"]),
    ("sitemaps, feeds", [r"\(spiders/discovery/(sitemaps|feeds)"]),
]  # fmt: skip
GROUPS = [(name, "|".join(patterns)) for name, patterns in _GROUPS]
_EXTRACTION_PARTS = {
    "clean": "boilerplate", "body": "body", "blocks": "body", "language": "language id",
    "dates": "dates", "page": "parse, metadata, JSON-LD", "metadata": "parse, metadata, JSON-LD",
    "jsonld": "parse, metadata, JSON-LD", "decode": "parse, metadata, JSON-LD",
    "captions": "captions", "figures": "captions", "figure_parts": "captions",
    "bare_figures": "captions", "stripped_figures": "captions", "credits": "captions",
    "authors": "authors", "bylines": "authors", "byline_markup": "authors",
    "headline": "headline", "classify": "article or not", "urls": "URLs", "text": "text",
}  # fmt: skip
# A thread waiting for work, which py-spy samples as active.
_IDLE = re.compile(r"(Condition\.wait|Queue\.get|_recv_bytes|select|poll) \([^;]*$")
_FRAME_FILE = re.compile(r"\(pipelines/extraction/(\w+)\.py\)")


def group_of(frames: str) -> str:
    for name, pattern in GROUPS:
        if re.search(pattern, frames):
            if name == "extraction":
                parts = _FRAME_FILE.findall(frames)
                return (
                    f"extraction: {_EXTRACTION_PARTS.get(parts[-1], 'other') if parts else 'other'}"
                )
            return name
    return "other (engine, reactor, logging...)"


def summarise(raw: Path) -> tuple[Counter[str], Counter[str]]:
    """Samples per group, for all processes and for the main process's main thread."""
    groups: Counter[str] = Counter()
    main_thread: Counter[str] = Counter()
    first_pid = None
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        process, _, rest = stack.partition(";")
        thread, _, frames = rest.partition(";")
        if _IDLE.search(frames):
            continue
        pid = process.split(":", 1)[0]
        first_pid = first_pid or pid
        group = group_of(frames)
        groups[group] += int(count)
        if pid == first_pid and "MainThread" in thread:
            main_thread[group] += int(count)
    return groups, main_thread


def print_summary(groups: Counter[str], main: Counter[str], articles: int) -> None:
    total, main_total = sum(groups.values()), sum(main.values())
    print(f"{total} samples ({total / RATE:.1f} CPU s), {articles} articles stored;"
          f" main thread {100 * main_total / total:.0f}% of them")  # fmt: skip
    print(f"| {'where':<44} | share | CPU ms/article | main thread share |")
    print(f"|{'-' * 46}|------:|---------------:|------------------:|")
    for name, count in groups.most_common():
        ms = 1000 * count / RATE / max(articles, 1)
        share_main = 100 * main[name] / main_total if main_total else 0
        print(f"| {name:<44} | {100 * count / total:4.1f}% | {ms:14.2f} | {share_main:16.1f}% |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--raw", type=Path, help="summarise this py-spy raw file instead")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    if args.raw:
        groups, main_thread = summarise(args.raw)
        print_summary(groups, main_thread, args.articles)
        return
    with tempfile.TemporaryDirectory(prefix="bench-profile-", dir=args.workdir) as tmp:
        workdir, port = Path(tmp), free_port()
        generate(workdir / "site", args.articles, f"http://127.0.0.1:{port}")
        with serve_directory(workdir / "site", port) as served:
            settings = [a for k, v in SETTINGS.items() for a in ("-s", f"{k}={v}")]
            db, raw = workdir / "archive.db", workdir / "profile.txt"
            crawl = [sys.executable, "-m", "archive.cli", "crawl", f"{served.base}/", "--db",
                     str(db), "-q", *settings]  # fmt: skip
            # py-spy is installed beside this Python (the bench extra), maybe not on PATH.
            spy = [
                str(Path(sys.executable).with_name("py-spy")),
                "record",
                "-f",
                "raw",
                "-s",
                "-t",
                "--nolineno",
                "-r",
                str(RATE),
            ]
            subprocess.run([*spy, "-o", str(raw), "--", *crawl], check=True, cwd=REPO_ROOT)
        articles = sqlite_utils.Database(db)["articles"].count
        groups, main_thread = summarise(raw)
        print_summary(groups, main_thread, articles)
        (REPO_ROOT / "bench" / "results").mkdir(exist_ok=True)
        (REPO_ROOT / "bench" / "results" / "crawl-profile.txt").write_text(raw.read_text())


if __name__ == "__main__":
    main()
