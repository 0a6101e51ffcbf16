"""Serve the three demo sites over HTTP on 127.0.0.1, one threaded server per publisher."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

from archive.demo import conditional
from archive.demo.content import articles, publisher, publishers, trap
from archive.demo.expected import ExpectedArticle, expected_article
from archive.demo.model import DemoArticle
from archive.demo.newsroom import Newsroom
from archive.demo.router import non_article_paths, respond
from archive.demo.site import Site

logger = logging.getLogger(__name__)

# Example values filled into the templated traps (pagination, calendar, print PDF).
_TRAP_EXAMPLES = {"n": "50", "date": "2026-01-01"}


class _SiteServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that serves one publisher's current stories at its base URL."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address: tuple[str, int], publisher_key: str, newsroom: Newsroom) -> None:
        super().__init__(address, _Handler)
        self.publisher_key = publisher_key
        self.newsroom = newsroom
        host, port = self.server_address[:2]
        self.base_url = f"http://{host!s}:{port}/"

    def site(self) -> Site:
        """The site as it stands now (edits included)."""
        stories = self.newsroom.stories(self.publisher_key)
        return Site(publisher(self.publisher_key), self.base_url, stories)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A bug in a renderer must be loud, but through logging rather than stderr prints.
        logger.error("demo site %s failed on a request", self.publisher_key, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.0"
    server_version = "DemoNews/1.0"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        parts = urlsplit(self.path)
        page = respond(self.server.site(), parts.path or "/", parts.query)
        page = conditional.answer(page, self.headers)
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if page.status != 304:
            self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if with_body and page.body:
            try:
                self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                # Crawlers drop connections they no longer want (e.g. on a size limit).
                logger.debug("client went away during %s", self.path)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.server.publisher_key, format % args)


class DemoSites:
    """The three demo publishers served on `host`, each on its own port.

    Article pages carry a weak ETag and a Last-Modified, and answer If-None-Match and
    If-Modified-Since with 304. Each DemoSites publishes its own copy of the stories, which
    `edit` changes between two crawls (edit a DemoSites of your own, not a shared one).

    >>> with DemoSites() as sites:                  # doctest: +SKIP
    ...     urls = sites.article_urls()
    ...     sites.edit(urls[0], body=("A corrected first paragraph.", "And a second one."))
    """

    def __init__(self, host: str = "127.0.0.1", ports: tuple[int, int, int] | None = None) -> None:
        if ports is not None and len(ports) != len(publishers()):
            raise ValueError(f"need {len(publishers())} ports, one per publisher, got {ports!r}")
        self.host = host
        self.ports = ports
        self.newsroom = Newsroom()
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoSites:
        """Bind every site (port 0 means an ephemeral port) and serve in daemon threads."""
        if self._servers:
            raise RuntimeError("the demo sites are already running")
        try:
            for index, pub in enumerate(publishers()):
                port = self.ports[index] if self.ports else 0
                self._serve(_SiteServer((self.host, port), pub.key, self.newsroom))
        except OSError:
            self.stop()
            raise
        logger.debug("demo sites up at %s", self.base_urls)
        return self

    def _serve(self, server: _SiteServer) -> None:
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"demo-site-{server.publisher_key}",
            daemon=True,
        )
        try:
            thread.start()
        except RuntimeError:
            server.server_close()
            raise
        # Only a server whose loop runs may be shut down: shutdown() waits for that loop.
        self._servers.append(server)
        self._threads.append(thread)

    def stop(self) -> None:
        """Shut every server down and close its socket; safe to call twice."""
        for server, thread in zip(self._servers, self._threads, strict=True):
            server.shutdown()
            thread.join(timeout=5)
        for server in self._servers:
            server.server_close()
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> DemoSites:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_urls(self) -> list[str]:
        """One base URL per publisher, in PUBLISHERS order, e.g. "http://127.0.0.1:41234/"."""
        if not self._servers:
            raise RuntimeError("the demo sites are not running: call start() or use `with`")
        return [server.base_url for server in self._servers]

    def base_url(self, publisher_key: str) -> str:
        """The base URL of one publisher's running site."""
        for server in self._servers:
            if server.publisher_key == publisher_key:
                return server.base_url
        raise KeyError(f"no running demo site for {publisher_key!r}")

    def article_urls(self) -> list[str]:
        """The canonical URL of every demo article, on the running ports."""
        return [urljoin(self.base_url(a.publisher), a.path) for a in articles()]

    def non_article_urls(self) -> list[str]:
        """Home, section, tag, author, about and calendar pages: never to be stored as articles."""
        return [
            urljoin(self.base_url(pub.key), path)
            for pub in publishers()
            for path in non_article_paths(pub.key)
        ]

    def article(self, url: str) -> DemoArticle:
        """The article at `url` as published now (query and fragment are ignored)."""
        parts = urlsplit(url)
        clean = parts._replace(query="", fragment="").geturl()
        for article in articles():
            if urljoin(self.base_url(article.publisher), article.path) == clean:
                return self.newsroom.current(article)
        raise KeyError(f"not a demo article URL: {url}")

    def expected(self, url: str) -> ExpectedArticle:
        """The ground-truth record of the article at `url`, edits included."""
        article = self.article(url)
        return expected_article(article, self.base_url(article.publisher))

    def edit(self, url: str, **changes: Any) -> DemoArticle:
        """Publish a new version of the article at `url`, as an editor correcting it would.

        `changes`: any of headline, summary, body (paragraphs), images, authors, tags and
        modified (default: now, and always after the previous change). From then on its page,
        ETag and Last-Modified, the listings, feeds and sitemaps and `expected(url)` show the
        new version; its URL stays. Returns the new version.
        """
        return self.newsroom.edit(self.article(url), changes)

    def trap_url(self, publisher_key: str, kind: str) -> str:
        """The absolute URL of a trap (`server_error`, `redirect`, `not_found`, `private`,
        `pagination`, `calendar`, `pdf`); templated ones get an example filled in."""
        slug = self.newsroom.stories(publisher_key)[0].slug
        path = trap(publisher_key, kind).path.format(slug=slug, **_TRAP_EXAMPLES)
        return urljoin(self.base_url(publisher_key), path)
