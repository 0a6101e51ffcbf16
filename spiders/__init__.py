"""Scrapy project module: the news spider and article discovery (no content parsing)."""
