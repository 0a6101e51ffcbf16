"""The py3langid model, mapped from files instead of read into memory.

py3langid reads its whole model into each process: 66 MB (a 27 MB table of feature weights
and a 39 MB byte automaton), of which a text touches little: on 300 pages of English, 11 MB
of it; on 317 real pages in 27 languages, 46 MB. Unpacked once into a cache folder as plain
.npy files and mapped read-only, only the pages a crawl's texts touch take memory, and the
extraction processes of one machine share them. The arrays and the identifier are the
library's own: it answers exactly as it does loaded its way.

The folder is `$XDG_CACHE_HOME/news-archive/py3langid/<version>-<model digest>/` (or
`~/.cache/...`); when it cannot be written, the model is read into memory as py3langid does.
"""

from __future__ import annotations

import hashlib
import logging
import lzma
import os
import shutil
import tempfile
import zipfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

logger = logging.getLogger(__name__)

# The model's arrays (members of its .npz), and those large enough to be worth mapping.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MAPPED = frozenset(["ptc", "nextmove"])


def load_identifier() -> LanguageIdentifier:
    """py3langid's identifier (probabilities normalised), its large arrays mapped from the
    cache folder; read into memory as py3langid does when the folder cannot be made."""
    model = MODEL_DIR / MODEL_FILE
    try:
        folder = unpacked(model, cache_root())
    except OSError as error:
        logger.info("language model read into memory (no cache folder: %s)", error)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return mapped_identifier(folder)


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "news-archive" / "py3langid"


def unpacked(model: Path, root: Path) -> Path:
    """The folder holding the model's arrays as .npy files, made once (streamed: the model
    is never whole in memory) and renamed into place, so a reader never sees half of it."""
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    folder = root / f"{version('py3langid')}-{digest}"
    if folder.is_dir():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix=".unpacking-") as work:
        packed, ready = Path(work) / "model.npz", Path(work) / "arrays"
        ready.mkdir()
        with lzma.open(model) as source, packed.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        with zipfile.ZipFile(packed) as members:
            for name in _ARRAYS:
                with (
                    members.open(f"{name}.npy") as source,
                    (ready / f"{name}.npy").open("wb") as target,
                ):
                    shutil.copyfileobj(source, target, 1 << 20)
        try:
            ready.rename(folder)
        except OSError:
            if not folder.is_dir():  # not another process's folder, made meanwhile
                raise
    return folder


def mapped_identifier(folder: Path) -> LanguageIdentifier:
    """The identifier py3langid's from_model_file makes, from an unpacked folder."""
    arrays = {
        name: np.load(folder / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None)
        for name in _ARRAYS
    }
    return LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        _int_view(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_int_view(arrays["nextmove_row"]),
    )


def _int_view(array: Any) -> memoryview:
    """An unsigned integer array as the array.array py3langid indexes one by one: a
    memoryview of the same items (of the mapped file, for a mapped array)."""
    octets = memoryview(array).cast("B")
    size = array.dtype.itemsize
    return octets.cast("H") if size == 2 else octets.cast("I") if size == 4 else octets.cast("Q")
