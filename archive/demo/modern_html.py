"""Page templates of Northwind Daily, a Next.js-style site: JSON-LD, lazy images, hashed classes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from archive.demo.assets import PLACEHOLDER_GIF
from archive.demo.common import Site, attr, esc, join_names, others
from archive.demo.content import trap
from archive.demo.model import DemoArticle, Image, slugify

_ZONES = {-5: "EST", -4: "EDT", 1: "CET", 2: "CEST"}
_LOCALES = {"en": "en_US", "de": "de_DE"}
_BY = {"en": "By", "de": "Von"}


def clock(moment: datetime) -> str:
    """US newsroom style: "March 2, 2026 at 9:00 a.m. EST"."""
    offset = moment.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 0
    meridiem = "a.m." if moment.hour < 12 else "p.m."
    hour = moment.hour % 12 or 12
    zone = _ZONES.get(hours, f"UTC{hours:+d}")
    return f"{moment:%B} {moment.day}, {moment.year} at {hour}:{moment:%M} {meridiem} {zone}"


def json_ld(data: dict[str, Any]) -> str:
    """A JSON-LD script; `</` is escaped so a headline can never close the script early."""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>\n'


def document(site: Site, title: str, main: str, head: str = "", lang: str | None = None) -> str:
    """A whole page: cookie banner, header, main, footer and the __NEXT_DATA__ blob."""
    next_data = json.dumps({"props": {"pageProps": {}}, "page": "/", "buildId": "nw-2026-03"})
    return (
        f'<!DOCTYPE html><html lang="{lang or site.publisher.language}"><head>'
        f'<meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/>'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="alternate" type="application/atom+xml" title="{attr(site.publisher.name)}" '
        f'href="/feed.atom"/>\n{head}<style data-emotion="css">.css-1m2fa7k{{margin:0 0 1em}}'
        f"</style></head>\n<body>"
        f'<div id="__next"><div class="CookieBanner_banner__Qx81k" role="dialog" '
        f'aria-label="Cookie consent"><p>We use cookies to improve your experience and measure '
        f'our audience. <a href="/about#privacy">Privacy policy</a></p><button '
        f'class="css-1hx0t2v">Accept all</button><button class="css-8kq2sd">Manage settings'
        f"</button></div>\n{header(site)}"
        f'<main class="Layout_main__Xc8Jt">\n{main}\n</main>\n{footer(site)}</div>\n'
        f'<script id="__NEXT_DATA__" type="application/json">{next_data}</script>'
        f"</body></html>\n"
    )


def header(site: Site) -> str:
    links = "".join(
        f'<li><a class="Nav_link__2ZrQm" href="/{slugify(s)}">{esc(s)}</a></li>'
        for s in site.publisher.sections
    )
    return (
        f'<header class="Header_header__Zk2pA"><a href="/" class="Header_logo__b1Xr0" '
        f'aria-label="{attr(site.publisher.name)} home"><svg width="160" height="24" '
        f'viewBox="0 0 160 24" role="img"><title>{esc(site.publisher.name)}</title>'
        f'<rect width="24" height="24" fill="#0b3d2e"></rect></svg></a>'
        f'<nav class="Nav_nav__8KzqW"><ul>{links}<li><a class="Nav_link__2ZrQm" href="/about">'
        f"About</a></li></ul></nav></header>\n"
    )


def footer(site: Site) -> str:
    return (
        f'<footer class="Footer_footer__G7p2s"><nav><a href="/about">About us</a> '
        f'<a href="/feed.atom">Atom feed</a> '
        f'<a href="{trap(site.publisher.key, "private").path}">Editor preview</a></nav>'
        f"<p>&copy; 2026 {esc(site.publisher.name)}. A nonprofit newsroom.</p></footer>\n"
    )


def lazy_img(image: Image, css: str) -> str:
    """A lazy image: placeholder GIF in src, real URL in data-src, plus a noscript fallback."""
    wide = image.src
    narrow = image.src.replace(".jpg", "-640.jpg")
    return (
        f'<img src="{PLACEHOLDER_GIF}" data-src="{attr(wide)}" data-srcset="{attr(narrow)} 640w, '
        f'{attr(wide)} 1280w" alt="{attr(image.alt)}" loading="lazy" class="lazyload {css}" '
        f'width="1280" height="720"/><noscript><img src="{attr(wide)}" alt="{attr(image.alt)}"/>'
        f"</noscript>"
    )


def figure(image: Image) -> str:
    credit = f' <span class="credit">Photo: {esc(image.credit)}</span>' if image.credit else ""
    return (
        f'<figure class="Figure_figure__q8Lk2">{lazy_img(image, "Figure_img__M1t9v")}'
        f'<figcaption class="Figure_caption__7dN3s">{esc(image.caption)}{credit}</figcaption>'
        f"</figure>"
    )


def card(article: DemoArticle, href: str | None = None) -> str:
    """A teaser card as listings and "Read more" show it: a link, never article markup."""
    image = lazy_img(article.images[0], "Card_img__p2Wq8") if article.images else ""
    return (
        f'<a class="Card_card__Lk2vS" href="{attr(href or article.path)}">{image}'
        f'<h3 class="Card_title__9sXe1">{esc(article.headline)}</h3>'
        f'<p class="Card_dek__f0Tz3">{esc(article.summary)}</p>'
        f'<span class="Card_meta__u7Rb4">{article.published:%b} {article.published.day}</span></a>'
    )


def news_article_ld(site: Site, article: DemoArticle) -> dict[str, Any]:
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


def article_head(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    language = article.language or site.publisher.language
    tags = "".join(f'<meta property="article:tag" content="{attr(tag)}"/>' for tag in article.tags)
    head = (
        f'<meta name="description" content="{attr(article.summary)}"/>\n'
        f'<link rel="canonical" href="{attr(url)}"/>\n'
        f'<meta property="og:site_name" content="{attr(site.publisher.name)}"/>'
        f'<meta property="og:type" content="article"/>'
        f'<meta property="og:title" content="{attr(article.headline)}"/>'
        f'<meta property="og:description" content="{attr(article.summary)}"/>'
        f'<meta property="og:url" content="{attr(url)}"/>'
        f'<meta property="og:locale" content="{_LOCALES.get(language, "en_US")}"/>'
        f'<meta property="article:published_time" content="{article.published.isoformat()}"/>'
        f'<meta property="article:section" content="{attr(article.section)}"/>{tags}\n'
        f'<meta name="twitter:card" content="summary_large_image"/>\n'
    )
    if article.images:
        head += f'<meta property="og:image" content="{attr(site.url(article.images[0].src))}"/>\n'
    if article.modified:
        head += (
            f'<meta property="article:modified_time" content="{article.modified.isoformat()}"/>\n'
        )
    return head + json_ld(news_article_ld(site, article))


def article_body(site: Site, article: DemoArticle) -> str:
    names = join_names(
        f'<span class="Byline_author__x1Vb7">{esc(a.name)}</span>' for a in article.authors
    )
    updated = ""
    if article.modified:
        stamp = article.modified.isoformat()
        updated = f' <span>Updated <time datetime="{stamp}">{clock(article.modified)}</time></span>'
    paragraphs = "\n".join(f'<p class="css-1m2fa7k">{esc(p)}</p>' for p in article.body)
    topics = "".join(
        f'<a class="Tag_tag__w2Jd0" href="/topic/{slugify(t)}">{esc(t)}</a>' for t in article.tags
    )
    lead = figure(article.images[0]) if article.images else ""
    by = _BY.get(article.language or "en", "By")
    return (
        f'<article class="Article_article__1wD3e"><div class="Article_kicker__r5tYq">'
        f'<a href="/{article.section_slug}">{esc(article.section)}</a></div>'
        f'<h1 class="Article_headline__kP0aZ css-9xk2q1">{esc(article.headline)}</h1>'
        f'<div class="Byline_byline__Q2mLp">{by} {names}</div><div class="Article_dates__3Hs0q">'
        f'<time datetime="{article.published.isoformat()}">{clock(article.published)}</time>'
        f'{updated}</div><div class="ShareTools_tools__k2Lm9"><a href="/print/{article.slug}">'
        f'Print</a><button class="css-3jd9a1">Share</button></div>\n{lead}\n'
        f'<div class="ArticleBody_body__x7Q2a">\n{paragraphs}\n</div>'
        f'<div class="Tags_tags__w2Kp1">{topics}</div></article>\n'
        f'<section id="comments" class="Comments_root__p1Xs3"><h2>Comments</h2><p>Loading '
        f"comments…</p></section>\n"
    )


def article_page(site: Site, article: DemoArticle) -> str:
    """The full article page: body, then "Read more" cards and the Trending list."""
    cards = "".join(card(other) for other in others(article, 3))
    trending = "".join(
        f'<li><a href="{other.path}">{esc(other.headline)}</a></li>'
        for other in site.articles[:6]
        if other != article
    )
    main = (
        f"{article_body(site, article)}"
        f'<section class="ReadMore_root__b8Tq1"><h2>Read more</h2>'
        f'<div class="ReadMore_grid__Ws3e0">{cards}</div></section>\n'
        f'<aside class="Trending_root__n4Kx1"><h2>Trending</h2><ol>{trending}</ol></aside>'
    )
    title = f"{article.headline} | {site.publisher.name}"
    return document(site, title, main, article_head(site, article), lang=article.language)
