"""URL identity: one key per article, tracking parameters gone, content ids kept."""

from __future__ import annotations

import pytest

from pipelines.extraction.urls import TRACKING_PARAMETERS, article_key, canonical_url, site_of


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.X.test/a?utm_source=fb&utm_medium=social#comments", "https://www.x.test/a"),
        ("https://x.test/a?b=2&a=1&fbclid=abc", "https://x.test/a?a=1&b=2"),
        ("https://x.test:443/a", "https://x.test/a"),
        ("http://x.test:80/a", "http://x.test/a"),
        ("http://127.0.0.1:8080/news/a?id=3&gclid=z", "http://127.0.0.1:8080/news/a?id=3"),
        ("https://x.test", "https://x.test/"),
        ("http://[::1]:8000/a?utm_source=x", "http://[::1]:8000/a"),
        ("http://[2001:DB8::1]/a", "http://[2001:db8::1]/a"),
        ("https://x.test/a?UTM_Campaign=spring&msclkid=1&mc_eid=2", "https://x.test/a"),
        ("https://x.test/a?q=caf%c3%a9&x", "https://x.test/a?q=caf%C3%A9&x="),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


@pytest.mark.parametrize("name", ["cid", "ref", "share", "cmp", "id", "p", "page", "story"])
def test_content_ids_are_not_tracking(name: str) -> None:
    """On some CMSs these name the article: article.php?cid=123 and ?cid=124 are two stories."""
    first = canonical_url(f"https://x.test/article.php?{name}=123")
    second = canonical_url(f"https://x.test/article.php?{name}=124")
    assert first != second
    assert first.endswith(f"?{name}=123")
    assert name not in TRACKING_PARAMETERS


@pytest.mark.parametrize(
    "spelling", ["https://x.test/café", "https://x.test/caf%C3%A9", "https://x.test/caf%c3%a9"]
)
def test_one_key_for_every_spelling_of_a_path(spelling: str) -> None:
    assert canonical_url(spelling) == "https://x.test/caf%C3%A9"


def test_an_international_host_is_one_host() -> None:
    assert canonical_url("https://Bücher.test/a") == canonical_url("https://xn--bcher-kva.test/a")


def test_article_key_is_the_canonical_on_the_same_site() -> None:
    own = "https://www.x.test/2026/story?utm_source=rss"
    assert article_key("https://x.test/2026/story", own) == "https://x.test/2026/story"
    assert article_key("https://other.test/story", own) == "https://www.x.test/2026/story"
    assert article_key(None, own) == "https://www.x.test/2026/story"


def test_site_of_drops_www_keeps_port() -> None:
    assert site_of("https://www.example-news.test/a") == "example-news.test"
    assert site_of("http://127.0.0.1:8123/") == "127.0.0.1:8123"


def test_canonical_urls_are_remembered_but_not_long_ones() -> None:
    from pipelines.extraction import urls

    url = "HTTP://Example.com:80/News/Story?utm_source=x&b=2&a=1#top"
    first = canonical_url(url)
    hits = urls._remembered.cache_info().hits
    assert canonical_url(url) == first == "http://example.com/News/Story?a=1&b=2"
    assert urls._remembered.cache_info().hits == hits + 1
    # A URL longer than any a request may have is made canonical each time, not kept.
    long = "http://example.com/" + "a" * 5000 + "?utm_medium=y"
    size = urls._remembered.cache_info().currsize
    assert canonical_url(long) == "http://example.com/" + "a" * 5000
    assert urls._remembered.cache_info().currsize == size
