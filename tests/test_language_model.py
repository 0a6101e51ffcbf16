"""The language model mapped from a cache folder answers as py3langid's own loading does,
its large arrays in files rather than in the process's memory, unpacked once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from pipelines.extraction.language_model import load_identifier, mapped_identifier, unpacked
from tests.archive_helpers import PAGES

MODEL = MODEL_DIR / MODEL_FILE
TEXTS = [
    "The harbour council met on Monday to approve the new ferry timetable for the spring.",
    "Der Hafenrat hat am Montag den neuen Fahrplan für die Fähren im Frühjahr beschlossen.",
    "Le conseil portuaire s'est réuni lundi pour approuver les nouveaux horaires des ferries.",
    "港湾委員会は月曜日に会合を開き、春のフェリーの新しい時刻表を承認した。",
    "مجلس الميناء اجتمع يوم الاثنين للموافقة على جدول العبارات الجديد",
    "Портовый совет в понедельник утвердил новое расписание паромов на весну.",
    "ok",
    "",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpacked(MODEL, tmp_path_factory.mktemp("cache"))


def _page_text(name: str) -> str:
    return (PAGES / name).read_bytes().decode("utf-8", "replace")


def test_the_mapped_model_answers_as_py3langid_loads_it(
    reference: LanguageIdentifier, folder: Path
) -> None:
    mapped = mapped_identifier(folder)
    texts = [*TEXTS, _page_text("seed_phnompenh_post.html")[:20_000]]
    for text in texts:
        assert mapped.classify(text) == reference.classify(text)
        assert mapped.rank(text) == reference.rank(text)
    assert {mapped.classify(t)[0] for t in TEXTS[:6]} == {"en", "de", "fr", "ja", "ar", "ru"}


def test_the_large_arrays_stay_in_their_files(folder: Path) -> None:
    mapped = mapped_identifier(folder)
    assert isinstance(mapped.nb_ptc, np.memmap) and mapped.nb_ptc.nbytes > 20_000_000
    automaton = mapped.tk_nextmove
    assert isinstance(automaton, memoryview) and isinstance(automaton.obj, np.ndarray)
    assert automaton.nbytes > 20_000_000 and automaton.readonly


def test_the_model_is_unpacked_once(folder: Path) -> None:
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert unpacked(MODEL, folder.parent) == folder
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps
    assert sorted(stamps) == sorted(
        f"{n}.npy" for n in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
    )
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # no work left behind


def test_without_a_cache_folder_the_model_is_read_into_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: LanguageIdentifier
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder would have to be inside this file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    identifier = load_identifier()
    assert not isinstance(identifier.nb_ptc, np.memmap)
    assert identifier.classify(TEXTS[1]) == reference.classify(TEXTS[1])


def test_the_cache_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    identifier = load_identifier()
    assert isinstance(identifier.nb_ptc, np.memmap)
    made = list((tmp_path / "news-archive" / "py3langid").iterdir())
    assert len(made) == 1 and Path(identifier.nb_ptc.filename).parent == made[0]
