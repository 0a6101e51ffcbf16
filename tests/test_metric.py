"""The benchmark metric on small hand-computed cases."""

from __future__ import annotations

import pytest

from bench.metric import PageScore, aggregate, bootstrap_std, score_page, shingles, tokenize


def test_tokenize_is_unicode_words_case_kept() -> None:
    tokens = tokenize("Crème brûlée, 2 €; Ünïcode-text")
    assert tokens == ["Crème", "brûlée", "2", "Ünïcode", "text"]


def test_shingles_are_overlapping_four_token_windows() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("one", ("one",)), ("one two", ("one", "two")), ("one, two; three", ("one", "two", "three"))],
)
def test_short_text_makes_one_shorter_shingle(text: str, expected: tuple[str, ...]) -> None:
    assert shingles(text) == {expected: 1}


def test_empty_text_has_no_shingles() -> None:
    assert shingles("") == {}
    assert shingles(" -- ") == {}
    assert shingles(None) == {}


def test_identical_texts_score_one() -> None:
    score = score_page("The quick brown fox jumps over", "The quick brown fox jumps over")
    assert (score.precision, score.recall, score.f1, score.exact) == (1.0, 1.0, 1.0, True)


def test_same_tokens_different_punctuation_is_exact() -> None:
    assert score_page("Hello, world!\nBye.", "Hello world Bye").exact


def test_disjoint_texts_score_zero() -> None:
    score = score_page("a b c d e", "v w x y z")
    assert (score.precision, score.recall, score.f1, score.exact) == (0.0, 0.0, 0.0, False)


def test_counts_are_normalised_to_sum_to_one() -> None:
    # Truth: abcd, bcde, cdef. Prediction: abcd, bcde. TP 2, FP 0, FN 1 -> 2/3, 0, 1/3.
    score = score_page("a b c d e f", "a b c d e")
    assert score.tp == pytest.approx(2 / 3)
    assert score.fp == 0.0
    assert score.fn == pytest.approx(1 / 3)
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(0.8)


def test_repeated_shingles_count_as_a_multiset() -> None:
    # Truth has "a b c d" twice (8 tokens: abcd abcd -> 5 shingles, abcd x2); prediction once.
    truth = "a b c d a b c d"
    score = score_page(truth, "a b c d")
    assert shingles(truth)[("a", "b", "c", "d")] == 2
    # TP 1 (only one copy matched), FP 0, FN 4 of 5.
    assert score.precision == 1.0
    assert score.recall == pytest.approx(1 / 5)
    # The other way round the extra copy is a false positive.
    reverse = score_page("a b c d", truth)
    assert reverse.precision == pytest.approx(1 / 5)
    assert reverse.recall == 1.0


def test_short_prediction_of_long_truth_matches_nothing() -> None:
    # "a b" is one 2-token shingle, which never equals a 4-token shingle of the truth.
    score = score_page("a b c d", "a b")
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_empty_prediction_leaves_precision_average_but_counts_zero_recall() -> None:
    good = score_page("a b c d e", "a b c d e")
    empty = score_page("a b c d e", "")
    assert not empty.has_prediction and empty.has_truth
    scores = aggregate([good, empty])
    assert scores.precision == 1.0
    assert scores.recall == 0.5
    assert scores.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert scores.accuracy == 0.5


def test_f1_is_harmonic_mean_of_averages_not_average_of_page_f1() -> None:
    # Page 1: P 1, R 1/2. Page 2: P 1/2, R 1.
    pages = [PageScore(tp=0.5, fp=0.0, fn=0.5, exact=False), PageScore(0.5, 0.5, 0.0, False)]
    scores = aggregate(pages)
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(0.75)
    assert scores.f1 == pytest.approx(0.75)
    assert sum(p.f1 for p in pages) / 2 == pytest.approx(2 / 3)


def test_bootstrap_std_is_zero_when_every_page_scores_the_same() -> None:
    pages = [score_page("a b c d e", "a b c d e")] * 10
    std = bootstrap_std(pages, samples=50)
    assert (std.f1, std.precision, std.recall, std.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_bootstrap_std_is_reproducible_and_positive_for_mixed_pages() -> None:
    pages = [score_page("a b c d e", "a b c d e"), score_page("a b c d e", "v w x y z")] * 5
    assert bootstrap_std(pages, samples=200) == bootstrap_std(pages, samples=200)
    assert bootstrap_std(pages, samples=200).f1 > 0


# --- fundus-dev: how predictions reach score.py, and which peers get a "–" ---------------------


def test_caption_strings_give_each_caption_alone_and_with_its_credit() -> None:
    from bench.peers import caption_strings
    from pipelines.extraction import Caption

    captions = [Caption("A boat.", "Photo: Ann"), Caption("A boat."), Caption("Rain", "AP")]
    assert caption_strings(captions) == ["A boat.", "A boat. Photo: Ann", "Rain", "Rain AP"]


def _dev_run(fields: frozenset[str], scores: list[dict[str, float]]):
    from bench.fundus import DevPage, DevResult, DevRun
    from bench.peers import Peer

    peer = Peer("p", lambda metadata: None, lambda: "1", fields)
    page = DevPage("x", "", "de", "", {})
    return DevRun(peer, [DevResult(page, s, 0.01) for s in scores])


def test_a_measure_is_averaged_over_the_pages_it_applies_to() -> None:
    run = _dev_run(frozenset(["authors"]), [{"author_f1": 1.0}, {"author_f1": 0.5}, {}])
    assert run.mean("author_f1") == pytest.approx(0.75)


def test_a_peer_without_the_field_shows_no_figure() -> None:
    from bench.fundus_report import table_rows

    run = _dev_run(frozenset(), [{"author_f1": 0.0, "body_f1": 0.9, "caption_leak": 0.0}])
    assert run.mean("author_f1") is None
    assert run.mean("body_f1") == pytest.approx(0.9)
    row = table_rows([run])[0]
    assert row[2:] == ["–", "–", "0.900", "–", "–", "0.000", "–", "–", "10.0", "0"]


def test_weak_languages_are_those_with_enough_pages_below_the_threshold() -> None:
    from bench.fundus import DevPage, DevResult
    from bench.fundus_report import weak_languages

    run = _dev_run(frozenset(), [])
    for lang, f1 in [("de", 0.9), ("de", 0.9), ("de", 0.9), ("ko", 0.1), ("en", 0.95)]:
        run.results.append(DevResult(DevPage("x", "", lang, "", {}), {"body_f1": f1}, 0.01))
    assert weak_languages(run, 0.93, 3) == {"de": pytest.approx(0.9)}
