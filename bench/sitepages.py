"""The generated news site's pages: articles, story lists (home, sections, topics, authors),
the RSS feed, sitemaps and robots.txt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from bench.sitechrome import SITE_NAME


@dataclass(frozen=True)
class Story:
    """One generated article's card: where it is and what a teaser shows of it."""

    number: int
    path: str
    headline: str
    teaser: str
    section: str
    published: str  # ISO 8601 with offset
    authors: tuple[tuple[str, str], ...]  # (name, slug)
    topics: tuple[str, ...]


@dataclass(frozen=True)
class ArticleParts:
    """What an article page holds beyond its card: body, caption and the stories it links."""

    paragraphs: tuple[str, ...]  # plain text; links are added when rendering
    caption: str
    credit: str
    inline: tuple[Story, ...]  # linked from the body's sentences
    related: tuple[Story, ...]
    most_read: tuple[Story, ...]
    more: tuple[Story, ...]
    script: int  # which trailing script include


def _include(name: str) -> str:
    return f'<!--# include virtual="/_inc/{name}.html" -->\n'


def _card(story: Story) -> str:
    return (
        f'<div class="card"><a class="card-image" href="{story.path}"><img src="/img/'
        f'{story.number}-s.jpg" alt="" loading="lazy"></a><h3><a href="{story.path}">'
        f'{escape(story.headline)}</a></h3><p class="teaser">{escape(story.teaser)}</p>'
        f'<span class="card-meta">{story.section.title()} · {story.published[:10]}</span></div>'
    )


def _byline(story: Story) -> str:
    names = [
        f'<a rel="author" href="/author/{slug}/">{escape(name)}</a>' for name, slug in story.authors
    ]
    return (
        f'By {" and ".join(names)} <time datetime="{story.published}">{story.published[:10]}</time>'
    )


def _jsonld(story: Story, base: str, description: str) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
        "description": description, "datePublished": story.published,
        "dateModified": story.published, "articleSection": story.section.title(),
        "keywords": [t.replace("-", " ") for t in story.topics],
        "author": [{"@type": "Person", "name": n, "url": f"{base}/author/{s}/"}
                   for n, s in story.authors],
        "image": f"{base}/img/{story.number}.jpg", "mainEntityOfPage": f"{base}{story.path}",
        "publisher": {"@type": "Organization", "name": SITE_NAME},
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _body(parts: ArticleParts) -> str:
    out = []
    for n, text in enumerate(parts.paragraphs):
        if n < len(parts.inline):
            # A link inside the prose, on a few words of the sentence, as editors add them.
            story = parts.inline[n]
            words = text.split(" ")
            cut = min(4, len(words) - 1)
            text_html = (
                f'<a href="{story.path}">{escape(" ".join(words[:cut]))}</a> '
                f"{escape(' '.join(words[cut:]))}"
            )
        else:
            text_html = escape(text)
        out.append(f"<p>{text_html}</p>")
        if n == 2 and parts.related:
            links = "".join(
                f'<li><a href="{s.path}">{escape(s.headline)}</a></li>' for s in parts.related
            )
            out.append(f'<aside class="related"><h2>Related</h2><ul>{links}</ul></aside>')
        if n == 5:
            out.append('<div class="ad ad-inline"><div class="ad-label">Advertisement</div></div>')
    return "\n".join(out)


def article_page(story: Story, parts: ArticleParts, base: str) -> str:
    description = parts.paragraphs[0].split(". ")[0] + "."
    topics = " ".join(
        f'<a href="/topic/{t}/">{t.split("-", 1)[1].title()}</a>' for t in story.topics
    )
    most_read = "".join(
        f'<li><a href="{s.path}">{escape(s.headline)}</a></li>' for s in parts.most_read
    )
    more = "".join(_card(s) for s in parts.more)
    name, slug = story.authors[0]
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(story.headline)} | {SITE_NAME}</title>\n"
        f'<meta name="description" content="{escape(description)}">\n'
        f'<link rel="canonical" href="{base}{story.path}">\n'
        f'<meta property="og:type" content="article"><meta property="og:title" content="'
        f'{escape(story.headline)}"><meta property="og:url" content="{base}{story.path}">'
        f'<meta property="og:site_name" content="{SITE_NAME}">\n'
        f'<meta property="article:published_time" content="{story.published}">\n'
        '<link rel="alternate" type="application/rss+xml" title="Latest" href="/feed.xml">\n'
        f'<script type="application/ld+json">{_jsonld(story, base, description)}</script>\n'
        f'{_include("assets")}</head><body class="article-page">\n'
        f"{_include(f'header-{story.section}')}"
        f'<main id="main"><div class="layout"><article class="story">'
        f'<nav class="breadcrumb"><a href="/">Home</a> › <a href="/{story.section}/">'
        f"{story.section.title()}</a></nav>\n"
        f'<h1 class="story-title">{escape(story.headline)}</h1>\n'
        f'<div class="byline">{_byline(story)}</div>\n'
        '<div class="share-bar"><a href="https://social.example/share">Share</a> '
        '<a href="mailto:?subject=story">Email</a></div>\n'
        f'<figure class="lead"><img src="/img/{story.number}.jpg" alt="{escape(parts.caption)}">'
        f'<figcaption>{escape(parts.caption)} <span class="credit">Photo: {escape(parts.credit)}'
        f'</span></figcaption></figure>\n<div class="story-body">\n{_body(parts)}\n</div>\n'
        f'<div class="topics">Topics: {topics}</div>\n'
        f'<div class="author-box">{escape(name)} writes for the {story.section} desk. '
        f'<a href="/author/{slug}/">More from {escape(name)}</a></div></article>\n'
        f'<aside class="sidebar"><section class="most-read"><h2>Most read</h2><ol>{most_read}</ol>'
        f"</section>\n{_include('sidebar')}</aside></div>\n"
        f'<section class="more-stories"><h2>More stories</h2><div class="grid">{more}</div>'
        f"</section></main>\n{_include('footer')}{_include(f'scripts-{parts.script}')}"
        "</body></html>\n"
    )


def list_page(title: str, header: str, stories: list[Story], pages: list[str]) -> str:
    """A front, section, topic or author page: cards under linked headlines, and pagination."""
    cards = "".join(_card(s) for s in stories)
    paging = "".join(f'<a href="{href}">{n}</a> ' for n, href in enumerate(pages, start=1))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} |'
        f" {SITE_NAME}</title>\n"
        '<link rel="alternate" type="application/rss+xml" title="Latest" href="/feed.xml">\n'
        f'{_include("assets")}</head><body class="list-page">\n{_include(f"header-{header}")}'
        f'<main id="main"><h1>{escape(title)}</h1><div class="grid">{cards}</div>'
        f'<nav class="pagination">{paging}</nav><aside class="sidebar">{_include("sidebar")}'
        f"</aside></main>\n{_include('footer')}{_include('scripts-0')}</body></html>\n"
    )


def rss_feed(stories: list[Story], base: str) -> str:
    items = "".join(
        f"<item><title>{escape(s.headline)}</title><link>{base}{s.path}</link>"
        f"<guid>{base}{s.path}</guid><pubDate>{s.published}</pubDate>"
        f"<description>{escape(s.teaser)}</description></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{SITE_NAME}</title><link>{base}/</link><description>Latest stories"
        f"</description>{items}</channel></rss>\n"
    )


def sitemap(entries: list[tuple[str, str]]) -> str:
    """A urlset of (absolute URL, lastmod)."""
    urls = "".join(f"<url><loc>{loc}</loc><lastmod>{mod}</lastmod></url>" for loc, mod in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        f'sitemap/0.9">{urls}</urlset>\n'
    )


def sitemap_index(locations: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locations)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/'
        f'schemas/sitemap/0.9">{maps}</sitemapindex>\n'
    )


def robots_txt(base: str) -> str:
    return f"User-agent: *\nDisallow: /search/\n\nSitemap: {base}/sitemap_index.xml\n"
