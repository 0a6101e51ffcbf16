"""Our extractor keeps its scores on both benchmark sets at or above the recorded floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.dataset import DEFAULT_DATA_DIR, load_pages
from bench.fundus import DEFAULT_FUNDUS_DIR, as_scored, load_dev_pages, load_scorer, run_dev_peer
from bench.fundus_report import weak_languages
from bench.peers import PEERS
from bench.runner import run_peer

FLOOR = json.loads(
    (Path(__file__).resolve().parents[1] / "bench" / "floor.json").read_text(encoding="utf-8")
)
OURS = next(peer for peer in PEERS if peer.name == "ours")


def _need(data_dir: Path) -> None:
    if not (data_dir / "ground-truth.json").is_file():
        pytest.skip(f"benchmark dataset not found at {data_dir}")


def test_ours_scores_at_least_the_floor() -> None:
    _need(DEFAULT_DATA_DIR)
    floor = FLOOR["article-extraction-benchmark"]
    # Built here rather than through run_peer so that a broken import fails loudly.
    OURS.make(False)
    run = run_peer(OURS, load_pages(DEFAULT_DATA_DIR))
    scores = run.scores
    got = {"f1": scores.f1, "precision": scores.precision, "recall": scores.recall}
    below = {name: value for name, value in got.items() if value < floor[name]}
    assert not below, f"below the floor {floor} ({run.errors} pages raised): {got}"


def test_ours_on_fundus_dev_holds_the_floor() -> None:
    _need(DEFAULT_FUNDUS_DIR)
    floor = FLOOR["fundus-dev"]
    OURS.make(True)
    run = run_dev_peer(OURS, load_dev_pages(DEFAULT_FUNDUS_DIR), load_scorer(DEFAULT_FUNDUS_DIR))
    got = {metric: run.mean(metric) for metric in [*floor["at_least"], *floor["at_most"]]}
    below = {m: got[m] for m, low in floor["at_least"].items() if (got[m] or 0.0) < low}
    above = {m: got[m] for m, high in floor["at_most"].items() if (got[m] or 0.0) > high}
    assert not below and not above, f"outside the floor {floor} ({run.errors} raised): {got}"
    assert run.errors == 0
    languages = floor["languages"]
    weak = weak_languages(run, languages["body_f1_at_least"], languages["min_pages"])
    assert not weak, f"languages of {languages['min_pages']}+ pages below the floor: {weak}"


def test_fundus_bench_scores_ours_as_score_py_does() -> None:
    """The bench's view of our record is the one score.py's to_prediction() builds."""
    _need(DEFAULT_FUNDUS_DIR)
    from pipelines.extraction import extract

    scorer = load_scorer(DEFAULT_FUNDUS_DIR)
    ours = OURS.make(True)
    for page in load_dev_pages(DEFAULT_FUNDUS_DIR, limit=12):
        direct = scorer.to_prediction(extract(page.html, url=page.url))
        via_bench = as_scored(ours(page.html, page.url))
        assert via_bench == direct, page.id
