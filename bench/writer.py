"""How fast the one archive writer of a distributed crawl ingests: a worker (`news-archive crawl
--redis`) fetches a generated site of N articles into a redis-server of our own, with no
writer running, then `news-archive ingest` alone stores everything the worker put in Redis.

Example, from the repo root (Debian's nginx-light and redis-server):

    python bench/writer.py --articles 2000

Prints the worker's and the writer's rates and CPU, the writer's own process apart from its
extraction processes (its serial part: WARC records, JSON decoding, SQLite transactions,
which more cores for extraction would not speed up), and checks that the archive holds the
same articles as a single-process crawl (the digest in bench/crawl_digests.json).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import redis  # noqa: E402

from bench import crawl_check  # noqa: E402
from bench.crawl import DIGESTS, SETTINGS  # noqa: E402
from bench.nginx import free_port, serve_directory  # noqa: E402
from bench.procs import Measured, measure  # noqa: E402
from bench.sitegen import generate  # noqa: E402


def redis_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found: apt-get install -y redis-server")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(200):
        try:
            redis.Redis.from_url(url).ping()
            return server, url
        except redis.ConnectionError:
            time.sleep(0.05)
    raise SystemExit("redis-server did not start")


def _line(name: str, run: Measured, count: int, unit: str) -> str:
    return (
        f"| {name} | {count:,} {unit} | {run.seconds:.1f} s | {count / run.seconds:.1f} |"
        f" {1000 * run.cpu_seconds / count:.1f} | {1000 * run.own_cpu_seconds / count:.1f} |"
        f" {count / max(run.own_cpu_seconds, 1e-9):.0f} | {run.peak_pss_mb:.0f} |"
        f" {run.others_cores:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    settings = [a for k, v in SETTINGS.items() for a in ("-s", f"{k}={v}")]
    cli = [sys.executable, "-m", "archive.cli"]
    with tempfile.TemporaryDirectory(prefix="bench-writer-", dir=args.workdir) as tmp:
        workdir, port = Path(tmp), free_port()
        generate(workdir / "site", args.articles, f"http://127.0.0.1:{port}")
        server, url = redis_server(workdir)
        try:
            with serve_directory(workdir / "site", port) as served:
                worker = [*cli, "crawl", f"{served.base}/", "--redis", url, "-q", *settings]
                fetched = measure(worker, REPO_ROOT, [], workdir / "worker.log")
            items = redis.Redis.from_url(url).llen("news-archive:items")
            db = workdir / "archive.db"
            writer = [*cli, "ingest", "--redis", url, "--db", str(db), "-q"]
            ingested = measure(writer, REPO_ROOT, [], workdir / "writer.log")
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = crawl_check.ours(db, crawl_check.read_manifest(workdir / "site"))
    print(f"| {args.articles:,} articles | count | wall | per s | CPU ms each (all processes)"
          " | CPU ms each (main process) | per s the main process could do | peak PSS MB"
          " | others' CPU (cores) |\n|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    print(_line("worker: fetch, relay to Redis", fetched, items, "items"))
    print(_line("writer: capture, extract, store", ingested, items, "items"))
    print(f"articles stored: {stored.articles:,} ({stored.exact:,} exact)")
    expected = json.loads(DIGESTS.read_text()).get(str(args.articles)) if DIGESTS.exists() else None
    verdict = "same as a single-process crawl" if stored.digest == expected else "DIFFERENT"
    print(f"stored articles digest {stored.digest}: {verdict if expected else 'none recorded'}")


if __name__ == "__main__":
    main()
