"""Read one demo story file: TOML front matter between `+++` lines, then the body paragraphs.

    +++
    id = 101                              # the CMS id: shortlinks, element ids
    headline = "The headline"
    section = "Local News"                # one of the publisher's sections
    tags = ["Ferries", "Transport"]
    authors = ["A. Reporter"]             # or [{ name = "A. Reporter", title = "Staff Reporter" }]
    published = 2026-02-20T07:30:00+00:00
    modified = 2026-02-20T12:10:00+00:00  # optional
    language = "de"                       # optional: when not the publisher's language
    summary = "One or two sentences for listings, feeds and the meta description."

    [[images]]                            # optional, the first one is the lead image
    src = "/wp-content/uploads/2026/02/a-photo.jpg"
    alt = "What the photo shows"
    caption = "The caption, without the credit."
    credit = "A. Photographer"            # optional
    +++

    The body: paragraphs of plain text separated by blank lines; line breaks inside a paragraph
    are spaces (so a Japanese or Chinese paragraph stays on one line). No other Markdown is
    interpreted.

The file name is the article's slug: `stories/<publisher>/<slug>.md`.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from typing import Any

from archive.demo.model import Author, DemoArticle, Image, paragraphs

_FENCE = "+++"
_REQUIRED = {"id", "headline", "section", "tags", "authors", "published", "summary"}
_OPTIONAL = {"modified", "language", "images"}
_IMAGE_KEYS = {"src", "alt", "caption", "credit"}


class StoryError(ValueError):
    """A story file that cannot be read: the message names the file and what is wrong."""


def parse_story(text: str, *, publisher: str, slug: str, permalink: str) -> DemoArticle:
    """The article a story file describes; StoryError when the file is malformed."""
    meta, body = _split(text, slug)
    keys = set(meta)
    if missing := _REQUIRED - keys:
        raise StoryError(f"{slug}: missing {sorted(missing)}")
    if unknown := keys - _REQUIRED - _OPTIONAL:
        raise StoryError(f"{slug}: unknown keys {sorted(unknown)}")
    return DemoArticle(
        publisher=publisher,
        cms_id=meta["id"],
        slug=slug,
        permalink=permalink,
        headline=meta["headline"],
        section=meta["section"],
        tags=tuple(meta["tags"]),
        authors=tuple(_author(entry, slug) for entry in meta["authors"]),
        published=_moment(meta["published"], slug),
        modified=_moment(meta["modified"], slug) if "modified" in meta else None,
        summary=meta["summary"],
        body=paragraphs(body),
        images=tuple(_image(entry, slug) for entry in meta.get("images", ())),
        language=meta.get("language"),
    )


def _split(text: str, slug: str) -> tuple[dict[str, Any], str]:
    """The parsed front matter and the body text."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != _FENCE or _FENCE not in lines[1:]:
        raise StoryError(f"{slug}: the front matter must sit between two '+++' lines")
    end = lines.index(_FENCE, 1)
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        raise StoryError(f"{slug}: bad front matter: {error}") from error
    body = "\n".join(lines[end + 1 :])
    if not body.strip():
        raise StoryError(f"{slug}: the story has no body")
    return meta, body


def _author(entry: str | dict[str, str], slug: str) -> Author:
    if isinstance(entry, str):
        return Author(entry)
    if set(entry) - {"name", "title"} or "name" not in entry:
        raise StoryError(f"{slug}: an author is a name or {{ name = ..., title = ... }}")
    return Author(entry["name"], entry.get("title"))


def _image(entry: dict[str, str], slug: str) -> Image:
    if set(entry) - _IMAGE_KEYS or not {"src", "alt", "caption"} <= set(entry):
        raise StoryError(f"{slug}: an image has src, alt, caption and an optional credit")
    return Image(entry["src"], entry["alt"], entry["caption"], entry.get("credit"))


def _moment(value: object, slug: str) -> datetime:
    """Demo timestamps are TOML offset date-times: a time without its zone is refused."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise StoryError(f"{slug}: {value!r} is not a date-time with an offset")
    return value
