"""Item pipeline of a distributed crawl's workers: every fetched page and failure goes, as
JSON, to the crawl's `items` list in Redis, for the one archive writer (`news-archive
ingest`) to capture, extract and store. A worker never opens the archive."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy_redis.connection import get_redis_from_settings

from archive.records import FetchedPage, Hints, Wire
from spiders.items import FetchFailure


def encode_item(item: FetchedPage | FetchFailure) -> bytes:
    """A page (its body in base64) or a failure as one JSON document."""
    if isinstance(item, FetchFailure):
        return json.dumps({"failure": asdict(item)}).encode()
    page = asdict(item)
    page["body"] = base64.b64encode(item.body).decode("ascii")
    return json.dumps({"page": page}, ensure_ascii=False).encode()


def decode_item(data: bytes) -> FetchedPage | FetchFailure:
    """What encode_item wrote; ValueError for anything else."""
    try:
        value = json.loads(data)
        if "failure" in value:
            return FetchFailure(**value["failure"])
        page: dict[str, Any] = value["page"]
        wire = page.pop("wire")
        return FetchedPage(
            **{**page, "body": base64.b64decode(page["body"]), "hints": Hints(**page["hints"])},
            wire=_wire(wire) if wire else None,
        )
    except (KeyError, TypeError, json.JSONDecodeError, AttributeError) as error:
        raise ValueError(f"not an item of a news-archive worker ({error!r})") from error


def _wire(value: dict[str, Any]) -> Wire:
    return Wire(
        method=value["method"],
        request_headers=tuple((name, text) for name, text in value["request_headers"]),
        protocol=value["protocol"],
        response_headers=tuple((name, text) for name, text in value["response_headers"]),
        ip_address=value["ip_address"],
    )


class RelayPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        self.server = get_redis_from_settings(crawler.settings)
        self.key = f"{crawler.settings.get('ARCHIVE_REDIS_KEY')}:items"

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RelayPipeline:
        return cls(crawler)

    def process_item(self, item: FetchedPage | FetchFailure) -> FetchedPage:
        self.server.rpush(self.key, encode_item(item))
        if isinstance(item, FetchFailure):
            self.stats.inc_value(f"archive/errors/{item.kind}")
            raise DropItem(f"{item.kind}: {item.url} (relayed)", log_level="DEBUG")
        self.stats.inc_value("archive/pages")
        return item
