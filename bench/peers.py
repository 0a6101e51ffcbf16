"""The extractors compared by the benchmark: ours, peer libraries and an all-<p> baseline."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from bench import htmltext

# (html, url) -> article body as plain text.
Extract = Callable[[str, str], str]


def make_ours() -> Extract:
    from pipelines.extraction import extract

    def ours(html: str, url: str) -> str:
        return "\n".join(extract(html, url=url).body)

    return ours


def make_trafilatura() -> Extract:
    import trafilatura

    def run(html: str, url: str) -> str:
        # The reference setup: comments off, everything else default.
        return trafilatura.extract(html, include_comments=False) or ""

    return run


def make_readability() -> Extract:
    from readability import Document

    def run(html: str, url: str) -> str:
        return htmltext.block_text(Document(html).summary(html_partial=True))

    return run


def make_newspaper() -> Extract:
    import newspaper

    def run(html: str, url: str) -> str:
        # input_html means no page download; fetch_images=False stops image downloads too.
        article = newspaper.article(url, input_html=html, fetch_images=False)
        return article.text or ""

    return run


def make_goose() -> Extract:
    from goose3 import Goose

    goose = Goose()

    def run(html: str, url: str) -> str:
        return goose.extract(raw_html=html).cleaned_text or ""

    return run


def make_all_p() -> Extract:
    def run(html: str, url: str) -> str:
        return htmltext.all_paragraph_text(html)

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
    """One extractor: how to build it, and how to tell which version ran."""

    name: str
    make: Callable[[], Extract]
    version: Callable[[], str | None]


PEERS: tuple[Peer, ...] = (
    Peer("ours", make_ours, ours_version),
    Peer("trafilatura", make_trafilatura, partial(distribution_version, "trafilatura")),
    Peer("readability", make_readability, partial(distribution_version, "readability-lxml")),
    Peer("newspaper4k", make_newspaper, partial(distribution_version, "newspaper4k")),
    Peer("goose3", make_goose, partial(distribution_version, "goose3")),
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
