"""The WARC layer's errors: a file or record that cannot be read."""


class WarcReadError(Exception):
    """A WARC file, or the record at an offset in it, cannot be read: missing, not a WARC,
    truncated or corrupt. The message names the file and, where known, the offset."""


class WarcPayloadError(WarcReadError):
    """One record's payload cannot be read: an encoding that does not decode, or more bytes
    than allowed once decoded. The records around it can still be read."""
