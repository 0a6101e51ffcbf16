"""The clean record extraction returns: an article's text and metadata, typed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from pipelines.extraction.text import count_words

EXTRACTOR_VERSION = "0.2.0"


@dataclass(frozen=True)
class Caption:
    """One image caption of an article, with its photo credit kept apart."""

    caption: str
    credit: str | None = None
    image_url: str | None = None
    alt: str | None = None


@dataclass
class Article:
    """What one HTML page holds once the boilerplate is gone."""

    url: str | None = None
    canonical_url: str | None = None
    headline: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    description: str | None = None
    lead_image_url: str | None = None
    site_name: str | None = None
    is_article: bool = False
    extractor_version: str = EXTRACTOR_VERSION

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.body)

    @cached_property
    def word_count(self) -> int:
        """Counted once (extraction reads it to classify the page, the archive stores it),
        and pickled with the article: an Article's body is not changed once it is made.
        Paragraphs joined by a space, as extraction joins them to count: the same words."""
        return round(count_words(" ".join(self.body)))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: datetimes as ISO 8601 strings, captions as dicts."""
        data = dataclasses.asdict(self)
        for key in ("published", "modified"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["word_count"] = self.word_count
        return data
