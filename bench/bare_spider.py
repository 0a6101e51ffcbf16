"""The baseline crawler for bench/crawl.py: plain Scrapy following every same-site link,
with no extraction and no storage. Our crawl's rate is compared against its rate."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, url: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.start_urls = url.split(",")
        self.hosts = {urlsplit(u).netloc for u in self.start_urls}
        self.links = LinkExtractor(unique=True)

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        if "html" not in response.headers.get("Content-Type", b"").decode().lower():
            return
        for link in self.links.extract_links(response):
            if urlsplit(link.url).netloc in self.hosts:
                yield scrapy.Request(link.url.split("#")[0], callback=self.parse)
