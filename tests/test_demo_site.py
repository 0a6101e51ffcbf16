"""The bundled demo news sites, over real HTTP on 127.0.0.1: routes, feeds, sitemaps and traps."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import lxml.etree
import lxml.html
import pytest

import archive.demo
from archive.demo import ARTICLES, PUBLISHERS, DemoSites, StoryError, render_page
from archive.demo.stories import parse_story

DEMO_PACKAGE = Path(archive.demo.__file__).parent

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


@dataclass(frozen=True)
class Fetched:
    status: int
    content_type: str
    location: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str) -> Fetched:
    """GET without following redirects; error statuses are answers too, not exceptions."""
    try:
        with _OPENER.open(url, timeout=10) as response:
            headers, status, body = response.headers, response.status, response.read()
    except HTTPError as error:
        with error:
            headers, status, body = error.headers, error.code, error.read()
    return Fetched(status, headers.get("Content-Type", ""), headers.get("Location"), body)


def links(page: Fetched, url: str) -> list[str]:
    """Absolute URLs of the page's <a href> links."""
    tree = lxml.html.fromstring(page.body)
    return [urljoin(url, href) for href in tree.xpath("//a/@href")]


def head_link(page: Fetched, url: str, rel: str, kind: str | None = None) -> str:
    tree = lxml.html.fromstring(page.body)
    query = f"//link[@rel='{rel}']" + (f"[@type='{kind}']" if kind else "") + "/@href"
    return urljoin(url, tree.xpath(query)[0])


def clean(url: str) -> str:
    return urlsplit(url)._replace(query="", fragment="").geturl()


def articles_of(sites: DemoSites, key: str) -> set[str]:
    base = sites.base_url(key)
    return {urljoin(base, a.path) for a in ARTICLES if a.publisher == key}


def test_there_are_at_least_33_articles_with_unique_urls(sites: DemoSites) -> None:
    urls = sites.article_urls()
    assert len(urls) >= 33
    assert len(set(urls)) == len(urls)
    assert all(len(articles_of(sites, p.key)) >= 11 for p in PUBLISHERS)


# Japanese and Thai put no spaces between words: their paragraphs are measured in characters.
UNSPACED = {"ja", "th"}


def _paragraph_size(language: str | None, paragraph: str) -> bool:
    if language in UNSPACED:
        return 60 <= len(paragraph) <= 400
    return 30 <= len(paragraph.split()) <= 90


def test_articles_are_shaped_like_real_news() -> None:
    for article in ARTICLES:
        assert 4 <= len(article.body) <= 9, article.slug
        assert all(_paragraph_size(article.language, p) for p in article.body), article.slug
        assert 1 <= len(article.tags) <= 3 and 1 <= len(article.authors) <= 2, article.slug
        assert article.published.tzinfo is not None, article.slug
    assert sum(bool(a.images) for a in ARTICLES) > len(ARTICLES) // 2


@pytest.mark.parametrize(("language", "word"), [("ja", "路面電車"), ("th", "ชาวประมง")])
def test_a_japanese_and_a_thai_article_are_served_in_their_language(
    sites: DemoSites, language: str, word: str
) -> None:
    (article,) = [a for a in ARTICLES if a.language == language]
    url = urljoin(sites.base_url(article.publisher), article.path)
    tree = lxml.html.fromstring(fetch(url).body)
    expected = sites.expected(url)
    assert tree.get("lang") == expected.language == language
    # A word of the body, for the full-text search of unspaced scripts to find.
    assert word in "".join(expected.body) and word not in expected.headline + expected.description
    assert expected.captions and all(c.caption and c.credit for c in expected.captions)
    assert tree.xpath("string(//h1)").strip() == expected.headline


def test_every_home_page_answers_and_links_articles(sites: DemoSites) -> None:
    for publisher, base in zip(PUBLISHERS, sites.base_urls, strict=True):
        page = fetch(base)
        assert page.status == 200 and page.content_type.startswith("text/html")
        linked = {clean(link) for link in links(page, base)}
        assert len(linked & articles_of(sites, publisher.key)) >= 5


def test_unknown_path_is_a_styled_404(sites: DemoSites) -> None:
    for publisher, base in zip(PUBLISHERS, sites.base_urls, strict=True):
        page = fetch(urljoin(base, "/no/such/page"))
        assert page.status == 404 and page.content_type.startswith("text/html")
        # Styled: the site's own chrome around the message, not a bare server error.
        assert publisher.name in page.text and "be found" in page.text


def test_robots_txt_names_a_sitemap_and_disallows_private(sites: DemoSites) -> None:
    for base in sites.base_urls:
        page = fetch(urljoin(base, "/robots.txt"))
        assert page.status == 200 and page.content_type.startswith("text/plain")
        assert "Disallow: /private/" in page.text
        assert f"Sitemap: {base}" in page.text


def test_private_links_exist_but_robots_forbids_them(sites: DemoSites) -> None:
    for base in sites.base_urls:
        private = [url for url in links(fetch(base), base) if "/private/" in url]
        robots = RobotFileParser()
        robots.parse(fetch(urljoin(base, "/robots.txt")).text.splitlines())
        assert private and not robots.can_fetch("news-archive", private[0])


def test_private_pages_would_pass_for_articles_if_fetched(sites: DemoSites) -> None:
    for key in (p.key for p in PUBLISHERS):
        page = fetch(sites.trap_url(key, "private"))
        assert page.status == 200 and "<article" in page.text


def test_sitemap_index_leads_to_a_gzip_sitemap_of_every_ledger_article(sites: DemoSites) -> None:
    base = sites.base_url("mekong")
    robots = fetch(urljoin(base, "/robots.txt")).text
    index_url = next(
        line.split(": ", 1)[1] for line in robots.splitlines() if line.startswith("Sitemap:")
    )
    index = lxml.etree.fromstring(fetch(index_url).body)
    children = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)
    gz_url = next(url for url in children if url.endswith(".xml.gz"))
    page = fetch(gz_url)
    assert page.status == 200 and "gzip" in page.content_type
    urlset = lxml.etree.fromstring(gzip.decompress(page.body))
    listed = set(urlset.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS))
    assert listed == articles_of(sites, "mekong")


def test_rss_feed_is_discoverable_and_lists_every_gazette_article(sites: DemoSites) -> None:
    base = sites.base_url("harbour")
    feed_url = head_link(fetch(base), base, "alternate", "application/rss+xml")
    page = fetch(feed_url)
    assert page.status == 200 and "rss+xml" in page.content_type
    listed = set(lxml.etree.fromstring(page.body).xpath("//item/link/text()"))
    assert listed == articles_of(sites, "harbour")


def test_atom_feed_is_discoverable_and_lists_every_northwind_article(sites: DemoSites) -> None:
    base = sites.base_url("northwind")
    feed_url = head_link(fetch(base), base, "alternate", "application/atom+xml")
    page = fetch(feed_url)
    assert page.status == 200 and "atom+xml" in page.content_type
    feed = lxml.etree.fromstring(page.body)
    listed = set(feed.xpath("//a:entry/a:link[@rel='alternate']/@href", namespaces=ATOM_NS))
    assert listed == articles_of(sites, "northwind")


def test_google_news_sitemap_dates_every_northwind_article(sites: DemoSites) -> None:
    base = sites.base_url("northwind")
    assert f"Sitemap: {base}news-sitemap.xml" in fetch(urljoin(base, "/robots.txt")).text
    urlset = lxml.etree.fromstring(fetch(urljoin(base, "/news-sitemap.xml")).body)
    entries = urlset.xpath("//s:url", namespaces=SITEMAP_NS)
    dates = urlset.xpath("//s:url/n:news/n:publication_date/text()", namespaces=SITEMAP_NS)
    assert len(dates) == len(entries) == len(articles_of(sites, "northwind"))


def test_print_links_return_a_pdf(sites: DemoSites) -> None:
    for key in (p.key for p in PUBLISHERS):
        url = sorted(articles_of(sites, key))[0]
        pdf_url = next(link for link in links(fetch(url), url) if "/print/" in link)
        page = fetch(pdf_url)
        assert page.status == 200 and page.content_type == "application/pdf"
        assert page.body.startswith(b"%PDF-1.4")


@pytest.mark.parametrize(("kind", "status"), [("server_error", 500), ("not_found", 404)])
def test_home_pages_link_a_broken_url(sites: DemoSites, kind: str, status: int) -> None:
    for key in (p.key for p in PUBLISHERS):
        url = sites.trap_url(key, kind)
        assert url in links(fetch(sites.base_url(key)), sites.base_url(key))
        assert fetch(url).status == status


def test_home_pages_link_a_redirect_to_an_article(sites: DemoSites) -> None:
    for key in (p.key for p in PUBLISHERS):
        url = sites.trap_url(key, "redirect")
        assert url in links(fetch(sites.base_url(key)), sites.base_url(key))
        page = fetch(url)
        assert page.status == 301
        assert page.location in articles_of(sites, key)


def test_pagination_never_ends(sites: DemoSites) -> None:
    url = urljoin(sites.base_url("harbour"), "/page/50/")
    page = fetch(url)
    assert page.status == 200
    assert urljoin(url, "/page/51/") in links(page, url)


def test_calendar_always_links_the_next_day(sites: DemoSites) -> None:
    url = urljoin(sites.base_url("mekong"), "/archive?date=1999-12-31")
    page = fetch(url)
    assert page.status == 200
    assert urljoin(url, "/archive?date=2000-01-01") in links(page, url)


def test_tracked_home_links_lead_to_pages_with_a_clean_canonical(sites: DemoSites) -> None:
    base = sites.base_url("northwind")
    home_links = links(fetch(base), base)
    tracked = [url for url in home_links if "utm_source=" in url]
    assert tracked and any("#comments" in url for url in home_links)
    for url in tracked:
        assert head_link(fetch(url), url, "canonical") == clean(url)


def test_every_article_is_served_with_its_canonical_url(sites: DemoSites) -> None:
    for url in sites.article_urls():
        page = fetch(url)
        assert page.status == 200
        assert head_link(page, url, "canonical") == url


def test_expected_records_match_the_served_pages(sites: DemoSites) -> None:
    for url in sites.article_urls():
        expected = sites.expected(url)
        tree = lxml.html.fromstring(fetch(url).body)
        assert tree.get("lang").split("-")[0] == expected.language
        assert expected.headline in tree.xpath("string(//h1)")
        texts = {p.text_content() for p in tree.iter("p")}
        assert set(expected.body) <= texts
        assert len(expected.body) >= 4


def test_non_article_pages_carry_no_article_markup(sites: DemoSites) -> None:
    for url in sites.non_article_urls():
        page = fetch(url)
        assert page.status == 200, url
        assert "<article" not in page.text and "NewsArticle" not in page.text, url
        assert 'content="article"' not in page.text, url


def test_every_article_is_within_two_hops_of_its_home_page(sites: DemoSites) -> None:
    for key in (p.key for p in PUBLISHERS):
        home = sites.base_url(key)
        seen, frontier = {home}, [home]
        for _ in range(2):
            found = {
                clean(link)
                for url in frontier
                for link in links(fetch(url), url)
                if link.startswith(home) and "/private/" not in link
            }
            frontier = sorted(found - seen)
            seen |= found
        assert articles_of(sites, key) <= seen


def test_offline_rendering_matches_what_is_served(sites: DemoSites) -> None:
    article = ARTICLES[0]
    base = sites.base_url(article.publisher)
    served = fetch(urljoin(base, article.path)).text
    assert render_page(article.publisher, article.path, base_url=base) == served


def test_stopped_sites_refuse_connections() -> None:
    demo = DemoSites().start()
    base = demo.base_urls[0]
    demo.stop()
    with pytest.raises(RuntimeError):
        demo.base_urls  # noqa: B018 - the property raises when stopped
    with pytest.raises(OSError):
        fetch(base)


def test_the_demo_package_holds_no_story_text_or_page_html_in_python() -> None:
    sources = "\n".join(path.read_text() for path in DEMO_PACKAGE.rglob("*.py"))
    for article in ARTICLES:
        assert article.headline not in sources, article.slug
        assert all(paragraph[:40] not in sources for paragraph in article.body), article.slug
    for tag in ("<p>", "<p ", "<div", "<article", "<html", "<li", "<a href"):
        assert tag not in sources, tag


STORY = """+++
id = 7
headline = "Pier reopens"
section = "Local News"
tags = ["Piers"]
authors = ["A. Writer", { name = "B. Editor", title = "Editor" }]
published = 2026-03-01T09:00:00+00:00
summary = "The pier is open again."

[[images]]
src = "/pier.jpg"
alt = "The pier"
caption = "The pier at dawn."
+++

First paragraph,
on two lines.

Second paragraph.
"""


def test_a_story_file_reads_into_an_article() -> None:
    article = parse_story(STORY, publisher="harbour", slug="pier-reopens", permalink="/{slug}/")
    assert article.path == "/pier-reopens/" and article.cms_id == 7
    assert article.body == ("First paragraph, on two lines.", "Second paragraph.")
    assert [(a.name, a.title) for a in article.authors] == [
        ("A. Writer", None),
        ("B. Editor", "Editor"),
    ]
    assert article.published.utcoffset() is not None and article.modified is None
    assert article.images[0].caption == "The pier at dawn." and article.images[0].credit is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.replace("+++\n", "", 1), "between two '+++' lines"),
        (lambda s: s.replace("id = 7", "id = 7\nkicker = 1"), "unknown keys ['kicker']"),
        (lambda s: s.replace("+00:00", ""), "not a date-time with an offset"),
        (lambda s: s.replace('headline = "Pier reopens"\n', ""), "missing ['headline']"),
        (lambda s: s.split("+++\n\n")[0] + "+++\n", "no body"),
        (lambda s: s.replace('caption = "The pier at dawn."', ""), "an image has src"),
    ],
)
def test_malformed_story_files_are_refused_with_their_name(change, message) -> None:
    with pytest.raises(StoryError, match="pier-reopens") as raised:
        parse_story(change(STORY), publisher="harbour", slug="pier-reopens", permalink="/{slug}/")
    assert message in str(raised.value)


def test_data_and_templates_are_read_from_the_package_whatever_the_directory(tmp_path) -> None:
    script = "from archive.demo import ARTICLES, render\n"
    script += "print(len(ARTICLES), render('mekong', '/').status)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(ARTICLES)), "200"]


def conditional_get(url: str, method: str = "GET", **headers: str) -> Fetched:
    """A request with conditional headers (If_None_Match -> If-None-Match); 304 is an answer."""
    names = {name.replace("_", "-"): value for name, value in headers.items()}
    request = urllib.request.Request(url, headers=names, method=method)
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Fetched(response.status, "", None, response.read(), dict(response.headers))
    except HTTPError as error:
        with error:
            return Fetched(error.code, "", None, error.read(), dict(error.headers))


def test_article_pages_carry_a_weak_etag_and_last_modified(sites: DemoSites) -> None:
    for url in sites.article_urls():
        first, again = conditional_get(url), conditional_get(url)
        assert first.headers["ETag"].startswith('W/"') and first.headers["Last-Modified"]
        assert again.headers["ETag"] == first.headers["ETag"], "stable from request to request"
        expected = sites.expected(url)
        modified = parsedate_to_datetime(first.headers["Last-Modified"])
        assert modified == (expected.modified or expected.published)
    assert "ETag" not in conditional_get(sites.base_urls[0]).headers


def test_conditional_gets_of_an_unchanged_article_are_answered_with_304(sites: DemoSites) -> None:
    url = sites.article_urls()[5]
    page = conditional_get(url)
    etag, stamp = page.headers["ETag"], page.headers["Last-Modified"]
    earlier = format_datetime(parsedate_to_datetime(stamp) - timedelta(days=1), usegmt=True)
    cases = [
        ({"If_None_Match": etag}, 304),
        ({"If_None_Match": etag.removeprefix("W/")}, 304),  # weak comparison
        ({"If_None_Match": f'"other", {etag}'}, 304),
        ({"If_None_Match": "*"}, 304),
        ({"If_Modified_Since": stamp}, 304),
        ({"If_Modified_Since": earlier}, 200),
        ({"If_Modified_Since": "not a date"}, 200),
        # If-None-Match decides when both are sent (RFC 9110 13.2.2).
        ({"If_None_Match": '"other"', "If_Modified_Since": stamp}, 200),
    ]
    for headers, status in cases:
        answer = conditional_get(url, **headers)
        assert answer.status == status, headers
        assert (answer.body == b"") == (status == 304), headers
        assert answer.headers["ETag"] == etag
    assert conditional_get(url, "HEAD", If_None_Match=etag).status == 304
    home = sites.base_urls[0]
    assert conditional_get(home, If_None_Match="*", If_Modified_Since=stamp).status == 200


def test_an_edited_article_has_a_new_version_and_new_validators() -> None:
    with DemoSites() as demo:
        url, other = demo.article_urls()[0], demo.article_urls()[1]
        before, other_before = conditional_get(url), conditional_get(other)
        body = ("A correction was added to this story. " * 4, *demo.expected(url).body[1:])
        edited = demo.edit(url, body=body)
        after = conditional_get(url, If_None_Match=before.headers["ETag"])
        since = conditional_get(url, If_Modified_Since=before.headers["Last-Modified"])
        unchanged = conditional_get(other, If_None_Match=other_before.headers["ETag"])
        expected = demo.expected(url)
    assert after.status == since.status == 200 and after.body != before.body
    assert after.headers["ETag"] != before.headers["ETag"]
    assert parsedate_to_datetime(after.headers["Last-Modified"]) > parsedate_to_datetime(
        before.headers["Last-Modified"]
    )
    assert body[0].strip() in after.text and edited.body == body
    assert expected.body == body and expected.modified == edited.modified
    # Only a body changed: other stories' pages still answer 304 to their validators.
    assert unchanged.status == 304


def test_edits_stay_with_their_demo_sites(sites: DemoSites) -> None:
    with DemoSites() as demo:
        url = demo.article_urls()[0]
        demo.edit(url, headline="A new headline")
        shared = sites.expected(sites.article_urls()[0])
        assert shared.headline == ARTICLES[0].headline != demo.expected(url).headline
        with pytest.raises(ValueError, match="cannot edit"):
            demo.edit(url, section="Sport")  # would move the article to another URL
        with pytest.raises(TypeError, match="body must hold str"):
            demo.edit(url, body=[1, 2])
        with pytest.raises(KeyError):
            demo.edit(url + "nope", headline="x")
