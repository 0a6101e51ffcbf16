"""Page templates of The Harbour Gazette, a WordPress theme look-alike (single posts and chrome)."""

from __future__ import annotations

from datetime import datetime, timedelta

from archive.demo.common import Site, attr, esc, join_names, others
from archive.demo.content import READER_COMMENTS, trap
from archive.demo.model import DemoArticle, Image, slugify


def long_date(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year}"


def document(site: Site, title: str, body_class: str, main: str, head: str = "") -> str:
    """A whole page: head with feed discovery, masthead, content, sidebar and footer."""
    name = esc(site.publisher.name)
    return (
        f'<!DOCTYPE html>\n<html lang="{site.publisher.language}">\n<head>\n'
        f'<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, '
        f'initial-scale=1">\n<title>{esc(title)}</title>\n'
        f'<link rel="alternate" type="application/rss+xml" title="{attr(site.publisher.name)}'
        f' &raquo; Feed" href="{site.url("/feed/")}">\n{head}'
        f'<meta name="generator" content="WordPress 6.7.1">\n'
        f"<style>.screen-reader-text{{position:absolute;left:-9999px}}</style>\n</head>\n"
        f'<body class="{body_class}">\n<div id="page" class="site">\n'
        f'<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
        f"{masthead(site)}"
        f'<div id="content" class="site-content">\n<div id="primary" class="content-area">\n'
        f'<main id="main" class="site-main">\n{main}\n</main>\n</div>\n{sidebar(site)}</div>\n'
        f'<footer id="colophon" class="site-footer"><div class="site-info">'
        f'<a href="{site.url("/about/")}">About the Gazette</a> | '
        f'<a href="{site.url(trap(site.publisher.key, "private").path)}">Staff area</a> | '
        f'<a href="{site.url("/feed/")}">RSS</a><br>&copy; 2026 {name}. '
        f'Proudly powered by <a href="https://wordpress.org/">WordPress</a>.</div></footer>\n'
        f"</div>\n</body>\n</html>\n"
    )


def masthead(site: Site) -> str:
    menu = "".join(
        f'<li class="menu-item"><a href="{site.url(f"/category/{slugify(section)}/")}">'
        f"{esc(section)}</a></li>"
        for section in site.publisher.sections
    )
    return (
        f'<header id="masthead" class="site-header"><div class="site-branding">'
        f'<p class="site-title"><a href="{site.url("/")}" rel="home">'
        f"{esc(site.publisher.name)}</a></p>"
        f'<p class="site-description">{esc(site.publisher.tagline)}</p></div>'
        f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
        f'{menu}<li class="menu-item"><a href="{site.url("/about/")}">About</a></li></ul>'
        f"</nav></header>\n"
    )


def sidebar(site: Site) -> str:
    """Widgets: search, recent posts and categories, as the default theme sidebar shows them."""
    recent = "".join(
        f'<li><a href="{site.url(a.path)}">{esc(a.headline)}</a></li>' for a in site.articles[:5]
    )
    counts = "".join(
        f'<li class="cat-item"><a href="{site.url(f"/category/{slugify(section)}/")}">'
        f"{esc(section)}</a> ({sum(a.section == section for a in site.articles)})</li>"
        for section in site.publisher.sections
    )
    return (
        f'<aside id="secondary" class="widget-area">'
        f'<section id="search-2" class="widget widget_search"><form role="search" method="get" '
        f'class="search-form" action="{site.url("/")}"><label><span class="screen-reader-text">'
        f'Search for:</span><input type="search" class="search-field" name="s"></label>'
        f'<input type="submit" class="search-submit" value="Search"></form></section>'
        f'<section id="recent-posts-2" class="widget widget_recent_entries">'
        f'<h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>'
        f'<section id="categories-2" class="widget widget_categories">'
        f'<h2 class="widget-title">Categories</h2><ul>{counts}</ul></section></aside>\n'
    )


def caption_text(image: Image) -> str:
    """The theme prints the credit inside the caption: "Caption text. Photo: Jane Doe"."""
    return f"{image.caption} Photo: {image.credit}" if image.credit else image.caption


def figure(site: Site, image: Image, number: int) -> str:
    """The lead image as an HTML5 `figure.wp-caption`; later images use the older div form."""
    src = site.url(image.src)
    small = site.url(image.src.replace(".jpg", "-300x200.jpg"))
    img = (
        f'<img decoding="async" src="{attr(src)}" alt="{attr(image.alt)}" width="1024" '
        f'height="683" class="size-large wp-image-{number}" srcset="{attr(small)} 300w, '
        f'{attr(src)} 1024w" sizes="(max-width: 1024px) 100vw, 1024px">'
    )
    text = esc(caption_text(image))
    if number % 10 == 0:
        return (
            f'<figure id="attachment_{number}" aria-describedby="caption-attachment-{number}" '
            f'class="wp-caption aligncenter">{img}<figcaption id="caption-attachment-{number}" '
            f'class="wp-caption-text">{text}</figcaption></figure>'
        )
    return (
        f'<div id="attachment_{number}" class="wp-caption alignnone">{img}'
        f'<p class="wp-caption-text">{text}</p></div>'
    )


def entry_content(site: Site, article: DemoArticle) -> str:
    """Paragraphs with figures placed where editors put them, then the Jetpack share block."""
    figures = [
        figure(site, image, article.cms_id * 10 + i) for i, image in enumerate(article.images)
    ]
    parts = figures[:1]
    for index, paragraph in enumerate(article.body):
        parts.append(f"<p>{esc(paragraph)}</p>")
        if index == 2:
            parts.extend(figures[1:])
    url = site.url(article.path)
    parts.append(
        f'<div class="sharedaddy sd-sharing-enabled"><div class="sd-block sd-social">'
        f'<h3 class="sd-title">Share this:</h3><ul>'
        f'<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u='
        f'{attr(url)}">Facebook</a></li><li><a class="share-x" href="https://x.com/intent/post?url='
        f'{attr(url)}">X</a></li><li><a class="share-print" href="'
        f'{site.url(f"/print/{article.slug}")}">Print</a></li></ul></div></div>'
    )
    return '<div class="entry-content">\n' + "\n".join(parts) + "\n</div>"


def entry_header(site: Site, article: DemoArticle) -> str:
    authors = join_names(
        f'<span class="author vcard"><a class="url fn n" rel="author" '
        f'href="{site.url(f"/author/{author.slug}/")}">{esc(author.name)}</a></span>'
        for author in article.authors
    )
    updated = ""
    if article.modified:
        # The theme prints the "updated" time only when a post was edited after publication.
        updated = (
            f'<time class="updated" datetime="{article.modified.isoformat()}">'
            f"{long_date(article.modified)}</time>"
        )
    return (
        f'<header class="entry-header"><div class="entry-meta cat-links">'
        f'<a href="{site.url(f"/category/{article.section_slug}/")}" rel="category tag">'
        f'{esc(article.section)}</a></div><h1 class="entry-title">{esc(article.headline)}</h1>'
        f'<div class="entry-meta"><span class="byline">By {authors}</span> '
        f'<span class="posted-on"><a href="{site.url(article.path)}" rel="bookmark">'
        f'<time class="entry-date published" datetime="{article.published.isoformat()}">'
        f"{long_date(article.published)}</time>{updated}</a></span></div></header>"
    )


def entry_footer(site: Site, article: DemoArticle) -> str:
    tags = ", ".join(
        f'<a href="{site.url(f"/tag/{slugify(tag)}/")}" rel="tag">{esc(tag)}</a>'
        for tag in article.tags
    )
    return (
        f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="'
        f'{site.url(f"/category/{article.section_slug}/")}" rel="category tag">'
        f'{esc(article.section)}</a></span> <span class="tags-links">Tagged {tags}</span></footer>'
    )


def related(site: Site, article: DemoArticle) -> str:
    """Jetpack's "Related" block: three other posts with excerpt, date and category."""
    items = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">'
        f'<a href="{site.url(other.path)}">{esc(other.headline)}</a></h4>'
        f'<p class="jp-relatedposts-post-excerpt">{esc(other.summary)}</p>'
        f'<p class="jp-relatedposts-post-date">{long_date(other.published)}</p>'
        f'<p class="jp-relatedposts-post-context">In "{esc(other.section)}"</p></div>'
        for other in others(article, 3)
    )
    return (
        f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        f"<em>Related posts</em></h3>{items}</div>"
    )


def comments(article: DemoArticle) -> str:
    """Two or three reader comments and the reply form; WordPress wraps each in <article>."""
    count = 2 + article.cms_id % 2
    start = article.cms_id % len(READER_COMMENTS)
    picked = [READER_COMMENTS[(start + i) % len(READER_COMMENTS)] for i in range(count)]
    items = []
    for offset, comment in enumerate(picked, start=1):
        number = article.cms_id * 10 + offset
        moment = article.published + timedelta(hours=3 * offset)
        items.append(
            f'<li id="comment-{number}" class="comment depth-1"><article id="div-comment-{number}" '
            f'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
            f'<b class="fn">{esc(comment.name)}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="#comment-{number}"><time '
            f'datetime="{moment.isoformat()}">{long_date(moment)} at {moment:%H:%M}</time></a>'
            f'</div></footer><div class="comment-content"><p>{esc(comment.text)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">'
            f"Reply</a></div></article></li>"
        )
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{count} thoughts '
        f'on &ldquo;{esc(article.headline)}&rdquo;</h2><ol class="comment-list">{"".join(items)}'
        f'</ol><div id="respond" class="comment-respond"><h3 id="reply-title" '
        f'class="comment-reply-title">Leave a Reply</h3><form method="post" id="commentform" '
        f'class="comment-form" action="/wp-comments-post.php"><p class="comment-notes">Your email '
        f'address will not be published.</p><p class="comment-form-comment"><label '
        f'for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>'
        f'<p class="form-submit"><input type="submit" value="Post Comment"></p></form></div></div>'
    )


def single(site: Site, article: DemoArticle) -> str:
    """The full single-post page."""
    url = site.url(article.path)
    head = (
        f'<link rel="canonical" href="{attr(url)}">\n'
        f'<link rel="shortlink" href="{site.url(f"/?p={article.cms_id}")}">\n'
        f'<meta name="description" content="{attr(article.summary)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(article.headline)}">\n'
        f'<meta property="og:url" content="{attr(url)}">\n'
        f'<meta property="og:site_name" content="{attr(site.publisher.name)}">\n'
        f'<meta property="article:published_time" content="{article.published.isoformat()}">\n'
    )
    if article.modified:
        head += (
            f'<meta property="article:modified_time" content="{article.modified.isoformat()}">\n'
        )
    tags = " ".join(f"tag-{slugify(tag)}" for tag in article.tags)
    classes = f"post-{article.cms_id} post type-post status-publish format-standard hentry"
    main = (
        f'<article id="post-{article.cms_id}" class="{classes} category-{article.section_slug} '
        f'{tags}">\n{entry_header(site, article)}\n{entry_content(site, article)}\n'
        f"{entry_footer(site, article)}\n</article>\n{related(site, article)}\n{comments(article)}"
    )
    body_class = f"post-template-default single single-post postid-{article.cms_id}"
    title = f"{article.headline} – {site.publisher.name}"
    return document(site, title, body_class, main, head)
