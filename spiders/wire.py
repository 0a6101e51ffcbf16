"""What went over the wire with a page besides its body, kept for its WARC records."""

from __future__ import annotations

from scrapy.http import Headers, Request, Response

from archive.records import Wire

_KEY = "archive_wire"


def remember_wire(response: Response, request: Request) -> None:
    """response_downloaded handler: note the response as the server sent it, before
    HttpCompressionMiddleware decodes the body and drops its Content-Encoding."""
    request.meta[_KEY] = Wire(
        method=request.method,
        request_headers=header_lines(request.headers),
        protocol=response.protocol or "HTTP/1.1",
        response_headers=header_lines(response.headers),
        ip_address=str(response.ip_address) if response.ip_address else None,
    )


def wire_of(response: Response) -> Wire:
    """The wire record of a response (as remember_wire noted it, else as the spider sees it)."""
    noted = response.meta.get(_KEY)
    if isinstance(noted, Wire):
        return noted
    request = response.request
    return Wire(
        method=request.method if request else "GET",
        request_headers=header_lines(request.headers) if request else (),
        protocol=response.protocol or "HTTP/1.1",
        response_headers=header_lines(response.headers),
        ip_address=str(response.ip_address) if response.ip_address else None,
    )


def header_lines(headers: Headers) -> tuple[tuple[str, str], ...]:
    """Every header line, repeats kept (Set-Cookie), as text."""
    return tuple(
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    )
