"""Pure extraction library: HTML in, clean Article record out (no Scrapy, no I/O)."""

from pipelines.extraction.core import ExtractionError, extract
from pipelines.extraction.record import EXTRACTOR_VERSION, Article, Caption
from pipelines.extraction.rules import Rules, RulesError, load_rules

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
