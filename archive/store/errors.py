"""The store's error: an archive that cannot be opened, upgraded or written."""


class ArchiveError(Exception):
    """The archive file cannot be opened or written: missing, read-only, not SQLite, or
    written by a newer news-archive."""
