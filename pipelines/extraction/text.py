"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
WORD = re.compile(r"\w+")


def normalize(text: str | None) -> str:
    """Collapse whitespace (including no-break spaces), drop invisible characters."""
    if not text:
        return ""
    if not text.isascii():  # every invisible character is outside ASCII
        text = _INVISIBLE.sub("", text)
    # str.split() splits at every Unicode space (no-break, ideographic, line separators)
    # and is five times faster on a paragraph than a regex of them.
    return " ".join(text.split())


# Inline formatting: its text runs on into its neighbours' ("<b>W</b>ord" is one word).
_RUN_ON = frozenset(
    ["a", "abbr", "b", "bdi", "code", "em", "font", "i", "mark", "q", "s", "strong", "sub",
     "sup", "u", "var", "wbr"]
)  # fmt: skip


def spaced_text(el: lxml.html.HtmlElement) -> str:
    """An element's text with a space wherever one element ends and another begins, except
    around inline formatting: "<span>win.</span><span>He didn't</span>" reads "win. He
    didn't", as a browser shows it, where text_content() gives "win.He didn't"."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        gap = "" if tag in _RUN_ON or node is el else " "
        if event == "start":
            parts.append(gap + (node.text or "") if tag else "")
        else:
            parts.append(gap if tag else "")
            if node is not el:
                parts.append(node.tail or "")
    return normalize("".join(parts))


def words(text: str) -> list[str]:
    return WORD.findall(text)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"\W+")


def split_camel(text: str) -> str:
    """camelCase words apart, as sites name their blocks: "EmailSignup" -> "Email-Signup"."""
    return _CAMEL.sub("-", text)


def name_key(text: str) -> str:
    """A name reduced to its letters and digits, for comparing "CBSSports.com" with
    "cbssports" or "The Paradigm" with "theparadigm"."""
    return _NOT_WORD.sub("", text.lower())


@lru_cache(maxsize=128)
def folded_words(text: str) -> tuple[str, ...]:
    """A text's words, each lower-cased. Remembered for the last few texts: a page's headline
    is compared with every block of its body, and each block is looked at more than once."""
    if text.isascii():  # ASCII letters lower-case alike in a word or in the whole text
        return tuple(WORD.findall(text.lower()))
    return tuple(w.lower() for w in WORD.findall(text))


def same_text(a: str | None, b: str | None) -> bool:
    """True when two strings hold the same words, ignoring case and punctuation."""
    if not a or not b:
        return False
    return folded_words(a) == folded_words(b)


# Scripts written without spaces: each character counts as a word when sizing a text.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]"
)


def count_words(text: str, unspaced_weight: float = 1.0) -> float:
    """Words in a text, counting characters of unspaced scripts (Chinese, Japanese, Thai,
    Khmer, Lao, Burmese) one by one, each weighing unspaced_weight words."""
    spaced, unspaced = _tally(text)
    if not unspaced:
        return spaced
    return spaced + unspaced * unspaced_weight


@lru_cache(maxsize=64)
def _tally(text: str) -> tuple[int, int]:
    """(words of spaced scripts, characters of unspaced ones). Remembered for the last few
    texts: a page's whole body is counted four times, with two weights, while it is read."""
    if text.isascii():
        return len(WORD.findall(text)), 0
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(WORD.findall(text)), 0
    return len(WORD.findall(_UNSPACED.sub(" ", text))), unspaced
