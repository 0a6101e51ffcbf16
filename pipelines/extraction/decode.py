"""Raw bytes to HTML text: is a response HTML at all, and which characters do its bytes spell."""

from __future__ import annotations

import re

from w3lib.encoding import html_to_unicode

from pipelines.extraction.errors import EmptyDocument, NotHTML
from pipelines.extraction.thresholds import (
    BINARY_CONTROL_SHARE,
    BINARY_SNIFF,
    CHARSET_GUESS_BYTES,
    HTML_SNIFF_BYTES,
)

# Bytes that text holds: printable ones, tab, line feed, form feed, carriage return.
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\x0c\r"
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div)[\s>/]", re.I)


def is_html(content_type: str | None, body: bytes) -> bool:
    """Whether a response is an HTML page: its declared type says so, or, with no type
    declared, its first bytes are HTML markup. The one answer the crawl, re-extraction and
    importers share."""
    if content_type and content_type.strip():
        return "html" in content_type.lower()
    return _HTML_START.search(body[:HTML_SNIFF_BYTES]) is not None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode raw bytes to text using the HTTP header, BOM, meta charset, then a guess."""
    if not body.strip():
        raise EmptyDocument("the document is empty")
    if _looks_binary(body):
        raise NotHTML("the document is binary data, not HTML")
    _encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_guess_encoding)
    return text


def _guess_encoding(body: bytes) -> str | None:
    """The charset of a page whose header, BOM and <meta> name none (w3lib asks only then):
    UTF-8 when the bytes are valid UTF-8, as most such pages are, else what bs4's
    UnicodeDammit detects with charset-normalizer: an old CMS's Shift_JIS or windows-1252."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    # Imported here, for the few pages that need it: the crawl's own process loads this
    # module (is_html) but never decodes a page, and bs4 (with html5lib) is 4 MB of it.
    from bs4.dammit import UnicodeDammit

    sample = body[:CHARSET_GUESS_BYTES]
    # End the sample on markup, not inside a multi-byte character the detector would reject.
    end = max(sample.rfind(b">"), sample.rfind(b"\n")) + 1
    return UnicodeDammit(sample[: end or None], is_html=True).original_encoding


def _looks_binary(body: bytes) -> bool:
    head = body[:BINARY_SNIFF]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text is full of NUL bytes
    controls = len(head.translate(None, _TEXT_BYTES))  # the control bytes left
    return controls > len(head) * BINARY_CONTROL_SHARE
