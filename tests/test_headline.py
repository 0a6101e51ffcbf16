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
        # Korean sites set the letter ㅣ as a bar, spaced or not.
        ("도심 공원 확장 계획 발표 ㅣ 코리아데일리", ("코리아데일리",), "도심 공원 확장 계획 발표"),
        ("도심 공원 확장 계획 발표ㅣ코리아데일리", ("코리아데일리",), "도심 공원 확장 계획 발표"),
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


_STORY = "<p>" + "The council voted to keep the ferry running through the summer. " * 6 + "</p>"


def _crumbed(head: str, trail_h1: str, printed: str) -> str:
    """A page whose <h1> is the last crumb of its trail, the printed headline an <h2>."""
    crumbs = f'<li><a href="/">Home</a></li><li><h1>{trail_h1}</h1></li>'
    trail = f'<nav class="crumbs"><ol>{crumbs}</ol></nav>'
    return (
        f"<html><head>{head}</head><body>{trail}"
        f"<article><h2>{printed}</h2>{_STORY}</article></body></html>"
    )


def test_the_heading_under_a_breadcrumb_h1_is_named_by_the_json_ld_headline() -> None:
    # The other way round from fixture headline_breadcrumb_seo_h1: here og:title repeats the
    # crumb and the JSON-LD headline names the printed heading.
    head = _ld("Ferry to keep running all summer") + (
        '<meta property="og:title" content="Ferry saved: the boats keep running">'
    )
    html = _crumbed(head, "Ferry saved: the boats keep running", "Ferry to keep running all summer")
    assert extract(html, url="https://example.com/news/ferry").headline == (
        "Ferry to keep running all summer"
    )


def test_a_menu_h1_no_title_names_is_not_a_crumb_headline() -> None:
    # A section's name set as an <h1> in the navigation is no SEO title: the rule stays out.
    head = _ld("Ferry to keep running all summer") + (
        '<meta property="og:title" content="Ferry saved: the boats keep running">'
    )
    html = _crumbed(head, "Transport", "Ferry saved: the boats keep running")
    assert extract(html, url="https://example.com/news/ferry").headline == (
        "Ferry to keep running all summer"
    )


def test_the_social_title_keeps_the_kicker_the_h1_sets_apart_by_layout() -> None:
    social = "Summer timetable / Ferry to keep running, council says"
    head = (
        _ld("Ferry to keep running all summer") + f'<meta property="og:title" content="{social}">'
    )

    h1 = "<h1><span>Summer timetable</span>Ferry to keep running, council says</h1>"
    html = _page(head, h1)
    assert extract(html, url="https://example.com/news/ferry").headline == social


def test_invisible_characters_never_reach_the_headline() -> None:
    # A soft hyphen (a hyphenation hint) and a zero-width space print nothing.
    html = _page("", "<h1>Helikopter&shy;landeplatz am Rat\u200bhaus wird gebaut</h1>")
    headline = extract(html, url="https://example.com/news/ferry").headline
    assert headline == "Helikopterlandeplatz am Rathaus wird gebaut"
