"""A generated news site for the revisit benchmark (bench/revisit.py) and the revisit tests:
N dated articles in a few sections, a home page, section pages with numbered pagination, an
RSS feed of the newest, a sitemap of all and robots.txt naming it. Article pages send a weak
ETag and Last-Modified and answer If-None-Match / If-Modified-Since with 304. Every request
is counted by kind, on 127.0.0.1 only. Stories can be published or edited while it runs.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_WORDS = (
    "harbour", "council", "ferry", "timetable", "budget", "school", "river", "bridge",
    "festival", "market", "station", "library", "hospital", "road", "union", "teachers",
    "farmers", "rain", "flood", "museum", "election", "mayor", "court", "police", "fishermen",
    "port", "tourism", "night", "bus", "repairs", "plan", "residents", "water", "price",
)  # fmt: skip
_START = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    """One article of the generated site."""

    slug: str
    section: str
    headline: str
    paragraphs: tuple[str, ...]
    published: datetime
    modified: datetime

    @property
    def etag(self) -> str:
        digest = hashlib.sha256(repr((self.headline, self.paragraphs)).encode()).hexdigest()
        return f'W/"{digest[:16]}"'


def _story(number: int, sections: tuple[str, ...]) -> Story:
    rng = random.Random(number)
    words = [rng.choice(_WORDS) for _ in range(6)]
    headline = f"{' '.join(words).capitalize()} ({number})"
    paragraphs = tuple(
        " ".join(rng.choice(_WORDS) for _ in range(30)).capitalize() + "." for _ in range(5)
    )
    published = _START + timedelta(minutes=17 * number)
    return Story(
        f"story-{number}", sections[number % len(sections)], headline, paragraphs,
        published, published,
    )  # fmt: skip


class GeneratedSite:
    """The site's stories (newest first in every listing) and its request counts."""

    def __init__(self, articles: int, sections: int = 5, per_page: int = 20, pages: int = 5):
        self.sections = tuple(f"section-{n}" for n in range(sections))
        self.per_page = per_page
        self.pages = pages
        self.stories = [_story(n, self.sections) for n in range(articles)]
        self.requests: Counter[str] = Counter()  # by kind: article, not_modified, listing...
        self.bytes_sent = 0
        self._lock = threading.Lock()

    def publish(self) -> Story:
        """A new story, at the top of the home page, its section and the feed."""
        with self._lock:
            story = _story(len(self.stories), self.sections)
            self.stories.append(story)
        return story

    def edit(self, slug: str, paragraph: str) -> Story:
        """A correction appended to a story: new text, new validators, same URL."""
        with self._lock:
            index = next(i for i, s in enumerate(self.stories) if s.slug == slug)
            old = self.stories[index]
            new = replace(
                old, paragraphs=(*old.paragraphs, paragraph),
                modified=old.modified + timedelta(days=1),
            )  # fmt: skip
            self.stories[index] = new
        return new

    def count(self, kind: str, sent: int) -> None:
        with self._lock:
            self.requests[kind] += 1
            self.bytes_sent += sent

    def newest(self, section: str | None = None) -> list[Story]:
        with self._lock:
            stories = list(self.stories)
        chosen = [s for s in stories if section is None or s.section == section]
        return sorted(chosen, key=lambda s: s.published, reverse=True)

    def story(self, slug: str) -> Story | None:
        with self._lock:
            return next((s for s in self.stories if s.slug == slug), None)

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
            self.bytes_sent = 0


@dataclass(frozen=True)
class Page:
    status: int
    kind: str
    body: bytes
    headers: dict[str, str]


def _html(title: str, body: str, head: str = "") -> bytes:
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
        f"</title>{head}</head><body><nav><a href='/'>Home</a></nav>{body}</body></html>"
    ).encode()


def _teasers(stories: list[Story]) -> str:
    items = "".join(
        f"<li><h2><a href='/{s.section}/{s.slug}'>{escape(s.headline)}</a></h2></li>"
        for s in stories
    )
    return f"<ul>{items}</ul>"


def _article(site: GeneratedSite, story: Story) -> bytes:
    related = [s for s in site.newest(story.section) if s.slug != story.slug][:3]
    links = "".join(f"<li><a href='/{s.section}/{s.slug}'>{escape(s.headline)}</a></li>"
                    for s in related)  # fmt: skip
    head = (
        "<meta property='og:type' content='article'>"
        f"<meta property='article:published_time' content='{story.published.isoformat()}'>"
    )
    text = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    body = (
        f"<article><h1>{escape(story.headline)}</h1>"
        f"<time datetime='{story.published.isoformat()}'>{story.published:%d %B %Y}</time>"
        f"{text}</article><aside><h3>More in {story.section}</h3><ul>{links}</ul></aside>"
    )
    return _html(story.headline, body, head)


def _listing(site: GeneratedSite, section: str, page: int) -> bytes:
    start = (page - 1) * site.per_page
    stories = site.newest(section)[start : start + site.per_page]
    numbers = " ".join(
        f"<a href='/{section}/page/{n}/'>{n}</a>" if n > 1 else f"<a href='/{section}/'>1</a>"
        for n in range(1, site.pages + 2)  # one past the last: the crawl's limit stops it
    )
    return _html(f"{section}, page {page}", f"<h1>{section}</h1>{_teasers(stories)}{numbers}")


def _home(site: GeneratedSite) -> bytes:
    sections = " ".join(f"<a href='/{s}/'>{s}</a>" for s in site.sections)
    feed = "<link rel='alternate' type='application/rss+xml' href='/feed.xml'>"
    body = f"<h1>Generated News</h1><p>{sections}</p>{_teasers(site.newest()[: site.per_page])}"
    return _html("Generated News", body, feed)


def _feed(site: GeneratedSite, base: str) -> bytes:
    items = "".join(
        f"<item><title>{escape(s.headline)}</title><link>{base}/{s.section}/{s.slug}</link>"
        f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate></item>"
        for s in site.newest()[:50]
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Generated News</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def _sitemap(site: GeneratedSite, base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/{s.section}/{s.slug}</loc>"
        f"<lastmod>{s.modified.isoformat()}</lastmod></url>"
        for s in site.newest()
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    ).encode()


def _fresh(story: Story, headers: Any) -> bool:
    """Whether a conditional request's validators match the story (RFC 9110 13.2.2)."""
    if (tags := headers.get("If-None-Match")) is not None:
        ours = story.etag.removeprefix("W/")
        return any(tag.strip().removeprefix("W/") == ours for tag in tags.split(","))
    since = headers.get("If-Modified-Since")
    try:
        return since is not None and story.modified <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def respond(site: GeneratedSite, path: str, headers: Any, base: str) -> Page:
    """The page at path (query ignored), or 404."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    xml = {"Content-Type": "application/xml"}
    parts = [p for p in path.split("?", 1)[0].split("/") if p]
    if not parts:
        return Page(200, "listing", _home(site), html)
    if parts == ["robots.txt"]:
        robots = f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode()
        return Page(200, "robots", robots, {"Content-Type": "text/plain"})
    if parts == ["feed.xml"]:
        return Page(200, "feed", _feed(site, base), {"Content-Type": "application/rss+xml"})
    if parts == ["sitemap.xml"]:
        return Page(200, "sitemap", _sitemap(site, base), xml)
    if parts[0] in site.sections and len(parts) == 1:
        return Page(200, "listing", _listing(site, parts[0], 1), html)
    if parts[0] in site.sections and len(parts) == 3 and parts[1] == "page":
        number = int(parts[2]) if parts[2].isdigit() else 0
        if 1 <= number <= site.pages + 1:
            return Page(200, "listing", _listing(site, parts[0], number), html)
    story = site.story(parts[-1]) if len(parts) == 2 else None
    if story is None or story.section != parts[0]:
        return Page(404, "other", b"not found", html)
    validators = {
        "ETag": story.etag,
        "Last-Modified": format_datetime(story.modified, usegmt=True),
    }
    if _fresh(story, headers):
        return Page(304, "not_modified", b"", validators)
    return Page(200, "article", _article(site, story), html | validators)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        page = respond(self.server.site, self.path, self.headers, self.server.base)
        self.server.site.count(page.kind, len(page.body))
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if page.status != 304:
            self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if page.body:
            self.wfile.write(page.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, site: GeneratedSite):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site
        self.base = f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def serve(site: GeneratedSite) -> Iterator[str]:
    """Serve the site on an ephemeral loopback port; yield its base URL (no trailing /)."""
    server = _Server(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
