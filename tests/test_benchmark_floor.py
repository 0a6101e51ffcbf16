"""Our extractor keeps its article-extraction-benchmark scores at or above the recorded floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.dataset import DEFAULT_DATA_DIR, load_pages
from bench.peers import PEERS
from bench.runner import run_peer

FLOOR_PATH = Path(__file__).resolve().parents[1] / "bench" / "floor.json"


def test_ours_scores_at_least_the_floor() -> None:
    if not (DEFAULT_DATA_DIR / "ground-truth.json").is_file():
        pytest.skip(f"benchmark dataset not found at {DEFAULT_DATA_DIR}")
    floor = json.loads(FLOOR_PATH.read_text(encoding="utf-8"))
    ours = next(peer for peer in PEERS if peer.name == "ours")
    # Built here rather than through run_peer so that a broken import fails loudly.
    ours.make()
    run = run_peer(ours, load_pages(DEFAULT_DATA_DIR))
    scores = run.scores
    got = {"f1": scores.f1, "precision": scores.precision, "recall": scores.recall}
    below = {name: value for name, value in got.items() if value < floor[name]}
    assert not below, f"below the floor {floor} ({run.errors} pages raised): {got}"
