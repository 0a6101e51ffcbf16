"""A set of URLs kept as 16-byte digests. The crawl's own process remembers every URL it has
decided on for the whole crawl, and a site's sitemaps can name hundreds of thousands in its
first minute: as a digest a URL takes about 90 bytes of the set (object and slot), as text
about 190 (a 100-character URL). Two URLs share a digest with odds of about n² / 2^129, nil
for any crawl."""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b


class UrlSet:
    __slots__ = ("_keys",)

    def __init__(self) -> None:
        self._keys: set[bytes] = set()

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and _key(url) in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, url: str) -> None:
        self._keys.add(_key(url))

    def update(self, urls: Iterable[str]) -> None:
        self._keys.update(map(_key, urls))


def _key(url: str) -> bytes:
    # surrogatepass: a URL is text a site sent, and may hold a lone surrogate.
    return blake2b(url.encode("utf-8", "surrogatepass"), digest_size=16).digest()
