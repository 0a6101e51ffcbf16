"""The article's language: declared in markup, checked against its text (py3langid)."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import LanguageIdentifier

from pipelines.extraction.jsonld import text_of
from pipelines.extraction.language_model import load_identifier
from pipelines.extraction.page import Page
from pipelines.extraction.thresholds import (
    DETECT_MIN_LETTERS,
    LANGUAGE_SAMPLE_CHARS,
    MIN_CONFIDENCE,
    MIN_LETTERS,
    UNDECLARED_CONFIDENCE,
)

# Languages so close that a detector confuses them: a declaration among them is believed.
_CLOSE = [
    {"no", "nb", "nn", "da", "sv"},
    {"ms", "id"},
    {"hr", "sr", "bs", "sh", "me"},
    {"cs", "sk"},
    {"zh", "ja", "yue"},
    {"fa", "ur", "ar", "ps"},
    {"af", "nl"},
    {"ru", "uk", "be", "bg", "mk"},
    {"hi", "mr", "ne"},
    {"gl", "pt", "es", "ca"},
    {"zu", "xh", "nr", "ss"},
]
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")
_NOT_LETTER = re.compile(r"[\W\d_]+")  # left: letters, as str.isalpha counts them


@cache
def _identifier() -> LanguageIdentifier:
    """The py3langid model, loaded once per process, mapped from its cache folder."""
    return load_identifier()


def declared_language(page: Page, article: dict | None) -> str | None:
    """The language the page says it is in: <html lang>, JSON-LD inLanguage, meta tags."""
    html = page.tree if page.tree.tag == "html" else page.tree.find(".//html")
    candidates = [
        html.get("lang") if html is not None else None,
        html.get("xml:lang") if html is not None else None,
        text_of(article.get("inLanguage")) if article else None,
        page.meta_first("content-language", "og:locale", "language", "dc.language"),
    ]
    for value in candidates:
        if value and _CODE.match(value.strip()):
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


def detect_language(sample: str, letters: int) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) guessed from a sample holding `letters` letters;
    (None, 0) for too little text."""
    if letters < DETECT_MIN_LETTERS:
        return None, 0.0
    code, confidence = _identifier().classify(sample)
    return code, float(confidence)


def find_language(page: Page, article: dict | None, text: str) -> str | None:
    """The declared language, unless a long enough text clearly says it is another one."""
    declared = declared_language(page, article)
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = len(_NOT_LETTER.sub("", sample))
    detected, confidence = detect_language(sample, letters)
    if detected is None:
        return declared
    if declared is None or declared == detected:
        return detected if declared or confidence >= UNDECLARED_CONFIDENCE else None
    if any(declared in group and detected in group for group in _CLOSE):
        return declared
    if letters >= MIN_LETTERS and confidence >= MIN_CONFIDENCE:
        return detected  # templates declare "en" around articles in other languages
    return declared
