"""What a perfect extractor returns for each demo article, field for field like `Article`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from archive.demo.content import publisher
from archive.demo.model import DemoArticle


@dataclass(frozen=True)
class ExpectedCaption:
    """One image: caption without its credit, the credit without a "Photo:" label."""

    caption: str
    credit: str | None
    image_url: str
    alt: str


@dataclass(frozen=True)
class ExpectedArticle:
    """The ground truth for one article page; field names follow the extraction record."""

    url: str
    canonical_url: str
    headline: str
    body: tuple[str, ...]
    captions: tuple[ExpectedCaption, ...]
    authors: tuple[str, ...]
    published: datetime
    modified: datetime | None
    section: str
    tags: tuple[str, ...]
    language: str
    description: str
    lead_image_url: str | None
    site_name: str
    is_article: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, shaped like `Article.to_dict()`: lists, ISO 8601 datetimes."""
        data = dataclasses.asdict(self)
        for key in ("body", "authors", "tags"):
            data[key] = list(data[key])
        data["captions"] = [dict(caption) for caption in data["captions"]]
        data["published"] = self.published.isoformat()
        data["modified"] = self.modified.isoformat() if self.modified else None
        return data


def expected_article(article: DemoArticle, base_url: str | None = None) -> ExpectedArticle:
    """The record for `article` as served at `base_url` (default: its publisher's default)."""
    site = publisher(article.publisher)
    base = base_url or site.default_base_url
    url = urljoin(base, article.path)
    captions = tuple(
        ExpectedCaption(image.caption, image.credit, urljoin(base, image.src), image.alt)
        for image in article.images
    )
    return ExpectedArticle(
        url=url,
        canonical_url=url,
        headline=article.headline,
        body=article.body,
        captions=captions,
        authors=tuple(author.name for author in article.authors),
        published=article.published,
        modified=article.modified,
        section=article.section,
        tags=article.tags,
        # The page says lang="en-GB"; the record keeps the ISO 639-1 code, "en".
        language=(article.language or site.language).split("-")[0].lower(),
        description=article.summary,
        lead_image_url=captions[0].image_url if captions else None,
        site_name=site.name,
    )
