"""warcio's own command line, and a crawl's WARC files, for the WARC tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WARCIO = Path(sys.executable).with_name("warcio")


def warcio(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`warcio ARGS` (check, index...) in a child process, as an archivist would run it."""
    command = [str(WARCIO), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def warc_files(db: Path) -> list[Path]:
    """The WARC files a crawl into db wrote (warcs/ beside it)."""
    return sorted((db.parent / "warcs").glob("*.warc.gz"))
