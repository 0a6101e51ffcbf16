"""How requests are kept in the shared Redis queue of distributed crawl workers: as JSON
(bytes in base64, a page's feed or sitemap hints as their fields), the `SCHEDULER_SERIALIZER`
of scrapy-redis. Its default, pickle, would run whatever code a queue entry names: anyone
able to write to the Redis server could take over every worker.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from archive.records import Hints

# Noted on a request as its response arrives (spiders/wire.py): a redirect's new request
# carries it on, but it describes the old response and is noted afresh for the new one.
_NOT_KEPT = ("archive_wire",)


def _encode(value: object) -> Any:
    if isinstance(value, bytes):
        return {"__bytes__": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Hints):
        return {"__hints__": {"title": value.title, "published": value.published}}
    raise TypeError(f"a queued request cannot carry a {type(value).__name__}")


def _decode(value: dict[str, Any]) -> Any:
    if "__bytes__" in value:
        return base64.b64decode(value["__bytes__"])
    if "__hints__" in value:
        return Hints(**value["__hints__"])
    return value


def dumps(request: dict[str, Any]) -> bytes:
    """A request (Request.to_dict) as JSON."""
    meta = {k: v for k, v in request.get("meta", {}).items() if k not in _NOT_KEPT}
    headers = {
        (k.decode("latin-1") if isinstance(k, bytes) else k): v
        for k, v in request.get("headers", {}).items()
    }
    return json.dumps({**request, "meta": meta, "headers": headers}, default=_encode).encode()


def loads(data: bytes) -> dict[str, Any]:
    return dict(json.loads(data, object_hook=_decode))
