"""Splitting a photo credit off a caption's text, in the conventions news sites use."""

from __future__ import annotations

import pytest

from pipelines.extraction.credits import clean_credit, split_credit


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Trump asked voters. He didn’t get it. Credit ...Doug Mills/The New York Times",
         "Trump asked voters. He didn’t get it.", "Doug Mills/The New York Times"),
        ("Image via Getty Images", "", "Getty Images"),
        ("Image copyright Getty Images", "", "Getty Images"),
        ("WikiLeaks founder Julian Assange (AFP)", "WikiLeaks founder Julian Assange", "AFP"),
        ("US troops remain in Afghanistan [File: Reuters]", "US troops remain in Afghanistan",
         "Reuters"),
        ("A cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)",
         "A cargo ship leaves PortMiami, on Aug. 31, 2019.", "AP"),
        ("The plague wiped out half of Europe (Image: GETTY)",
         "The plague wiped out half of Europe", "GETTY"),
        ("Materials from the campaign. (onmeth.com)", "Materials from the campaign.", "onmeth.com"),
        ("Christopher Battin Submitted photo", "Christopher Battin", "Submitted photo"),
        # Words that only look like labels.
        ("The file was copied to the drive", "The file was copied to the drive", None),
        ("Crowds at the copyright office", "Crowds at the copyright office", None),
    ],
)  # fmt: skip
def test_split_credit(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("...Tamsin Hale", "Tamsin Hale"),
        ("(Photo: Jane Doe)", "Jane Doe"),
        ("EPA", "EPA"),
        ("Jane Doe/Copyright 2026 The AP. All rights reserved.", "Jane Doe/Copyright 2026 The AP."),
        ("Tous droits réservés Capture d'écran", "Capture d'écran"),
        # A label or a rights notice alone names nobody.
        ("Copyright", None),
        ("©", None),
        ("Foto:", None),
        ("Alle Rechte vorbehalten", None),
    ],
)
def test_clean_credit(text: str, credit: str | None) -> None:
    assert clean_credit(text) == credit
