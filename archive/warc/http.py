"""The HTTP message blocks of a page's WARC records: its request, and its response headers
made true of the payload kept (Scrapy hands the body on decoded and de-chunked)."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders

from archive.records import FetchedPage

# How pywb and the Wayback Machine keep a header that no longer describes the bytes they
# serve; readers of our WARCs find the original value under this prefix.
ORIGINAL = "X-Archive-Orig-"
_PROTOCOLS = ("HTTP/1.0", "HTTP/1.1")


def status_line(status: int) -> str:
    """'200 OK': the code and its reason phrase (the wire's own phrase is not kept by Scrapy)."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    return f"{status} {reason}"


def response_headers(page: FetchedPage) -> StatusAndHeaders:
    """The response's status line and headers, true of page.body as the WARC keeps it.

    The body is decoded (gzip, deflate, br) and de-chunked: the sent Content-Encoding and
    Transfer-Encoding are kept as X-Archive-Orig-*, an encoding Scrapy could not decode stays
    (the body still has it), and Content-Length is the length of the bytes kept.
    """
    wire = page.wire
    sent = list(wire.response_headers) if wire and wire.response_headers else _lines(page)
    protocol = wire.protocol if wire and wire.protocol in _PROTOCOLS else "HTTP/1.1"
    still_encoded = page.headers.get("content-encoding")
    headers: list[tuple[str, str]] = []
    reframed = False
    for name, value in sent:
        lower = name.lower()
        if lower == "transfer-encoding" or (lower == "content-encoding" and not still_encoded):
            headers.append((ORIGINAL + name, value))
            reframed = True
        elif lower != "content-encoding" and lower != "content-length":
            headers.append((name, value))
    if still_encoded:
        headers.append(("Content-Encoding", still_encoded))
    headers.extend(_content_length(page, sent, reframed))
    return StatusAndHeaders(status_line(page.status), headers, protocol=protocol)


def _content_length(
    page: FetchedPage, sent: list[tuple[str, str]], reframed: bool
) -> list[tuple[str, str]]:
    """The Content-Length lines: the sent one when it is true of the body kept, else the
    body's length with the sent value kept aside."""
    lengths = [(name, value) for name, value in sent if name.lower() == "content-length"]
    method = page.wire.method if page.wire else "GET"
    if not page.body and (page.status in (204, 304) or method == "HEAD"):
        return lengths  # no body by definition: the length is the resource's, keep it
    actual = str(len(page.body))
    if all(value.strip() == actual for _, value in lengths) and (lengths or not reframed):
        return lengths
    return [(ORIGINAL + name, value) for name, value in lengths] + [("Content-Length", actual)]


def request_headers(page: FetchedPage) -> StatusAndHeaders:
    """The request line and headers the crawler sent for the page's final URL."""
    parts = urlsplit(page.final_url)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    wire = page.wire
    sent = list(wire.request_headers) if wire else []
    if not any(name.lower() == "host" for name, _ in sent):
        # Twisted adds Host as it sends the request; Scrapy's copy of the headers lacks it.
        sent.insert(0, ("Host", parts.netloc))
    method = wire.method if wire else "GET"
    return StatusAndHeaders(f"{method} {target} HTTP/1.1", sent, is_http_request=True)


def _lines(page: FetchedPage) -> list[tuple[str, str]]:
    return [(name.title(), value) for name, value in page.headers.items()]
