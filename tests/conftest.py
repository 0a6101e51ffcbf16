"""Fixtures shared by several test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from archive.demo import DemoSites


@pytest.fixture(scope="session")
def sites() -> Iterator[DemoSites]:
    """The three demo news sites, served on free ports of 127.0.0.1 for the whole run."""
    with DemoSites() as running:
        yield running
