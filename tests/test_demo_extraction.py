"""Every demo article page, rendered without a server, extracts to its ground truth; the
Drupal-style publisher (logo, ads, share bar, MOST VIEWED) gets the seed page's checks."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from archive.demo import ARTICLES, articles_of, expected_article, render_page
from pipelines.extraction import extract

DRUPAL = [a for a in ARTICLES if a.publisher == "mekong"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.publisher}-{a.slug}")
def test_demo_article_extracts_exactly(article) -> None:
    expected = expected_article(article)
    record = extract(render_page(article.publisher, article.path), url=expected.url)
    assert record.is_article
    assert record.headline == expected.headline
    assert record.body == list(expected.body)
    assert [(c.caption, c.credit) for c in record.captions] == [
        (c.caption, c.credit) for c in expected.captions
    ]
    assert record.authors == list(expected.authors)
    assert record.published == expected.published
    assert record.canonical_url == expected.canonical_url


@pytest.mark.parametrize("article", DRUPAL, ids=lambda a: a.slug)
def test_drupal_boilerplate_is_gone(article) -> None:
    page = render_page("mekong", article.path)
    tree = lxml_html.fromstring(page)
    (sidebar,) = tree.xpath('//*[contains(@class, "most-viewed")]')
    teasers = [el.text_content().strip() for el in sidebar.iter("a", "p", "span", "h3")]
    teasers = [t for t in teasers if len(t) > 20]
    alts = [img.get("alt") for img in tree.iter("img") if img.get("alt")]
    record = extract(page, url=expected_article(article).url)
    kept = "\n".join([record.headline or "", *record.body, *(c.caption for c in record.captions)])
    assert teasers and alts
    for unwanted in ["ADVERTISEMENT", "MOST VIEWED", "Sign up", "Share this", *teasers, *alts]:
        assert unwanted not in kept, unwanted
    assert kept.count(record.headline) == 1, "the headline must not repeat in the body"


def test_every_publisher_has_articles() -> None:
    assert all(len(articles_of(key)) >= 11 for key in ("harbour", "mekong", "northwind"))
