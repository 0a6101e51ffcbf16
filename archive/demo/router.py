"""The one router of every demo site: a request -> the page the publisher's site answers.

Each publisher's URL layout is data (`routes` and `sitemaps` in data/publishers.toml); the
pages come from the templates of its CMS. Paths no route takes are looked up as article
permalinks, then as the files every site serves alike, else the site's styled 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from archive.demo import conditional, content, routes, templating
from archive.demo.assets import logo_png, photo_jpeg, print_pdf
from archive.demo.model import Page, slugify
from archive.demo.responses import XML, gzipped, html_page, redirect, text_page
from archive.demo.site import Site


class DemoPageError(Exception):
    """A demo path does not answer with an HTML page (redirect, PDF, feed, image...)."""


@dataclass(frozen=True)
class Request:
    """A request as a route matched it: the kind of page, the placeholders and the query."""

    page: str
    params: dict[str, str]
    query: str


def respond(site: Site, path: str, query: str = "") -> Page:
    """The response `site` gives for `path?query`."""
    page = _route(site, path, query)
    return page if page is not None else _html(site, "not_found.html", status=404)


def render(publisher_key: str, path: str, query: str = "", base_url: str | None = None) -> Page:
    """The response the publisher's site, with its bundled stories, gives for `path?query`.

    Without `base_url` the site pretends to live at its `Publisher.default_base_url`.
    """
    return respond(Site.of(publisher_key, base_url), path, query)


def render_page(publisher_key: str, path: str, base_url: str | None = None) -> str:
    """The HTML of a page (any status, e.g. a styled 404), for extraction tests without HTTP.

    `path` may carry a query string ("/archive?date=2026-03-14"); a fragment is ignored.
    Raises DemoPageError when the answer is not HTML, e.g. a redirect or a PDF.
    """
    parts = urlsplit(path)
    page = render(publisher_key, parts.path or "/", parts.query, base_url)
    content_type = page.headers.get("Content-Type", "")
    if page.status in {301, 302} or not content_type.startswith("text/html"):
        raise DemoPageError(f"{publisher_key}{path} answers {page.status} {content_type}")
    return page.body.decode("utf-8")


def non_article_paths(publisher_key: str) -> list[str]:
    """Paths (with query) of HTML pages of the site that an archive must not store as articles:
    home, page 2 of the blog, about, the newest day of the calendar, sections, tags, authors."""
    site = Site.of(publisher_key)
    pages = {route.page for route in site.publisher.layout.routes}
    paths = ["/"]
    if "blog" in pages:
        paths.append(site.link("blog", number=2))
    paths.append(site.link("about"))
    if "calendar" in pages:
        paths.append(f"{site.link('calendar')}?date={site.articles[0].published.date()}")
    paths += [site.link("section", slug=slugify(name)) for name in site.publisher.sections]
    paths += [site.link("tag", slug=slugify(tag)) for tag in sorted(_tag_slugs(site))]
    if "author" in pages:
        authors = {author.slug for article in site.articles for author in article.authors}
        paths += [site.link("author", slug=slug) for slug in sorted(authors)]
    return paths


def _tag_slugs(site: Site) -> set[str]:
    return {slugify(tag) for tag in site.topics()}


def _route(site: Site, path: str, query: str) -> Page | None:
    sitemaps = dict(site.publisher.layout.sitemaps)
    if path in sitemaps:
        return _sitemap(site, path, sitemaps[path])
    for route in site.publisher.layout.routes:
        params = routes.match(route, path, query)
        if params is not None:
            return _PAGES[route.page](site, Request(route.page, params, query))
    if (article := site.find(path)) is not None:
        page = _html(site, "article.html", article=article)
        return page._replace(headers={**page.headers, **conditional.validators(article)})
    if site.find(path + "/") is not None:
        # WordPress answers a permalink without its trailing slash with a redirect.
        return redirect(site.url(path + "/"))
    return _shared(site, path)


def _html(site: Site, template: str, status: int = 200, **context: Any) -> Page:
    """A page from the template of the site's CMS."""
    markup = templating.render(f"{site.publisher.cms}/{template}", site=site, **context)
    return html_page(markup, status)


def _page(template: str) -> Callable[[Site, Request], Page]:
    return lambda site, request: _html(site, template)


def _blog(site: Site, request: Request) -> Page | None:
    """Page N of a blog archive (the home page is page 1); pages past the last post answer."""
    number = int(request.params.get("number", "1"))
    if number < 1:
        return None
    size = site.publisher.layout.per_page
    posts = site.articles[(number - 1) * size : number * size]
    return _html(site, "blog.html", number=number, posts=posts)


def _listing(site: Site, request: Request) -> Page | None:
    """A section, tag or author page; a 404 when nothing is filed there."""
    slug = request.params["slug"]
    find = {"section": site.in_section, "tag": site.tagged, "author": site.by_author}
    articles, label = find[request.page](slug)
    if not articles:
        return None
    context: dict[str, Any] = {"page": request.page, "slug": slug, "label": label}
    return _html(site, "listing.html", articles=articles, **context)


def _calendar(site: Site, request: Request) -> Page | None:
    """One day of the archive (`?date=`, default the newest day); a 404 for a bad date."""
    values = parse_qs(request.query).get("date")
    try:
        day = date.fromisoformat(values[0]) if values else site.articles[0].published.date()
    except ValueError:
        return None
    articles = [a for a in site.articles if a.published.date() == day]
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    context: dict[str, Any] = {"day": day, "before": before, "after": after, "articles": articles}
    return _html(site, "calendar.html", **context)


def _shortlink(site: Site, request: Request) -> Page | None:
    article = site.by_id(request.params["id"])
    return redirect(site.url(article.path)) if article else None


def _robots(site: Site, request: Request) -> Page:
    """robots.txt: every site disallows /private/ and names its sitemaps."""
    layout = site.publisher.layout
    lines = ["User-agent: *", "Disallow: /private/", *layout.robots, ""]
    lines += [f"Sitemap: {site.url(path)}" for path in layout.robots_sitemaps]
    return text_page("\n".join(lines) + "\n", "text/plain; charset=utf-8")


def _feed(template: str, content_type: str) -> Callable[[Site, Request], Page]:
    def answer(site: Site, request: Request) -> Page:
        return text_page(templating.render(template, site=site), content_type)

    return answer


def _sitemap_index(site: Site, request: Request) -> Page:
    children = [path for path, _ in site.publisher.layout.sitemaps]
    xml = templating.render(
        "feeds/sitemap_index.xml",
        site=site,
        sitemaps=children,
        lastmod=site.articles[0].last_change,
    )
    return text_page(xml, XML)


def _sitemap(site: Site, path: str, lists: tuple[str, ...]) -> Page:
    """A sitemap of articles (with their last change), section pages and fixed paths."""
    entries: list[tuple[str, object]] = []
    for item in lists:
        if item == "articles":
            entries += [(a.path, a.last_change) for a in site.articles]
        elif item == "sections":
            entries += [
                (site.link("section", slug=slugify(s)), None) for s in site.publisher.sections
            ]
        else:
            entries.append((item, None))
    xml = templating.render("feeds/urlset.xml", site=site, entries=entries)
    return gzipped(xml) if path.endswith(".gz") else text_page(xml, XML)


def _shared(site: Site, path: str) -> Page | None:
    """Routes every site answers alike: the embargoed draft behind robots.txt, photos, logo,
    print PDFs, the link that fails with a 500."""
    if path.startswith("/private/"):
        return html_page(templating.render("shared/private.html", site=site))
    if path.endswith(".jpg"):
        return Page(200, {"Content-Type": "image/jpeg"}, photo_jpeg())
    if path == "/logo.png":
        return Page(200, {"Content-Type": "image/png"}, logo_png())
    if path == content.trap(site.key, "server_error").path:
        return html_page(templating.render("shared/server_error.html"), status=500)
    if path.startswith("/print/"):
        slug = path.removeprefix("/print/").strip("/")
        for article in site.articles:
            if article.slug == slug:
                pdf = print_pdf(article.headline, site.publisher.name)
                disposition = f'inline; filename="{slug}.pdf"'
                headers = {"Content-Type": "application/pdf", "Content-Disposition": disposition}
                return Page(200, headers, pdf)
    return None


_PAGES: dict[str, Callable[[Site, Request], Page | None]] = {
    "home": _page("home.html"),
    "about": _page("about.html"),
    "blog": _blog,
    "section": _listing,
    "tag": _listing,
    "author": _listing,
    "calendar": _calendar,
    "shortlink": _shortlink,
    "robots": _robots,
    "rss": _feed("feeds/rss.xml", "application/rss+xml; charset=UTF-8"),
    "atom": _feed("feeds/atom.xml", "application/atom+xml; charset=utf-8"),
    "news_sitemap": _feed("feeds/news_sitemap.xml", XML),
    "sitemap_index": _sitemap_index,
}
