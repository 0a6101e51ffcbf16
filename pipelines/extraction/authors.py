"""Authors as a clean list of names: no "By", no "and", no job titles, emails or agencies."""

from __future__ import annotations

import re

from pipelines.extraction.text import name_key, normalize
from pipelines.extraction.thresholds import NAME_CHARS, NAME_WORDS, SITE_KEY_CHARS

# "By", and the words put before it: "Analysis by", "Words and pictures by".
_BY = re.compile(
    r"^(?:(?:\w+\s+){0,3}?(?:by|von|par|por|di|door|av|af|przez|от)|作者)(?:[\s:]+|$)", re.I
)
# Separators between names. The one-letter and short conjunctions of other languages
# ("e", "y", "et", "en", "och") count only in lower case between spaces: "Sarah E. Needleman"
# and "Bruce Y. Lee" are one name each.
_SPLIT = re.compile(
    r"\s*(?:,|;|\||&|、|，|·|(?i:\band\b|\bund\b)|(?<=\w{2})\.\s+(?=[A-Z]))\s*"
    r"|\s+(?:e|y|et|en|och|und|og|ja|és|ve|i|a|oraz|dan|và|и)\s+"
)
# A dateline run into the byline: "Jeff Foust Monday, November 18, 2019".
_DATE_TAIL = re.compile(
    r"\s*\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b).*$",
    re.I,
)
# Degrees and suffixes written after a name: "Ilana Muhlstein, MS, RDN".
_CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d|m\.?d|m\.?s|m\.?a|b\.?a|b\.?s|r\.?d\.?n?|r\.?n|mba|mph|msc|bsc|"
    r"j\.?d|cpt|cscs|lmft|dds|esq|jr|sr|ii|iii)\.?$",
    re.I,
)
_HONORIFIC = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+(?=[A-Z])")
_AGENCY_TAIL = re.compile(
    r"\s*(?:the )?(?:associated press|reuters|agence france-presse|afp|bloomberg)$", re.I
)
_JOB = re.compile(
    r"\b(?:staff|reporter|correspondent|editor|writer|journalist|contributor|columnist|"
    r"bureau|chief|senior|desk|team|newsroom|news|online|digital|updated|published|"
    r"photographer|analyst|producer|intern|special to)\b",
    re.I,
)
# An address starts a token and holds one "@": "\S+@\S+" backtracked cubically on "a@a@a@...".
_CONTACT = re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+|https?://\S+|@\w+")
_AGENCIES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "associated",
        "press",
        "dpa",
        "bloomberg",
        "xinhua",
        "efe",
        "ani",
        "pti",
        "associated press",
        "the associated press",
        "agence france-presse",
        "press trust of india",
        "united press international",
        "upi",
    ]
)


def clean_authors(raw: list[str], publishers: tuple[str, ...] = ()) -> list[str]:
    """Split and clean byline strings into person names, keeping their first order.

    publishers: the site's own names (site name, host): dropped when credited beside people
    ("Sandee LaMotte, CNN")."""
    people, credit = credited_names(raw, publishers)
    return people or credit


def credited_names(raw: list[str], publishers: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(people, credit) from byline strings: the people named, and, for a byline naming no
    person, its credit (an outlet, an agency, the site: "European Space Agency")."""
    names: list[str] = []
    for value in raw:
        # normalize() again: the later patterns are quadratic in a run of spaces
        value = normalize(_CONTACT.sub(" ", normalize(value)))
        value = _DATE_TAIL.sub("", _BY.sub("", value))
        value = _HONORIFIC.sub("", value)
        for part in _SPLIT.split(value):
            name = _TRAILING_TITLE.sub("", _BY.sub("", part)).strip(" .:-–—()")
            if name != (bare := _AGENCY_TAIL.sub("", name)) and bare:
                name = bare  # "ERIC TUCKER Associated Press": the agency is credited apart
            if _is_name(name) and name not in names:
                names.append(name)
    people = [n for n in names if n.lower() not in _AGENCIES and not _is_publisher(n, publishers)]
    persons = [n for n in people if not _is_outlet(n)]
    return (persons, []) if persons else ([], people or names)


_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_ORGANISATION = re.compile(
    r"\b(?:media|international|network|insider|magazine|tribune|herald|gazette|agency|"
    r"television|radio|redaktion|rédaction|redacción|redazione|redactie|redakcja)\b"
    r"|\.(?:com|org|net|co)\b|\w\.(?-i:[a-z]{2,4})\b",
    re.I,
)


_EAST_ASIAN_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5}$")


def _is_outlet(name: str) -> bool:
    """A credit that names an outlet rather than a person: one word ("Futurism", "CNN"), an
    acronym and a word ("CNN Business"), or an organisation's name ("NJ Advance Media",
    "Cleveland.com", "Redaktion example.de"). Dropped when a person is credited beside
    it. Chinese, Japanese and Korean names are one word ("구현모", "新間")."""
    parts = name.split()
    return (
        (len(parts) == 1 and not _EAST_ASIAN_NAME.match(name))
        or bool(_ORGANISATION.search(name))
        or (len(parts) == 2 and bool(_ACRONYM.match(parts[0])) and not parts[1].isupper())
    )


def _is_publisher(name: str, publishers: tuple[str, ...]) -> bool:
    """The site credited as an author: "Sputnik International" on sputniknews.com."""
    key, first = name_key(name), name_key(name.split()[0]) if name.split() else ""
    return any(
        len(p) >= SITE_KEY_CHARS
        and (key.startswith(p) or (len(first) >= SITE_KEY_CHARS and p.startswith(first)))
        for p in map(name_key, publishers)
    )


# Job titles written after a name: "김도윤 기자", "山田太郎記者", "Jane Doe Staff Writer".
_TRAILING_TITLE = re.compile(
    r"\s*(?:기자|선임기자|특파원|논설위원|記者|特派員|編集委員|编辑|记者|通讯员|"
    r"staff writer|staff reporter|reporter|correspondent|redakteur(?:in)?|korrespondent(?:in)?)$",
    re.I,
)


def _is_name(text: str) -> bool:
    if not text or "@" in text or "://" in text or text.startswith("www.") or ":" in text:
        return False  # an address, or a label ("Quelle: dpa")
    if _CREDENTIAL.match(text) or _BY.fullmatch(text) or "admin" in text.lower():
        return False
    if _JOB.search(text) or any(ch.isdigit() for ch in text):
        return False
    return 1 <= len(text.split()) <= NAME_WORDS and len(text) <= NAME_CHARS
