"""Northwind Daily's router: a Next.js-style site with an Atom feed and a Google News sitemap."""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.demo.common import (
    Site,
    attr,
    esc,
    find_article,
    find_article_by_id,
    html_page,
    redirect,
    robots_txt,
    shared_route,
)
from archive.demo.content import trap
from archive.demo.feeds import atom, news_sitemap
from archive.demo.model import DemoArticle, Page, slugify
from archive.demo.modern_html import article_page, card, document, json_ld

KEY = "northwind"
_TOPIC = re.compile(r"^/topic/([a-z0-9-]+)$")
_SHORT = re.compile(r"^/a/(\d+)$")
_ROBOTS_EXTRA = ("Disallow: /api/", "Disallow: /_next/")
# Home page links carry campaign parameters or a fragment: the crawler must normalise them.
_TRACKING = "?utm_source=home&utm_medium=web"


def render(path: str, query: str = "", base_url: str | None = None) -> Page:
    """Answer one request for `path`; article pages ignore the query (utm_* and the like)."""
    site = Site.of(KEY, base_url)
    page = _route(site, path)
    return page if page is not None else _not_found(site)


def non_article_paths() -> list[str]:
    """HTML pages of the site that list or describe, and must not be stored as articles."""
    site = Site.of(KEY)
    paths = ["/", "/about"]
    paths += [f"/{slugify(s)}" for s in site.publisher.sections]
    paths += sorted({f"/topic/{slugify(t)}" for a in site.articles for t in a.tags})
    return paths


def _route(site: Site, path: str) -> Page | None:
    if path == "/":
        return html_page(_home(site))
    if path == "/robots.txt":
        return robots_txt(site.base_url, ["/news-sitemap.xml"], _ROBOTS_EXTRA)
    if path == "/feed.atom":
        return atom(site.publisher, site.articles, site.base_url)
    if path == "/news-sitemap.xml":
        return news_sitemap(site.publisher, site.articles, site.base_url)
    if path == "/about":
        return html_page(_about(site))
    if path in {f"/{slugify(s)}" for s in site.publisher.sections}:
        return _listing_page(site, "section", path.lstrip("/"))
    if (topic := _TOPIC.match(path)) is not None:
        return _listing_page(site, "topic", topic.group(1))
    if (short := _SHORT.match(path)) is not None:
        article = find_article_by_id(KEY, short.group(1))
        return redirect(site.url(article.path)) if article else None
    if (article := find_article(KEY, path)) is not None:
        return html_page(article_page(site, article))
    return shared_route(KEY, path)


def _grid(heading: str, articles: Sequence[DemoArticle], hrefs: Sequence[str] = ()) -> str:
    cards = "".join(
        card(article, hrefs[i] if i < len(hrefs) else None) for i, article in enumerate(articles)
    )
    return (
        f'<section class="Listing_root__a3Xk9"><h1 class="Listing_title__Rt5w2">{esc(heading)}</h1>'
        f'<div class="Listing_grid__m4Hq8">{cards}</div></section>'
    )


def _home(site: Site) -> str:
    """Latest stories (some links tracked or with #comments), topics, and the trap links."""
    latest = site.articles[:8]
    hrefs = [
        a.path + (_TRACKING if i % 3 == 0 else "#comments" if i % 3 == 1 else "")
        for i, a in enumerate(latest)
    ]
    topics = sorted({t for a in site.articles for t in a.tags})
    topic_links = "".join(f'<a href="/topic/{slugify(t)}">{esc(t)}</a>' for t in topics)
    pick = find_article_by_id(KEY, trap(KEY, "redirect").path.rsplit("/", 1)[1])
    extras = (
        f'<aside class="Home_extras__Vn2c5"><a href="{trap(KEY, "server_error").path}">Markets '
        f'live</a> <a href="{trap(KEY, "redirect").path}">{esc(pick.headline if pick else "")}'
        f'</a> <a href="{trap(KEY, "not_found").path}">Holiday lights guide</a></aside>'
        f'<nav class="Topics_strip__Lq0s8" aria-label="Topics">{topic_links}</nav>'
    )
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.publisher.name,
        "url": site.base_url,
    }
    head = f'<link rel="canonical" href="{attr(site.url("/"))}"/>\n' + json_ld(website)
    head += '<meta property="og:type" content="website"/>\n'
    main = _grid("Top stories", latest, hrefs) + extras
    return document(site, f"{site.publisher.name} – {site.publisher.tagline}", main, head)


def _listing_page(site: Site, kind: str, slug: str) -> Page | None:
    articles, label = site.in_section(slug) if kind == "section" else site.tagged(slug)
    if not articles:
        return None
    path = f"/{slug}" if kind == "section" else f"/topic/{slug}"
    head = f'<link rel="canonical" href="{attr(site.url(path))}"/>\n'
    head += '<meta property="og:type" content="website"/>\n'
    title = f"{label} | {site.publisher.name}"
    return html_page(document(site, title, _grid(label, articles), head))


def _about(site: Site) -> str:
    prose = "".join(f'<p class="css-1m2fa7k">{esc(p)}</p>' for p in site.publisher.about)
    main = (
        f'<section class="About_root__c6Wn1"><h1>About {esc(site.publisher.name)}</h1>{prose}'
        f'<h2 id="privacy">Privacy</h2><p class="css-1m2fa7k">We use first-party analytics '
        f"only and never sell reader data.</p></section>"
    )
    head = f'<link rel="canonical" href="{attr(site.url("/about"))}"/>\n'
    return document(site, f"About | {site.publisher.name}", main, head)


def _not_found(site: Site) -> Page:
    main = (
        '<div class="Error_root__h2Yd6"><h1 class="Error_code__s8Kq1">404</h1>'
        "<h2>This page could not be found.</h2><p>The story may have expired or moved. "
        '<a href="/">Go to the home page</a></p></div>'
    )
    return html_page(document(site, f"404 | {site.publisher.name}", main), status=404)
