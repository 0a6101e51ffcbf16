"""The small text helpers every extraction step leans on (pipelines/extraction/text.py)."""

from __future__ import annotations

import re
import sys

from pipelines.extraction.text import folded_words, normalize, same_text

EVERY_SPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c)))


def test_normalize_collapses_every_kind_of_space_and_drops_invisible_characters() -> None:
    assert len(EVERY_SPACE) > 20  # tabs, no-break, ideographic, line and paragraph separators
    assert normalize(f"{EVERY_SPACE}Hafen{EVERY_SPACE}Ärger\u00a0 im\u3000Hafen ") == (
        "Hafen Ärger im Hafen"
    )
    assert normalize("in\u00advisible\u200b hy\u2060phen\ufeff") == "invisible hyphen"
    assert normalize("  plain\t\tASCII \r\n text\x0b") == "plain ASCII text"
    assert normalize(None) == normalize("") == normalize(" \u200b ") == ""


def test_folded_words_lower_cases_each_word_as_the_word_itself_would() -> None:
    assert folded_words("The Harbour, the HARBOUR!") == ("the", "harbour", "the", "harbour")
    # "İ" lower-cases to two characters, the second no letter: a word apart from ASCII.
    assert folded_words("İstanbul ÄRGER") == ("i̇stanbul", "ärger")
    assert same_text("Storm hits — the coast", "storm hits the COAST.")
    assert not same_text("Storm hits the coast", "Storm hits the coastline")
