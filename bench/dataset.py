"""Load the article-extraction-benchmark pages: id, url, HTML and ground-truth body."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

# The repo and `shared/` sit side by side, both locally and in CI.
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark"


class DatasetError(Exception):
    """The benchmark dataset is missing or malformed."""


@dataclass(frozen=True)
class Page:
    """One benchmark page with its human-annotated article body."""

    id: str
    url: str
    html: str
    truth: str


def load_pages(data_dir: Path = DEFAULT_DATA_DIR, limit: int | None = None) -> list[Page]:
    """The pages sorted by id (the first `limit` of them if given)."""
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise DatasetError(f"no ground-truth.json in {data_dir} (pass --data DIR)")
    ground_truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(ground_truth)[:limit]  # [:None] is all of them
    return [_load_page(data_dir, page_id, ground_truth[page_id]) for page_id in ids]


def _load_page(data_dir: Path, page_id: str, entry: dict[str, str]) -> Page:
    html_path = data_dir / "html" / f"{page_id}.html.gz"
    if not html_path.is_file():
        raise DatasetError(f"ground truth lists {page_id} but {html_path} is missing")
    html = gzip.decompress(html_path.read_bytes()).decode("utf-8")
    return Page(id=page_id, url=entry.get("url", ""), html=html, truth=entry["articleBody"])
