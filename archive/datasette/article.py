"""One article for reading: its fields, captions with credits, versions and a word-level diff."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CaptionView:
    position: int
    caption: str | None
    credit: str | None
    image_url: str | None
    alt: str | None


@dataclass(frozen=True)
class VersionView:
    version: int
    seen_at: str | None
    headline: str | None
    content_hash: str | None


@dataclass(frozen=True)
class DiffPiece:
    """A run of words that both versions share ("equal"), or that one of them lacks."""

    op: str  # equal, insert, delete
    text: str


@dataclass(frozen=True)
class VersionDiff:
    old: int
    new: int
    pieces: list[DiffPiece]


@dataclass(frozen=True)
class ArticleView:
    id: int
    url: str
    final_url: str | None
    site: str
    site_name: str | None
    headline: str | None
    authors: list[str]
    published: str | None
    modified: str | None
    first_seen: str | None
    last_seen: str | None
    section: str | None
    tags: list[str]
    language: str | None
    description: str | None
    word_count: int | None
    capture_id: int | None
    paragraphs: list[str]
    captions: list[CaptionView] = field(default_factory=list)
    versions: list[VersionView] = field(default_factory=list)


def _names(value: str | None) -> list[str]:
    # Stored as JSON lists; a row written by hand may hold anything, shown as it is.
    try:
        names = json.loads(value or "[]")
    except ValueError:
        return [value] if value else []
    return [str(n) for n in names] if isinstance(names, list) else [str(names)]


_ARTICLE_COLUMNS = (
    "id, url, final_url, site, site_name, headline, authors, published, modified, first_seen,"
    " last_seen, section, tags, language, description, word_count, capture_id, body"
)


def load_article(conn: sqlite3.Connection, article_id: int) -> ArticleView | None:
    """The article with its captions (in order) and versions (oldest first), or None."""
    conn.row_factory = sqlite3.Row
    row = conn.execute(
        f"select {_ARTICLE_COLUMNS} from articles where id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    data = dict(row)
    body = data.pop("body") or ""
    data["authors"], data["tags"] = _names(data["authors"]), _names(data["tags"])
    captions = [
        CaptionView(**dict(r))
        for r in conn.execute(
            "select position, caption, credit, image_url, alt from captions"
            " where article_id = ? order by position",
            [article_id],
        )
    ]
    versions = [
        VersionView(**dict(r))
        for r in conn.execute(
            "select version, seen_at, headline, content_hash from article_versions"
            " where article_id = ? order by version",
            [article_id],
        )
    ]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return ArticleView(**data, paragraphs=paragraphs, captions=captions, versions=versions)


def _version_text(conn: sqlite3.Connection, article_id: int, version: int) -> str | None:
    row = conn.execute(
        "select headline, body, captions_text from article_versions"
        " where article_id = ? and version = ?",
        [article_id, version],
    ).fetchone()
    if row is None:
        return None
    return "\n\n".join(part or "" for part in row)


# Words with the space after them, and paragraph breaks as tokens of their own.
_TOKENS = re.compile(r"\n\s*\n|\S+\s*")


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """The words of new against old: runs kept, inserted and deleted, in reading order."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            pieces.append(DiffPiece("equal" if op == "equal" else "delete", "".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            pieces.append(DiffPiece("insert", "".join(b[j1:j2])))
    return pieces


def version_diff(
    conn: sqlite3.Connection, article_id: int, old: int, new: int
) -> VersionDiff | None:
    """The word-level diff between two stored versions, or None if either is missing."""
    before, after = _version_text(conn, article_id, old), _version_text(conn, article_id, new)
    if before is None or after is None:
        return None
    return VersionDiff(old, new, word_diff(before, after))
