"""The Mekong Ledger's router: a Drupal-style daily with a gzip sitemap and an endless calendar."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from urllib.parse import parse_qs

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
    text_page,
)
from archive.demo.content import trap
from archive.demo.drupal_html import Frame, article_page, document
from archive.demo.feeds import gzipped, last_change, sitemap_index, urlset
from archive.demo.model import DemoArticle, Page, slugify

KEY = "mekong"
_LISTING = re.compile(r"^/(section|tags)/([a-z0-9-]+)$")
_NODE = re.compile(r"^/node/(\d+)$")
_SITEMAPS = ("/sitemap-articles.xml.gz", "/sitemap-pages.xml")
_ROBOTS_EXTRA = ("Disallow: /admin/", "Disallow: /search/", "Disallow: /user/login")


def render(path: str, query: str = "", base_url: str | None = None) -> Page:
    """Answer one request for `path` (and its query string) as the Ledger's server would."""
    site = Site.of(KEY, base_url)
    page = _route(site, path, query)
    return page if page is not None else _not_found(site)


def non_article_paths() -> list[str]:
    """HTML pages of the site that list or describe, and must not be stored as articles."""
    site = Site.of(KEY)
    latest = site.articles[0].published.date().isoformat()
    paths = ["/", "/about-us", f"/archive?date={latest}"]
    paths += [f"/section/{slugify(s)}" for s in site.publisher.sections]
    paths += sorted({f"/tags/{slugify(t)}" for a in site.articles for t in a.tags})
    return paths


def _route(site: Site, path: str, query: str) -> Page | None:
    if path == "/":
        return html_page(_home(site))
    if path == "/robots.txt":
        return robots_txt(site.base_url, ["/sitemap.xml"], _ROBOTS_EXTRA)
    if path == "/sitemap.xml":
        return sitemap_index(_SITEMAPS, site.base_url, last_change(site.articles[0]))
    if path == "/sitemap-articles.xml.gz":
        return gzipped(urlset([(a.path, last_change(a)) for a in site.articles], site.base_url))
    if path == "/sitemap-pages.xml":
        pages = ["/", "/about-us", *(f"/section/{slugify(s)}" for s in site.publisher.sections)]
        xml = urlset([(page, None) for page in pages], site.base_url)
        return text_page(xml, "application/xml; charset=utf-8")
    if path == "/about-us":
        return html_page(_about(site))
    if path == "/archive":
        return _calendar(site, query)
    if (listing := _LISTING.match(path)) is not None:
        return _listing_page(site, listing.group(1), listing.group(2))
    if (node := _NODE.match(path)) is not None:
        # Drupal serves nodes under /node/N too; the redirect module sends them to the alias.
        article = find_article_by_id(KEY, node.group(1))
        return redirect(site.url(article.path)) if article else None
    if (article := find_article(KEY, path)) is not None:
        return html_page(article_page(site, article))
    return shared_route(KEY, path)


def _teaser(article: DemoArticle) -> str:
    """A listing row: image, headline, date and summary, with no article markup."""
    image = ""
    if article.images:
        image = (
            f'<a href="{article.path}"><img src="{attr(article.images[0].src)}" '
            f'alt="{attr(article.images[0].alt)}" '
            f'width="300" height="200" loading="lazy"></a>'
        )
    return (
        f'<div class="views-row"><div class="teaser">{image}<h3 class="teaser-title">'
        f'<a href="{article.path}">{esc(article.headline)}</a></h3><div class="teaser-date">'
        f'{article.published:%d %B %Y}</div><p class="teaser-summary">{esc(article.summary)}'
        f"</p></div></div>"
    )


def _view(heading: str, articles: Sequence[DemoArticle], pager: str = "") -> str:
    rows = "\n".join(_teaser(article) for article in articles)
    if not rows:
        rows = '<div class="view-empty"><p>No stories were published on this day.</p></div>'
    return (
        f'<h1 class="page-title">{esc(heading)}</h1>\n<div class="views-element-container">'
        f'<div class="view view-listing"><div class="view-content">\n{rows}\n</div>{pager}'
        f"</div></div>"
    )


def _home(site: Site) -> str:
    """Front page: a breaking ticker (the traps), then the latest stories."""
    pick = find_article_by_id(KEY, trap(KEY, "redirect").path.rsplit("/", 1)[1])
    pick_title = esc(pick.headline) if pick else "Top story"
    ticker = (
        f'<div class="breaking-ticker"><span class="ticker-label">BREAKING</span><ul>'
        f'<li><a href="{trap(KEY, "server_error").path}">Live: Flood updates from the '
        f'provinces</a></li><li><a href="{trap(KEY, "redirect").path}">{pick_title}</a></li>'
        f'<li><a href="{trap(KEY, "not_found").path}">Bridge toll plan scrapped</a></li></ul>'
        f"</div>\n"
    )
    content = ticker + _view("Latest news", site.articles[:8])
    return document(
        site, Frame(site.publisher.name, "path-frontpage", _canonical(site, "/")), content
    )


def _canonical(site: Site, path: str) -> str:
    return f'<link rel="canonical" href="{attr(site.url(path))}">\n'


def _listing_page(site: Site, kind: str, slug: str) -> Page | None:
    articles, label = site.in_section(slug) if kind == "section" else site.tagged(slug)
    if not articles:
        return None
    title = f"{site.publisher.name} - {label}"
    head = _canonical(site, f"/{kind}/{slug}")
    return html_page(
        document(site, Frame(title, f"path-taxonomy {kind}", head), _view(label, articles))
    )


def _calendar(site: Site, query: str) -> Page | None:
    """One day of the archive; its previous/next links go on for ever in both directions."""
    values = parse_qs(query).get("date")
    try:
        day = date.fromisoformat(values[0]) if values else site.articles[0].published.date()
    except ValueError:
        return None
    articles = [a for a in site.articles if a.published.date() == day]
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    pager = (
        f'<nav class="pager" role="navigation"><ul class="pager__items">'
        f'<li class="pager__item pager__item--previous"><a href="/archive?date={before}" '
        f'rel="prev">&laquo; Previous day</a></li><li class="pager__item pager__item--next">'
        f'<a href="/archive?date={after}" rel="next">Next day &raquo;</a></li></ul></nav>'
    )
    heading = f"Archive: {day:%d %B %Y}"
    content = _view(heading, articles, pager)
    title = f"{site.publisher.name} - {heading}"
    return html_page(document(site, Frame(title, "path-archive"), content))


def _about(site: Site) -> str:
    prose = "".join(f"<p>{esc(paragraph)}</p>" for paragraph in site.publisher.about)
    content = (
        f'<h1 class="page-title">About us</h1><div class="basic-page">{prose}'
        f"<p>Newsroom: +000 23 000 000. Advertising: ads@mekongledger.example</p></div>"
    )
    head = _canonical(site, "/about-us")
    return document(site, Frame(f"{site.publisher.name} - About us", "path-about", head), content)


def _not_found(site: Site) -> Page:
    content = (
        '<h1 class="page-title">Page not found</h1><div class="error-page"><p>The requested '
        "page could not be found. It may have been moved or removed.</p>"
        '<p><a href="/">Return to the front page</a></p></div>'
    )
    title = f"{site.publisher.name} - Page not found"
    return html_page(document(site, Frame(title, "path-404"), content), status=404)
