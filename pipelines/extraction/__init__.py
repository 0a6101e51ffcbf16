"""Pure extraction library: HTML in, clean Article record out (no Scrapy, no I/O)."""

from pipelines.extraction.core import ExtractionError, extract
from pipelines.extraction.record import EXTRACTOR_VERSION, Article, Caption

__all__ = ["EXTRACTOR_VERSION", "Article", "Caption", "ExtractionError", "extract"]
