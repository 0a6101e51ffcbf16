"""A generated news site for the crawl benchmark: N article pages of 60-120 KB (header with a
mega-menu, ad slots, sidebars, a "more stories" grid of 24 cards, author links, some of them
to author pages that do not exist), section, topic and author pages, an RSS feed, sitemaps and
robots.txt; written as static files (the shared chrome as nginx server-side includes).

Example, from the repo root:

    python -m bench.sitegen /tmp/site --articles 2000 --base http://127.0.0.1:8080

`manifest.tsv` lists every article's path, headline and the sha1 of its body paragraphs, so a
benchmark can tell which crawlers stored each article exactly.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.sitechrome import SCRIPT_SIZES, SECTIONS, TOPICS, write_chrome
from bench.sitepages import (
    ArticleParts,
    Story,
    article_page,
    list_page,
    robots_txt,
    rss_feed,
    sitemap,
    sitemap_index,
)
from bench.sitetext import Prose, words

NEWEST = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
PER_LIST_PAGE = 30
PER_SITEMAP = 5_000
# Plain pages linked from every page's top bar and footer.
STATIC_PAGES = words(
    "about contact careers advertise terms privacy cookies accessibility corrections "
    "complaints subscriptions newsletters podcasts puzzles archive help sitemap-page "
    "syndication licensing events shop jobs obituaries weather traffic subscribe"
)


def body_digest(paragraphs: list[str] | tuple[str, ...]) -> str:
    """How the manifest names a body: sha1 of its paragraphs, one per line, spaces collapsed."""
    text = "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return hashlib.sha1(text.encode()).hexdigest()


def _authors(count: int, prose: Prose) -> list[tuple[str, str, bool]]:
    """(name, slug, has a page): a little over half the writers have no page (a 404)."""
    out = []
    for k in range(count):
        name = prose.name()
        slug = f"{name.lower().replace(' ', '-')}-{k}"
        out.append((name, slug, k % 20 < 9))
    return out


def plan_stories(articles: int, seed: int) -> tuple[list[Story], list[tuple[str, str, bool]]]:
    prose = Prose(seed)
    writers = _authors(max(40, int(articles * 0.45)), prose)
    stories = []
    for number in range(articles):
        rng = random.Random(seed * 1_000_003 + number)
        prose.random = rng
        section = rng.choice(SECTIONS)
        when = NEWEST - timedelta(minutes=37 * (articles - 1 - number))
        headline = prose.headline()
        path = f"/{section}/{when:%Y/%m/%d}/{prose.slug(headline)}-{number}.html"
        chosen = rng.sample(writers, 2 if rng.random() < 0.3 else 1)
        own = [t for t in TOPICS if t.startswith(f"{section}-")]
        stories.append(
            Story(
                number=number, path=path, headline=headline, teaser=prose.teaser(),
                section=section, published=when.isoformat(),
                authors=tuple((name, slug) for name, slug, _ in chosen),
                topics=tuple(rng.sample(own, 2)),
            )
        )  # fmt: skip
    return stories, writers


def _parts(story: Story, stories: list[Story], seed: int) -> ArticleParts:
    rng = random.Random(seed * 7_919 + story.number)
    prose = Prose(seed + story.number)
    paragraphs = tuple(prose.paragraph() for _ in range(rng.randint(8, 18)))
    newest = stories[-200:]
    return ArticleParts(
        paragraphs=paragraphs,
        caption=f"{prose.sentence()}",
        credit=prose.name(),
        inline=tuple(rng.sample(stories, min(2, len(stories)))),
        related=tuple(rng.sample(stories, min(3, len(stories)))),
        most_read=tuple(rng.sample(newest, min(10, len(newest)))),
        more=tuple(rng.sample(stories, min(24, len(stories)))),
        script=rng.randrange(len(SCRIPT_SIZES)),
    )


def _write(root: Path, path: str, text: str) -> None:
    target = root / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def _lists(root: Path, stories: list[Story], writers: list[tuple[str, str, bool]]) -> None:
    newest_first = stories[::-1]
    _write(root, "/", list_page("Home", "home", newest_first[:40], []))
    for section in SECTIONS:
        mine = [s for s in newest_first if s.section == section]
        total = max(1, -(-len(mine) // PER_LIST_PAGE))
        hrefs = [f"/{section}/"] + [f"/{section}/page/{n}/" for n in range(2, total + 1)]
        links = hrefs[:10] + hrefs[-1:]
        for n, href in enumerate(hrefs):
            chunk = mine[n * PER_LIST_PAGE : (n + 1) * PER_LIST_PAGE]
            _write(root, href, list_page(f"{section.title()} page {n + 1}", section, chunk, links))
    for topic in TOPICS:
        mine = [s for s in newest_first if topic in s.topics][:PER_LIST_PAGE]
        _write(
            root, f"/topic/{topic}/", list_page(topic.replace("-", " ").title(), "home", mine, [])
        )
    by_author: dict[str, list[Story]] = {}
    for story in newest_first:
        for _, slug in story.authors:
            by_author.setdefault(slug, []).append(story)
    for name, slug, has_page in writers:
        if has_page:
            mine = by_author.get(slug, [])[:PER_LIST_PAGE]
            _write(root, f"/author/{slug}/", list_page(name, "home", mine, []))
    for name in STATIC_PAGES:
        _write(root, f"/{name}/", list_page(name.replace("-", " ").title(), "home", [], []))


def _maps(root: Path, stories: list[Story], base: str) -> None:
    newest_first = stories[::-1]
    _write(root, "/robots.txt", robots_txt(base))
    _write(root, "/feed.xml", rss_feed(newest_first[:50], base))
    maps = []
    for n in range(0, len(newest_first), PER_SITEMAP):
        chunk = newest_first[n : n + PER_SITEMAP]
        name = f"/sitemaps/articles-{n // PER_SITEMAP:04d}.xml"
        _write(root, name, sitemap([(f"{base}{s.path}", s.published) for s in chunk]))
        maps.append(f"{base}{name}")
    fronts = ["/", *(f"/{s}/" for s in SECTIONS), *(f"/topic/{t}/" for t in TOPICS)]
    newest = newest_first[0].published if newest_first else NEWEST.isoformat()
    _write(root, "/sitemaps/sections.xml", sitemap([(f"{base}{p}", newest) for p in fronts]))
    _write(root, "/sitemap_index.xml", sitemap_index([f"{base}/sitemaps/sections.xml", *maps]))


def generate(root: Path, articles: int, base: str, seed: int = 12) -> int:
    """Write the site for base (scheme://host:port, no slash) under root; return its bytes
    of article pages once assembled (the shared includes counted in)."""
    write_chrome(root)
    stories, writers = plan_stories(articles, seed)
    chrome = {p.name: p.stat().st_size for p in (root / "_inc").iterdir()}
    assembled = 0
    with (root / "manifest.tsv").open("w") as manifest:
        for story in stories:
            parts = _parts(story, stories, seed)
            page = article_page(story, parts, base)
            _write(root, story.path, page)
            assembled += len(page.encode()) + chrome["assets.html"] + chrome["sidebar.html"]
            assembled += chrome[f"header-{story.section}.html"] + chrome["footer.html"]
            assembled += chrome[f"scripts-{parts.script}.html"]
            manifest.write(f"{story.path}\t{story.headline}\t{body_digest(parts.paragraphs)}\n")
    _lists(root, stories, writers)
    _maps(root, stories, base)
    return assembled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    args = parser.parse_args()
    size = generate(args.root, args.articles, args.base)
    print(f"{args.articles} articles, {size / args.articles / 1024:.0f} KB each on average")


if __name__ == "__main__":
    main()
