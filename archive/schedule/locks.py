"""One lock file per site (fcntl.flock), shared with the crawl process so that it lasts exactly
as long as the crawl: a scheduler that dies leaves no stale lock, and a crawl it left running
keeps its site locked until it ends."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class SiteLock:
    """An exclusive lock on a site's lock file, held through an open file descriptor.

    The kernel drops the lock when the last descriptor of the open file is closed: the
    scheduler's own, and the crawl's, which inherits it (Popen pass_fds).
    """

    def __init__(self, fd: int, path: Path):
        self.fd = fd
        self.path = path

    @classmethod
    def acquire(cls, path: Path) -> SiteLock | None:
        """The lock, or None when a crawl of the site holds it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return cls(fd, path)

    def note(self, text: str) -> None:
        """Say who holds the lock, for the next scheduler's log (the lock is the flock)."""
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, text.encode("utf-8"), 0)

    def release(self) -> None:
        """Close our descriptor; the lock ends once the crawl has closed its copy too."""
        os.close(self.fd)


def holder(path: Path) -> str:
    """What the lock file says about the crawl holding it."""
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown process"
    except OSError:
        return "unknown process"
