"""Full-text search: bm25 ranking, snippets, query syntax, filters, unspaced scripts, safety."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils

import archive.search as search_module
from archive.fts_query import quote_fts
from archive.search import SearchQuery, run, search
from archive.store import open_archive
from archive.store.migrations import apply_migrations
from tests.archive_helpers import PAGES, build_archive, modules_loaded_by

OLD_ARCHIVE = Path(__file__).parent / "fixtures" / "archives" / "news-archive-0.2.0.db"

SEED = "Anti-trafficking drive goes on"
JAPANESE = json.loads((PAGES / "lang_japanese.json").read_text(encoding="utf-8"))
THAI = json.loads((PAGES / "lang_thai.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = build_archive(tmp_path_factory.mktemp("search") / "archive.db")
    return open_archive(path)


def test_finds_the_seed_article_with_highlighted_snippet(db) -> None:
    hits = search(db, "human trafficking")
    assert hits[0].headline == SEED
    assert "[human]" in hits[0].snippet.lower() or "[trafficking]" in hits[0].snippet.lower()


def test_ranked_by_bm25(db) -> None:
    ranks = [hit.rank for hit in search(db, "the")]
    assert len(ranks) > 5 and ranks == sorted(ranks)


def test_phrase_query_in_quotes(db) -> None:
    assert [h.headline for h in search(db, '"influencer trafficking"')] == [SEED]
    assert search(db, '"trafficking influencer"') == []


def test_headline_weighs_more_than_body(db) -> None:
    assert search(db, "anti-trafficking")[0].headline == SEED


def test_or_finds_either_word(db) -> None:
    trafficking = {h.id for h in search(db, "trafficking")}
    harbour = {h.id for h in search(db, "harbour")}
    assert trafficking and harbour
    assert {h.id for h in search(db, "trafficking OR harbour")} == trafficking | harbour


def test_minus_word_leaves_articles_out(db) -> None:
    with_influencer = {h.id for h in search(db, "influencer")}
    assert with_influencer
    rest = {h.id for h in search(db, "the -influencer", limit=100)}
    assert rest and not rest & with_influencer


def test_prefix_star(db) -> None:
    assert SEED in [h.headline for h in search(db, "traffick*")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("harbour festival", '"harbour" AND "festival"'),
        ('"city council" vote', '"city council" AND "vote"'),
        ("ferry OR bridge", '("ferry" OR "bridge")'),
        ("harbour -festival", '"harbour" NOT "festival"'),
        ("harb*", '"harb" *'),
        ('a"b', '"a""b"'),  # one word; its quote is escaped
        ("NEAR(a b)", '"NEAR(a" AND "b)"'),
        ("\x00x\x1fy", '"x" AND "y"'),
        ("-only -negatives", '""'),
        ("OR", '""'),
    ],
)
def test_query_syntax_is_quoted(text: str, expected: str) -> None:
    assert quote_fts(text) == expected


@pytest.mark.parametrize(
    "query",
    [
        '"', 'a"b', "(((", "NOT", "AND OR NOT", "x* : ^", "body:text", "-minus", "co-operation",
        "'apostrophe'", "NEAR(a b)", "{col}", "***", "", "   ", "über ünïcödé", "100%",
        "\x00", "harbour\x00", "a\x00b", "-", "--", "- -", "OR OR", "*", '"*"', "\ufeff",
        "\U0001f600", "a" * 5000, "北", "北浜", "\u0e00",
    ],
)  # fmt: skip
def test_punctuation_never_raises(db, query: str) -> None:
    assert isinstance(search(db, query), list)


def test_caption_text_is_searchable(db) -> None:
    assert any(h.headline == SEED for h in search(db, "SOCIAL AFFAIRS MINISTRY"))


@pytest.mark.parametrize(
    ("page", "word"),
    [(JAPANESE, "北浜酒造"), (JAPANESE, "美山錦"), (THAI, "บางตะเคียน"), (THAI, "ป่าชายเลน")],
)
def test_unspaced_scripts_find_a_word_of_the_body(db, page: dict, word: str) -> None:
    assert word in " ".join(page["body"]) + page["headline"]
    result = run(db, SearchQuery(word))
    assert result.index == "substrings"
    assert [h.headline for h in result.hits] == [" ".join(page["headline"].split())]
    assert f"[{word}]" in result.hits[0].snippet


@pytest.mark.parametrize("text", ["酒蔵", "北浜 酒蔵", "酒蔵 美山錦"])
def test_words_too_short_for_trigrams_are_read_as_text(db, text: str) -> None:
    # Two-kanji words are common; the trigram index needs three characters.
    result = run(db, SearchQuery(text))
    assert [h.headline for h in result.hits] == [" ".join(JAPANESE["headline"].split())]
    assert "[酒蔵]" in result.hits[0].snippet or "[美山錦]" in result.hits[0].snippet
    assert run(db, SearchQuery("酒蔵 -美山錦")).total == 0


def test_short_words_are_looked_for_in_the_newest_articles_only(db, monkeypatch) -> None:
    newest = next(db.query("select max(id) as n from articles"))["n"]
    # The newest article holding the word sits just outside the newest TEXT_SCAN articles.
    holder = next(db.query("select max(id) as n from articles where body like '%酒蔵%'"))["n"]
    monkeypatch.setattr(search_module, "TEXT_SCAN", newest - holder)
    assert run(db, SearchQuery("酒蔵")).total == 0


def test_a_part_of_a_word_is_found_when_no_whole_word_matches(db) -> None:
    result = run(db, SearchQuery("traffick"))
    assert result.index == "substrings"
    assert SEED in [h.headline for h in result.hits]


def test_filters_narrow_the_results(db) -> None:
    everything = run(db, SearchQuery("the", limit=100))
    site = everything.hits[0].site
    narrowed = run(db, SearchQuery("the", site=site, limit=100))
    assert 0 < narrowed.total < everything.total
    assert {h.site for h in narrowed.hits} == {site}
    japanese = run(db, SearchQuery("北浜酒造", language="en"))
    assert japanese.total == 0


def test_author_and_date_filters(db) -> None:
    row = next(db.query("select authors, published from articles where authors != '[]' limit 1"))
    author, day = json.loads(row["authors"])[0], row["published"][:10]
    hits = run(db, SearchQuery("the", author=author, since=day, until=day, limit=100)).hits
    assert hits
    for hit in hits:
        stored = next(db.query("select authors from articles where id = ?", [hit.id]))
        assert author in json.loads(stored["authors"])
        assert hit.published[:10] == day


def test_newest_first(db) -> None:
    hits = run(db, SearchQuery("the", newest_first=True, limit=100)).hits
    dates = [h.published for h in hits if h.published]
    assert len(dates) > 5 and dates == sorted(dates, reverse=True)


def test_count_and_pages(db) -> None:
    first = run(db, SearchQuery("the", limit=3))
    second = run(db, SearchQuery("the", limit=3, offset=3))
    assert first.total > 6 and not first.capped
    assert len(first.hits) == len(second.hits) == 3
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


def test_many_matches_are_ranked_among_the_newest(db, monkeypatch) -> None:
    monkeypatch.setattr(search_module, "WINDOW", 4)
    result = run(db, SearchQuery("the", limit=100))
    newest = [r["id"] for r in db.query("select id from articles order by id desc")]
    assert result.windowed and result.total > 4
    assert len(result.hits) == 4
    assert {h.id for h in result.hits} <= set(newest)


def test_trigram_index_is_built_for_existing_archives(tmp_path: Path) -> None:
    # An archive made by news-archive 0.2.0, before the trigram index: it must cover the
    # articles the archive already holds.
    path = tmp_path / "old.db"
    shutil.copy(OLD_ARCHIVE, path)
    old = sqlite_utils.Database(path)
    body = " ".join(JAPANESE["body"])
    old["articles"].insert({"url": "u", "site": "s", "headline": "h", "body": body})
    applied = apply_migrations(old)
    assert "007_trigram_fts" in applied
    assert [h.headline for h in search(old, "北浜酒造")] == ["h"]
    (article_id,) = [r["id"] for r in old.query("select id from articles where url = 'u'")]
    old["articles"].update(article_id, {"body": "酒蔵の新しい本文"})
    assert search(old, "北浜酒造") == [] and search(old, "新しい本文")


def test_cli_takes_a_query_that_starts_with_minus(db, tmp_path: Path) -> None:
    # issue 8 item 12: "-festival harbour" was refused as an unknown option.
    from click.testing import CliRunner

    from archive.cli import cli

    path = build_archive(tmp_path / "cli.db")
    result = CliRunner().invoke(cli, ["search", str(path), "-festival harbour", "--json"])
    assert result.exit_code == 0, result.output
    headlines = [json.loads(line)["headline"] for line in result.stdout.splitlines()]
    assert headlines and not any("festival" in h.lower() for h in headlines)
    assert len(headlines) < len(search(db, "harbour"))


def test_searching_does_not_import_the_extraction_library(tmp_path: Path) -> None:
    # Importing it (extruct, htmldate...) took ~0.5 s, for a search that takes milliseconds.
    # The store reads the Article record's module, which imports none of that.
    path = build_archive(tmp_path / "lazy.db")
    loaded = modules_loaded_by(
        "from click.testing import CliRunner; from archive.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['search', {str(path)!r}, 'harbour'])\n"
        "assert result.exit_code == 0, result.output"
    )
    heavy = ("extruct", "htmldate", "dateparser", "scrapy", "twisted")
    assert [m for m in loaded if m.split(".")[0] in heavy or m == "pipelines.extraction.core"] == []


def test_very_common_words_rank_headline_matches_first(db, monkeypatch) -> None:
    # bm25 is skipped for words in more than RANK_LIMIT articles (it would count them all).
    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    hits = run(db, SearchQuery("the", limit=100)).hits
    in_headline = ["the" in h.headline.lower().split() for h in hits]
    assert any(in_headline) and not all(in_headline)
    first_other = in_headline.index(False)
    assert all(in_headline[:first_other]) and not any(in_headline[first_other:])
    others = [h.id for h in hits[first_other:]]
    assert others == sorted(others, reverse=True), "then newest first"
