"""Name the kind of a failed request, for the crawl's error counts.

Scrapy up to 2.14 hands errbacks Twisted's exceptions; from 2.15 on it wraps them in its own
(DownloadTimeoutError, DownloadConnectionRefusedError, ...). Both are named here, so a kind
means the same on every Scrapy we allow; tests/test_fetch_errors.py makes each failure for
real, and `make test-scrapy-min` runs it on the lowest Scrapy too.
"""

from __future__ import annotations

import scrapy.exceptions
from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived
from twisted.web.client import ResponseFailed

from spiders.limits import RedirectLoop, ResponseTooLarge, TooManyRedirects


def _scrapy(*names: str) -> tuple[type[BaseException], ...]:
    """Scrapy's own download exceptions, on the Scrapy versions that have them."""
    found = (getattr(scrapy.exceptions, name, None) for name in names)
    return tuple(cls for cls in found if isinstance(cls, type) and issubclass(cls, BaseException))


# A connection that broke, closed early, or carried no HTTP response.
_BROKEN: tuple[type[BaseException], ...] = (
    ResponseFailed,
    ResponseNeverReceived,
    *_scrapy("ResponseDataLossError", "DownloadFailedError"),
)
_CANCELLED = (defer.CancelledError, *_scrapy("DownloadCancelledError"))
_DATA_LOSS = _scrapy("ResponseDataLossError")
# Checked in order: a refused connection is also a ConnectError, a TCP timeout too.
_KINDS: tuple[tuple[str, tuple[type[BaseException], ...]], ...] = (
    ("timeout", (net.TimeoutError, net.TCPTimedOutError, *_scrapy("DownloadTimeoutError"))),
    ("dns", (net.DNSLookupError, *_scrapy("CannotResolveHostError"))),
    ("refused", (net.ConnectionRefusedError, *_scrapy("DownloadConnectionRefusedError"))),
    ("connection", (net.ConnectionLost, net.ConnectionDone, net.ConnectError, *_BROKEN)),
    # Named refusals first: each is an IgnoreRequest too.
    ("too_large", (ResponseTooLarge,)),
    ("redirect_loop", (RedirectLoop,)),
    ("too_many_redirects", (TooManyRedirects,)),
    ("ignored", (IgnoreRequest,)),
)


def failure_kind(failure: Failure) -> str:
    """A short kind: timeout, dns, refused, connection, too_large, redirect_loop,
    too_many_redirects, cancelled, ignored (robots.txt said no), or the exception's name for
    anything else."""
    if failure.check(*_CANCELLED):
        # Scrapy cancels a download when it outgrows DOWNLOAD_MAXSIZE: with "max size" in the
        # message when the size was announced, with no message when it was streamed.
        message = failure.getErrorMessage()
        return "too_large" if "max size" in message or not message else "cancelled"
    for kind, types in _KINDS:
        if failure.check(*types):
            return kind
    return failure.type.__name__.lower() if failure.type else "unknown"


def failure_detail(failure: Failure, max_size: int) -> str:
    """What went wrong, in a line a reader can act on: the failure's message, or, for the
    failures that carry none or only a list of nested Twisted failures, what they mean."""
    kind = failure_kind(failure)
    message = failure.getErrorMessage()
    if kind == "too_large" and "max size" not in message:
        return f"cut off: the body grew past DOWNLOAD_MAXSIZE ({max_size} bytes)"
    if failure.check(*_DATA_LOSS) or "_DataLoss" in message:
        return "cut short: the connection closed before the whole body arrived"
    reasons = _reasons(failure.value)
    if failure.check(*_BROKEN) and reasons:
        inner = "; ".join(f"{_name(r)}: {r.getErrorMessage()}" for r in reasons)
        return f"no complete HTTP response: {inner}"
    return message or (failure.type.__name__ if failure.type else kind)


def _reasons(error: BaseException | None) -> list[Failure]:
    """The failures a Twisted ResponseFailed or ResponseNeverReceived lists, whether it is
    the error itself (Scrapy 2.14) or the cause of Scrapy's own (2.15 on)."""
    while error is not None:
        reasons = getattr(error, "reasons", None)
        if reasons:
            return [r for r in reasons if isinstance(r, Failure)]
        error = error.__cause__
    return []


def _name(failure: Failure) -> str:
    return failure.type.__name__ if failure.type else "error"
