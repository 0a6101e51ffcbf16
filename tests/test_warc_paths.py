"""How captures rows name their WARC files (archive/store/warcs.py): relative to the
archive's folder when inside it, so the two move together; absolute otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from archive.store.database import open_archive
from archive.store.warcs import resolve_path, stored_path


def test_a_file_beside_the_archive_is_named_from_its_folder(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    inside = tmp_path / "warcs" / "crawl-00000.warc.gz"
    assert stored_path(db, inside) == "warcs/crawl-00000.warc.gz"
    assert stored_path(db, inside) == "warcs/crawl-00000.warc.gz"  # asked again, remembered
    assert resolve_path(db, stored_path(db, inside)) == inside


def test_a_file_elsewhere_is_named_in_full(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    db = open_archive(tmp_path / "a" / "archive.db")
    outside = tmp_path / "elsewhere" / "crawl-00000.warc.gz"
    assert stored_path(db, outside) == str(outside.resolve())
    assert resolve_path(db, stored_path(db, outside)) == outside.resolve()


def test_the_same_relative_path_from_two_folders_names_two_files(tmp_path: Path) -> None:
    """A relative path is read from the working folder of the moment, not the first one."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    db = open_archive(one / "archive.db")
    here = Path.cwd()
    try:
        os.chdir(one)
        first = stored_path(db, Path("warcs/x.warc.gz"))
        os.chdir(two)
        second = stored_path(db, Path("warcs/x.warc.gz"))
    finally:
        os.chdir(here)
    assert first == "warcs/x.warc.gz"
    assert second == str((two / "warcs" / "x.warc.gz").resolve())


def test_two_archives_name_the_same_file_each_from_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    outer = open_archive(tmp_path / "archive.db")
    inner = open_archive(tmp_path / "sub" / "archive.db")
    path = tmp_path / "sub" / "warcs" / "crawl.warc.gz"
    assert stored_path(outer, path) == "sub/warcs/crawl.warc.gz"
    assert stored_path(inner, path) == "warcs/crawl.warc.gz"
