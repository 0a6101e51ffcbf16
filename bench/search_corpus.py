"""A synthetic archive of N articles with our schema, for the search benchmark.

Words follow Zipf's law over a vocabulary whose top ranks are real news words, so a common
word ("election") is in most articles as in a national archive; 1% of the articles are
Japanese and 1% Thai (no spaces between words). Deterministic for a given seed.
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.store import open_archive

# Top of the vocabulary, most frequent first; "election" sits at a rank where it appears in
# about 70% of 600-word articles.
NEWS_WORDS = [
    "said",
    "year",
    "people",
    "government",
    "new",
    "first",
    "time",
    "two",
    "last",
    "police",
    "city",
    "minister",
    "state",
    "week",
    "country",
    "million",
    "told",
    "president",
    "public",
    "officials",
    "national",
    "local",
    "court",
    "health",
    "school",
    "three",
    "report",
    "percent",
    "council",
    "months",
    "company",
    "workers",
    "plan",
    "group",
    "water",
    "world",
    "program",
    "election",
    "former",
    "community",
    "since",
    "authority",
]
# Planted in the text at fixed rates so every query class has matches.
PHRASE = ("harbour", "authority")
RARE_WORD = "quillfeather"  # in 1 article of 2,000
JAPANESE = [
    "選挙管理委員会",
    "北浜酒造",
    "市議会",
    "記者会見",
    "港湾局",
    "住民",
    "予算案",
    "気象庁",
    "台風",
    "新幹線",
]
THAI = ["การเลือกตั้ง", "รัฐบาล", "ท่าเรือ", "ชาวประมง", "งบประมาณ", "ผู้ว่าราชการ", "น้ำท่วม", "โรงเรียน"]
SITES = [f"news{i:02d}.example" for i in range(20)]
SECTIONS = [
    "politics",
    "business",
    "world",
    "sport",
    "culture",
    "science",
    "health",
    "local",
    "opinion",
    "weather",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "nu",
    "pe",
    "ra",
    "si",
    "to",
    "ve",
    "za",
    "bre",
    "cho",
    "dri",
    "fla",
    "gro",
    "kle",
    "mar",
    "nor",
    "pil",
    "stu",
]


@dataclass(frozen=True)
class CorpusSpec:
    articles: int = 1_000_000
    words: int = 600  # body length: a typical news story
    seed: int = 11


def _vocabulary(size: int = 40_000) -> tuple[list[str], list[float]]:
    made = ("".join(p) for n in (2, 3, 4) for p in itertools.product(SYLLABLES, repeat=n))
    vocab = list(dict.fromkeys([*NEWS_WORDS, *made]))[:size]
    weights = itertools.accumulate(1 / rank for rank in range(1, len(vocab) + 1))
    return vocab, list(weights)


def _english(rng: random.Random, vocab, cum, spec: CorpusSpec) -> tuple[str, str]:
    words = rng.choices(vocab, cum_weights=cum, k=spec.words)
    if rng.random() < 0.01:
        at = rng.randrange(spec.words - 1)
        words[at : at + 2] = PHRASE
    if rng.random() < 0.0005:
        words[rng.randrange(spec.words)] = RARE_WORD
    paragraphs = [" ".join(words[i : i + 60]) + "." for i in range(0, spec.words, 60)]
    headline = " ".join(rng.choices(vocab, cum_weights=cum, k=8)).capitalize()
    return headline, "\n\n".join(paragraphs)


def _unspaced(rng: random.Random, words: list[str], spec: CorpusSpec) -> tuple[str, str]:
    # A run of characters roughly as long as an English story's words.
    body = "".join(rng.choices(words, k=spec.words // 2))
    paragraphs = [body[i : i + 400] for i in range(0, len(body), 400)]
    return "".join(rng.choices(words, k=4)), "\n\n".join(paragraphs)


def articles(spec: CorpusSpec) -> Iterator[dict]:
    rng = random.Random(spec.seed)
    vocab, cum = _vocabulary()
    start = time.mktime((2015, 1, 1, 0, 0, 0, 0, 0, 0))
    step = (11 * 365 * 86400) / spec.articles
    for i in range(spec.articles):
        roll = rng.random()
        language = "ja" if roll < 0.01 else "th" if roll < 0.02 else "en"
        if language == "en":
            headline, body = _english(rng, vocab, cum, spec)
        else:
            headline, body = _unspaced(rng, JAPANESE if language == "ja" else THAI, spec)
        published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(start + i * step))
        yield {
            "url": f"https://{SITES[i % 20]}/story/{i}", "site": SITES[i % 20],
            "headline": headline, "body": body,
            "captions_text": f"{headline.split()[0]} at the scene (Photo Desk {i % 50})",
            "authors": json.dumps([f"Reporter {i % 500}"]), "published": published,
            "section": SECTIONS[i % 10], "tags": "[]", "language": language,
            "word_count": spec.words, "first_seen": published, "last_seen": published,
            "content_hash": f"{i:064x}", "version": 1, "extractor_version": "bench",
        }  # fmt: skip


def build(path: Path, spec: CorpusSpec, batch: int = 5000, report=print) -> None:
    """Write spec's articles (and their first version) into a new archive at path."""
    open_archive(path).close()  # the schema, triggers and FTS indexes: our migrations
    conn = sqlite3.connect(path)
    conn.execute("pragma synchronous = off")
    columns = list(next(articles(CorpusSpec(1, spec.words, spec.seed))))
    insert = f"insert into articles ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
    started = time.monotonic()
    rows = articles(spec)
    for done in range(0, spec.articles, batch):
        chunk = [[row[c] for c in columns] for row in itertools.islice(rows, batch)]
        with conn:
            before = conn.execute("select coalesce(max(id), 0) from articles").fetchone()[0]
            conn.executemany(insert, chunk)
            conn.execute(
                "insert into article_versions (article_id, version, content_hash, headline,"
                " body, captions_text, seen_at) select id, 1, content_hash, headline, body,"
                " captions_text, first_seen from articles where id > ?",
                [before],
            )
        if (done // batch) % 20 == 0:
            report(f"{done + len(chunk):,} articles, {time.monotonic() - started:.0f} s")
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
