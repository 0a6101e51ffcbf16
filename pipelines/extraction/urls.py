"""Canonical URLs: one spelling per article, without tracking parameters or fragments."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|"
    r"ref|ref_src|ref_url|referrer|cmpid|cmp|ocid|icid|ito|share|smid|sr_share|"
    r"mbid|s_cid|cid|at_medium|at_campaign|at_custom\d*|wt\.mc_id|_hsenc|_hsmi|soc_src|soc_trk)$",
    re.I,
)


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no fragment, no tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def parses(url: str) -> bool:
    """True unless urllib refuses the URL ("http://[x", a port past 65535)."""
    try:
        urlsplit(url).port  # noqa: B018 (the port is only checked when read)
    except ValueError:
        return False
    return True


def join_url(base: str | None, href: str) -> str | None:
    """href made absolute against base, or None when either cannot be parsed: a page's
    links and image sources are the site's to get wrong."""
    try:
        joined = urljoin(base or "", href)
    except ValueError:
        return None
    return joined if parses(joined) else None


def resolve(base: str | None, href: str | None) -> str | None:
    """An absolute http(s) URL for href on a page at base, or None."""
    if not href:
        return None
    absolute = join_url(base, href.strip())
    return absolute if absolute and absolute.startswith(("http://", "https://")) else None


def site_of(url: str) -> str:
    """The site a URL belongs to: its host (and port), without a leading 'www.'."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "or", "ne", "go", "edu"])


def site_label(url: str | None) -> str | None:
    """The name part of a site's host: "cnn" for edition.cnn.com, "bbc" for www.bbc.co.uk."""
    labels = (urlsplit(url or "").hostname or "").lower().split(".")
    if len(labels) < 2:
        return None
    if len(labels) > 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def article_key(canonical: str | None, final_url: str) -> str:
    """The URL an article is stored under: its rel=canonical on the same site, else its own
    (a canonical pointing to another site is syndication, not the same page)."""
    if canonical and site_of(canonical) == site_of(final_url):
        return canonical
    return canonical_url(final_url)
