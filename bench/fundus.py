"""The fundus-dev set: pages with headline, body, captions, authors and date, scored by the
set's own score.py (imported, so our figures are the scorer's figures)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.dataset import REPO_ROOT, DatasetError
from bench.peers import Peer, Prediction
from bench.runner import PeerUnavailable, build, timed

DEFAULT_FUNDUS_DIR = REPO_ROOT.parent / "shared" / "datasets" / "fundus-dev"

# score.py's measures in table order, and the Prediction field each needs (None: the body).
METRICS: dict[str, str | None] = {
    "body_p": None,
    "body_r": None,
    "body_f1": None,
    "headline_em": "headline",
    "caption_recall": "captions",
    "caption_leak": None,
    "author_f1": "authors",
    "date_day": "published",
}


@dataclass(frozen=True)
class DevPage:
    """One fundus-dev page; truth is its ground-truth record, as score.py reads it."""

    id: str
    url: str
    language: str
    html: str
    truth: dict[str, Any]


def load_dev_pages(data_dir: Path = DEFAULT_FUNDUS_DIR, limit: int | None = None) -> list[DevPage]:
    """The pages sorted by id (the first `limit` of them if given)."""
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise DatasetError(f"no ground-truth.json in {data_dir} (pass --fundus-data DIR)")
    truth: dict[str, dict[str, Any]] = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        path = data_dir / "pages" / f"{page_id}.html.gz"
        if not path.is_file():
            raise DatasetError(f"ground truth lists {page_id} but {path} is missing")
        # Decoded as score.py decodes it.
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        record = truth[page_id]
        pages.append(
            DevPage(page_id, record.get("url") or "", record.get("language") or "?", html, record)
        )
    return pages


def load_scorer(data_dir: Path = DEFAULT_FUNDUS_DIR) -> ModuleType:
    """The set's score.py as a module: its score_page() is the metric."""
    path = data_dir / "score.py"
    spec = importlib.util.spec_from_file_location("fundus_dev_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise DatasetError(f"no score.py in {data_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_scored(prediction: Prediction) -> dict[str, Any]:
    """A Prediction as the flat dict score.py's score_page() reads."""
    return {
        "headline": prediction.headline or "",
        "body": prediction.body,
        "captions": prediction.captions,
        "authors": prediction.authors or [],
        "published": prediction.published,
    }


@dataclass(frozen=True)
class DevResult:
    """One extractor's scores on one page (score.py's measures that apply to the page)."""

    page: DevPage
    scores: dict[str, float]
    seconds: float
    error: str | None = None


@dataclass
class DevRun:
    """One extractor over the fundus-dev pages."""

    peer: Peer
    results: list[DevResult] = field(default_factory=list)
    unavailable: str | None = None

    def mean(self, metric: str) -> float | None:
        """The mean over pages the measure applies to; None when the peer lacks the field."""
        needs = METRICS[metric]
        if self.unavailable or (needs is not None and needs not in self.peer.fields):
            return None
        values = [r.scores[metric] for r in self.results if metric in r.scores]
        return statistics.fmean(values) if values else None

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results if r.error is not None)

    @property
    def median_ms(self) -> float:
        return statistics.median(r.seconds for r in self.results) * 1000 if self.results else 0.0

    def by_language(self) -> dict[str, list[float]]:
        """Body F1 of each page, grouped by the page's language."""
        groups: dict[str, list[float]] = {}
        for r in self.results:
            if "body_f1" in r.scores:
                groups.setdefault(r.page.language, []).append(r.scores["body_f1"])
        return groups


def run_dev_peer(
    peer: Peer,
    pages: Sequence[DevPage],
    scorer: ModuleType,
    on_page: Callable[[], None] | None = None,
) -> DevRun:
    """Build the extractor once (with metadata), run it on every page, score with score.py."""
    try:
        extract = build(peer, metadata=True)
    except PeerUnavailable as exc:
        return DevRun(peer=peer, unavailable=str(exc))
    run = DevRun(peer=peer)
    for page in pages:
        outcome = timed(extract, page.html, page.url)
        scores = scorer.score_page(page.truth, as_scored(outcome.prediction))
        run.results.append(DevResult(page, scores, outcome.seconds, outcome.error))
        if on_page is not None:
            on_page()
    return run
