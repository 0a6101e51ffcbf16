"""Scrapy project module: the news spider and the discovery of article URLs (no parsing of content)."""
