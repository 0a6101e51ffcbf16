"""The demo's data, read from the package: publishers, their stories and the traps they set.

Everything lives in `data/` beside this module (read with importlib.resources, never from the
working directory): `publishers.toml` and one story file per article in `stories/<publisher>/`.
The files are read on first use, not at import.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from archive.demo.model import DemoArticle, Layout, Publisher, ReaderComment, Route, Trap
from archive.demo.model import paragraphs as split_paragraphs
from archive.demo.stories import StoryError, parse_story

STORY_SUFFIX = ".md"


def _data() -> Traversable:
    return files("archive.demo") / "data"


@cache
def _catalogue() -> dict[str, Any]:
    with (_data() / "publishers.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def publishers() -> tuple[Publisher, ...]:
    """The publishers, in the order they are served."""
    return tuple(_publisher(entry) for entry in _catalogue()["publishers"])


def _publisher(entry: dict[str, Any]) -> Publisher:
    layout = Layout(
        permalink=entry["permalink"],
        routes=tuple(Route(pattern, page) for pattern, page in entry["routes"].items()),
        sitemaps=tuple((path, tuple(lists)) for path, lists in entry.get("sitemaps", {}).items()),
        robots=tuple(entry.get("robots", ())),
        robots_sitemaps=tuple(entry.get("robots_sitemaps", ())),
        per_page=entry.get("per_page", Layout.per_page),
    )
    return Publisher(
        key=entry["key"],
        name=entry["name"],
        cms=entry["cms"],
        language=entry["language"],
        default_port=entry["default_port"],
        tagline=entry["tagline"],
        sections=tuple(entry["sections"]),
        about=split_paragraphs(entry["about"]),
        layout=layout,
        comments=tuple(ReaderComment(c["name"], c["text"]) for c in entry.get("comments", ())),
    )


@cache
def traps() -> tuple[Trap, ...]:
    """Every publisher's traps, publisher by publisher."""
    return tuple(
        Trap(entry["key"], kind, t["path"], t["status"], t["note"], t.get("label", ""))
        for entry in _catalogue()["publishers"]
        for kind, t in entry["traps"].items()
    )


@cache
def articles() -> tuple[DemoArticle, ...]:
    """Every story of every publisher, publisher by publisher and by CMS id."""
    found: list[DemoArticle] = []
    for pub in publishers():
        folder = _data() / "stories" / pub.key
        stories = [
            _read_story(item, pub) for item in folder.iterdir() if item.name.endswith(STORY_SUFFIX)
        ]
        found += sorted(stories, key=lambda article: article.cms_id)
    _check_unique(found)
    return tuple(found)


def _read_story(item: Traversable, pub: Publisher) -> DemoArticle:
    slug = item.name.removesuffix(STORY_SUFFIX)
    text = item.read_text(encoding="utf-8")
    article = parse_story(text, publisher=pub.key, slug=slug, permalink=pub.layout.permalink)
    if article.section not in pub.sections:
        raise StoryError(f"{slug}: section {article.section!r} is not one of {pub.sections}")
    return article


def _check_unique(found: list[DemoArticle]) -> None:
    """Two stories with one CMS id or one URL would make one of them unreachable."""
    for attribute in ("cms_id", "path"):
        seen: dict[tuple[str, object], str] = {}
        for article in found:
            key = (article.publisher, getattr(article, attribute))
            if key in seen:
                raise StoryError(f"{article.slug} and {seen[key]} share the {attribute} {key[1]}")
            seen[key] = article.slug


def publisher(key: str) -> Publisher:
    """The publisher with this key; KeyError names the known keys."""
    for candidate in publishers():
        if candidate.key == key:
            return candidate
    raise KeyError(f"no demo publisher {key!r}; known: {[p.key for p in publishers()]}")


def articles_of(key: str) -> tuple[DemoArticle, ...]:
    """A publisher's articles, newest first, as its listings show them."""
    own = [article for article in articles() if article.publisher == key]
    return tuple(sorted(own, key=lambda article: article.published, reverse=True))


def trap(key: str, kind: str) -> Trap:
    """The publisher's trap of this kind (`server_error`, `redirect`, `private`...)."""
    for candidate in traps():
        if candidate.publisher == key and candidate.kind == kind:
            return candidate
    raise KeyError(f"no {kind!r} trap for publisher {key!r}")


_CONSTANTS = {"PUBLISHERS": publishers, "ARTICLES": articles, "TRAPS": traps}


def __getattr__(name: str) -> object:
    # PUBLISHERS, ARTICLES and TRAPS stay importable names while the files are read lazily.
    if name in _CONSTANTS:
        return _CONSTANTS[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
