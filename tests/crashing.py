"""A pipeline with a bug, for the tests: it raises on pages whose URL has /crash/ in it."""

from __future__ import annotations


class CrashingPipeline:
    def process_item(self, item: object) -> object:
        if "/crash/" in str(getattr(item, "url", "")):
            raise ValueError("a bug in a pipeline")
        return item
