"""Bytes to text: the declared charset wins; a page that declares none is UTF-8 when its bytes
are, else detected (bs4's UnicodeDammit with charset-normalizer)."""

from __future__ import annotations

import pytest

from pipelines.extraction import extract
from pipelines.extraction.decode import decode_html
from tests.archive_helpers import undeclared


@pytest.mark.parametrize(
    ("name", "encoding", "sample"),
    [
        ("lang_german", "windows-1252", "„"),
        ("lang_german", "iso-8859-1", "ß"),
        ("lang_japanese", "shift_jis", "。"),
        ("lang_japanese", "euc_jp", "。"),
        ("lang_german", "utf-8", "ß"),
    ],
)
def test_a_page_that_names_no_charset_is_read_right(name: str, encoding: str, sample: str) -> None:
    text, raw = undeclared(name, encoding)
    assert sample in text
    decoded = decode_html(raw, "text/html")
    assert "\ufffd" not in decoded
    assert decoded == text


def test_the_declared_charset_wins_over_a_guess() -> None:
    raw = "<html><body><p>Ärger über Öl</p></body></html>".encode("cp1252")
    assert "Ärger" in decode_html(raw, "text/html; charset=cp1252")
    assert "\ufffd" in decode_html(raw, "text/html; charset=utf-8")


def test_an_undeclared_shift_jis_article_extracts_whole() -> None:
    text, raw = undeclared("lang_japanese", "shift_jis")
    article = extract(decode_html(raw, "text/html"))
    words = " ".join(text.split())
    assert article.headline and " ".join(article.headline.split()) in words
    assert len(article.body) >= 3
    assert all(" ".join(p.split()) in words for p in article.body)
