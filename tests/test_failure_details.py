"""A failure says what happened in its detail, and a crash in a pipeline says it in a few
lines: never the page's whole body, with -q or without."""

from __future__ import annotations

import json
from contextlib import ExitStack

import pytest

from tests.crawling import crawl, rows
from tests.servers import article_html, html, serve_raw, serve_routes
from tests.test_fetch_errors import HEAD, NO_ROBOTS, PAGE

MAX_SIZE = 100_000
MARKER = "Zanzibarquay"  # a word of the crashing page's body, and nowhere else
PIPELINES = {
    "pipelines.capture.CapturePipeline": 100,
    "tests.crashing.CrashingPipeline": 150,
    "pipelines.extract.ExtractPipeline": 200,
    "pipelines.store.StorePipeline": 300,
}
RAW = {
    "cut short": HEAD + b"Content-Length: 50000\r\n\r\n" + PAGE,
    "too large, streamed": HEAD + b"Connection: close\r\n\r\n" + PAGE * 100,
    "hung up": b"",
    "not HTTP": b"SSH-2.0-OpenSSH_9.6\r\n\r\n",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> tuple[dict[str, dict], str]:
    db = tmp_path_factory.mktemp("details") / "archive.db"
    body = article_html("A story that trips a bug", 200).replace("ferries", MARKER)
    routes = {"/crash/story": html(body)}
    with ExitStack() as stack:
        base = stack.enter_context(serve_routes(routes))
        urls = {what: stack.enter_context(serve_raw(reply)) + "/" for what, reply in RAW.items()}
        urls["crash"] = f"{base}/crash/story"
        settings = ["-s", f"DOWNLOAD_MAXSIZE={MAX_SIZE}", "-s", "DOWNLOAD_TIMEOUT=5"]
        settings += ["-s", f"ITEM_PIPELINES={json.dumps(PIPELINES)}"]
        result = crawl(db, *urls.values(), *settings, *NO_ROBOTS)
    by_url = {r["url"]: r for r in rows(db, "select url, kind, detail from failures")}
    return {what: by_url.get(url, {}) for what, url in urls.items()}, result.stderr


def test_a_pipeline_crash_is_recorded_in_one_line(crawled: tuple[dict[str, dict], str]) -> None:
    failures, _ = crawled
    assert failures["crash"]["kind"] == "pipeline_error"
    assert failures["crash"]["detail"] == "ValueError: a bug in a pipeline"


def test_a_pipeline_crash_does_not_print_the_page(crawled: tuple[dict[str, dict], str]) -> None:
    _, stderr = crawled  # the crawl ran with -q: errors only
    assert "a bug in a pipeline" in stderr
    assert MARKER not in stderr
    assert len(stderr) < 10_000


@pytest.mark.parametrize(
    ("what", "kind", "says"),
    [
        ("cut short", "connection", "cut short"),
        ("too large, streamed", "too_large", f"DOWNLOAD_MAXSIZE ({MAX_SIZE} bytes)"),
        ("hung up", "connection", "ConnectionDone: Connection was closed cleanly."),
        ("not HTTP", "connection", "ParseError"),
    ],
)
def test_a_failed_fetch_says_what_happened(
    crawled: tuple[dict[str, dict], str], what: str, kind: str, says: str
) -> None:
    failures, _ = crawled
    assert failures[what]["kind"] == kind
    assert says in failures[what]["detail"]
    assert "twisted.python.failure" not in failures[what]["detail"]
