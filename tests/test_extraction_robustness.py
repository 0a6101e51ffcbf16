"""Any input gives a result or a specific error: empty, binary, huge, deeply nested, broken."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipelines.extraction import extract
from pipelines.extraction.errors import EmptyDocument, NotHTML
from pipelines.extraction.page import decode_html

SEED = (Path(__file__).parent / "fixtures" / "pages" / "seed_phnompenh_post.html").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize("html", ["", "   \n\t ", b"", b"\n\n"])
def test_empty_input(html) -> None:
    with pytest.raises(EmptyDocument):
        extract(html)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
     b"\x1f\x8b\x08\x00" + bytes(500), bytes(range(256)) * 20],
)  # fmt: skip
def test_binary_input(data: bytes) -> None:
    with pytest.raises(NotHTML):
        extract(data)


def test_plain_text_is_not_an_article() -> None:
    record = extract("just a line of text, no markup at all")
    assert not record.is_article


def test_deep_nesting_is_bounded() -> None:
    html = "<html><body>" + "<div>" * 10_000 + "<p>deep text</p>" + "</div>" * 10_000 + SEED
    started = time.monotonic()
    record = extract(html)
    assert time.monotonic() - started < 20
    assert record is not None


def test_huge_page_is_bounded() -> None:
    filler = "<div class='row'><p>" + "filler words " * 40 + "</p></div>\n"
    html = SEED.replace("</body>", filler * 40_000 + "</body>")
    assert len(html) > 20_000_000
    started = time.monotonic()
    record = extract(html)
    assert time.monotonic() - started < 60
    assert record.headline == "Anti-trafficking drive goes on"


def test_broken_encoding_is_decoded_with_replacements() -> None:
    raw = SEED.encode("utf-8").replace("Cambodia’s".encode(), b"Cambodia\xff\xfes")
    text = decode_html(raw, "text/html; charset=utf-8")
    record = extract(text)
    assert record.headline == "Anti-trafficking drive goes on"
    assert len(record.body) == 10


def test_wrong_declared_charset_falls_back_to_the_page() -> None:
    latin = SEED.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("’", "'")
    raw = latin.encode("iso-8859-1", errors="replace")
    record = extract(decode_html(raw, "text/html"))
    assert record.headline == "Anti-trafficking drive goes on"


def test_unclosed_everything() -> None:
    broken = SEED.replace("</p>", "").replace("</div>", "").replace("</figure>", "")
    record = extract(broken)
    assert record.headline == "Anti-trafficking drive goes on"


def test_min_words_is_the_callers_floor() -> None:
    # A 40-word brief with article markup: an article when the crawl's floor is 30 words
    # (ARCHIVE_MIN_WORDS), not under the default 50; the extractor has no floor of its own.
    words = " ".join(f"word{i}" for i in range(40))
    html = (
        '<html><head><meta property="og:type" content="article"></head>'
        f"<body><article><h1>Brief</h1><p>{words}.</p></article></body></html>"
    )
    assert not extract(html, url="http://example.com/brief").is_article
    assert extract(html, url="http://example.com/brief", min_words=30).is_article
