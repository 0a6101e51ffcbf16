"""Run one extractor over benchmark pages, timing CPU per page and scoring each output."""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.dataset import Page
from bench.metric import PageScore, Scores, aggregate, bootstrap_std, score_page
from bench.peers import Extract, Peer, Prediction

log = logging.getLogger(__name__)


class PeerUnavailable(Exception):
    """The extractor could not be built (not installed, or failing on import)."""


def build(peer: Peer, metadata: bool) -> Extract:
    """The peer's extract function; PeerUnavailable with a short reason when it cannot run."""
    try:
        return peer.make(metadata)
    except ImportError as exc:
        # A peer not installed, or our extractor not importable yet, must not stop the table.
        log.warning("%s unavailable: %s", peer.name, exc)
        raise PeerUnavailable(f"not installed ({exc.name or exc})") from exc
    except Exception as exc:  # e.g. our extractor half-written: report it, go on
        log.warning("%s failed to load: %r", peer.name, exc)
        raise PeerUnavailable(f"failed to load ({type(exc).__name__}: {exc})") from exc


@dataclass(frozen=True)
class Outcome:
    """One extractor call: what it returned, its CPU seconds, and its error if it raised."""

    prediction: Prediction
    seconds: float
    error: str | None = None


def timed(extract: Extract, html: str, url: str) -> Outcome:
    """Call the extractor once; a call that raises counts as an empty prediction."""
    error = None
    start = time.process_time()
    try:
        prediction = extract(html, url)
    except Exception as exc:  # any extractor failure is a benchmark data point
        prediction, error = Prediction(body=""), f"{type(exc).__name__}: {exc}"
    seconds = time.process_time() - start
    if error is not None:
        log.debug("extractor failed on %s: %s", url, error)
    return Outcome(prediction, seconds, error)


@dataclass(frozen=True)
class PageResult:
    """One extractor's outcome on one page."""

    page: Page
    score: PageScore
    seconds: float
    error: str | None = None


@dataclass
class Run:
    """One extractor over all pages; `unavailable` says why it could not run at all."""

    peer: Peer
    results: list[PageResult] = field(default_factory=list)
    unavailable: str | None = None
    _std: dict[int, Scores] = field(default_factory=dict, repr=False)

    @property
    def scores(self) -> Scores:
        return aggregate([r.score for r in self.results])

    def std(self, samples: int = 1000) -> Scores:
        """Bootstrap standard deviations, computed once per sample count."""
        if samples not in self._std:
            self._std[samples] = bootstrap_std([r.score for r in self.results], samples=samples)
        return self._std[samples]

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results if r.error is not None)

    @property
    def median_ms(self) -> float:
        return statistics.median(r.seconds for r in self.results) * 1000 if self.results else 0.0

    @property
    def pages_per_second(self) -> float:
        total = sum(r.seconds for r in self.results)
        return len(self.results) / total if total > 0 else 0.0

    @property
    def share_above_0_9(self) -> float:
        if not self.results:
            return 0.0
        return sum(1 for r in self.results if r.score.f1 > 0.9) / len(self.results)


def run_peer(peer: Peer, pages: Sequence[Page], on_page: Callable[[], None] | None = None) -> Run:
    """Build the extractor once (body only), then run it on every page of the benchmark."""
    try:
        extract = build(peer, metadata=False)
    except PeerUnavailable as exc:
        return Run(peer=peer, unavailable=str(exc))
    run = Run(peer=peer)
    for page in pages:
        outcome = timed(extract, page.html, page.url)
        score = score_page(page.truth, outcome.prediction.body)
        run.results.append(PageResult(page, score, outcome.seconds, outcome.error))
        if on_page is not None:
            on_page()
    return run
