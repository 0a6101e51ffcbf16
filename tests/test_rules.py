"""Per-site rules as data: selectors override the generic extractor; bad rules are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from pipelines.extraction import RulesError, extract, load_rules
from pipelines.extraction.rules import parse_rules

HERE = Path(__file__).parent
SEED = (HERE / "fixtures" / "pages" / "seed_phnompenh_post.html").read_bytes()
RULES = HERE / "fixtures" / "rules" / "phnompenhpost.toml"
URL = "https://www.phnompenhpost.test/national/anti-trafficking-drive-goes-on"


def test_rules_apply_to_their_site() -> None:
    generic = extract(SEED, url=URL)
    ruled = extract(SEED, url=URL, rules=load_rules(RULES))
    assert ruled.headline == generic.headline == "Anti-trafficking drive goes on"
    assert ruled.body == generic.body[:-1], "the drop rule removes the last paragraph"
    assert [c.credit for c in ruled.captions] == ["SOCIAL AFFAIRS MINISTRY"]


def test_rules_ignore_other_sites() -> None:
    generic = extract(SEED, url="https://elsewhere.test/story")
    other = extract(SEED, url="https://elsewhere.test/story", rules=load_rules(RULES))
    assert other.body == generic.body and len(other.body) == 10
    assert other.headline == generic.headline


STORY = [
    "The council voted on Tuesday to approve the harbour plan after a long debate about the"
    " cost of dredging the channel.",
    "Supporters said the plan would bring ferries back to the old quay within two years and"
    " create work for local firms.",
    "Opponents warned that the estimate left out the cost of moving the fish market and asked"
    " for an independent review.",
]
ESSAY = [
    "An essay on the history of the harbour, from the first wooden piers to the container"
    " cranes that stand there today.",
    "For two centuries the harbour was the heart of the town, and every family had someone"
    " who worked on the water.",
    "The decline came slowly, as trade moved to the deeper ports in the south and the fishing"
    " fleet shrank year by year.",
]
TWO_TEXTS = (
    '<html><head><meta property="og:type" content="article"><title>Harbour plan</title></head>'
    "<body><h1>Council approves the harbour plan</h1>"
    + '<div class="story">' + "".join(f"<p>{p}</p>" for p in STORY) + "</div>"
    + '<div class="essay">' + "".join(f"<p>{p}</p>" for p in ESSAY) + "</div></body></html>"
)  # fmt: skip


def test_body_rule_wins_over_scoring() -> None:
    """Where the generic extractor takes both texts of a page, the rule's container is the body."""
    url = "https://harbour.test/news/council-approves-the-harbour-plan"
    rules = parse_rules({"rules": {"harbour.test": {"body": "div.story"}}})
    assert set(ESSAY) <= set(extract(TWO_TEXTS, url=url).body)
    ruled = extract(TWO_TEXTS, url=url, rules=rules)
    assert ruled.body == STORY
    assert ruled.headline == "Council approves the harbour plan"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"body": "div[[["}, "not valid CSS"),
        ({"bodyy": "div"}, "unknown keys"),
        ({"drop": 3}, "selector or a list"),
        ({"headline": ["h1"]}, "must be a CSS selector string"),
    ],
)
def test_bad_rules_are_refused_with_the_reason(table: dict, message: str) -> None:
    with pytest.raises(RulesError, match=message):
        parse_rules({"rules": {"x.test": table}})


def test_unreadable_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[rules.\n", encoding="utf-8")
    with pytest.raises(RulesError, match="cannot read rules"):
        load_rules(path)


def test_cli_extract_with_rules() -> None:
    page = str(HERE / "fixtures" / "pages" / "seed_phnompenh_post.html")
    result = CliRunner().invoke(cli, ["extract", page, "--url", URL, "--rules", str(RULES)])
    assert result.exit_code == 0, result.output
    assert '"headline": "Anti-trafficking drive goes on"' in result.stdout


def test_crawl_refuses_bad_rules_before_starting(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[rules."x.test"]\nbody = "div[[["\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "a.db"), "--rules", str(bad)]
    )
    assert result.exit_code == 1
    assert "not valid CSS" in result.output
