"""The article-extraction-benchmark metric: 4-token shingle precision, recall, F1 and accuracy."""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4

# Unicode `\w+`, case kept: "The" and "the" are different tokens, as upstream.
_TOKEN = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """The `\\w+` tokens of a text, in order (None counts as empty)."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """The multiset of `size`-token shingles; 1 to size-1 tokens make one shorter shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    starts = range(max(1, len(tokens) - size + 1))
    return Counter(tuple(tokens[i : i + size]) for i in starts)


@dataclass(frozen=True)
class PageScore:
    """One page's TP/FP/FN shingle counts, normalised to sum to 1 (all 0 when both are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def has_prediction(self) -> bool:
        return self.tp + self.fp > 0

    @property
    def has_truth(self) -> bool:
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0 for an empty prediction (such pages leave the precision average)."""
        return self.tp / (self.tp + self.fp) if self.has_prediction else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0 for an empty truth (such pages leave the recall average)."""
        return self.tp / (self.tp + self.fn) if self.has_truth else 0.0

    @property
    def f1(self) -> float:
        """This page's own F1 (for worst-page lists and the share of pages above 0.9)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score_page(truth: str | None, prediction: str | None) -> PageScore:
    """Compare one prediction with its ground truth as multisets of shingles."""
    true, pred = shingles(truth), shingles(prediction)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    if total > 0:
        # Normalised so that long articles weigh no more than short ones.
        tp, fp, fn = tp / total, fp / total, fn / total
    exact = tokenize(truth) == tokenize(prediction)
    return PageScore(tp=tp, fp=fp, fn=fn, exact=exact)


@dataclass(frozen=True)
class Scores:
    """Aggregate figures over a set of pages."""

    f1: float
    precision: float
    recall: float
    accuracy: float


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def aggregate(pages: Sequence[PageScore]) -> Scores:
    """Precision averaged over pages with a prediction, recall over pages with a truth; F1."""
    precision = _mean([p.precision for p in pages if p.has_prediction])
    recall = _mean([p.recall for p in pages if p.has_truth])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    accuracy = _mean([1.0 if p.exact else 0.0 for p in pages])
    return Scores(f1=f1, precision=precision, recall=recall, accuracy=accuracy)


def bootstrap_std(pages: Sequence[PageScore], samples: int = 1000, seed: int = 0) -> Scores:
    """Standard deviation of each aggregate figure over `samples` resamplings of the pages."""
    if len(pages) < 2 or samples < 2:
        return Scores(f1=0.0, precision=0.0, recall=0.0, accuracy=0.0)
    rng = random.Random(seed)
    draws = [aggregate(rng.choices(pages, k=len(pages))) for _ in range(samples)]
    return Scores(
        f1=statistics.stdev(d.f1 for d in draws),
        precision=statistics.stdev(d.precision for d in draws),
        recall=statistics.stdev(d.recall for d in draws),
        accuracy=statistics.stdev(d.accuracy for d in draws),
    )
