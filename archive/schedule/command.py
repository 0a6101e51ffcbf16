"""The `schedule` command: crawl each site of the archive when it is due."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from archive.schedule.local import LocalRunner, default_workers
from archive.schedule.loop import Runner, ScheduleOptions, Scheduler
from archive.schedule.scrapyd import ScrapydError, ScrapydRunner
from archive.sites.commands import open_db


def _scrapyd_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and urlsplit(value).scheme not in {"http", "https"}:
        raise click.BadParameter(f"{value!r} is not an http(s) URL (e.g. http://127.0.0.1:6800)")
    return value


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option(
    "--workers", type=click.IntRange(min=1),
    help="Crawls at once (default: the machine's cores; with --scrapyd, its max_proc rules).",
)  # fmt: skip
@click.option("--once", is_flag=True, help="Run what is due now, wait for it, and exit.")
@click.option(
    "--scrapyd", "scrapyd_url", callback=_scrapyd_url, metavar="URL",
    help="Hand due crawls to this scrapyd (its schedule.json) instead of running them here.",
)  # fmt: skip
@click.option(
    "--project", default="news-archive", show_default=True,
    help="The scrapyd project the crawler was deployed as (scrapy.cfg [deploy]).",
)  # fmt: skip
@click.option(
    "--stop-timeout", type=click.FloatRange(min=0), default=60, show_default=True,
    help="Seconds running crawls get to stop cleanly on SIGTERM/Ctrl-C.",
)  # fmt: skip
def schedule(db: str, once: bool, scrapyd_url: str | None, **options: object) -> None:
    """Crawl each site of the archive DB when it is due (see `news-archive sites`).

    Runs until SIGTERM or Ctrl-C, which stop the running crawls so that their next run
    resumes them; runs missed while no scheduler ran make one run. With --once, runs what
    is due and exits 1 if any run failed (for cron or a systemd timer). Example:

        news-archive schedule archive.db --workers 4
    """
    archive = open_db(db, create=False)
    runner = _runner(Path(db), scrapyd_url, options)
    _log_to_stderr()
    settings = ScheduleOptions(once=once, stop_timeout=float(str(options["stop_timeout"])))
    tally = Scheduler(archive, runner, settings).run()
    if once:
        summary = ", ".join(f"{n} {status}" for status, n in sorted(tally.ended.items()))
        click.echo(f"{tally.started} run(s) started" + (f": {summary}" if summary else ""))
        if tally.failed:
            raise click.ClickException(f"{tally.failed} run(s) failed (see the log above)")


def _log_to_stderr() -> None:
    """Each run's start and end, one line each, for a terminal or the journal."""
    logger = logging.getLogger("archive.schedule")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _runner(db: Path, scrapyd_url: str | None, options: dict[str, object]) -> Runner:
    if scrapyd_url is None:
        workers = options["workers"]
        return LocalRunner(db, workers if isinstance(workers, int) else default_workers())
    try:
        return ScrapydRunner(scrapyd_url, str(options["project"]), db)
    except ScrapydError as error:
        raise click.ClickException(str(error)) from error
