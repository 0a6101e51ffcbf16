"""Plain text from HTML for the peers that return HTML: block elements on their own lines."""

from __future__ import annotations

import lxml.html
from lxml import etree

# Elements whose boundaries separate words; inline ones (<a>, <b>, <span>) join their text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


def parse(html: str) -> etree._Element | None:
    """Parse a document or fragment into its <html> root; None if it holds no markup at all."""
    # Bytes, because lxml refuses a str that starts with an XML encoding declaration.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError:
        # "Document is empty": e.g. readability finding no article on a gallery page.
        return None


def block_text(html: str) -> str:
    """The visible text, one line per block element, whitespace collapsed within lines."""
    root = parse(html)
    if root is None:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is not None and tag not in _SKIP_TAGS:
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            _walk(child, parts)
        if block:
            parts.append("\n")
    # A comment's or skipped element's tail is still page text.
    parts.append(element.tail or "")


def all_paragraph_text(html: str) -> str:
    """Every <p>'s visible text, one per line: the naive baseline.

    Script and style text is not visible, and a <br> splits words: keeping either would glue
    or add tokens (inline ad scripts in <p> on news sites, poems and addresses set with <br>).
    """
    root = parse(html)
    if root is None:
        return ""
    etree.strip_elements(root, "script", "style", with_tail=False)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(p.text_content() for p in root.iter("p"))
