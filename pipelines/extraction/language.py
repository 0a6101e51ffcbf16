"""The article's language: declared in markup, checked against the script of its text."""

from __future__ import annotations

import re
from collections import Counter

from pipelines.extraction.jsonld import text_of
from pipelines.extraction.page import Page

# Scripts that name one language (or nearly): the text overrules a markup that says otherwise.
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("my", re.compile(r"[\u1000-\u109f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("am", re.compile(r"[\u1200-\u137f]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)
# Languages sharing a script with the one detected: a declaration among them is believed.
_SAME_SCRIPT = {
    "ar": {"ar", "fa", "ur", "ps", "ku", "sd", "ug"},
    "ru": {"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"},
    "zh": {"zh", "ja", "yue"},
    "hi": {"hi", "mr", "ne", "sa"},
    "he": {"he", "yi"},
}
_STOPWORDS = {
    "en": "the and of to in is that for was with on said as by",
    "de": "der die und das ist nicht mit sich auf für von den dem ein eine",
    "fr": "le la les et des est une dans pour qui sur pas par au",
    "es": "el la los las de y que en un una por para con del se",
    "it": "il la che di e un una per non con del della sono alla",
    "pt": "o a os as de e que em um uma para com do da não",
    "nl": "de het een en van is dat niet op te zijn met voor",
    "zu": "ukuthi futhi kanye uma kodwa ngoba abantu kusho wathi ngokusho kule lo",
    "sw": "na ya wa kwa ni katika za la kuwa hiyo",
    "id": "yang dan di ini itu dengan untuk dari tidak dalam akan",
    "tr": "ve bir bu için ile da de olarak çok daha",
    "pl": "i w na nie się że do jest z to jak po",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}


def declared_language(page: Page, article: dict | None) -> str | None:
    html = page.tree if page.tree.tag == "html" else page.tree.find(".//html")
    candidates = [
        html.get("lang") if html is not None else None,
        html.get("xml:lang") if html is not None else None,
        text_of(article.get("inLanguage")) if article else None,
        page.meta_first("content-language", "og:locale", "language", "dc.language"),
    ]
    for value in candidates:
        if value and re.match(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$", value.strip()):
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


def detect_language(text: str) -> str | None:
    """A language guessed from the text: its script, then common words for Latin scripts."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    for lang, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / letters > 0.2:
            return lang
    tokens = Counter(w.lower() for w in re.findall(r"\w+", sample))
    scores = {lang: sum(tokens[w] for w in stops) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=lambda k: scores[k])
    total = sum(tokens.values()) or 1
    return best if scores[best] / total > 0.08 else None


def find_language(page: Page, article: dict | None, text: str) -> str | None:
    """The declared language unless the text's script or words clearly say another."""
    declared = declared_language(page, article)
    detected = detect_language(text) if text else None
    if detected is None:
        return declared
    if declared is None or declared == detected:
        return detected
    if declared in _SAME_SCRIPT.get(detected, set()):
        return declared
    script_languages = {lang for lang, _ in _SCRIPTS}
    if detected in script_languages:
        return detected
    # A Latin-script guess overrules only a declaration it can weigh, or a non-Latin one.
    if len(text) > 400 and (declared in _STOPSETS or declared in script_languages):
        return detected
    return declared
