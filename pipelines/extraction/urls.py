"""Canonical URLs: one spelling per article, without tracking parameters or fragments."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that only say how a reader arrived: analytics campaign tags and the click
# ids ad and mail platforms append. Short on purpose: names such as cid, ref, share, cmp or id
# are article ids on some CMSs (article.php?cid=123), so they stay.
TRACKING_PARAMETERS = frozenset(
    [
        "fbclid",  # Facebook
        "gclid", "gbraid", "wbraid", "dclid", "gclsrc",  # Google Ads
        "_ga", "_gl",  # Google Analytics cross-domain linker
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",  # X / Twitter ads
        "ttclid",  # TikTok
        "igshid",  # Instagram shares
        "li_fat_id",  # LinkedIn
        "mc_cid", "mc_eid",  # Mailchimp
        "_hsenc", "_hsmi",  # HubSpot
        "mkt_tok",  # Marketo
    ]
)  # fmt: skip
TRACKING_PREFIXES = ("utm_",)  # Google Analytics campaign tags: utm_source, utm_medium...
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str) -> bool:
    name = unquote_plus(name).strip().lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


# A page's URL is made canonical several times on its way (as it is fetched, extracted and
# stored), and the links every page of a site shares at each of its pages: the last few
# hundred are remembered (about 30 us each otherwise), those no longer than a URL a request
# may have (Scrapy's URLLENGTH_LIMIT), so that a hostile page cannot fill the memory.
_REMEMBERED = 512
_REMEMBERED_CHARS = 2083


def canonical_url(url: str) -> str:
    """One spelling per URL: w3lib's canonical form (lower-case scheme and host, IDNA host,
    percent-encoding normalised, sorted query, no fragment) without tracking parameters or
    the scheme's default port."""
    if len(url) > _REMEMBERED_CHARS:
        return _canonical(url)
    return _remembered(url)


def _canonical(url: str) -> str:
    parts = urlsplit(url.strip())
    kept = [pair for pair in parts.query.split("&") if pair and not is_tracking(pair.split("=")[0])]
    parts = urlsplit(canonicalize_url(urlunsplit(parts._replace(query="&".join(kept)))))
    if parts.port is not None and parts.port == _DEFAULT_PORTS.get(parts.scheme):
        host = parts.netloc.rsplit(":", 1)[0]
        parts = parts._replace(netloc=host)
    return urlunsplit(parts._replace(path=parts.path or "/"))


_remembered = lru_cache(maxsize=_REMEMBERED)(_canonical)


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
