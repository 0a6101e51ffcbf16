"""Cutting the site's name out of a <title> or og:title, as sites write them."""

from __future__ import annotations

import pytest

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
