"""The news-archive command line: crawl, extract, search, serve, stats and demo; the sites and
schedule commands live in archive.sites and archive.schedule."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

import click
import sqlite_utils
from rich.console import Console

from archive import __version__
from archive.progress import CrawlProgress, summary_table
from archive.report import archive_stats
from archive.schedule.command import schedule
from archive.sites.commands import sites
from archive.store import ArchiveError, open_archive, open_readonly, read_mode
from archive.texts import read_page_arg, render_explanation, render_hits, render_stats
from archive.warc_commands import export_warc_command, import_warc

# The extraction library (~0.5 s to import) is imported only by the commands that extract.

if TYPE_CHECKING:
    from archive.crawl import CrawlJob

console = Console(stderr=True)


def _http_url(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    for value in values:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise click.BadParameter(f"{value!r} is not an http(s) URL")
    return list(values)


def _setting(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    pairs = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip().isupper():
            raise click.BadParameter(f"{value!r} is not NAME=VALUE (e.g. DOWNLOAD_TIMEOUT=10)")
        pairs[name.strip()] = setting
    return pairs


def _archive(path: str, readonly: bool = False, create: bool = True) -> sqlite_utils.Database:
    try:
        return open_readonly(path) if readonly else open_archive(path, create=create)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    # Only here: importing the extraction library costs ~0.5 s that other commands don't pay.
    from pipelines.extraction import EXTRACTOR_VERSION

    click.echo(f"news-archive {__version__} (extraction rules {EXTRACTOR_VERSION})")
    ctx.exit()


@contextmanager
def _reading(path: str) -> Iterator[None]:
    """An archive that opened but whose pages cannot be read (a damaged disk, a file cut
    short): one line saying so and what to do, not a traceback."""
    try:
        yield
    except (sqlite3.DatabaseError, ArchiveError) as error:
        raise click.ClickException(
            f"{path}: the archive is damaged ({error}); `sqlite3 {path} .recover` saves"
            " what can be read into a new file"
        ) from error


@click.group()
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version (and the extraction rules') and exit.",
)
def cli() -> None:
    """Crawl news sites into a clean, searchable SQLite archive and publish it with Datasette."""


@cli.command()
@click.argument("urls", nargs=-1, callback=_http_url)
@click.option("--feed", "feeds", multiple=True, callback=_http_url, help="RSS/Atom feed URL.")
@click.option("--sitemap", "sitemaps", multiple=True, callback=_http_url, help="Sitemap URL.")
@click.option("--db", default="archive.db", show_default=True, help="Archive file to write.")
@click.option("--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages.")
@click.option("--depth", type=click.IntRange(min=0), help="Link depth to follow (default 3).")
@click.option("--delay", type=click.FloatRange(min=0), help="Seconds between requests to a site.")
@click.option(
    "--rules",
    "rules_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Per-site rules file (TOML), the ARCHIVE_RULES setting.",
)
@click.option(
    "--resume-dir", type=click.Path(file_okay=False),
    help="Keep the crawl's queue here; run again with the same directory to resume it.",
)  # fmt: skip
@click.option(
    "--full", is_flag=True,
    help="Fetch every page again, even articles the archive holds and not yet due for a"
    " re-check (ARCHIVE_INCREMENTAL=False).",
)  # fmt: skip
@click.option(
    "-s", "--set", "overrides", multiple=True, callback=_setting, metavar="NAME=VALUE",
    help="Override a Scrapy or ARCHIVE_* setting (repeatable).",
)  # fmt: skip
@click.option(
    "--redis", "redis_url", metavar="URL",
    help="Be one worker of a distributed crawl sharing this Redis server's queue; the pages"
    " go to `news-archive ingest`, not to --db.",
)  # fmt: skip
@click.option("--redis-key", default="news-archive", show_default=True, help="The crawl's keys.")
@click.option("-v", "--verbose", count=True, help="Show Scrapy's log (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="No progress display, errors only.")
def crawl(
    urls: list[str], feeds: list[str], sitemaps: list[str], db: str, max_pages: int,
    depth: int | None, delay: float | None, rules_path: str | None, resume_dir: str | None,
    full: bool, overrides: dict[str, str], redis_url: str | None, redis_key: str, verbose: int,
    quiet: bool,
) -> None:  # fmt: skip
    """Crawl news sites into the archive DB.

    Start from home or section pages (URLS), feeds and sitemaps; robots.txt sitemaps and
    feeds announced by the pages are found too. A site the archive knows is crawled
    incrementally: articles it holds are fetched again only when due for a re-check
    (ARCHIVE_REVISIT_AFTER), with If-None-Match / If-Modified-Since. Example:

        news-archive crawl https://www.example-news.com/ --db archive.db --max-pages 500

    As one of several workers on one or more machines (see `ingest`):

        news-archive crawl https://www.example-news.com/ --redis redis://10.0.0.5:6379/0
    """
    if not (urls or feeds or sitemaps):
        raise click.UsageError("give at least one URL, --feed or --sitemap to crawl")
    if redis_url and resume_dir:
        raise click.UsageError("--resume-dir and --redis: the Redis queue is the one to resume")
    if redis_url:
        overrides.update(REDIS_URL=redis_url, ARCHIVE_REDIS_KEY=redis_key)
    level = "DEBUG" if verbose > 1 else "INFO" if verbose else "ERROR" if quiet else "WARNING"
    if rules_path:
        overrides["ARCHIVE_RULES"] = rules_path
    if resume_dir:
        overrides["ARCHIVE_RESUME_DIR"] = resume_dir
    if full:
        overrides["ARCHIVE_INCREMENTAL"] = "False"
    from archive.crawl import CrawlJob  # Scrapy and Twisted: only the crawling commands

    job = CrawlJob(db, urls, feeds, sitemaps, max_pages, depth, delay, level, overrides)
    stats = _run(job, show_progress=not quiet and not verbose)
    if not quiet:
        console.print(summary_table(stats))


def _run(job: CrawlJob, show_progress: bool) -> dict:
    from archive.crawl import ConfigError, CrawlFailed, run_crawl

    try:
        if not show_progress:
            return run_crawl(job)
        with CrawlProgress(console) as progress:
            return run_crawl(job, on_tick=progress.tick)
    except (ArchiveError, ConfigError, CrawlFailed) as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help="The workers' Redis.")
@click.option("--redis-key", default="news-archive", show_default=True, help="The crawl's keys.")
@click.option("--db", default="archive.db", show_default=True, help="Archive file to write.")
@click.option(
    "--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
    help="Per-site rules file (TOML) to apply.",
)  # fmt: skip
@click.option("--min-words", type=click.IntRange(min=0), default=50, show_default=True,
              help="Fewest body words of an article (ARCHIVE_MIN_WORDS).")  # fmt: skip
@click.option("--processes", type=click.IntRange(min=1), help="Extraction processes [cores].")
@click.option("-q", "--quiet", is_flag=True, help="No progress display, errors only.")
def ingest(
    redis_url: str, redis_key: str, db: str, rules_path: str | None, min_words: int,
    processes: int | None, quiet: bool,
) -> None:  # fmt: skip
    """Store what the workers of a distributed crawl fetch: the crawl's one archive writer.

    Workers (`news-archive crawl URL --redis URL`, on any machines) share the queue in
    Redis and put every page there; this writes their WARC records, captures, articles and
    failures into DB, and ends when the crawl is over and all is in. Example:

        news-archive ingest --redis redis://10.0.0.5:6379/0 --db archive.db
    """
    import redis

    from archive.relay_ingest import IngestJob, run_ingest

    _archive(db).close()  # a usable archive, or one line saying why not
    count = processes or len(os.sched_getaffinity(0))
    job = IngestJob(db, redis_url, redis_key, min_words, rules_path or "", count)
    stopping: list[int] = []  # Ctrl-C or SIGTERM: finish the chunk in hand, then stop
    previous = {n: signal.signal(n, lambda number, frame: stopping.append(number))
                for n in (signal.SIGINT, signal.SIGTERM)}  # fmt: skip
    try:
        if quiet:
            stats = run_ingest(job, stop=lambda: bool(stopping))
        else:
            with CrawlProgress(console) as progress:
                stats = run_ingest(job, on_tick=progress.tick, stop=lambda: bool(stopping))
    except redis.RedisError as error:
        raise click.ClickException(f"Redis at {redis_url}: {error}") from error
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if not quiet:
        console.print(summary_table(stats))


@cli.command()
@click.argument("page")
@click.option("--url", help="The page's URL, when PAGE is a file (resolves relative links).")
@click.option("--explain", "show_why", is_flag=True, help="Show kept and dropped blocks and why.")
@click.option(
    "--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
    help="Per-site rules file (TOML) to apply.",
)  # fmt: skip
def extract(page: str, url: str | None, show_why: bool, rules_path: str | None) -> None:
    """Print the clean record of one page (a file or an http(s) URL) as JSON.

    news-archive extract page.html --url https://site/2026/03/14/story
    """
    from pipelines.extraction import ExtractionError, load_rules
    from pipelines.extraction.core import explain

    html, page_url = read_page_arg(page, url)
    try:
        rules = load_rules(rules_path) if rules_path else None
        result = explain(html, page_url, rules)
    except ExtractionError as error:
        raise click.ClickException(f"{page}: {error}") from error
    click.echo(json.dumps(result.article.to_dict(), ensure_ascii=False, indent=2))
    if show_why:
        render_explanation(console, result)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option(
    "--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
    help="Per-site rules file (TOML) to apply.",
)  # fmt: skip
@click.option(
    "--min-words", type=click.IntRange(min=0),
    help="Fewest body words of an article (default: each capture's crawl's ARCHIVE_MIN_WORDS).",
)  # fmt: skip
def reextract(db: str, rules_path: str | None, min_words: int | None) -> None:
    """Extract every archived page again from its raw capture, with today's extractor.

    Nothing is fetched; an article whose text comes out different gets a new version, one
    whose byline, dates, tags... changed is corrected in place.

        news-archive reextract archive.db --rules rules.toml
    """
    from archive.reextract import reextract as run_reextract
    from pipelines.extraction import ExtractionError, load_rules

    archive = _archive(db, create=False)
    try:
        rules = load_rules(rules_path) if rules_path else None
    except ExtractionError as error:
        raise click.ClickException(str(error)) from error
    with _reading(db), console.status("re-extracting…"):
        counts = run_reextract(archive, rules, min_words)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no captures"
    console.print(f"Re-extracted: {summary}")


# A query may start with "-" (-word leaves a word out): unknown options are query text.
@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON lines.")
def search(db: str, query: str, limit: int, as_json: bool) -> None:
    """Full-text search, best matches first, with highlighted snippets.

    Words are ANDed; "quoted phrases", OR and -word work; Japanese, Thai and other unspaced
    scripts are searched as text.

        news-archive search archive.db "human trafficking" -sport
    """
    from archive.search import search as search_archive

    archive = _archive(db, readonly=True)
    with _reading(db):
        hits = search_archive(archive, query, limit=limit, marks=("\x02", "\x03"))
    if as_json:
        for hit in hits:
            row = hit.__dict__ | {"snippet": hit.snippet.replace("\x02", "").replace("\x03", "")}
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    render_hits(Console(), hits, query)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Publish the archive with Datasette (read-only, search and facets on).

    news-archive serve archive.db --port 8001
    """
    _archive(db, readonly=True).close()
    # On a read-only filesystem Datasette must open it immutable (-i), as open_readonly does.
    _serve(db, host, port, immutable=read_mode(db) == "immutable=1")


def _serve(db: str, host: str, port: int, immutable: bool = False) -> None:
    from archive.publish import serve_args

    base = f"http://{host}:{port}/{Path(db).stem}"
    console.print(f"Datasette: {base}  search: {base}/-/search  (Ctrl-C to stop)")
    args = serve_args(db, host, port)
    if immutable:
        args[args.index(str(db))] = f"--immutable={db}"
    server = subprocess.Popen(args)
    # SIGTERM (kill, systemd, docker stop) must stop Datasette too, not leave it listening.
    previous = signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        code = server.wait()
    except KeyboardInterrupt:
        # Ctrl-C in a terminal reaches Datasette too; a lone SIGINT to us must be passed on.
        server.send_signal(signal.SIGINT)
        code = 0 if server.wait(timeout=30) in (0, -signal.SIGINT) else 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    if code not in (0, -signal.SIGTERM):
        raise click.ClickException(f"datasette exited with status {code}")


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats(db: str, as_json: bool) -> None:
    """Articles per site, the last crawls, and failures by kind.

    news-archive stats archive.db
    """
    archive = _archive(db, readonly=True)
    with _reading(db):
        data = archive_stats(archive)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        render_stats(Console(), data)


@cli.command()
@click.option("--db", default="demo.db", show_default=True, help="Archive file to create.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--serve/--no-serve", default=True, help="Start Datasette after the crawl.")
def demo(db: str, port: int, serve: bool) -> None:
    """Serve the bundled demo news sites on 127.0.0.1, crawl them into DB, publish with Datasette.

    news-archive demo --db demo.db
    """
    from archive.crawl import CrawlJob
    from archive.demo import PUBLISHERS, DemoSites

    # Fixed ports keep the demo's article URLs (the archive's keys) the same from run to run.
    ports = cast("tuple[int, int, int]", tuple(p.default_port for p in PUBLISHERS))
    sites = DemoSites(host="127.0.0.1", ports=ports)
    try:
        sites.start()
    except OSError as error:
        raise click.ClickException(f"cannot serve the demo sites: {error}") from error
    try:
        console.print("Demo sites: " + "  ".join(sites.base_urls))
        job = CrawlJob(db, list(sites.base_urls), delay=0, overrides=_DEMO_SETTINGS)
        stats = _run(job, show_progress=True)
        console.print(summary_table(stats))
        if serve:
            _serve(db, "127.0.0.1", port)
    finally:
        sites.stop()


cli.add_command(sites)
cli.add_command(schedule)
cli.add_command(import_warc)
cli.add_command(export_warc_command)

# The demo sites are on loopback: no need to be gentle with them.
_DEMO_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}

if __name__ == "__main__":
    sys.exit(cli())
