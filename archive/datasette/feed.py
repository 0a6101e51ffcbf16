"""A search as an Atom feed, so a reader can subscribe to new coverage of a subject."""

from __future__ import annotations

from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from archive.datasette.render import plain
from archive.search import SearchResult

# Atom requires an updated time; an archive row without one still gets a valid entry.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _when(value: str | None) -> datetime:
    if not value:
        return _EPOCH
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return _EPOCH
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def atom_feed(result: SearchResult, feed_url: str, article_base: str) -> bytes:
    """Atom 1.0 of the hits, newest first: title, link to the article page, snippet, date."""
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(f"news-archive: {result.query.text}")
    feed.link(href=feed_url, rel="self")
    feed.generator("news-archive")
    entries = sorted(result.hits, key=lambda hit: _when(hit.published))
    feed.updated(_when(entries[-1].published) if entries else _EPOCH)
    for hit in entries:  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(hit.url)  # the original URL: permanent, and where the story came from
        entry.title(hit.headline or hit.url)
        # One link: feedgen 1.0 drops the rel of entry links, so a second would be a second
        # "alternate", which Atom forbids.
        entry.link(href=f"{article_base}/{hit.id}")
        entry.summary(plain(hit.snippet))
        entry.updated(_when(hit.published))
        if hit.published:
            entry.published(_when(hit.published))
        entry.author({"name": hit.site})
    return feed.atom_str(pretty=True)
