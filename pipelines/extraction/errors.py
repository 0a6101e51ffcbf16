"""The specific errors extraction raises for input it cannot treat as an HTML page."""


class ExtractionError(ValueError):
    """The input cannot be read as an HTML page."""


class EmptyDocument(ExtractionError):
    """The input is empty or holds only whitespace."""


class NotHTML(ExtractionError):
    """The input is binary data or another format, not an HTML page."""


class InvalidURL(ExtractionError):
    """The page's URL, given by the caller, cannot be parsed."""
