"""A crawl fetches only http(s) URLs on its own sites (scheme, host and port): not the local
files, FTP servers, data: URLs or other ports a hostile site points it at, whether through
robots.txt, sitemaps, feeds, links or redirects; each refusal is counted or recorded."""

from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from spiders.discovery.sitemaps import sitemaps_in_robots
from spiders.scope import Scope
from tests.crawling import crawl, rows
from tests.servers import article_html, html, redirect, serve_listener, serve_routes


@dataclass
class Crawled:
    db: Path
    base: str
    output: str
    on_site: list[str]  # paths requested from the crawl's site
    other_port: list[str]  # paths requested from another port of the same host
    ftp: list[str]  # connections to the would-be FTP server


def _sitemap(*urls: str) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return (
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()
    )


def _routes(base: str, other: str, ftp: str, secret: Path) -> dict:
    xml = {"Content-Type": "application/xml"}
    robots = "\n".join(
        ["User-agent: *", "Disallow: /private/"]
        + [f"Sitemap: {url}" for url in (f"file://{secret}", f"file://127.0.0.1{secret}")]
        + [f"Sitemap: {ftp}/sitemap.xml", f"Sitemap: {other}/sitemap.xml", "Sitemap: /sitemap.xml"]
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        + "".join(
            f"<item><title>{url}</title><link>{url}</link></item>"
            for url in ("/news/1", f"{other}/news/offsite-feed", f"{ftp}/news/ftp-feed")
        )
        + "</channel></rss>"
    )
    links = ["/news/2", f"{other}/news/offsite-link", f"{ftp}/x", f"file://{secret}"]
    links += ["data:text/html,<h1>data</h1>", *(f"/redirect/{name}" for name in REDIRECTS)]
    head = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    home = "".join(f'<p><a href="{link}">{link}</a></p>' for link in links)
    routes = {
        "/": html(f"<html><head>{head}</head><body>{home}</body></html>"),
        "/robots.txt": lambda: (200, {"Content-Type": "text/plain"}, robots.encode()),
        "/sitemap.xml": lambda: (
            200, xml, _sitemap(f"{base}/news/0", f"{other}/news/offsite-sitemap", f"{ftp}/s")
        ),
        "/feed.xml": lambda: (200, {"Content-Type": "application/rss+xml"}, feed.encode()),
        "/redirect/file": redirect(f"file://{secret}"),
        "/redirect/ftp": redirect(f"{ftp}/file.txt"),
        "/redirect/data": redirect("data:text/html,<h1>data</h1>"),
        "/redirect/other-port": redirect(f"{other}/news/offsite-redirect"),
    }  # fmt: skip
    for name in ("0", "1", "2", "secret"):
        routes[f"/news/{name}"] = html(article_html(f"Story {name} on the harbour"))
    return routes


REDIRECTS = {"file": "file:", "ftp": "ftp:", "data": "data:", "other-port": "another site"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawled:
    tmp = tmp_path_factory.mktemp("scope")
    db = tmp / "archive.db"
    on_site: list[str] = []
    other_port: list[str] = []
    ftp: list[str] = []
    with ExitStack() as stack:
        other = stack.enter_context(serve_routes({}, requests=other_port))
        ftp_url = f"ftp://127.0.0.1:{stack.enter_context(serve_listener(ftp))}"
        routes: dict = {}
        base = stack.enter_context(serve_routes(routes, requests=on_site))
        # A local file the crawler must never read: a sitemap naming a page of the site.
        secret = tmp / "secret-sitemap.xml"
        secret.write_bytes(_sitemap(f"{base}/news/secret"))
        routes.update(_routes(base, other, ftp_url, secret))
        result = crawl(db, f"{base}/", "--depth", "2", quiet=False)
    return Crawled(db, base, result.stderr, on_site, other_port, ftp)


def test_nothing_is_fetched_off_the_site(crawled: Crawled) -> None:
    assert crawled.other_port == [], "another port of the same host is another site"
    assert crawled.ftp == [], "ftp:// is never fetched"
    assert "/news/secret" not in crawled.on_site, "a file:// sitemap was read"
    captured = rows(crawled.db, "select url, final_url from captures")
    assert captured and all(
        r["url"].startswith(f"{crawled.base}/") and r["final_url"].startswith(f"{crawled.base}/")
        for r in captured
    )


def test_the_sites_own_articles_are_archived(crawled: Crawled) -> None:
    stored = {r["url"] for r in rows(crawled.db, "select url from articles")}
    assert stored == {f"{crawled.base}/news/{n}" for n in ("0", "1", "2")}


@pytest.mark.parametrize(("name", "where"), REDIRECTS.items())
def test_a_redirect_off_the_site_is_a_recorded_failure(
    crawled: Crawled, name: str, where: str
) -> None:
    url = f"{crawled.base}/redirect/{name}"
    (failure,) = rows(crawled.db, "select kind, detail from failures where url = ?", [url])
    assert failure["kind"] == "redirect_off_site"
    assert where in failure["detail"]


def _skipped(output: str, reason: str) -> int:
    match = re.search(rf"links_skipped {re.escape(reason)}\W+(\d+)", output)
    return int(match.group(1)) if match else 0


def test_every_url_off_the_site_is_counted(crawled: Crawled) -> None:
    # Another port: a link, a feed entry, a sitemap entry and robots.txt's sitemap.
    assert _skipped(crawled.output, "offsite") == 4
    # file:// and ftp:// in robots.txt and links (feeds and sitemaps resolve http(s) only).
    assert _skipped(crawled.output, "not http(s)") >= 4


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://news.test/story", None),
        ("https://news.test/story", None),  # the same host moved to TLS
        ("http://www.news.test/story", None),  # a subdomain
        ("http://news.test:8080/story", "offsite"),  # another port: another site
        ("https://news.test:8443/story", "offsite"),
        ("http://other.test/story", "offsite"),
        ("http://notnews.test/story", "offsite"),
        ("ftp://news.test/story", "not http(s)"),
        ("file://news.test/etc/passwd", "not http(s)"),
        ("data:text/html,<h1>x</h1>", "not http(s)"),
        ("javascript:alert(1)", "not http(s)"),
    ],
)
def test_a_site_is_scheme_host_and_port(url: str, reason: str | None) -> None:
    assert Scope.of(["http://news.test/"]).reason(url) == reason


def test_sites_on_other_ports_are_their_own() -> None:
    scope = Scope.of(["http://127.0.0.1:8101/", "https://127.0.0.1:8443/feed.xml"])
    assert scope.reason("http://127.0.0.1:8101/a") is None
    assert scope.reason("https://127.0.0.1:8443/b") is None
    assert scope.reason("http://127.0.0.1:8443/b") == "offsite"  # same port, other scheme
    assert scope.reason("http://127.0.0.1:8102/a") == "offsite"


def test_robots_sitemap_lines_are_read_from_bytes() -> None:
    body = (
        b"User-agent: *\nSITEMAP: /a.xml\n  sitemap:https://x.test/b.xml\nSitemap: \xff\nAllow: /\n"
    )
    assert list(sitemaps_in_robots(body, "https://x.test/robots.txt")) == [
        "https://x.test/a.xml",
        "https://x.test/b.xml",
    ]
