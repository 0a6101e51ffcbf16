"""The crawlers bench/crawl.py compares ours with, each run in its own process:

- `bare`: plain Scrapy fetching every article the sitemaps list, nothing else done with them;
- `plain`: what a user would write instead of news-archive: Scrapy's SitemapSpider, trafilatura
  for the text and metadata, sqlite-utils with an FTS5 index, one insert per article.

    python -m bench.crawl_peers bare|plain BASE_URL DB_OR_STATS_FILE [NAME=VALUE ...]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, ClassVar

import sqlite_utils
import trafilatura
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

# Both follow only the sitemaps' article URLs (dated paths), as one would write for the site.
ARTICLE_RULE = (r"/\d{4}/\d{2}/\d{2}/", "parse")


class BareSpider(SitemapSpider):
    name = "bare"
    sitemap_rules: ClassVar[list[tuple[str, str]]] = [ARTICLE_RULE]

    def __init__(self, base: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.sitemap_urls = [f"{base}/robots.txt"]
        self.articles = 0

    def parse(self, response: Response) -> Iterator[dict]:
        if response.status == 200:
            self.articles += 1
        return iter(())


class PlainSpider(SitemapSpider):
    name = "plain"
    sitemap_rules: ClassVar[list[tuple[str, str]]] = [ARTICLE_RULE]

    def __init__(self, base: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.sitemap_urls = [f"{base}/robots.txt"]

    def parse(self, response: Response) -> Iterator[dict]:
        if response.status == 200:
            yield {"url": response.url, "html": response.text}


class TrafilaturaPipeline:
    """Extract with trafilatura, insert into SQLite with a full-text index."""

    def open_spider(self) -> None:
        self.db = sqlite_utils.Database(self.path)
        self.db["articles"].create(
            {"url": str, "title": str, "author": str, "date": str, "text": str}, pk="url"
        )
        self.db["articles"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)

    @classmethod
    def from_crawler(cls, crawler: Any) -> TrafilaturaPipeline:
        pipeline = cls()
        pipeline.path = crawler.settings.get("PLAIN_DB")
        return pipeline

    def process_item(self, item: dict) -> dict:
        doc = trafilatura.bare_extraction(item["html"], url=item["url"], with_metadata=True)
        if doc is not None and doc.text:
            row = {"url": item["url"], "title": doc.title, "author": doc.author,
                   "date": doc.date, "text": doc.text}  # fmt: skip
            self.db["articles"].upsert(row, pk="url")
        return {"url": item["url"]}

    def close_spider(self) -> None:
        self.db.close()


def main() -> None:
    kind, base, target = sys.argv[1:4]
    settings: dict[str, Any] = dict(arg.split("=", 1) for arg in sys.argv[4:])
    if kind == "plain":
        settings |= {"PLAIN_DB": target, "ITEM_PIPELINES": {f"{__name__}.TrafilaturaPipeline": 100}}
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider if kind == "bare" else PlainSpider)
    process.crawl(crawler, base=base)
    process.start()
    if kind == "bare":
        with open(target, "w") as out:
            json.dump({"articles": crawler.spider.articles}, out)


if __name__ == "__main__":
    main()
