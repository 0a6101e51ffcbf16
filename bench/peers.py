"""The extractors compared by the benchmark: ours, peer libraries and an all-<p> baseline."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from bench import htmltext


@dataclass(frozen=True)
class Prediction:
    """What one extractor gave for one page; None for a field it does not extract."""

    body: str
    headline: str | None = None
    # Each caption alone and with its credit appended, as the fundus-dev scorer reads ours.
    captions: list[str] | None = None
    authors: list[str] | None = None
    published: str | None = None


# (html, url) -> what the extractor found.
Extract = Callable[[str, str], Prediction]
# metadata: also extract headline, authors and date (peers skip that work for body-only runs).
Make = Callable[[bool], Extract]

# The Prediction fields beyond the body, and which peer gives which.
RECORD_FIELDS = frozenset(["headline", "captions", "authors", "published"])


def caption_strings(captions: list[Any]) -> list[str]:
    """Each caption's text, then the text with its credit, without repeats (fundus-dev's
    score.py to_prediction(): a caption counts as found with or without its credit)."""
    out: list[str] = []
    for c in captions:
        text, credit = (c.caption or "").strip(), (c.credit or "").strip()
        out += [x for x in (text, f"{text} {credit}".strip()) if x and x not in out]
    return out


def make_ours(metadata: bool) -> Extract:
    from pipelines.extraction import extract

    def ours(html: str, url: str) -> Prediction:
        article = extract(html, url=url)
        return Prediction(
            body="\n\n".join(article.body),
            headline=article.headline or "",
            captions=caption_strings(article.captions),
            authors=list(article.authors),
            published=article.published.isoformat() if article.published else None,
        )

    return ours


def make_trafilatura(metadata: bool) -> Extract:
    import trafilatura

    def body_only(html: str, url: str) -> Prediction:
        # The reference setup: comments off, everything else default.
        return Prediction(body=trafilatura.extract(html, include_comments=False) or "")

    def record(html: str, url: str) -> Prediction:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
        if doc is None:
            return Prediction(body="", authors=[])
        authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        return Prediction(doc.text or "", doc.title, None, authors, doc.date)

    return record if metadata else body_only


def make_readability(metadata: bool) -> Extract:
    from readability import Document

    def run(html: str, url: str) -> Prediction:
        doc = Document(html)
        body = htmltext.block_text(doc.summary(html_partial=True))
        return Prediction(body=body, headline=doc.short_title() if metadata else None)

    return run


def make_newspaper(metadata: bool) -> Extract:
    import newspaper

    def run(html: str, url: str) -> Prediction:
        # input_html means no page download; fetch_images=False stops image downloads too.
        article = newspaper.article(url, input_html=html, fetch_images=False)
        published = article.publish_date
        return Prediction(
            body=article.text or "",
            headline=article.title,
            authors=list(article.authors),
            published=published.isoformat() if published else None,
        )

    return run


def make_goose(metadata: bool) -> Extract:
    from goose3 import Goose

    goose = Goose()

    def run(html: str, url: str) -> Prediction:
        article = goose.extract(raw_html=html)
        return Prediction(
            body=article.cleaned_text or "",
            headline=article.title,
            authors=list(article.authors),
            published=article.publish_date,
        )

    return run


def make_all_p(metadata: bool) -> Extract:
    def run(html: str, url: str) -> Prediction:
        return Prediction(body=htmltext.all_paragraph_text(html))

    return run


def ours_version() -> str | None:
    try:
        from pipelines.extraction import EXTRACTOR_VERSION
    except ImportError:
        return None
    return EXTRACTOR_VERSION


def distribution_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class Peer:
    """One extractor: how to build it, how to tell which version ran, what it extracts."""

    name: str
    make: Make
    version: Callable[[], str | None]
    fields: frozenset[str] = frozenset()  # of RECORD_FIELDS, besides the body


_NO_CAPTIONS = RECORD_FIELDS - {"captions"}

PEERS: tuple[Peer, ...] = (
    Peer("ours", make_ours, ours_version, RECORD_FIELDS),
    Peer(
        "trafilatura",
        make_trafilatura,
        partial(distribution_version, "trafilatura"),
        _NO_CAPTIONS,
    ),
    Peer(
        "readability",
        make_readability,
        partial(distribution_version, "readability-lxml"),
        frozenset(["headline"]),
    ),
    Peer("newspaper4k", make_newspaper, partial(distribution_version, "newspaper4k"), _NO_CAPTIONS),
    Peer("goose3", make_goose, partial(distribution_version, "goose3"), _NO_CAPTIONS),
    Peer("all-p", make_all_p, partial(distribution_version, "lxml")),
)

PEER_NAMES = tuple(peer.name for peer in PEERS)


def select(names: list[str] | None) -> list[Peer]:
    """The peers named (all of them for None), in table order; unknown names raise KeyError."""
    if not names:
        return list(PEERS)
    unknown = sorted(set(names) - set(PEER_NAMES))
    if unknown:
        raise KeyError(", ".join(unknown))
    return [peer for peer in PEERS if peer.name in names]
