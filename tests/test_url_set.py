"""The crawl's set of decided URLs (spiders/url_set.py): membership by the exact URL."""

from __future__ import annotations

from spiders.url_set import UrlSet


def test_a_url_is_in_the_set_once_added_and_only_then() -> None:
    urls = UrlSet()
    assert "http://a.example/news/1" not in urls
    urls.add("http://a.example/news/1")
    urls.update(["http://a.example/news/2", "http://a.example/news/1"])
    assert "http://a.example/news/1" in urls
    assert "http://a.example/news/2" in urls
    assert len(urls) == 2
    # No normalising: a URL differing in case, a slash or a fragment is another URL.
    for other in (
        "http://a.example/News/1",
        "http://a.example/news/1/",
        "http://a.example/news/1#x",
    ):
        assert other not in urls


def test_text_a_hostile_site_sends_is_a_url_like_any_other() -> None:
    urls = UrlSet()
    odd = "http://a.example/\ud800/caf\u00e9"  # a lone surrogate, as a page may hold one
    urls.add(odd)
    assert odd in urls
    assert "http://a.example/\ud801/caf\u00e9" not in urls
    assert None not in urls
