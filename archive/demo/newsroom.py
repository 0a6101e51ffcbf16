"""The stories a running set of demo sites publishes, which a test may edit between crawls."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from archive.demo import content
from archive.demo.model import Author, DemoArticle, Image

# What an editor may change without moving the story to another URL.
EDITABLE = frozenset({"headline", "summary", "body", "images", "authors", "tags", "modified"})
_SEQUENCES = {"body", "images", "authors", "tags"}


class Newsroom:
    """Every publisher's current stories: the bundled ones until `edit` replaces one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stories = {pub.key: content.articles_of(pub.key) for pub in content.publishers()}

    def stories(self, publisher_key: str) -> tuple[DemoArticle, ...]:
        """The publisher's stories as published now, newest first."""
        return self._stories[publisher_key]

    def current(self, article: DemoArticle) -> DemoArticle:
        """The published version of a story (found by publisher and CMS id)."""
        return next(
            story for story in self._stories[article.publisher] if story.cms_id == article.cms_id
        )

    def edit(self, article: DemoArticle, changes: dict[str, Any]) -> DemoArticle:
        """Publish a new version of `article` with `changes`; returns it.

        `modified` defaults to now, and always moves past the previous change, so that
        Last-Modified grows with every edit.
        """
        if unknown := set(changes) - EDITABLE:
            raise ValueError(f"cannot edit {sorted(unknown)}; editable: {sorted(EDITABLE)}")
        with self._lock:
            old = self.current(article)
            values: dict[str, Any] = {
                k: tuple(v) if k in _SEQUENCES else v for k, v in changes.items()
            }
            values.setdefault("modified", _edit_time(old))
            _check(values)
            new = dataclasses.replace(old, **values)
            stories = self._stories[old.publisher]
            self._stories[old.publisher] = tuple(new if s is old else s for s in stories)
        return new


def _edit_time(old: DemoArticle) -> datetime:
    """Now in the story's own time zone, to the second, at least a second after its last change."""
    now = datetime.now(UTC).replace(microsecond=0).astimezone(old.published.tzinfo)
    return max(now, old.last_change.replace(microsecond=0) + timedelta(seconds=1))


def _check(values: dict[str, Any]) -> None:
    """Edits must keep the shapes the templates expect: loud here rather than a 500 later."""
    kinds: dict[str, type] = {"body": str, "images": Image, "authors": Author, "tags": str}
    for key, kind in kinds.items():
        items: Sequence[object] = values.get(key, ())
        if not all(isinstance(item, kind) for item in items):
            raise TypeError(f"{key} must hold {kind.__name__} items")
    if "body" in values and not values["body"]:
        raise ValueError("an edited story still needs a body")
    moment = values["modified"]
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValueError(f"modified must be an aware datetime, got {moment!r}")
