"""The generated news site's page chrome: the parts every page shares (inline styles and
scripts, header with its mega-menu and ad slots, sidebar, footer), written once as files the
pages pull in with nginx's server-side includes, as a CMS's templates do."""

from __future__ import annotations

import random
from pathlib import Path

from bench.sitetext import words

SITE_NAME = "The Northport Chronicle"
SECTIONS = (
    "politics", "business", "world", "science", "technology", "health", "sport", "culture",
    "climate", "education", "opinion", "travel",
)  # fmt: skip
# Sub-sections of the mega-menu: pages that exist and list stories, like the sections.
TOPICS = tuple(
    f"{s}-{n}" for s in SECTIONS for n in ("news", "analysis", "local", "explained", "live")
)
# The trailing scripts come in sizes, so pages range from about 60 to 120 KB.
SCRIPT_SIZES = (2_000, 12_000, 22_000, 34_000, 46_000)

_FOOTER_LINKS = words(
    "about contact careers advertise terms privacy cookies accessibility corrections "
    "complaints subscriptions newsletters podcasts puzzles archive help sitemap-page "
    "syndication licensing events shop jobs obituaries weather traffic"
)


def write_chrome(root: Path) -> None:
    """Write the shared includes under root/_inc/."""
    folder = root / "_inc"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    (folder / "assets.html").write_text(_style(rng) + _head_scripts(rng))
    for section in ("home", *SECTIONS):
        (folder / f"header-{section}.html").write_text(_header(section))
    (folder / "sidebar.html").write_text(_sidebar())
    (folder / "footer.html").write_text(_footer())
    for n, size in enumerate(SCRIPT_SIZES):
        (folder / f"scripts-{n}.html").write_text(_tail_script(random.Random(n), size))


def _style(rng: random.Random) -> str:
    rules = []
    for n in range(260):
        name = f".c{n:03x}-{rng.choice(('card', 'nav', 'grid', 'ad', 'btn', 'hdr', 'ftr'))}"
        rules.append(
            f"{name}{{margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;"
            f"color:#{rng.randrange(16**6):06x};font-size:{rng.randint(11, 28)}px}}"
        )
    return f"<style>{''.join(rules)}</style>\n"


def _head_scripts(rng: random.Random) -> str:
    slots = ",".join(
        f'{{"id":"div-gpt-ad-{rng.randrange(10**12)}-{n}","sizes":[[300,250],[728,90],'
        f'[970,250]],"targeting":{{"pos":"{n}","kw":["{rng.choice(SECTIONS)}"]}}}}'
        for n in range(60)
    )
    consent = "".join(
        f"function f{n}(a,b){{return a&&b?a[{n}]+b.length:window.__cmp&&__cmp('{n}')}}"
        for n in range(120)
    )
    return (
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push("
        f"arguments)}}gtag('js',new Date());var adConfig={{\"slots\":[{slots}]}};</script>\n"
        f"<script>{consent}</script>\n"
    )


def _header(current: str) -> str:
    items = []
    for section in SECTIONS:
        subs = "".join(
            f'<li><a href="/topic/{t}/">{t.split("-", 1)[1].title()}</a></li>'
            for t in TOPICS
            if t.startswith(f"{section}-")
        )
        active = ' class="active"' if section == current else ""
        link = f'<a href="/{section}/">{section.title()}</a>'
        items.append(f'<li{active}>{link}<ul class="sub">{subs}</ul></li>')
    return (
        '<div class="topbar"><a href="/login/">Sign in</a> <a href="/subscribe/">Subscribe</a>'
        ' <a href="/search/">Search</a> <a href="/newsletters/">Newsletters</a></div>\n'
        f'<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>'
        f'<nav class="main-nav"><ul>{"".join(items)}</ul></nav></header>\n'
        '<div class="ad ad-leaderboard" id="ad-top"><div class="ad-label">Advertisement</div>'
        '<iframe src="about:blank" width="970" height="250" title="advertisement"></iframe></div>\n'
        '<div class="ticker"><span>Breaking</span> <a href="/world/">Live: the summit talks'
        " continue into a second day</a></div>\n"
    )


def _sidebar() -> str:
    return (
        '<section class="newsletter"><h2>Get the morning briefing</h2><p>The day\'s top stories,'
        ' in your inbox before breakfast.</p><form action="/newsletters/"><input name="email">'
        "<button>Sign up</button></form></section>\n"
        '<div class="ad ad-mpu"><div class="ad-label">Advertisement</div><iframe src="about:blank"'
        ' width="300" height="600" title="advertisement"></iframe></div>\n'
        '<section class="follow"><h2>Follow us</h2><a href="https://social.example/chronicle">'
        'Social</a> <a href="https://video.example/chronicle">Video</a></section>\n'
    )


def _footer() -> str:
    columns = []
    for n in range(0, len(_FOOTER_LINKS), 8):
        links = "".join(
            f'<li><a href="/{name}/">{name.replace("-", " ").title()}</a></li>'
            for name in _FOOTER_LINKS[n : n + 8]
        )
        columns.append(f'<ul class="footer-col">{links}</ul>')
    sections = "".join(f'<a href="/{s}/">{s.title()}</a> ' for s in SECTIONS)
    return (
        f'<footer class="site-footer"><div class="footer-sections">{sections}</div>'
        f'{"".join(columns)}<p class="copyright">© 2026 {SITE_NAME}. All rights reserved.'
        "</p></footer>\n"
    )


def _tail_script(rng: random.Random, size: int) -> str:
    chunks: list[str] = []
    total = 0
    while total < size:
        name = f"m{rng.randrange(16**5):05x}"
        chunk = (
            f'__d("{name}",["require","exports"],function(r,e){{var t=r("{name}.core");'
            f'e.init=function(n){{return t.render(n,{{"el":"#{name}","v":{rng.randrange(999)}}})'
            "}};});"
        )
        chunks.append(chunk)
        total += len(chunk)
    return f"<script>{''.join(chunks)}</script>\n"
