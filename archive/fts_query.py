"""Reader's search text to a safe FTS5 query: words, "phrases", OR, -word; which index to ask."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An FTS5 query that is valid and matches nothing: what an empty search becomes.
MATCH_NOTHING = '""'

# Scripts written without spaces between words: the unicode61 index holds whole runs of them,
# so their words are found through the trigram index. Hiragana, Katakana, CJK ideographs
# (and their extensions and compatibility forms), Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f]"
)
# Control characters (NUL included) mean nothing in a query and upset SQLite and FTS5.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# A term: an optional minus, then a "quoted phrase" (closed or not) or a run of non-spaces.
_TERM = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')
TRIGRAM_MIN = 3  # the trigram index cannot match fewer characters


@dataclass(frozen=True)
class Term:
    text: str
    negated: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class FtsQuery:
    """The MATCH expression and the FTS table it is for."""

    match: str
    table: str  # articles_fts or articles_trigram
    index: str  # "words" or "substrings"
    # Words of unspaced scripts too short for trigrams (a two-kanji word): matched as text,
    # with the -words the index cannot leave out.
    short: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    # Each word or phrase that must (or may) match, as its own FTS5 query.
    positive: tuple[str, ...] = ()


def _phrase(term: Term) -> str:
    quoted = '"' + term.text.replace('"', '""') + '"'
    return quoted + " *" if term.prefix else quoted


def terms(text: str | None) -> list[Term | str]:
    """The reader's text as terms and OR operators ("OR" in capitals, as on search engines)."""
    text = _CONTROL.sub(" ", text or "")
    out: list[Term | str] = []
    for match in _TERM.finditer(text):
        minus, phrase, word = match.groups()
        if word == "OR" and not minus:
            out.append("OR")
            continue
        raw = phrase if phrase is not None else word.strip('"')
        prefix = phrase is None and raw.endswith("*") and len(raw.rstrip("*")) > 0
        raw = " ".join(raw.rstrip("*").split()) if prefix else " ".join(raw.split())
        if raw:
            out.append(Term(raw, negated=bool(minus), prefix=prefix))
    return out


def _expression(items: list[Term | str]) -> str:
    groups: list[list[Term]] = []
    joined = False
    negatives = []
    for item in items:
        if item == "OR":
            joined = bool(groups)
        elif isinstance(item, Term) and item.negated:
            negatives.append(item)
        elif isinstance(item, Term):
            if joined:
                groups[-1].append(item)
            else:
                groups.append([item])
            joined = False
    if not groups:
        return MATCH_NOTHING  # FTS5 cannot answer "everything except x"
    parts = [
        "(" + " OR ".join(map(_phrase, g)) + ")" if len(g) > 1 else _phrase(g[0]) for g in groups
    ]
    return " AND ".join(parts) + "".join(f" NOT {_phrase(n)}" for n in negatives)


def _positive(items: list[Term | str]) -> tuple[str, ...]:
    return tuple(_phrase(t) for t in items if isinstance(t, Term) and not t.negated)


def quote_fts(text: str | None) -> str:
    """User text as a safe FTS5 query: words ANDed, "phrases", OR, -word; nothing else is syntax."""
    return _expression(terms(text))


def unspaced(text: str) -> bool:
    """Whether text holds words of a script written without spaces (Japanese, Thai...)."""
    return bool(_UNSPACED.search(text or ""))


def parse_query(text: str | None, substrings: bool = False) -> FtsQuery:
    """The query for the index that can answer it: trigram for unspaced scripts or substrings."""
    items = terms(text)
    if substrings or any(isinstance(t, Term) and unspaced(t.text) for t in items):
        # Prefix stars mean nothing to substrings; terms too short for trigrams are kept apart.
        def short(t: Term | str) -> bool:
            return isinstance(t, Term) and len(t.text) < TRIGRAM_MIN

        long = [
            Term(t.text, t.negated) if isinstance(t, Term) else t for t in items if not short(t)
        ]
        few = tuple(
            t.text
            for t in items
            if isinstance(t, Term) and short(t) and not t.negated and unspaced(t.text)
        )
        match = _expression(long)
        without = tuple(
            t.text
            for t in items
            if isinstance(t, Term) and t.negated and (short(t) or match == MATCH_NOTHING)
        )
        return FtsQuery(match, "articles_trigram", "substrings", few, without, _positive(long))
    return FtsQuery(_expression(items), "articles_fts", "words", positive=_positive(items))
