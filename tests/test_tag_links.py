"""An article's tags from its tag links, when its metadata names none: rel="tag", or links to
tag and topic pages inside a block of tags; never a site menu's or a tag cloud's."""

from __future__ import annotations

from pipelines.extraction import extract

PROSE = "<p>" + "The harbour board met on Tuesday to agree the spring timetable. " * 10 + "</p>"
URL = "http://127.0.0.1:9/news/ferry-timetable-agreed-for-spring"


def _tags(body: str, head: str = "", before: str = "", after: str = "") -> list[str]:
    """The tags of an article whose story is followed by body; before and after: the page's
    own parts around the article."""
    html = (
        f'<html><head><meta property="og:type" content="article">{head}</head><body>{before}'
        f"<article><h1>Ferry timetable agreed</h1>{PROSE}{body}</article>{after}</body></html>"
    )
    return extract(html, URL).tags


def test_rel_tag_links_are_tags_wherever_they_are_in_the_article() -> None:
    body = '<p><a rel="tag" href="/x/a">Ferries</a> <a rel="nofollow\ttag" href="/y">Ports</a></p>'
    assert _tags(body) == ["Ferries", "Ports"]


def test_rel_names_tag_as_a_whole_word_only() -> None:
    assert _tags('<p><a rel="tags" href="/x">Ferries</a><a rel="tagged" href="/y">P</a></p>') == []


def test_links_to_tag_and_topic_pages_count_inside_a_block_of_tags() -> None:
    block = (
        '<div class="story-tags"><ul><li><a href="/tag/ferries">Ferries</a></li>'
        '<li><a href="/tags/harbour">Harbour</a></li><li><a href="/topics/transport">Transport</a>'
        '</li><li><a href="/news/other">Other story</a></li></ul></div>'
    )
    assert _tags(block) == ["Ferries", "Harbour", "Transport"]


def test_links_to_tag_pages_outside_a_block_of_tags_are_not_tags() -> None:
    assert _tags('<p>See <a href="/tag/ferries">all ferry news</a>.</p>') == []


def test_menus_clouds_and_the_sites_footer_are_not_the_articles_tags() -> None:
    menu = '<nav class="tags"><a href="/tag/politics">Politics</a></nav>'
    inside = (
        '<aside class="tag-list"><a href="/tag/cloud">Cloud</a></aside>'
        '<footer class="tags"><a href="/tag/ferries">Ferries</a></footer>'
    )
    footer = '<footer><div class="tags"><a href="/tag/sitewide">Sitewide</a></div></footer>'
    assert _tags(inside, before=menu, after=footer) == ["Ferries"]


def test_tags_in_the_metadata_come_first() -> None:
    head = '<meta property="article:tag" content="Shipping, Ports">'
    assert _tags('<p><a rel="tag" href="/x">Ferries</a></p>', head) == ["Shipping", "Ports"]
