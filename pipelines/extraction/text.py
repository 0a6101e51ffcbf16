"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
WORD = re.compile(r"\w+")


def normalize(text: str | None) -> str:
    """Collapse whitespace (including no-break spaces), drop invisible characters."""
    if not text:
        return ""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def same_text(a: str | None, b: str | None) -> bool:
    """True when two strings hold the same words, ignoring case and punctuation."""
    if not a or not b:
        return False
    return [w.lower() for w in words(a)] == [w.lower() for w in words(b)]
