"""What a benchmark crawl stored, checked against the generated site's manifest: how many
articles, how many with exactly the body the site printed, and (for ours) a digest of every
stored article, to tell that a change to the crawl stores the same articles as before."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from bench.sitegen import body_digest


@dataclass(frozen=True)
class Stored:
    articles: int
    exact: int  # articles whose stored body is the site's body, paragraph for paragraph
    digest: str = ""  # sha256 of the sorted (path, content_hash) of every stored article


def read_manifest(site: Path) -> dict[str, tuple[str, str]]:
    """Each article's path: (headline, body digest)."""
    out = {}
    with (site / "manifest.tsv").open() as lines:
        for line in lines:
            path, headline, digest = line.rstrip("\n").split("\t")
            out[path] = (headline, digest)
    return out


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def ours(db: Path, manifest: dict[str, tuple[str, str]]) -> Stored:
    rows = list(sqlite_utils.Database(db).query("select url, body, content_hash from articles"))
    exact = sum(
        1
        for r in rows
        if manifest.get(_path(r["url"]), ("", ""))[1] == body_digest(r["body"].split("\n\n"))
    )
    lines = sorted(f"{_path(r['url'])}\t{r['content_hash']}" for r in rows)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Stored(len(rows), exact, digest)


def plain(db: Path, manifest: dict[str, tuple[str, str]]) -> Stored:
    rows = list(sqlite_utils.Database(db).query("select url, title, text from articles"))
    exact = 0
    for row in rows:
        headline, digest = manifest.get(_path(row["url"]), ("", ""))
        lines = [line for line in row["text"].split("\n") if line.strip()]
        if lines and lines[0].strip() == headline:  # trafilatura prints the headline first
            lines = lines[1:]
        exact += body_digest(lines) == digest
    return Stored(len(rows), exact)
