"""The Harbour Gazette's router: a WordPress-style site whose /page/N/ archive never ends."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import parse_qs

from archive.demo.common import (
    Site,
    attr,
    esc,
    find_article,
    find_article_by_id,
    html_page,
    join_names,
    redirect,
    robots_txt,
    shared_route,
    text_page,
)
from archive.demo.content import trap
from archive.demo.feeds import last_change, rss, sitemap_index, urlset
from archive.demo.model import DemoArticle, Page, slugify
from archive.demo.wordpress_html import document, long_date, single

KEY = "harbour"
PER_PAGE = 5
_PAGED = re.compile(r"^/page/(\d+)/$")
_TAXONOMY = re.compile(r"^/(category|tag|author)/([a-z0-9-]+)/$")
_SITEMAPS = {
    "/wp-sitemap-posts-post-1.xml": "posts",
    "/wp-sitemap-posts-page-1.xml": "pages",
    "/wp-sitemap-taxonomies-category-1.xml": "categories",
}


def render(path: str, query: str = "", base_url: str | None = None) -> Page:
    """Answer one request for `path` (and its query string) as the Gazette's server would."""
    site = Site.of(KEY, base_url)
    page = _route(site, path, query)
    return page if page is not None else _not_found(site)


def non_article_paths() -> list[str]:
    """HTML pages of the site that list or describe, and must not be stored as articles."""
    site = Site.of(KEY)
    paths = ["/", "/page/2/", "/about/"]
    paths += [f"/category/{slugify(s)}/" for s in site.publisher.sections]
    paths += sorted({f"/tag/{slugify(t)}/" for a in site.articles for t in a.tags})
    paths += sorted({f"/author/{p.slug}/" for a in site.articles for p in a.authors})
    return paths


def _route(site: Site, path: str, query: str) -> Page | None:
    if path == "/":
        return _home(site, query)
    if path == "/robots.txt":
        extra = ["Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php"]
        return robots_txt(site.base_url, ["/wp-sitemap.xml"], extra)
    if path == "/feed/":
        return rss(site.publisher, site.articles, site.base_url)
    if path == "/wp-sitemap.xml":
        return sitemap_index(_SITEMAPS, site.base_url, last_change(site.articles[0]))
    if path in _SITEMAPS:
        return _sitemap(site, _SITEMAPS[path])
    if path == "/about/":
        return html_page(_about(site))
    if (paged := _PAGED.match(path)) is not None:
        return _paged(site, int(paged.group(1)))
    if (taxonomy := _TAXONOMY.match(path)) is not None:
        return _taxonomy(site, taxonomy.group(1), taxonomy.group(2))
    if (article := find_article(KEY, path)) is not None:
        return html_page(single(site, article))
    if find_article(KEY, path + "/") is not None:
        # WordPress answers a permalink without its trailing slash with a redirect.
        return redirect(site.url(path + "/"))
    return shared_route(KEY, path)


def _home(site: Site, query: str) -> Page | None:
    post_id = parse_qs(query).get("p")
    if post_id:
        # Shortlinks (/?p=105) redirect to the permalink, as WordPress does.
        article = find_article_by_id(KEY, post_id[0])
        return redirect(site.url(article.path)) if article else None
    return _paged(site, 1)


def _paged(site: Site, number: int) -> Page | None:
    """Page N of the blog archive: empty past the last post, yet still linking to N+1."""
    if number < 1:
        return None
    posts = site.articles[(number - 1) * PER_PAGE : number * PER_PAGE]
    newer = None if number == 1 else _page_path(number - 1)
    nav = _pagination(site, _page_path(number + 1), newer)
    intro = _highlights(site) if number == 1 else ""
    heading = "Latest news" if number == 1 else f"Older posts – page {number}"
    body_class = "home blog" if number == 1 else f"blog paged paged-{number}"
    title = site.publisher.name if number == 1 else f"{site.publisher.name} – Page {number}"
    main = intro + _listing(site, heading, posts) + nav
    canonical = f'<link rel="canonical" href="{site.url(_page_path(number))}">'
    return html_page(document(site, title, body_class, main, canonical + "\n"))


def _page_path(number: int) -> str:
    """Page 1 of the blog archive is the home page itself."""
    return "/" if number == 1 else f"/page/{number}/"


def _taxonomy(site: Site, kind: str, slug: str) -> Page | None:
    posts, label = _filter(site, kind, slug)
    if not posts:
        return None
    heading = f"{kind.capitalize()}: {label}"
    main = _listing(site, heading, posts)
    body_class = f"archive {kind} {kind}-{slug}"
    return html_page(document(site, f"{label} – {site.publisher.name}", body_class, main))


def _filter(site: Site, kind: str, slug: str) -> tuple[list[DemoArticle], str]:
    if kind == "category":
        return site.in_section(slug)
    if kind == "tag":
        return site.tagged(slug)
    posts = [a for a in site.articles if slug in {p.slug for p in a.authors}]
    label = next((p.name for p in posts[0].authors if p.slug == slug), "") if posts else ""
    return posts, label


def _teaser(site: Site, article: DemoArticle) -> str:
    """A listing entry: deliberately no <article> element, so listings never look like posts."""
    url = site.url(article.path)
    thumb = ""
    if article.images:
        image = article.images[0]
        thumb = (
            f'<a class="post-thumbnail" href="{url}"><img src="'
            f'{site.url(image.src.replace(".jpg", "-300x200.jpg"))}" alt="{attr(image.alt)}" '
            f'class="wp-post-image" width="300" height="200"></a>'
        )
    names = join_names(author.name for author in article.authors)
    return (
        f'<div class="post-teaser post-{article.cms_id}">{thumb}<h2 class="teaser-title">'
        f'<a href="{url}" rel="bookmark">{esc(article.headline)}</a></h2>'
        f'<div class="teaser-meta">{long_date(article.published)} &middot; {esc(names)}</div>'
        f'<div class="teaser-summary"><p>{esc(article.summary)}</p></div>'
        f'<a class="more-link" href="{url}">Continue reading<span class="screen-reader-text"> '
        f"&ldquo;{esc(article.headline)}&rdquo;</span></a></div>"
    )


def _listing(site: Site, heading: str, posts: Sequence[DemoArticle]) -> str:
    teasers = "\n".join(_teaser(site, post) for post in posts)
    if not teasers:
        teasers = '<p class="no-results">There are no older posts to show.</p>'
    return (
        f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1></header>\n'
        f'<div class="posts-list">\n{teasers}\n</div>\n'
    )


def _pagination(site: Site, older: str, newer: str | None) -> str:
    newer_link = f'<div class="nav-next"><a href="{site.url(newer)}">Newer posts</a></div>'
    return (
        f'<nav class="navigation posts-navigation" aria-label="Posts"><div class="nav-links">'
        f'<div class="nav-previous"><a href="{site.url(older)}">Older posts</a></div>'
        f"{newer_link if newer else ''}</div></nav>"
    )


def _highlights(site: Site) -> str:
    """The home page box holding this site's traps: a live blog that errors, a shortlink, a 404."""
    pick = find_article_by_id(KEY, trap(KEY, "redirect").path.split("=")[1])
    pick_title = esc(pick.headline) if pick else "Editor's pick"
    return (
        f'<section class="home-highlights"><h2>Also today</h2><ul>'
        f'<li class="live"><a href="{site.url(trap(KEY, "server_error").path)}">LIVE: Harbour '
        f"festival planning meeting</a></li>"
        f'<li class="editors-pick"><a href="{site.url(trap(KEY, "redirect").path)}">Editor&#39;s'
        f" pick: {pick_title}</a></li>"
        f'<li class="from-archive"><a href="{site.url(trap(KEY, "not_found").path)}">From the '
        f"archive: Ferry timetable changes for winter</a></li></ul></section>\n"
    )


def _about(site: Site) -> str:
    prose = "".join(f"<p>{esc(paragraph)}</p>" for paragraph in site.publisher.about)
    main = (
        f'<div class="page-content about"><h1 class="page-title">About the Gazette</h1>{prose}'
        f"<p>Contact the newsroom: news@harbourgazette.example</p></div>"
    )
    title = f"About – {site.publisher.name}"
    return document(site, title, "page-template-default page page-id-2", main)


def _sitemap(site: Site, kind: str) -> Page:
    if kind == "posts":
        entries = [(a.path, last_change(a)) for a in site.articles]
    elif kind == "pages":
        entries = [("/", None), ("/about/", None)]
    else:
        entries = [(f"/category/{slugify(s)}/", None) for s in site.publisher.sections]
    return text_page(urlset(entries, site.base_url), "application/xml; charset=utf-8")


def _not_found(site: Site) -> Page:
    main = (
        '<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">'
        'Oops! That page can&rsquo;t be found.</h1></header><div class="page-content"><p>It '
        "looks like nothing was found at this location. Maybe try one of the links below or a "
        "search?</p></div></section>"
    )
    title = f"Page not found – {site.publisher.name}"
    return html_page(document(site, title, "error404", main), status=404)
