"""An archive for the Datasette tests: the fixture articles, an edited one, a raw capture and a
hostile one; and a real in-process Datasette (the plugin loads from its entry point)."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from datasette.app import Datasette

from archive.records import FetchedPage
from archive.store import Provenance, add_capture, open_archive, open_warc_writer, save_article
from pipelines.extraction import Article, Caption
from tests.archive_helpers import PAGES, build_archive

_LISTENING = re.compile(rb"Uvicorn running on http://127\.0\.0\.1:(\d+)")
SEED_PAGE = PAGES / "seed_phnompenh_post.html"
SEED = "Anti-trafficking drive goes on"
HOSTILE_URL = "https://hostile.test/story"
# Stored text is never trusted: each of these must reach the browser as text.
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
EDITED_URL = "https://edited.test/2026/03/bridge"
EDITED_V1 = ["The old bridge will close for repairs in May.", "Traffic will use the ferry."]
EDITED_V2 = ["The old bridge will close for repairs in June.", "Traffic will use the ferry."]


def build_web_archive(path: Path) -> Path:
    """Fixture articles, plus a hostile article, an article edited once, a raw capture."""
    build_archive(path)
    db = open_archive(path)
    hostile = Article(
        headline=f"Harbour story {HOSTILE}", body=[f"The harbour {HOSTILE} reopened today."] * 3,
        captions=[Caption(f"Harbour {HOSTILE}", credit=HOSTILE)], authors=[HOSTILE],
        published=datetime(2026, 3, 1, tzinfo=UTC), section=HOSTILE, language="en",
    )  # fmt: skip
    save_article(db, hostile, HOSTILE_URL, Provenance("hostile.test", HOSTILE_URL))
    first = Article(
        headline="Bridge to close", body=EDITED_V1, authors=["Ana Reyes"], section="Local",
        captions=[Caption("The old bridge at dusk", credit="Ana Reyes/Valley Courier")],
        published=datetime(2026, 3, 2, tzinfo=UTC), language="en", tags=["roads", "bridge"],
    )  # fmt: skip
    save_article(db, first, EDITED_URL, Provenance("edited.test", EDITED_URL))
    second = dataclasses.replace(first, body=EDITED_V2)
    save_article(db, second, EDITED_URL, Provenance("edited.test", EDITED_URL))
    capture = FetchedPage(
        url="https://www.phnompenhpost.test/seed", final_url="https://www.phnompenhpost.test/seed",
        status=200, headers={"content-type": "text/html"}, body=SEED_PAGE.read_bytes(),
        fetched_at="2026-03-30T00:00:00+00:00", site="phnompenhpost.test",
    )  # fmt: skip
    with open_warc_writer(db, None) as warcs:
        capture_id = add_capture(db, None, capture, warcs)
    db.execute("update articles set capture_id = ? where headline = ?", [capture_id, SEED])
    db.conn.commit()
    db.close()
    return path


def article_id(path: Path, headline_start: str) -> int:
    db = open_archive(path)
    try:
        row = next(
            db.query("select id from articles where headline like ?", [headline_start + "%"])
        )
    finally:
        db.close()
    return row["id"]


def get(path: Path, url: str, metadata: dict[str, Any] | None = None):
    """One request to a real Datasette serving path, as `datasette path` would."""

    async def go():
        ds = Datasette([str(path)], metadata=metadata)
        await ds.invoke_startup()
        return await ds.client.get(url)

    return asyncio.run(go())


@contextmanager
def served(command: list[str], deadline: float = 60) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run a server command on port 0 and yield it with the base URL it listens on."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Keeps reading the server's log once it listens, or the pipe fills and the server blocks.
    drain = threading.Thread(target=process.stderr.read, daemon=True)
    try:
        output, end = b"", time.monotonic() + deadline
        while not (found := _LISTENING.search(output)):
            assert time.monotonic() < end and process.poll() is None, output.decode()
            output += process.stderr.readline()
        drain.start()
        yield process, f"http://127.0.0.1:{int(found.group(1))}"
    finally:
        if process.poll() is None:
            process.terminate()  # news-archive passes it on to its Datasette; kill would not
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if drain.is_alive():
            drain.join(timeout=10)
        process.stderr.close()
