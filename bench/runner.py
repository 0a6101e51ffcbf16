"""Run one extractor over the benchmark pages, timing CPU per page and scoring each output."""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.dataset import Page
from bench.metric import PageScore, Scores, aggregate, bootstrap_std, score_page
from bench.peers import Peer

log = logging.getLogger(__name__)


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
    """Build the extractor once, then run it on every page; a page that raises scores as empty."""
    try:
        extract = peer.make()
    except ImportError as exc:
        # A peer not installed, or our extractor not importable yet, must not stop the table.
        log.warning("%s unavailable: %s", peer.name, exc)
        return Run(peer=peer, unavailable=f"not installed ({exc.name or exc})")
    except Exception as exc:  # e.g. our extractor half-written: report it, go on
        log.warning("%s failed to load: %r", peer.name, exc)
        return Run(peer=peer, unavailable=f"failed to load ({type(exc).__name__}: {exc})")
    run = Run(peer=peer)
    for page in pages:
        run.results.append(_run_page(extract, page))
        if on_page is not None:
            on_page()
    return run


def _run_page(extract: Callable[[str, str], str], page: Page) -> PageResult:
    error = None
    start = time.process_time()
    try:
        text = extract(page.html, page.url)
    except Exception as exc:  # any extractor failure is a benchmark data point
        text, error = "", f"{type(exc).__name__}: {exc}"
    seconds = time.process_time() - start
    if error is not None:
        log.debug("extractor failed on %s: %s", page.id, error)
    return PageResult(page=page, score=score_page(page.truth, text), seconds=seconds, error=error)
