"""Raw bytes to HTML text: is a response HTML at all, and which characters do its bytes spell."""

from __future__ import annotations

import re

from w3lib.encoding import html_to_unicode

from pipelines.extraction.errors import EmptyDocument, NotHTML

# Where a page that names no content type shows itself as HTML: near its start.
_SNIFF_BYTES = 2048
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div)[\s>/]", re.I)


def is_html(content_type: str | None, body: bytes) -> bool:
    """Whether a response is an HTML page: its declared type says so, or, with no type
    declared, its first bytes are HTML markup. The one answer the crawl, re-extraction and
    importers share."""
    if content_type and content_type.strip():
        return "html" in content_type.lower()
    return _HTML_START.search(body[:_SNIFF_BYTES]) is not None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode raw bytes to text using the HTTP header, BOM, meta charset, then a guess."""
    if not body.strip():
        raise EmptyDocument("the document is empty")
    if _looks_binary(body):
        raise NotHTML("the document is binary data, not HTML")
    _encoding, text = html_to_unicode(content_type, body)
    return text


def _looks_binary(body: bytes) -> bool:
    head = body[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text is full of NUL bytes
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
