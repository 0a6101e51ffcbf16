"""URL patterns of the demo sites ("/category/{slug}/", "/?p={id}"): matching and building."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import parse_qs

from archive.demo.model import Route

# What a placeholder in a path matches; a placeholder in the query matches any value.
_PLACEHOLDERS = {"slug": "[a-z0-9-]+", "number": "[0-9]+", "id": "[0-9]+"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _path_regex(path_pattern: str) -> re.Pattern[str]:
    parts, last = [], 0
    for found in _PLACEHOLDER.finditer(path_pattern):
        name = found.group(1)
        parts += [
            re.escape(path_pattern[last : found.start()]),
            f"(?P<{name}>{_PLACEHOLDERS[name]})",
        ]
        last = found.end()
    parts.append(re.escape(path_pattern[last:]))
    return re.compile("".join(parts))


def match(route: Route, path: str, query: str) -> dict[str, str] | None:
    """The placeholder values when `path?query` matches the route, else None."""
    path_pattern, _, query_pattern = route.pattern.partition("?")
    found = _path_regex(path_pattern).fullmatch(path)
    if found is None:
        return None
    params = found.groupdict()
    if query_pattern:
        given = parse_qs(query)
        for name, value in (item.split("=", 1) for item in query_pattern.split("&")):
            if name not in given:
                return None
            params[value.strip("{}")] = given[name][0]
    return params


def build(routes: tuple[Route, ...], page: str, **params: object) -> str:
    """The path of the first route to `page` that takes exactly these placeholders."""
    for route in routes:
        names = set(_PLACEHOLDER.findall(route.pattern))
        if route.page == page and names == set(params):
            return route.pattern.format(**params)
    raise KeyError(f"no route to a {page!r} page with {sorted(params)}")
