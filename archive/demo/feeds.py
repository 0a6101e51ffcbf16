"""Feeds and sitemaps of the demo sites: RSS 2.0, Atom, sitemap index, gzip and News sitemaps."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.utils import format_datetime

from archive.demo.common import absolute, attr, esc, text_page
from archive.demo.model import DemoArticle, Page, Publisher

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def last_change(article: DemoArticle) -> datetime:
    return article.modified or article.published


def _body_html(article: DemoArticle) -> str:
    return "".join(f"<p>{esc(paragraph)}</p>" for paragraph in article.body)


def _rss_item(article: DemoArticle, base_url: str) -> str:
    creators = "".join(
        f"<dc:creator><![CDATA[{author.name}]]></dc:creator>" for author in article.authors
    )
    categories = "".join(
        f"<category><![CDATA[{name}]]></category>" for name in (article.section, *article.tags)
    )
    return (
        f"<item><title>{esc(article.headline)}</title>"
        f"<link>{esc(absolute(base_url, article.path))}</link>"
        f"{creators}<pubDate>{format_datetime(article.published)}</pubDate>{categories}"
        f'<guid isPermaLink="false">{esc(absolute(base_url, f"?p={article.cms_id}"))}</guid>'
        f"<description><![CDATA[{article.summary}]]></description>"
        f"<content:encoded><![CDATA[{_body_html(article)}]]></content:encoded></item>"
    )


def rss(pub: Publisher, articles: Sequence[DemoArticle], base_url: str) -> Page:
    """A WordPress-style RSS 2.0 feed with every article, full text in content:encoded."""
    items = "\n".join(_rss_item(article, base_url) for article in articles)
    newest = max(last_change(article) for article in articles)
    xml = (
        f'{XML_DECL}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        f' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>{esc(pub.name)}</title>"
        f'<atom:link href="{attr(absolute(base_url, "feed/"))}" rel="self"'
        f' type="application/rss+xml"/><link>{esc(base_url)}</link>'
        f"<description>{esc(pub.tagline)}</description>"
        f"<lastBuildDate>{format_datetime(newest)}</lastBuildDate>"
        f"<language>{esc(pub.language)}</language>"
        f"<generator>https://wordpress.org/?v=6.7.1</generator>\n{items}\n</channel></rss>\n"
    )
    return text_page(xml, "application/rss+xml; charset=UTF-8")


def _atom_entry(article: DemoArticle, base_url: str) -> str:
    url = absolute(base_url, article.path)
    authors = "".join(f"<author><name>{esc(a.name)}</name></author>" for a in article.authors)
    categories = "".join(f'<category term="{attr(tag)}"/>' for tag in article.tags)
    return (
        f"<entry><id>{esc(url)}</id><title>{esc(article.headline)}</title>"
        f'<link rel="alternate" type="text/html" href="{attr(url)}"/>'
        f"<published>{article.published.isoformat()}</published>"
        f"<updated>{last_change(article).isoformat()}</updated>{authors}{categories}"
        f"<summary>{esc(article.summary)}</summary></entry>"
    )


def atom(pub: Publisher, articles: Sequence[DemoArticle], base_url: str) -> Page:
    """An Atom 1.0 feed listing every article with its summary."""
    entries = "\n".join(_atom_entry(article, base_url) for article in articles)
    newest = max(last_change(article) for article in articles)
    xml = (
        f'{XML_DECL}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{attr(pub.language)}">'
        f"<id>{esc(base_url)}</id><title>{esc(pub.name)}</title>"
        f"<subtitle>{esc(pub.tagline)}</subtitle><updated>{newest.isoformat()}</updated>"
        f'<link rel="self" href="{attr(absolute(base_url, "feed.atom"))}"/>'
        f'<link rel="alternate" type="text/html" href="{attr(base_url)}"/>\n{entries}\n</feed>\n'
    )
    return text_page(xml, "application/atom+xml; charset=utf-8")


def sitemap_index(paths: Iterable[str], base_url: str, lastmod: datetime) -> Page:
    """A sitemap index pointing at child sitemaps (which may be gzipped)."""
    entries = "".join(
        f"<sitemap><loc>{esc(absolute(base_url, path))}</loc>"
        f"<lastmod>{lastmod.isoformat()}</lastmod></sitemap>\n"
        for path in paths
    )
    xml = f'{XML_DECL}<sitemapindex xmlns="{SITEMAP_NS}">\n{entries}</sitemapindex>\n'
    return text_page(xml, "application/xml; charset=utf-8")


def urlset(entries: Iterable[tuple[str, datetime | None]], base_url: str) -> str:
    """The XML of a plain sitemap: (path, lastmod) pairs."""
    urls = "".join(
        f"<url><loc>{esc(absolute(base_url, path))}</loc>"
        + (f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else "")
        + "</url>\n"
        for path, lastmod in entries
    )
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}">\n{urls}</urlset>\n'


def gzipped(xml: str) -> Page:
    """A `.xml.gz` sitemap served as a file: the body itself is gzip, not Content-Encoding."""
    body = gzip.compress(xml.encode("utf-8"), mtime=0)
    return Page(200, {"Content-Type": "application/x-gzip"}, body)


def _news_url(pub: Publisher, article: DemoArticle, base_url: str) -> str:
    language = (article.language or pub.language).split("-")[0]
    return (
        f"<url><loc>{esc(absolute(base_url, article.path))}</loc>"
        f"<lastmod>{last_change(article).isoformat()}</lastmod><news:news><news:publication>"
        f"<news:name>{esc(pub.name)}</news:name><news:language>{language}</news:language>"
        f"</news:publication><news:publication_date>{article.published.isoformat()}"
        f"</news:publication_date><news:title>{esc(article.headline)}</news:title>"
        f"</news:news></url>"
    )


def news_sitemap(pub: Publisher, articles: Sequence[DemoArticle], base_url: str) -> Page:
    """A Google News sitemap; unlike real ones it keeps every article, not just two days' worth."""
    urls = "\n".join(_news_url(pub, article, base_url) for article in articles)
    xml = f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n{urls}\n</urlset>\n'
    return text_page(xml, "application/xml; charset=utf-8")
