"""The WARC commands of the command line: import-warc and export-warc."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from archive.store import ArchiveError, open_archive
from archive.warc_export import export_warc
from pipelines.extraction import ExtractionError, load_rules
from spiders.settings import ARCHIVE_MIN_WORDS, DOWNLOAD_MAXSIZE

console = Console(stderr=True)


@click.command("import-warc")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("warcs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
    help="Per-site rules file (TOML) to apply.",
)  # fmt: skip
@click.option(
    "--min-words", type=click.IntRange(min=0), default=ARCHIVE_MIN_WORDS, show_default=True,
    help="Fewest body words of an article (ARCHIVE_MIN_WORDS).",
)  # fmt: skip
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=DOWNLOAD_MAXSIZE, show_default=True,
    help="The most bytes a page may hold once decoded (DOWNLOAD_MAXSIZE).",
)  # fmt: skip
def import_warc(
    db: str, warcs: tuple[Path, ...], rules_path: str | None, min_words: int, max_bytes: int
) -> None:
    """Import WARC files made by any tool (wget --warc-file, Heritrix, Browsertrix...) into DB.

    Every HTML response is extracted like a crawled page; its capture points at its record
    where the file is (keep the files). A file that cannot be read is reported and the
    others are imported; the exit status is then 1.

        news-archive import-warc archive.db site-2019.warc.gz site-2020.warc.gz
    """
    # The extractor (~0.5 s to import) only when importing, not for every command's start.
    from archive.ingest import IngestOptions
    from archive.warc_import import ImportJob, import_warcs

    try:
        rules = load_rules(rules_path) if rules_path else None
        archive = open_archive(db)
    except (ExtractionError, ArchiveError) as error:
        raise click.ClickException(str(error)) from error
    settings = {"ARCHIVE_MIN_WORDS": min_words, "ARCHIVE_RULES": rules_path or ""}
    job = ImportJob(list(warcs), IngestOptions(min_words, rules), max_bytes, settings)
    with console.status(f"importing {len(warcs)} WARC files…"):
        result = import_warcs(archive, job)
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(result.counts.items()))
    summary = f"Imported {len(warcs)} files (crawl {result.crawl_id}): {counts or 'no records'}"
    console.print(summary, soft_wrap=True, highlight=False)
    for line in result.errors:  # one unwrapped line per file, for people and scripts
        console.print(Text("error: ", style="red") + Text(line), soft_wrap=True)
    if result.errors:
        raise click.exceptions.Exit(1)


@click.command("export-warc")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", help="Only this site's captures (as in the captures table: host[:port]).")
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Only captures fetched at or after this date (UTC).",
)  # fmt: skip
def export_warc_command(db: str, out: Path, site: str | None, since: datetime | None) -> None:
    """Write the archive's captures to a new WARC file OUT, for handing them on.

    Records are copied byte for byte from the archive's WARC files; captures made before
    them are written as new records.

        news-archive export-warc archive.db --site example-news.com --since 2026-01-01 o.warc.gz
    """
    try:
        archive = open_archive(db, create=False)
        result = export_warc(archive, out, site, _iso(since))
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    console.print(
        f"Exported {result.captures} captures to {out}: {result.copied} records copied,"
        f" {result.rewritten} written from bytes held in the database",
        soft_wrap=True,
        highlight=False,
    )


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.time() == datetime.min.time():
        return date.isoformat(moment.date())
    return moment.isoformat()
