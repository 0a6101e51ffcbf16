"""extract(): one HTML page in, one clean Article record out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
from lxml.cssselect import CSSSelector

from pipelines.extraction.blocks import Decision
from pipelines.extraction.body import find_layout
from pipelines.extraction.boxes import apply_drop_rules
from pipelines.extraction.bylines import find_byline, signed_names
from pipelines.extraction.captions import extract_captions, jsonld_captions, merge_jsonld
from pipelines.extraction.classify import declares_article, is_article_page
from pipelines.extraction.clean import strip_boilerplate
from pipelines.extraction.dates import PageDates
from pipelines.extraction.errors import ExtractionError
from pipelines.extraction.fallback import CHOSEN, Reading, Sources, read_body, scripts_of
from pipelines.extraction.figure_parts import image_url
from pipelines.extraction.figures import find_holders, rule_holders
from pipelines.extraction.headline import (
    find_headline,
    page_h1s,
    page_titled_h1,
    printed_headline,
)
from pipelines.extraction.jsonld import article_body, article_object
from pipelines.extraction.language import find_language
from pipelines.extraction.metadata import read_metadata
from pipelines.extraction.page import parse_page
from pipelines.extraction.record import Article
from pipelines.extraction.rules import Rules
from pipelines.extraction.stripped_figures import surviving
from pipelines.extraction.teasers import count_teasers
from pipelines.extraction.text import normalize, spaced_text
from pipelines.extraction.thresholds import MIN_WORDS, PRINTED_HEADLINE_CHARS
from pipelines.extraction.urls import site_label

__all__ = ["Explanation", "ExtractionError", "explain", "extract"]


@dataclass
class Explanation:
    """Why extraction kept what it kept: for `news-archive extract --explain`."""

    article: Article
    removed: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Decision] = field(default_factory=list)
    container: str | None = None
    classification: str = ""
    body_source: str = CHOSEN


def extract(
    html: str | bytes,
    url: str | None = None,
    rules: Rules | None = None,
    *,
    min_words: int = MIN_WORDS,
    on_parse: Callable[[lxml.html.HtmlElement], None] | None = None,
) -> Article:
    """The clean record of one HTML page; raises ExtractionError for input that is not HTML.

    rules: per-site selectors (see rules.py) that override the generic extractor.
    min_words: a page with fewer body words is not an article (is_article is False).
    on_parse: called with the page's tree as parsed, before extraction takes anything out
        of it, for a caller that reads more of the page (a crawl, its links).
    """
    return explain(html, url, rules, min_words=min_words, on_parse=on_parse).article


def explain(
    html: str | bytes,
    url: str | None = None,
    rules: Rules | None = None,
    *,
    min_words: int = MIN_WORDS,
    on_parse: Callable[[lxml.html.HtmlElement], None] | None = None,
) -> Explanation:
    """extract() with its reasons: what was removed, which blocks were kept or dropped."""
    page = parse_page(html, url)
    if on_parse is not None:
        on_parse(page.tree)
    site = rules.for_url(url) if rules else None
    article_ld = article_object(page)
    meta = read_metadata(page, article_ld)
    publishers = tuple(filter(None, (meta.site_name, site_label(url))))
    ruled_headline = _first_text(page.tree, site.headline) if site and site.headline else None
    h1s = page_h1s(page.tree)
    printed = printed_headline(page, article_ld, publishers, h1s)
    byline = find_byline(page, article_ld, publishers)
    dates = PageDates(page, article_ld)  # before cleaning takes anything out of the tree
    scripts = scripts_of(page.tree)  # before cleaning removes them
    root = page.tree.find("body")
    if root is None:
        root = page.tree
    removed = apply_drop_rules(root, site.drop) if site else []
    chosen = _first(root, site.body) if site and site.body else None
    # Captions are found before boilerplate goes: a caption named like page chrome
    # ("image-footer") is still its figure's caption, kept while the figure stays.
    holders = rule_holders(root, site.captions) if site and site.captions else find_holders(root)
    removed += strip_boilerplate(root, keep=chosen)
    holders = surviving(holders, root)
    in_captions = {el for h in holders for el in h.element.iter()}
    ld_captions = jsonld_captions(article_ld, url)
    caption_texts = [spaced_text(h.snapshot) for h in holders]
    titled = page_titled_h1(page, article_ld, publishers, h1s)
    layout = find_layout(root, in_captions, chosen, titled)
    headline = (
        ruled_headline
        or printed
        or find_headline(page, article_ld, publishers, h1s, layout.container)
    )
    reading = Reading(headline, caption_texts, meta.description)
    # A site rule naming the body is obeyed even when it finds no prose there.
    may_fall_back = chosen is None and declares_article(page, article_ld)
    sources = Sources(article_body(article_ld), scripts, may_fall_back)
    body, source = read_body(layout, root, reading, sources)
    region = _caption_region(layout.container, root, headline)
    captions = extract_captions([h for h in holders if h.inside(region)], url)
    if ld_captions:  # only then is the order of the region's images needed
        images = [image_url(img, url) for img in region.iter("img")]
        captions = merge_jsonld(captions, ld_captions, images)
    record = Article(
        url=url,
        canonical_url=meta.canonical_url,
        headline=headline,
        body=body.paragraphs,
        captions=captions,
        authors=byline.people or signed_names(layout.container, publishers) or byline.credit,
        section=meta.section,
        tags=meta.tags,
        description=meta.description,
        lead_image_url=meta.lead_image_url or next((c.image_url for c in captions), None),
        site_name=meta.site_name,
    )
    record.language = find_language(page, article_ld, record.text)
    teasers = count_teasers(layout.container, url)
    record.is_article, why = is_article_page(
        page,
        article_ld,
        (record.word_count, len(record.body)),
        dates.has_published,
        teasers,
        min_words,
    )
    # A page that is no article is not searched for a printed date unless its verdict needed one.
    record.published, record.modified = dates.settled() if record.is_article else dates.known()
    container = _describe(layout.container)
    return Explanation(record, removed, body.decisions, container, why, source)


def _first(root: lxml.html.HtmlElement, selector: CSSSelector) -> lxml.html.HtmlElement | None:
    found = selector(root)
    return found[0] if found else None


def _first_text(root: lxml.html.HtmlElement, selector: CSSSelector) -> str | None:
    el = _first(root, selector)
    return normalize(el.text_content()) or None if el is not None else None


def _caption_region(
    container: lxml.html.HtmlElement | None, root: lxml.html.HtmlElement, headline: str | None
) -> lxml.html.HtmlElement:
    """Where the article's figures live: the body container's nearest ancestor that also
    holds the headline's <h1> (the lead image sits between them, often outside the
    <article>), else one that holds any <h1>, else its <article> or <main>."""
    if container is None:
        return root
    chain = [container, *container.iterancestors()]
    chain = chain[: next((i for i, el in enumerate(chain) if el.tag in {"body", "html"}), None)]
    for el in chain:
        if any(_prints_headline(spaced_text(h1), headline) for h1 in el.iter("h1")):
            return el
    for el in chain:
        if el.find(".//h1") is not None:
            return el
    for el in chain:
        if el.tag in {"article", "main"}:
            return el
    return container.getparent() if container.getparent() is not None else container


def _prints_headline(text: str, headline: str | None) -> bool:
    """The <h1> shows the headline, maybe without its kicker ("Nairobi von unten" for
    "Kenia: Nairobi von unten") or with one."""
    if not text or not headline:
        return False
    text, headline = text.casefold(), headline.casefold()
    long_enough = len(text) >= PRINTED_HEADLINE_CHARS
    return text == headline or (long_enough and (text in headline or headline in text))


def _describe(el: lxml.html.HtmlElement | None) -> str | None:
    if el is None:
        return None
    attrs = " ".join(f'{k}="{el.get(k)}"' for k in ("id", "class") if el.get(k))
    return f"<{el.tag} {attrs}>".replace(" >", ">")
