"""Byline strings, as news sites print them, cleaned into lists of names.

Each case is a byline seen on a real news site (names changed where they were private people).
"""

from __future__ import annotations

import pytest

from pipelines.extraction.authors import clean_authors, credited_names
from pipelines.extraction.bylines import find_byline
from pipelines.extraction.page import parse_page
from pipelines.extraction.urls import site_label

CASES = [
    # Middle initials are not conjunctions ("e" and "y" mean "and" in Italian and Spanish).
    (["Sarah E. Needleman"], (), ["Sarah E. Needleman"]),
    (["Bruce Y. Lee"], (), ["Bruce Y. Lee"]),
    (["Marco Rossi e Giulia Bianchi"], (), ["Marco Rossi", "Giulia Bianchi"]),
    (["Ana García y Luis Pérez"], (), ["Ana García", "Luis Pérez"]),
    # "By" alone, and words before "by".
    (["By"], (), []),
    (["Analysis by Chris Cillizza, CNN Editor-at-large"], ("CNN",), ["Chris Cillizza"]),
    (["Words and pictures by Jane Holt"], (), ["Jane Holt"]),
    # Wire bylines whose agency line was run into the last name by the markup.
    (
        ["By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER Associated Press"],
        (),
        ["LISA MASCARO", "MARY CLARE JALONICK", "ERIC TUCKER"],
    ),
    (["The Associated Press"], (), ["The Associated Press"]),
    # A dateline run into the byline.
    (["by Jeff Foust Monday, November 18, 2019"], (), ["Jeff Foust"]),
    (["By HNN Staff | November 18, 2019 at 2:26 PM HST"], (), []),
    # Degrees after the name and honorifics before it.
    (["Ilana Muhlstein, MS, RDN"], (), ["Ilana Muhlstein"]),
    (["Dr. Amy Chen, PhD and Prof. Omar Haddad"], (), ["Amy Chen", "Omar Haddad"]),
    # The outlet credited beside the writer: by name, as the site, or as a domain.
    (["Sandee LaMotte, CNN"], ("MSN", "msn"), ["Sandee LaMotte"]),
    (["Jill Disis, CNN Business"], (), ["Jill Disis"]),
    (["Victor Tangermann, Futurism"], ("ScienceAlert",), ["Victor Tangermann"]),
    (["Finian Cunningham. Sputnik International"], ("sputniknews",), ["Finian Cunningham"]),
    (["Troy L. Smith, Cleveland.com"], (), ["Troy L. Smith"]),
    (["Amy Kuperinsky | NJ Advance Media for NJ.com"], (), ["Amy Kuperinsky"]),
    # An organisation alone is still the credit.
    (["European Space Agency"], (), ["European Space Agency"]),
    # Content-management user names are not people.
    (["admin"], (), []),
    # Korean and Japanese job titles after the name.
    (["김도윤 기자"], (), ["김도윤"]),
    # "And" in other languages, in lower case between names.
    (
        ["Trine Juncher Jørgensen og Tôrtia Reimer-Johansen"],
        (),
        ["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"],
    ),
    (["Ayşe Demir ve Mehmet Kaya"], (), ["Ayşe Demir", "Mehmet Kaya"]),
    (["Nguyễn Văn An và Trần Thị Bình"], (), ["Nguyễn Văn An", "Trần Thị Bình"]),
    (["Jan Novák a Petr Svoboda"], (), ["Jan Novák", "Petr Svoboda"]),
    (["王小明，李华"], (), ["王小明", "李华"]),
    # Chinese, Japanese and Korean names are one word, and still people beside an outlet.
    (["新間", "Yomiuri"], (), ["新間"]),
    # A label is no name.
    (["Quelle: sid/dpa"], (), []),
]


@pytest.mark.parametrize(("raw", "publishers", "want"), CASES)
def test_clean_authors(raw: list[str], publishers: tuple[str, ...], want: list[str]) -> None:
    assert clean_authors(raw, publishers) == want


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://edition.cnn.com/2026/01/01/health/x.html", "cnn"),
        ("https://www.bbc.co.uk/news/x", "bbc"),
        ("https://sputniknews.com/columnists/x", "sputniknews"),
        ("http://localhost/x", None),
        (None, None),
    ],
)
def test_site_label(url: str | None, label: str | None) -> None:
    assert site_label(url) == label


@pytest.mark.parametrize(
    ("raw", "people", "credit"),
    [
        (["Jane Doe, CNN"], ["Jane Doe"], []),
        (["CNN"], [], ["CNN"]),
        (["Redaktion hessenschau.de"], [], ["Redaktion hessenschau.de"]),
        (["kicker", "Lena Roth"], ["Lena Roth"], []),
    ],
)
def test_credited_names(raw: list[str], people: list[str], credit: list[str]) -> None:
    """People are told apart from a credit that names no person: the byline sources are
    searched on for people while only a credit is found."""
    assert credited_names(raw) == (people, credit)


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("<li>Von <a>Bill MCCARTHY</a>, <a>Marisha GOLDHAMER</a></li>",
         ["Bill MCCARTHY", "Marisha GOLDHAMER"]),
        ("<p>By Ana de la Cruz and Tom Lee</p>", ["Ana de la Cruz", "Tom Lee"]),
        ("<li><strong>Autorin/Autor</strong> Roman Kowalenko</li>", ["Roman Kowalenko"]),
        ("<div>(责编：王小明、李华)</div>", ["王小明", "李华"]),
        # A sentence that opens with "Von" is no byline; nor is a teaser's line in its link.
        ("<p>Von Anfang an war klar, wer gewinnt</p>", []),
        ("<a href='/x'><span>Von Ines Brandt, Kiel</span></a>", []),
        # Long runs of little words read in one pass (no backtracking blow-up).
        ("<p>Von " + "and " * 22 + "1</p>", []),
    ],
)  # fmt: skip
def test_byline_lines(line: str, people: list[str]) -> None:
    """Bylines found from the text of a line: a label or "By" before capitalised names."""
    page = parse_page(f"<html><body><h1>Title</h1>{line}<p>Text of the story.</p></body></html>")
    assert find_byline(page, None).people == people


def test_a_byline_label_outside_any_line_is_no_crash() -> None:
    # Broken markup leaves "By ..." in a <strong> straight under <body>: no line element
    # holds it (found by the fuzz test once bylines were read from labelled lines).
    from pipelines.extraction import extract

    record = extract("<html><body><strong>By Jane Doe</strong></body></html>")
    assert not record.is_article
