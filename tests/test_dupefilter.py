"""The crawl's duplicate filter (spiders/dupefilter.py): the spider's own requests go through
unchecked, a redirect to a page already queued is dropped, every page is fetched once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from spiders import settings as project_settings
from spiders.dupefilter import ADMITTED, KnownUrlsDupeFilter
from spiders.news import NewsSpider
from tests.crawling import crawl, rows
from tests.servers import article_html, html, redirect, serve_routes


def _filter(spider_class: type[Spider], **kwargs: str) -> tuple[KnownUrlsDupeFilter, Spider]:
    crawler = get_crawler(spider_class)
    spider = spider_class.from_crawler(crawler, **kwargs)
    crawler.spider = spider  # as Crawler.crawl() sets it
    return KnownUrlsDupeFilter.from_crawler(crawler), spider


def test_the_crawl_uses_it() -> None:
    settings = Settings()
    settings.setmodule(project_settings)
    assert load_object(settings["DUPEFILTER_CLASS"]) is KnownUrlsDupeFilter


def test_requests_the_spider_admitted_pass_and_others_are_looked_up() -> None:
    dupes, spider = _filter(NewsSpider, url="http://127.0.0.1:9/")
    assert isinstance(spider, NewsSpider)
    spider.known.add("http://127.0.0.1:9/news/a")
    admitted = Request("http://127.0.0.1:9/news/a", meta={ADMITTED: True})
    assert not dupes.request_seen(admitted)
    assert not dupes.request_seen(admitted)  # the spider looked it up: not a second time
    # A redirect's next hop keeps the meta of the request it came from.
    hop = admitted.replace(
        url="http://127.0.0.1:9/news/a#top", meta={ADMITTED: True, "redirect_urls": ["x"]}
    )
    assert dupes.request_seen(hop)  # the same page, canonical (no fragment)
    other = Request("http://127.0.0.1:9/news/b")
    assert not dupes.request_seen(other)
    assert "http://127.0.0.1:9/news/b" in spider.known
    assert dupes.request_seen(Request("http://127.0.0.1:9/news/b"))


def test_a_spider_without_known_urls_gets_a_set_of_its_own() -> None:
    dupes, spider = _filter(Spider, name="plain")
    assert not hasattr(spider, "known")
    assert not dupes.request_seen(Request("http://127.0.0.1:9/a"))
    assert dupes.request_seen(Request("http://127.0.0.1:9/a"))
    assert dupes.own == {"http://127.0.0.1:9/a"}


def test_a_crawl_fetches_each_page_once_through_redirects(tmp_path: Path) -> None:
    # The home page links a story, a redirect to it, a redirect to a story linked from
    # nowhere else, and the home page itself.
    links = ["/news/a", "/old/a", "/old/b", "/"]
    home = "".join(f'<p><a href="{link}">{link}</a></p>' for link in links)
    routes = {
        "/": html(f"<html><body><h1>News</h1>{home}</body></html>"),
        "/news/a": html(article_html("Story A")),
        "/news/b": html(article_html("Story B")),
        "/old/a": redirect("/news/a", 301),
        "/old/b": redirect("/news/b", 301),
    }
    fetched: list[str] = []
    db = tmp_path / "archive.db"
    with serve_routes(routes, requests=fetched) as base:
        crawl(db, f"{base}/", "--depth", "2")
    counts = Counter(fetched)
    assert counts["/news/a"] == 1, fetched
    assert counts["/news/b"] == 1, fetched
    assert counts["/"] == 1, fetched
    stored = sorted(row["url"] for row in rows(db, "select url from articles"))
    assert stored == [f"{base}/news/a", f"{base}/news/b"]
