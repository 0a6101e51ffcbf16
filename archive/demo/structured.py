"""The schema.org JSON-LD record Northwind's article pages embed (data, serialised by a filter)."""

from __future__ import annotations

from typing import Any

from archive.demo.model import DemoArticle
from archive.demo.site import Site


def news_article(site: Site, article: DemoArticle) -> dict[str, Any]:
    """A NewsArticle as Next.js news sites print it, with every image's caption and credit."""
    url = site.url(article.path)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline,
        "description": article.summary,
        "datePublished": article.published.isoformat(),
        "author": [{"@type": "Person", "name": author.name} for author in article.authors],
        "articleSection": article.section,
        "keywords": list(article.tags),
        "inLanguage": article.language or site.publisher.language,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": site.publisher.name,
            "logo": {"@type": "ImageObject", "url": site.url("/logo.png")},
        },
    }
    if article.modified:
        data["dateModified"] = article.modified.isoformat()
    if article.images:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": site.url(i.src),
                "caption": i.caption,
                "creditText": i.credit,
            }
            for i in article.images
        ]
    return data
