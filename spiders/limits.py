"""Scrapy's decompression and redirect middlewares, with the requests they give up on named.

Scrapy gives up on a response that unpacks past DOWNLOAD_MAXSIZE (a gzip or deflate bomb)
and on a request redirected more than REDIRECT_MAX_TIMES times by raising a bare
IgnoreRequest, which reads the same as a robots.txt refusal; and a redirect back to a URL
already on the chain is dropped by the duplicate filter without a word. Here each is its
own exception, so the spider records the page as a failure with its reason.
"""

from __future__ import annotations

from collections.abc import Callable

from scrapy import Request
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from pipelines.extraction.urls import canonical_url


class ResponseTooLarge(IgnoreRequest):
    """A response that unpacks to more than DOWNLOAD_MAXSIZE bytes."""


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL already on the request's redirect chain."""


class TooManyRedirects(IgnoreRequest):
    """A request redirected more than REDIRECT_MAX_TIMES times."""


def redirect_chain(request: Request) -> list[str]:
    """The URLs a request went through, the first requested first, its own last."""
    return [*request.meta.get("redirect_urls", []), request.url]


def describe_chain(urls: list[str]) -> str:
    """A redirect chain in a line: its first and last URLs, and how many came between."""
    if len(urls) <= 4:
        return " -> ".join(urls)
    return " -> ".join([*urls[:2], f"({len(urls) - 4} more)", *urls[-2:]])


class BoundedDecompression(HttpCompressionMiddleware):
    """HttpCompressionMiddleware raising ResponseTooLarge for a compression bomb."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        try:
            return super().process_response(request, response)
        except IgnoreRequest as error:  # the one it raises: unpacked past DOWNLOAD_MAXSIZE
            raise ResponseTooLarge(str(error)) from error


def _named(
    request: Request, max_times: int, redirect: Callable[[], Request | Response]
) -> Request | Response:
    """What a redirect middleware's process_response gives, with its give-ups named."""
    try:
        result = redirect()
    except IgnoreRequest as error:  # the one it raises: "max redirections reached"
        chain = describe_chain(redirect_chain(request))
        message = f"more than REDIRECT_MAX_TIMES={max_times} redirects: {chain}"
        raise TooManyRedirects(message) from error
    if isinstance(result, Request):
        seen = {canonical_url(url) for url in redirect_chain(request)}
        if canonical_url(result.url) in seen:
            chain = describe_chain([*redirect_chain(request), result.url])
            raise RedirectLoop(f"redirect loop: {chain}")
    return result


class BoundedRedirects(RedirectMiddleware):
    """RedirectMiddleware naming redirect loops and chains too long to follow."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        parent = super().process_response
        return _named(request, self.max_redirect_times, lambda: parent(request, response))


# Scrapy looks for a refresh in the first 4,096 characters, decoding the whole page to find
# them (and keeping that copy with the response); these bytes hold them in any encoding.
REFRESH_HEAD_BYTES = 4 * 4096


def may_refresh(head: bytes) -> bool:
    """What a head must hold for Scrapy to find a refresh in it: the word, in any case (w3lib
    looks for it in a meta tag's attributes as written), or NULs, as UTF-16 and UTF-32 write
    ASCII. A head with neither is not decoded at all. (An encoding that writes ASCII letters
    as other bytes, EBCDIC, would need the decoding; no web page is written in one.) Two
    plain searches: a case-blind regex took 20 times as long (0.33 ms a page of 16 KB)."""
    return b"\x00" in head or b"refresh" in head.lower()


class BoundedMetaRefresh(MetaRefreshMiddleware):
    """MetaRefreshMiddleware naming refresh loops and chains too long to follow, and reading
    only the head of each page."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        parent = super().process_response
        if not may_refresh(response.body[:REFRESH_HEAD_BYTES]):
            return response  # what Scrapy's would return, having found no refresh
        head = response
        if len(response.body) > REFRESH_HEAD_BYTES:
            head = response.replace(body=response.body[:REFRESH_HEAD_BYTES])
        result = _named(request, self.max_redirect_times, lambda: parent(request, head))
        return response if result is head else result
