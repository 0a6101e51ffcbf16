"""When the chosen container holds no prose, the body falls back, and says where it came from."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from archive.cli import cli
from pipelines.extraction.body import find_layout
from pipelines.extraction.core import explain
from pipelines.extraction.fallback import Reading, fall_back, fallback_containers

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDS = " ".join(f"word{i}" for i in range(30))
STORY = (
    "The harbour board voted on Monday to rebuild the north pier, which has been closed since "
    "a storm tore away its outer section two winters ago."
)


def test_a_client_rendered_page_reads_the_html_kept_in_its_script() -> None:
    html = (PAGES / "client_rendered_korean.html").read_text(encoding="utf-8")
    result = explain(html, url="https://www.namhae-ilbo.test/news/article/A2026051109300001")
    assert result.body_source == "HTML kept in a script (a client-rendered page)"
    assert result.article.body[0].startswith("남해 앞바다의 작은 섬마을에")
    assert result.article.is_article


def test_json_ld_article_body_when_the_page_shows_only_a_line() -> None:
    ld = {"@type": "NewsArticle", "headline": "Pier to be rebuilt", "articleBody": STORY}
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        "<body><h1>Pier to be rebuilt</h1><p>Read the full story in our app.</p></body></html>"
    )
    result = explain(html, url="https://example.com/news/pier-to-be-rebuilt")
    assert result.body_source == "JSON-LD articleBody"
    assert result.article.body == [STORY]


def test_the_fallback_containers_in_order_of_trust() -> None:
    root = lxml.html.fromstring(
        "<body><div><p>a long paragraph</p><p>and another one</p></div><article><p>short</p>"
        "</article>"
        '<article><div itemprop="articleBody"><p>story</p></div><p>more</p></article></body>'
    )
    found = [(why, el.tag) for why, el in fallback_containers(root)]
    assert found == [
        ("itemprop=articleBody", "div"),
        ("<article>", "article"),
        ("densest run of <p>", "div"),
    ]


def test_a_container_without_prose_falls_back_to_the_marked_article_body() -> None:
    root = lxml.html.fromstring(
        '<body><nav><a href="/a">Home</a> <a href="/b">News</a></nav>'
        f'<div itemprop="articleBody"><p>{STORY}</p><p>Work starts in May. {WORDS}.</p></div>'
        "</body>"
    )
    layout = find_layout(root, set(), container=root.find("nav"))
    found = fall_back(layout, root, Reading("Pier", [], None), [], [])
    assert found is not None and found.source == "itemprop=articleBody"
    assert found.body.paragraphs[0] == STORY
    assert found.container is root.find(".//div")


def test_explain_says_where_the_body_came_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["extract", "--explain", str(PAGES / "client_rendered_korean.html")]
    )
    assert result.exit_code == 0, result.output
    assert "body from: HTML kept in a script (a client-rendered page)" in result.stderr
