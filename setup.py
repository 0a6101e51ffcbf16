"""For scrapyd-deploy, which builds the project's egg with `setup.py bdist_egg`: everything
comes from pyproject.toml (packages, version, the scrapy settings entry point)."""

from setuptools import setup

setup()
