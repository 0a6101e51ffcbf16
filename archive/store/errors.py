"""The store's errors: an archive that cannot be opened, upgraded, written or read."""


class ArchiveError(Exception):
    """The archive file cannot be opened or written: missing, read-only, not SQLite, or
    written by a newer news-archive."""


class ArchiveWriteError(ArchiveError):
    """A write to an open archive failed: locked by other writers for minutes, disk full,
    file gone. What was being written is not in the archive."""


class CorruptCapture(ArchiveError):
    """A capture whose bytes cannot be read back: its WARC file is missing or damaged, its
    zlib body is corrupt, the bytes read are not the ones captured (sha256), or the capture
    is not in the archive."""


class UnsafeURL(ValueError):
    """A URL the archive will not keep: not http(s), or with characters left unencoded.
    (archive.ingest makes every URL safe; this guards the store against any other writer.)"""


class UnrecordablePage(Exception):
    """A page whose WARC record could not be written for reasons of its own (the files and
    the archive are fine): it has no captures row, its article is kept out, and a failures
    row (unrecordable_page) already says why."""
