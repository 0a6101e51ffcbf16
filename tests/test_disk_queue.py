"""Requests waiting in the scheduler are kept on disk beside the archive, in a directory the
crawl removes when it closes (and the next crawl removes when a killed one left it)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from scrapy import Request
from scrapy.http import FormRequest
from scrapy.settings import Settings
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from spiders import settings as project_settings
from spiders.disk_queue import LifoDiskRequests, request_dict
from spiders.frontier import Hints
from spiders.news import NewsSpider
from tests.crawling import crawl_command, rows
from tests.servers import news_site, serve_routes

ARTICLES = 12


def _leftover(archive: Path, pid: int) -> Path:
    folder = archive.parent / f".{archive.name}.queue-{pid}-left"
    (folder / "requests.queue").mkdir(parents=True)
    return folder


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    probe = subprocess.Popen(["true"])
    probe.wait()
    return probe.pid


def test_waiting_requests_go_to_disk_and_the_folder_goes_with_the_crawl(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    dead = _leftover(db, _dead_pid())
    alive = _leftover(db, os.getpid())  # a crawl still running: left alone
    with serve_routes(news_site(ARTICLES)) as base:
        result = subprocess.run(
            crawl_command(db, f"{base}/", quiet=False), capture_output=True, text=True, timeout=180
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows(db, "select url from articles")) == ARTICLES
    on_disk = re.search(r"'scheduler/enqueued/disk': (\d+)", result.stderr)
    assert on_disk is not None and int(on_disk.group(1)) >= ARTICLES
    assert "scheduler/enqueued/memory" not in result.stderr
    assert not dead.exists()
    assert alive.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if ".queue-" in p.name) == [alive.name]


def test_the_queue_can_be_kept_in_memory(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with serve_routes(news_site(ARTICLES)) as base:
        command = crawl_command(db, f"{base}/", "-s", "ARCHIVE_DISK_QUEUE=False", quiet=False)
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows(db, "select url from articles")) == ARTICLES
    assert "scheduler/enqueued/disk" not in result.stderr
    assert re.search(r"'scheduler/enqueued/memory': \d+", result.stderr)


def _spider() -> NewsSpider:
    crawler = get_crawler(NewsSpider)
    spider = NewsSpider.from_crawler(crawler, url="http://127.0.0.1:9/")
    crawler.spider = spider  # as Crawler.crawl() sets it
    return spider


def _requests(spider: NewsSpider) -> list[Request]:
    story = "http://127.0.0.1:9/2026/01/02/harbour-ferry-story"
    meta = {"via": "sitemap", "hints": Hints(title="Ferries"), "depth": 2}
    return [
        Request(story, callback=spider.parse_page, errback=spider.on_error, meta=meta),
        Request(story, callback=spider.parse_sitemap, priority=-3, dont_filter=True),
        Request(story),  # no callback: the spider's parse
        FormRequest(story, formdata={"q": "ferry"}, callback=spider.parse_page),
    ]


def test_the_crawl_writes_requests_with_it() -> None:
    settings = Settings()
    settings.setmodule(project_settings)
    assert load_object(settings["SCHEDULER_DISK_QUEUE"]) is LifoDiskRequests


def test_a_request_is_written_as_scrapy_writes_it() -> None:
    spider = _spider()
    for request in _requests(spider):
        assert request_dict(request, spider) == request.to_dict(spider=spider)


def test_a_callback_not_the_spiders_own_is_found_as_scrapy_finds_it() -> None:
    spider = _spider()

    class Elsewhere:
        def parse(self, response: object) -> None: ...

    stray = Request("http://127.0.0.1:9/a", callback=Elsewhere().parse)
    try:
        request_dict(stray, spider)
        raised = None
    except ValueError as error:  # Scrapy's own message: not a method of the spider
        raised = str(error)
    assert raised is not None and "is not an instance method" in raised
    spider.alias = spider.parse_page  # type: ignore[attr-defined]  # under another name
    aliased = Request("http://127.0.0.1:9/a", callback=spider.alias)  # type: ignore[attr-defined]
    assert request_dict(aliased, spider)["callback"] == "parse_page"


def test_requests_come_back_from_disk_as_they_went_in(tmp_path: Path) -> None:
    spider = _spider()
    queue = LifoDiskRequests.from_crawler(spider.crawler, str(tmp_path / "queue"))
    sent = _requests(spider)
    for request in sent:
        queue.push(request)
    back = [queue.pop() for _ in sent][::-1]  # last in, first out
    assert queue.pop() is None
    queue.close()
    for went, came in zip(sent, back, strict=True):
        assert type(came) is type(went)
        assert came.to_dict(spider=spider) == went.to_dict(spider=spider)
    assert back[0].callback == spider.parse_page and back[0].errback == spider.on_error
    assert back[0].meta["hints"] == Hints(title="Ferries")
