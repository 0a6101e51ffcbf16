"""Snippets cut from an article's text around the words a substring search found."""

from __future__ import annotations

import re

WIDTH = 60  # characters each side of the first match


def text_snippet(text: str, words: tuple[str, ...], marks: tuple[str, str]) -> str:
    """Text around the first of words (any case), every one of them marked, whitespace folded."""
    text = " ".join(text.split())
    words = tuple(w for w in words if w)
    if not words:
        return text[: 2 * WIDTH]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    first = pattern.search(text)
    at = first.start() if first else 0
    start, end = max(0, at - WIDTH), at + WIDTH
    window = pattern.sub(lambda m: f"{marks[0]}{m.group(0)}{marks[1]}", text[start:end])
    return ("…" if start else "") + window + ("…" if end < len(text) else "")
