"""The standfirst: the summary between the headline and the story, and what is not one."""

from __future__ import annotations

import lxml.html

from pipelines.extraction.blocks import text_blocks
from pipelines.extraction.lead import find_lead

STORY = "<p>The council voted to keep the ferry running through the summer season.</p>"


def _lead(between: str, description: str | None = None) -> list[str]:
    root = lxml.html.fromstring(
        f"<body><h1>Ferry saved</h1>{between}<div class='story'>{STORY}</div></body>"
    )
    container = root.find(".//div[@class='story']")
    return [b.text for b in find_lead(text_blocks(root), container, "Ferry saved", description)]


def test_a_summary_named_as_such_is_the_standfirst() -> None:
    lead = "<p class='article-lead'>Councillors find the money for one more summer.</p>"
    assert _lead(lead) == ["Councillors find the money for one more summer."]


def test_a_summary_the_description_repeats_is_the_standfirst() -> None:
    description = "One more summer for the island ferry, and then?"
    assert _lead("<div>One more summer for the island ferry</div>", description) == [
        "One more summer for the island ferry"
    ]


def test_a_long_run_of_summary_like_blocks_is_no_standfirst() -> None:
    # A whole story in a container named "text-with-summary", seen from outside it.
    lines = "".join(
        f"<p>Paragraph {i} of a story told in full, one sentence after another.</p>"
        for i in range(5)
    )
    assert _lead(f"<div class='field-type-text-with-summary'>{lines}</div>") == []


def test_a_caption_beside_its_image_is_no_standfirst() -> None:
    figure = "<div><img src='a.jpg'><p class='summary'>The ferry at dawn on Friday.</p></div>"
    assert _lead(figure) == []
