"""Pure extraction library: HTML in, clean Article record out (no Scrapy, no I/O).

The names below are loaded on first use: the store and the CLI's search read the `Article`
record (`pipelines.extraction.record`) without paying ~0.5 s for the extractor's own imports
(extruct, htmldate, dateparser).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipelines.extraction.core import extract
    from pipelines.extraction.errors import ExtractionError
    from pipelines.extraction.record import EXTRACTOR_VERSION, Article, Caption
    from pipelines.extraction.rules import Rules, RulesError, load_rules

_HOME = {
    "EXTRACTOR_VERSION": "record",
    "Article": "record",
    "Caption": "record",
    "ExtractionError": "errors",
    "extract": "core",
    "Rules": "rules",
    "RulesError": "rules",
    "load_rules": "rules",
}

__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "Caption",
    "ExtractionError",
    "Rules",
    "RulesError",
    "extract",
    "load_rules",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f"pipelines.extraction.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
