"""Serve the three demo sites over HTTP on 127.0.0.1, one threaded server per publisher."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

from archive.demo.content import articles, articles_of, publishers, trap
from archive.demo.expected import ExpectedArticle, expected_article
from archive.demo.router import non_article_paths, render

logger = logging.getLogger(__name__)

# Example values filled into the templated traps (pagination, calendar, print PDF).
_TRAP_EXAMPLES = {"n": "50", "date": "2026-01-01"}


class _SiteServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that knows which publisher it serves and at which base URL."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address: tuple[str, int], publisher_key: str) -> None:
        super().__init__(address, _Handler)
        self.publisher_key = publisher_key
        host, port = self.server_address[:2]
        self.base_url = f"http://{host!s}:{port}/"

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
        page = render(
            self.server.publisher_key, parts.path or "/", parts.query, self.server.base_url
        )
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                # Crawlers drop connections they no longer want (e.g. on a size limit).
                logger.debug("client went away during %s", self.path)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.server.publisher_key, format % args)


class DemoSites:
    """The three demo publishers served on `host`, each on its own port.

    >>> with DemoSites() as sites:                  # doctest: +SKIP
    ...     urls = sites.article_urls()
    """

    def __init__(self, host: str = "127.0.0.1", ports: tuple[int, int, int] | None = None) -> None:
        if ports is not None and len(ports) != len(publishers()):
            raise ValueError(f"need {len(publishers())} ports, one per publisher, got {ports!r}")
        self.host = host
        self.ports = ports
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoSites:
        """Bind every site (port 0 means an ephemeral port) and serve in daemon threads."""
        if self._servers:
            raise RuntimeError("the demo sites are already running")
        try:
            for index, pub in enumerate(publishers()):
                port = self.ports[index] if self.ports else 0
                self._serve(_SiteServer((self.host, port), pub.key))
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
        """One base URL per publisher, in publishers() order, e.g. "http://127.0.0.1:41234/"."""
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

    def expected(self, url: str) -> ExpectedArticle:
        """The ground-truth record of the article at `url` (query and fragment are ignored)."""
        parts = urlsplit(url)
        clean = parts._replace(query="", fragment="").geturl()
        for article in articles():
            base = self.base_url(article.publisher)
            if urljoin(base, article.path) == clean:
                return expected_article(article, base)
        raise KeyError(f"not a demo article URL: {url}")

    def trap_url(self, publisher_key: str, kind: str) -> str:
        """The absolute URL of a trap (`server_error`, `redirect`, `not_found`, `private`,
        `pagination`, `calendar`, `pdf`); templated ones get an example filled in."""
        path = trap(publisher_key, kind).path.format(
            slug=articles_of(publisher_key)[0].slug, **_TRAP_EXAMPLES
        )
        return urljoin(self.base_url(publisher_key), path)
