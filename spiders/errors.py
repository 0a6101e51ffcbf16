"""Name the kind of a failed request, for the crawl's error counts."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived


def failure_kind(failure: Failure) -> str:
    """A short kind: timeout, dns, refused, connection, ignored or the exception's name."""
    name = failure.type.__name__ if failure.type else ""
    if failure.check(net.TimeoutError, net.TCPTimedOutError) or "Timeout" in name:
        return "timeout"
    if "Cancelled" in name and "max size" in failure.getErrorMessage():
        return "too_large"
    if failure.check(net.DNSLookupError):
        return "dns"
    if failure.check(net.ConnectionRefusedError):
        return "refused"
    if failure.check(
        net.ConnectionLost, net.ConnectionDone, net.ConnectError, ResponseNeverReceived
    ):
        return "connection"
    if failure.check(IgnoreRequest):
        return "ignored"
    return name.lower() or "unknown"
