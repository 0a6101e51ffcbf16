"""The headline: the site's name cut out of a <title> or og:title, the JSON-LD headline first."""

from __future__ import annotations

import json

import pytest

from pipelines.extraction import extract
from pipelines.extraction.headline import strip_site_name


@pytest.mark.parametrize(
    ("title", "names", "want"),
    [
        (
            "Bike lanes delayed again | Riverside Record",
            ("Riverside Record",),
            "Bike lanes delayed again",
        ),
        (
            "Riverside Record - Bike lanes delayed again",
            ("Riverside Record",),
            "Bike lanes delayed again",
        ),
        # A dash inside the headline stays; only the site's name at the end goes.
        (
            "The Early Reviews Are Here — And They're Not Great - Digg",
            ("Digg", "digg"),
            "The Early Reviews Are Here — And They're Not Great",
        ),
        # The site known only by its host: "vortexcannon.org" names "Vortex Cannon Entertainment".
        ("About bugs – Vortex Cannon Entertainment", ("vortexcannon",), "About bugs"),
        ("Headline here - CBSSports.com", ("cbssports",), "Headline here"),
        # A headline that opens with the site's name is not the site's name.
        (
            "The Guardian view on Hong Kong: a city on the brink | Editorial",
            ("the Guardian", "theguardian"),
            "The Guardian view on Hong Kong: a city on the brink",
        ),
        # Section and site around the headline, site unknown: the longest part.
        (
            "Science | News | Bubonic plague: third case confirmed in China",
            (),
            "Bubonic plague: third case confirmed in China",
        ),
        ("No separators at all", ("Site",), "No separators at all"),
    ],
)
def test_strip_site_name(title: str, names: tuple[str, ...], want: str) -> None:
    assert strip_site_name(title, names) == want


def _page(head: str, body: str = "") -> str:
    story = "<p>" + "The council voted to keep the ferry running through the summer. " * 6 + "</p>"
    return f"<html><head>{head}</head><body><article>{body}{story}</article></body></html>"


def _ld(headline: str) -> str:
    data = {"@type": "NewsArticle", "headline": headline}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_the_json_ld_headline_is_the_headline() -> None:
    # The publisher's declared headline, over a social title and a visible variant.
    head = (
        _ld("Ferry to keep running all summer") + '<meta property="og:title" content="Ferry saved">'
    )
    html = _page(head, "<h1>Ferry saved: council keeps the boats running</h1>")
    assert extract(html, url="https://example.com/news/ferry").headline == (
        "Ferry to keep running all summer"
    )


def test_a_section_name_after_a_pipe_is_cut_from_the_declared_headline() -> None:
    html = _page(_ld("Ferry to keep running all summer | Local"))
    assert extract(html, url="https://example.com/news/ferry").headline == (
        "Ferry to keep running all summer"
    )


def test_a_declared_headline_that_is_the_site_name_is_ignored() -> None:
    head = (
        _ld("The Harbour Courier") + '<meta property="og:site_name" content="The Harbour Courier">'
    )
    html = _page(head, "<h1>Ferry to keep running all summer</h1>")
    assert extract(html, url="https://example.com/news/ferry").headline == (
        "Ferry to keep running all summer"
    )


def test_an_h1_that_is_one_part_of_the_title_is_the_headline() -> None:
    # No part of the title names the site, and the site's name is the longest part.
    head = "<title>„Tireless work“ - The New Southern Tyrolean Daily</title>"
    html = _page(head, "<h1>„Tireless work“</h1>")
    assert extract(html, url="https://example.com/2026/04/01/tireless").headline == (
        "„Tireless work“"
    )
