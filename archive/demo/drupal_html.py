"""Page templates of The Mekong Ledger, a Drupal daily look-alike: ads, share bar, MOST VIEWED."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from archive.demo.common import Site, attr, byline_text, esc, others
from archive.demo.content import trap
from archive.demo.model import DemoArticle, Image, slugify

LOGO_ALT = "Logo of The Mekong Ledger newspaper"


def ledger_date(moment: datetime) -> str:
    return f"{moment:%d %B %Y} | {moment:%H:%M} ICT"


def ad_slot(kind: str, size: str) -> str:
    """An ad container as the ad server leaves it before its script runs."""
    return (
        f'<div class="ad-slot ad-slot--{kind}"><span class="ad-label">ADVERTISEMENT</span>'
        f'<div id="div-gpt-ad-{kind}" class="gpt-ad" data-size="{size}"></div></div>'
    )


@dataclass(frozen=True)
class Frame:
    """What differs between Ledger pages around their content."""

    title: str
    body_class: str
    head: str = ""
    # The article shown, left out of its own MOST VIEWED list.
    current: DemoArticle | None = None


def document(site: Site, frame: Frame, content: str) -> str:
    """A whole page: leaderboard ad, logo header, menu, content, MOST VIEWED sidebar, footer."""
    return (
        f'<!DOCTYPE html>\n<html lang="{site.publisher.language}" dir="ltr">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{esc(frame.title)}</title>\n{frame.head}'
        f'<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1.0">\n</head>\n'
        f'<body class="{frame.body_class}">\n<a href="#main-content" class="visually-hidden '
        f'focusable skip-link">Skip to main content</a>\n'
        f'<div class="dialog-off-canvas-main-canvas">\n<div class="layout-container">\n'
        f'<div class="region region-top-ad">'
        f"{ad_slot('leaderboard', '728x90')}</div>\n{header(site)}"
        f'<main role="main"><a id="main-content" tabindex="-1"></a>\n<div class="layout-content">'
        f'<div class="region region-content">\n{content}\n</div></div>\n'
        f"{sidebar(site, frame.current)}</main>\n{footer(site)}</div>\n</div>\n</body>\n</html>\n"
    )


def header(site: Site) -> str:
    menu = "".join(
        f'<li class="menu-item"><a href="/section/{slugify(s)}">{esc(s)}</a></li>'
        for s in site.publisher.sections
    )
    return (
        f'<header role="banner" class="site-header"><div class="region region-header">'
        f'<div id="block-sitebranding" class="block block-system block-system-branding-block">'
        f'<a href="/" rel="home" class="site-logo"><img src="/logo.png" alt="{LOGO_ALT}" '
        f'width="120" height="30"></a><div class="site-slogan">{esc(site.publisher.tagline)}'
        f'</div></div></div><nav role="navigation" id="block-mainnavigation" '
        f'class="block block-menu navigation menu--main"><ul class="menu">'
        f'<li class="menu-item"><a href="/">Home</a></li>{menu}'
        f'<li class="menu-item"><a href="/about-us">About us</a></li></ul></nav></header>\n'
    )


def sidebar(site: Site, current: DemoArticle | None) -> str:
    """The second sidebar: an MPU ad and six MOST VIEWED stories with one-sentence teasers."""
    picks = [a for a in site.articles if a != current][:6]
    rows = "".join(
        f'<li class="views-row"><div class="views-field views-field-title"><a href="{a.path}">'
        f'{esc(a.headline)}</a></div><div class="views-field views-field-body"><p>'
        f"{esc(a.summary)}</p></div></li>"
        for a in picks
    )
    return (
        f'<aside class="layout-sidebar-second" role="complementary">'
        f'<div class="region region-sidebar-second">{ad_slot("sidebar", "300x250")}'
        f'<div id="block-views-block-most-viewed-block-1" class="block block-views '
        f'block-views-blockmost-viewed-block-1"><h2 class="block-title">MOST VIEWED</h2>'
        f'<div class="view-content"><ol>{rows}</ol></div></div></div></aside>\n'
    )


def footer(site: Site) -> str:
    latest = site.articles[0].published.date().isoformat()
    return (
        f'<footer role="contentinfo" class="site-footer"><div class="region region-footer">'
        f'<ul class="menu"><li><a href="/about-us">About us</a></li>'
        f'<li><a href="/archive?date={latest}">Archive</a></li>'
        f'<li><a href="{trap(site.publisher.key, "private").path}">Staff directory</a></li></ul>'
        f"<p>&copy; 2026 {esc(site.publisher.name)}. All rights reserved.</p></div></footer>\n"
    )


def figure(image: Image, separate_credit: bool) -> str:
    """Half the stories put the credit in its own span, the rest end the caption with it."""
    if separate_credit and image.credit:
        caption = (
            f'<span class="caption">{esc(image.caption)}</span>'
            f'<span class="credit">{esc(image.credit)}</span>'
        )
    else:
        caption = esc(f"{image.caption} {image.credit}" if image.credit else image.caption)
    return (
        f'<div class="field field--name-field-image field--type-image"><figure '
        f'class="article-image"><img src="{attr(image.src)}" alt="{attr(image.alt)}" '
        f'width="900" height="600" loading="lazy"><figcaption>{caption}</figcaption></figure></div>'
    )


def share_bar(site: Site, article: DemoArticle) -> str:
    url = quote(site.url(article.path), safe="")
    return (
        f'<div class="share-bar"><span class="share-label">Share this article</span>'
        f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">'
        f'Facebook</a><a class="share-twitter" href="https://twitter.com/intent/tweet?url={url}">'
        f'Twitter</a><a class="share-email" href="mailto:?subject={quote(article.headline)}'
        f'&amp;body={url}">Email</a><a class="share-print" href="/print/{article.slug}">Print</a>'
        f"</div>"
    )


def body_field(site: Site, article: DemoArticle) -> str:
    """The body: an in-article ad after paragraph 2 and a READ MORE link after paragraph 4."""
    read_more = others(article, 1)[0]
    parts = []
    for index, paragraph in enumerate(article.body):
        parts.append(f"<p>{esc(paragraph)}</p>")
        if index == 1:
            parts.append(ad_slot("inarticle", "300x250"))
        if index == 3 and len(article.body) > 4:
            parts.append(
                f'<p class="related-inline"><strong>READ MORE:</strong> '
                f'<a href="{read_more.path}">{esc(read_more.headline)}</a></p>'
            )
    return (
        '<div class="clearfix text-formatted field field--name-body '
        'field--type-text-with-summary field--label-hidden field__item">\n'
        + "\n".join(parts)
        + "\n</div>"
    )


def meta(article: DemoArticle) -> str:
    updated = ""
    if article.modified:
        updated = (
            f'<div class="field field--name-changed">Updated: {ledger_date(article.modified)}</div>'
        )
    return (
        f'<div class="node__meta"><div class="field field--name-field-byline">By '
        f"{esc(byline_text(article.authors))}</div>"
        f'<div class="field field--name-created">Publication date '
        f"{ledger_date(article.published)}</div>{updated}</div>"
    )


def node(site: Site, article: DemoArticle) -> str:
    """The article node: breadcrumb, headline, meta, share bar, lead figure, body, tags."""
    tags = "".join(
        f'<div class="field__item"><a href="/tags/{slugify(tag)}">{esc(tag)}</a></div>'
        for tag in article.tags
    )
    lead = figure(article.images[0], article.cms_id % 2 == 0) if article.images else ""
    return (
        f'<article role="article" about="{article.path}" class="node node--type-article '
        f'node--promoted node--view-mode-full">\n<div class="breadcrumb"><a href="/">Home</a> / '
        f'<a href="/section/{article.section_slug}">{esc(article.section)}</a></div>\n'
        f'<h1 class="page-title"><span class="field field--name-title field--type-string">'
        f"{esc(article.headline)}</span></h1>\n{meta(article)}\n{share_bar(site, article)}\n"
        f"{lead}\n{body_field(site, article)}\n"
        f'<div class="field field--name-field-tags"><div class="field__label">Tags</div>'
        f'<div class="field__items">{tags}</div></div>\n</article>\n'
        f'<div class="block newsletter-signup"><h2>Sign up for our newsletter</h2><p>Get the '
        f'day\'s top stories in your inbox every morning.</p><form action="/newsletter/subscribe" '
        f'method="post"><input type="email" name="email" placeholder="Your email address">'
        f'<button type="submit">Subscribe</button></form></div>'
    )


def article_page(site: Site, article: DemoArticle) -> str:
    url = site.url(article.path)
    head = (
        f'<meta name="description" content="{attr(article.summary)}">\n'
        f'<link rel="canonical" href="{attr(url)}">\n'
        f'<link rel="shortlink" href="{site.url(f"/node/{article.cms_id}")}">\n'
        f'<meta property="og:site_name" content="{attr(site.publisher.name)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:url" content="{attr(url)}">\n'
        f'<meta property="og:title" content="{attr(article.headline)}">\n'
        f'<meta property="article:published_time" content="{article.published.isoformat()}">\n'
    )
    if article.images:
        head += f'<meta property="og:image" content="{attr(site.url(article.images[0].src))}">\n'
    if article.modified:
        head += (
            f'<meta property="article:modified_time" content="{article.modified.isoformat()}">\n'
        )
    title = f"{site.publisher.name} - {article.headline}"
    body_class = f"path-node page-node-type-article node-{article.cms_id}"
    block = (
        f'<div id="block-mainpagecontent" class="block block-system">{node(site, article)}</div>'
    )
    return document(site, Frame(title, body_class, head, article), block)
