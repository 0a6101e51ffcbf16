"""Fuzz the extractor: thousands of hostile mutations of the fixture pages, each in bounded time.

A seeded mutator (reproducible: case N is always the same page and mutations) inserts control
characters and bad character references, long tokens, deep nesting, deep or ill-typed JSON-LD,
hostile class names and dates, cuts, repeats and re-encodes pages. Every case must give an
Article or an ExtractionError, within PAGE_BUDGET seconds of CPU. FUZZ_PAGES sets the number of
cases (default 2,000, under a minute); FUZZ_SEED the seed.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.extraction import ExtractionError, extract

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.html"))
PAGE_BUDGET = 2.0
CASES = int(os.environ.get("FUZZ_PAGES", "2000"))
SEED = int(os.environ.get("FUZZ_SEED", "20260714"))

# Characters that have broken parsers and regular expressions: controls, noncharacters,
# surrogates, markup and bracket characters, bidi marks, CJK, combining marks.
_HOSTILE = [
    "\x00", "\x01", "\x02", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\ufffe",
    "\uffff", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "\u2028", "<", ">", "&", '"',
    "'", "[", "]", "[/", "@", "\\", "/", "\u3000", "漢", "한", "\u0301", "\U0001f600", "&#1;",
    "&#xFFFE;", "&#0;", "&#55296;", "&#x110000;", "&amp;", "&nbsp", "<!--", "]]>", "<?",
]  # fmt: skip
_UNITS = ["a", "a@", "a.", "@", ".", "-", " ", "\t", "\u3000", "1 ", "x y ", "[x]", "…", "&amp;",
          "<b>a</b>", "http://", "a-", "A", "é", "字", ",", "a@b.c ", "By ", "\n"]  # fmt: skip
_TAGS = ["div", "span", "p", "a", "table", "tr", "td", "li", "ul", "blockquote", "font", "b",
         "figure", "article", "section", "h2", "iframe", "noscript", "svg", "select"]  # fmt: skip
_CLASSES = ["[/x]", "[bold]", "article-body", "ad", "share", "byline", "caption", "{}", "(.*)",
            "a " * 2000, "x" * 5000, "hidden", "paywall", "\u202e", "author\x01"]  # fmt: skip
_LD_VALUES = [None, 5, -1.5, True, "", "x" * 10_000, [], {}, [[["a"]]], {"@value": [1, {}]},
              {"name": {"name": {"name": "A"}}}, "9999-99-99T99:99", "0000-00-00", "1e309",
              "2024-02-30T25:61:61+99:00", "<p>html</p>", "&#1;", ["a@b.c", None, 3]]  # fmt: skip
_LD_KEYS = ["headline", "author", "datePublished", "dateModified", "articleBody", "image",
            "publisher", "description", "inLanguage", "keywords", "url", "mainEntityOfPage",
            "@type", "@graph", "articleSection", "creator", "name"]  # fmt: skip
_DATES = ["", "0", "-1", "99999999999999", "2024-13-45", "2024-02-30T25:61", "nan", "1e309",
          "Mon, 32 Foo 2024", "2024-01-01T00:00:00+99:99", "yesterday", "٢٠٢٤-٠١-٠١"]  # fmt: skip
_URLS = [None, "", "http://[::1", "https://example.com/" + "a/" * 2000, "javascript:alert(1)",
         "http://example.com/a b", "https://例え.jp/記事", "file:///etc/passwd", "//x"]  # fmt: skip


def _at(rng: random.Random, html: str) -> int:
    return rng.randrange(len(html) + 1)


def _insert(rng: random.Random, html: str, text: str) -> str:
    i = _at(rng, html)
    return html[:i] + text + html[i:]


def hostile_chars(rng: random.Random, html: str) -> str:
    for _ in range(rng.randint(1, 40)):
        html = _insert(rng, html, rng.choice(_HOSTILE) * rng.choice([1, 1, 3, 100]))
    return html


def long_token(rng: random.Random, html: str) -> str:
    unit = rng.choice(_UNITS)
    token = unit * (rng.randint(1_000, 100_000) // len(unit))
    # Before a paragraph's end (the story's text), or anywhere.
    ends = [i for i in range(len(html)) if html.startswith("</p>", i)] if rng.random() < 0.7 else []
    i = rng.choice(ends) if ends else _at(rng, html)
    return html[:i] + token + html[i:]


def deep_nesting(rng: random.Random, html: str) -> str:
    tag, depth = rng.choice(_TAGS), rng.randint(100, 5_000)
    inner = f"<{tag}>" * depth + "deep text. " * rng.randint(0, 5)
    closed = f"</{tag}>" * depth if rng.random() < 0.5 else ""
    return _insert(rng, html, inner + closed)


def deep_jsonld(rng: random.Random, html: str) -> str:
    opening, closing = rng.choice([("[", "]"), ('{"a":', "}"), ('{"@graph":[', "]}")])
    depth = rng.randint(50, 3_000)
    script = opening * depth + '"x"' + closing * depth
    tag = f'<script type="application/ld+json">{script}</script>'
    return (
        html.replace("</head>", tag + "</head>", 1)
        if rng.random() < 0.5
        else _insert(rng, html, tag)
    )


def ill_typed_jsonld(rng: random.Random, html: str) -> str:
    item: dict[str, object] = {"@type": rng.choice(["NewsArticle", ["Article", 5], None])}
    for key in rng.sample(_LD_KEYS, rng.randint(1, len(_LD_KEYS))):
        item[key] = rng.choice(_LD_VALUES)
    text = json.dumps(item if rng.random() < 0.7 else [item, {"@graph": [item]}])
    if rng.random() < 0.2:
        text = text[: rng.randrange(len(text) + 1)]  # broken JSON
    return html.replace("</head>", f'<script type="application/ld+json">{text}</script></head>', 1)


def hostile_attributes(rng: random.Random, html: str) -> str:
    for _ in range(rng.randint(1, 20)):
        start = html.find('class="', _at(rng, html))
        if start < 0:
            break
        html = html[: start + 7] + rng.choice(_CLASSES) + " " + html[start + 7 :]
    return html


def hostile_meta(rng: random.Random, html: str) -> str:
    names = ["article:published_time", "og:title", "author", "og:image", "og:url", "og:locale",
             "article:modified_time", "og:site_name", "date", "og:type"]  # fmt: skip
    tags = "".join(
        f'<meta property="{rng.choice(names)}" content="{rng.choice(_DATES + _CLASSES[:6])}">'
        for _ in range(rng.randint(1, 8))
    )
    tags += f'<time datetime="{rng.choice(_DATES)}">{rng.choice(_DATES)}</time>'
    return (
        _insert(rng, html, tags)
        if rng.random() < 0.3
        else html.replace("<head>", "<head>" + tags, 1)
    )


def cut(rng: random.Random, html: str) -> str:
    i, j = sorted((_at(rng, html), _at(rng, html)))
    return html[:i] if rng.random() < 0.5 else html[:i] + html[j:]


def repeat(rng: random.Random, html: str) -> str:
    i = _at(rng, html)
    piece = html[i : i + rng.randint(1, 5_000)]
    return html[:i] + piece * rng.randint(2, 60) + html[i:]


def unclose(rng: random.Random, html: str) -> str:
    for tag in rng.sample(["p", "div", "a", "li", "figure", "span", "table", "script", "head"], 3):
        html = html.replace(f"</{tag}>", "")
    return html


def swap_markup(rng: random.Random, html: str) -> str:
    a, b = rng.sample(["<p", "<div", "<h1", "<li", "<figcaption", "<a", "<script", "<td"], 2)
    return html.replace(a, b)


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    hostile_chars, long_token, deep_nesting, deep_jsonld, ill_typed_jsonld, hostile_attributes,
    hostile_meta, cut, repeat, unclose, swap_markup,
]  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One fuzz case: which page, what was done to it, and the input to extract()."""

    index: int
    page: str
    mutations: tuple[str, ...]
    html: str | bytes
    url: str | None


def make_case(index: int, seed: int = SEED) -> Case:
    """Case `index` of the run: always the same for the same seed."""
    rng = random.Random(seed * 1_000_003 + index)
    path = PAGES[index % len(PAGES)]
    html = path.read_text(encoding="utf-8")
    chosen = [rng.choice(MUTATIONS) for _ in range(rng.choice([1, 1, 2, 3]))]
    for mutation in chosen:
        html = mutation(rng, html)
    data: str | bytes = html
    if rng.random() < 0.2:  # as a crawl hands it over: bytes, in some encoding
        encoding = rng.choice(["utf-8", "utf-16", "latin-1", "cp1252", "shift_jis"])
        # surrogatepass writes lone surrogates as bytes, which only the UTF codecs can do.
        errors = (
            "surrogatepass" if encoding.startswith("utf") else rng.choice(["replace", "ignore"])
        )
        data = html.encode(encoding, errors=errors)
        if rng.random() < 0.3:
            data = bytes(b ^ 0xFF if rng.random() < 0.001 else b for b in data)
    url = rng.choice(_URLS) if rng.random() < 0.15 else f"https://example.com/news/{path.stem}"
    return Case(index, path.name, tuple(m.__name__ for m in chosen), data, url)


def _run(case: Case) -> tuple[float, str | None]:
    """CPU seconds, and what went wrong (None when extract() gave a record or ExtractionError)."""
    started = time.process_time()
    try:
        extract(case.html, url=case.url)
    except ExtractionError:
        pass
    except Exception as exc:  # the finding: anything else is a crash that loses the article
        return time.process_time() - started, f"{type(exc).__name__}: {exc}"[:200]
    return time.process_time() - started, None


# Loads done once per process, not per page: the language model, and dateparser's tables for
# every locale (about 2 s, on the first date it cannot read in any one language).
_WARM_UP = (
    '<html lang="xx"><head><meta property="article:published_time" content="Mon, 32 Foo 2024">'
    "</head><body><p>Enough words to guess a language from, in a sentence or two.</p></body>"
    "</html>"
)


@pytest.mark.timeout(1800)
def test_mutated_pages_give_a_record_or_an_extraction_error_in_time(capsys) -> None:
    assert PAGES, "no fixture pages to mutate"
    extract(_WARM_UP)
    times: list[tuple[float, Case]] = []
    crashes: list[str] = []
    for index in range(CASES):
        case = make_case(index)
        seconds, crash = _run(case)
        times.append((seconds, case))
        if crash:
            crashes.append(f"case {index} ({case.page}, {'+'.join(case.mutations)}): {crash}")
    slowest, slow_case = max(times, key=lambda t: t[0])
    over = [f"case {c.index} ({c.page}, {'+'.join(c.mutations)}): {s:.2f}s" for s, c in times
            if s > PAGE_BUDGET]  # fmt: skip
    with capsys.disabled():
        median = statistics.median(s for s, _ in times)
        print(
            f"\nfuzz: {CASES} mutated pages (seed {SEED}), {len(crashes)} crashes, "
            f"{len(over)} over {PAGE_BUDGET:.0f} s; median {median * 1000:.1f} ms, slowest "
            f"{slowest:.3f} s (case {slow_case.index}: {slow_case.page}, "
            f"{'+'.join(slow_case.mutations)})"
        )
    assert not crashes, "\n".join(crashes[:20])
    assert not over, "\n".join(over[:20])
