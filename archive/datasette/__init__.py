"""The news-archive Datasette plugin, registered as a `datasette` entry point (pyproject.toml).

Datasette finds the hooks below by name, and this package's templates/ and static/ folders.
"""

from archive.datasette.hooks import (
    extra_template_vars,
    get_metadata,
    menu_links,
    prepare_connection,
    register_routes,
    render_cell,
    startup,
)

__all__ = [
    "extra_template_vars",
    "get_metadata",
    "menu_links",
    "prepare_connection",
    "register_routes",
    "render_cell",
    "startup",
]
