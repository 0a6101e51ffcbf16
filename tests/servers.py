"""HTTP servers on 127.0.0.1 for crawl tests: a directory of pages, and hostile responses."""

from __future__ import annotations

import base64
import os
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import unquote

# A route answers (status, headers, body). A body of bytes is sent with its Content-Length
# (unless the headers announce another: a response cut short); an iterable of chunks is
# streamed with none, the end of the body being the end of the connection.
Route = Callable[[], tuple[int, dict[str, str], bytes | Iterable[bytes]]]


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    user_agents: ClassVar[set[str]] = set()
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.user_agents.add(self.headers.get("User-Agent", ""))
        self.requests.append(self.path)
        # A route may name a query (/article.php?cid=1) or only the path, percent-decoded.
        path = unquote(self.path)
        # ...or, failing those, every path under a folder: "/news/*".
        route = (
            self.routes.get(path)
            or self.routes.get(path.split("?", 1)[0])
            or self.routes.get(path.split("?", 1)[0].rsplit("/", 1)[0] + "/*")
        )
        status, headers, body = route() if route else (404, {"Content-Type": "text/html"}, b"")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if isinstance(body, bytes) and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The crawler may give up on a slow or huge response: that is the point of those routes.
        with suppress(BrokenPipeError, ConnectionResetError):
            for chunk in [body] if isinstance(body, bytes) else body:
                self.wfile.write(chunk)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _quiet(server: socketserver.BaseServer, request: object, address: object) -> None:
    """A client that hangs up early (the crawler giving up on a huge or slow response) is the
    point of those routes, not an error to print; anything else still is."""
    error = sys.exc_info()[1]
    if not isinstance(error, ConnectionError):
        socketserver.BaseServer.handle_error(server, request, address)  # type: ignore[arg-type]


@contextmanager
def serve_routes(
    routes: dict[str, Route],
    user_agents: set[str] | None = None,
    requests: list[str] | None = None,
) -> Iterator[str]:
    """Serve the routes on an ephemeral loopback port; yield the base URL. The User-Agent
    of every request is added to user_agents, and its path to requests, when given."""
    seen = user_agents if user_agents is not None else set()
    attributes = {
        "routes": routes,
        "user_agents": seen,
        "requests": [] if requests is None else requests,
    }
    handler = type("Handler", (_Handler,), attributes)
    server_class = type(
        "Server", (ThreadingHTTPServer,), {"request_queue_size": 128, "handle_error": _quiet}
    )
    server = server_class(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def html(body: bytes | str, status: int = 200, charset: str | None = "utf-8") -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    kind = f"text/html; charset={charset}" if charset else "text/html"
    return lambda: (status, {"Content-Type": kind}, data)


def redirect(location: str, status: int = 302) -> Route:
    return lambda: (status, {"Location": location, "Content-Type": "text/html"}, b"")


def slow(seconds: float, body: bytes) -> Route:
    def route() -> tuple[int, dict[str, str], bytes]:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, body

    return route


class _RawHandler(socketserver.BaseRequestHandler):
    reply: ClassVar[bytes] = b""

    def handle(self) -> None:
        # Read the request head, then answer with exactly the bytes given and hang up.
        data = b""
        with suppress(OSError):
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = self.request.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.request.sendall(self.reply)


@contextmanager
def serve_raw(reply: bytes) -> Iterator[str]:
    """A loopback TCP server that answers every request with reply and closes the connection
    (a response cut short, no HTTP at all...); yield its base URL."""
    handler = type("RawHandler", (_RawHandler,), {"reply": reply})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _CountingHandler(socketserver.BaseRequestHandler):
    connections: ClassVar[list[str]] = []

    def handle(self) -> None:
        self.connections.append(str(self.client_address))


@contextmanager
def serve_listener(connections: list[str]) -> Iterator[int]:
    """A loopback TCP port that accepts connections, notes each in connections and hangs up
    (where an FTP server or any other service would be); yield the port."""
    handler = type("CountingHandler", (_CountingHandler,), {"connections": connections})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A loopback port nothing listens on (bound by the OS, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


SENTENCE = "The harbour board met on Tuesday to agree the spring timetable for the ferries. "


def article_html(headline: str, sentences: int = 8, head: str = "") -> str:
    """A page the extractor takes for an article: article markup, a headline, prose."""
    return (
        f'<html><head><meta property="og:type" content="article">{head}'
        f"<title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{SENTENCE * sentences}</p></article></body></html>"
    )


def news_site(
    articles: int, missing: int = 0, name: str = "Story", noise: int = 0
) -> dict[str, Route]:
    """A home page linking to `articles` article pages (/news/0...) and `missing` links that
    answer 404 (/gone/0...); each article carries `noise` bytes that do not compress (in
    a comment), to fill an archive fast."""
    links = [f"/news/{i}" for i in range(articles)] + [f"/gone/{i}" for i in range(missing)]
    home = "".join(f'<p><a href="{link}">{link}</a></p>' for link in links)
    routes = {"/": html(f"<html><body><h1>News</h1>{home}</body></html>")}
    for i in range(articles):
        filler = (
            f"<!-- {base64.b64encode(os.urandom(noise * 3 // 4)).decode()} -->" if noise else ""
        )
        routes[f"/news/{i}"] = html(
            article_html(f"{name} number {i} about the ferries", head=filler)
        )
    return routes
