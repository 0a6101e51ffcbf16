"""Scrapy commands of the project (COMMANDS_MODULE): `scrapy crawl` with an honest exit code."""
