"""Every kind of failed fetch, produced for real on 127.0.0.1, is recorded under its kind.

Run on the lowest Scrapy we allow too (`make test-scrapy-min`): Scrapy 2.15 replaced the
Twisted exceptions it raised with its own, and the kinds must not change with it.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.crawling import crawl, rows
from tests.servers import closed_port, html, serve_raw, serve_routes, slow

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
PAGE = b"<html><body>" + b"<p>word </p>" * 200 + b"</body></html>"
NO_ROBOTS = ["-s", "ROBOTSTXT_OBEY=False", "-s", "ARCHIVE_SITEMAPS_FROM_ROBOTS=False"]
LIMITS = ["-s", "DOWNLOAD_TIMEOUT=1", "-s", "DOWNLOAD_MAXSIZE=100000", "-s", "DNS_TIMEOUT=5"]
# What each start URL meets, and the kind of failure it must be recorded as.
RAW = {
    "cut short": (HEAD + b"Content-Length: 50000\r\n\r\n" + PAGE, "connection"),
    "too large, streamed": (HEAD + b"Connection: close\r\n\r\n" + PAGE * 100, "too_large"),
    "hung up": (b"", "connection"),
    "not HTTP": (b"SSH-2.0-OpenSSH_9.6\r\n\r\n", "connection"),
}


@pytest.fixture(scope="module")
def failures(tmp_path_factory) -> dict[str, str]:
    """{what: kind} of every failure recorded by one crawl of all the failing URLs."""
    db = tmp_path_factory.mktemp("fetch-errors") / "archive.db"
    routes = {"/slow": slow(3, PAGE), "/huge": html(PAGE * 100)}
    with ExitStack() as stack:
        base = stack.enter_context(serve_routes(routes))
        urls = {
            what: stack.enter_context(serve_raw(reply)) + "/" for what, (reply, _) in RAW.items()
        }
        urls |= {
            "refused": f"http://127.0.0.1:{closed_port()}/",
            "timeout": f"{base}/slow",
            "too large, announced": f"{base}/huge",
            "dns": "http://no-such-host.invalid/",
        }
        crawl(Path(db), *urls.values(), *LIMITS, *NO_ROBOTS)
    by_url = {r["url"]: r["kind"] for r in rows(db, "select url, kind from failures")}
    return {what: by_url.get(url, "not recorded") for what, url in urls.items()}


@pytest.mark.parametrize(
    ("what", "kind"),
    [
        *((what, kind) for what, (_, kind) in RAW.items()),
        ("refused", "refused"),
        ("timeout", "timeout"),
        ("too large, announced", "too_large"),
        ("dns", "dns"),
    ],
)
def test_failure_kind(failures: dict[str, str], what: str, kind: str) -> None:
    assert failures[what] == kind
