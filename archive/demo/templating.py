"""The Jinja2 environment of the demo's page templates (`templates/` beside this module).

Text is escaped the way the imitated CMSs print it: `&`, `<` and `>` in text nodes (quotes
stay as typed), and also quotes inside attribute values with the `attr` filter.

The sites' markup runs long lines together, as CMS output does. A template line that ends in
an empty comment with a minus, `{# -#}`, runs on into the next one with no line break and
without the next line's indentation; every other line break is served as written (block tags
alone on a line vanish: trim_blocks and lstrip_blocks are on).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from email.utils import format_datetime
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from archive.demo.assets import PLACEHOLDER_GIF
from archive.demo.model import slugify
from archive.demo.structured import news_article


def _text(value: Any) -> Any:
    """Every `{{ value }}` is escaped for a text node unless a filter already made it markup."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=False))


def attr(value: object) -> Markup:
    """Text for a quoted HTML attribute value."""
    return Markup(html.escape(str(value), quote=True))


def json_ld(data: dict[str, Any]) -> Markup:
    """A JSON-LD script; `</` is escaped so a headline can never close the script early."""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return Markup(f'<script type="application/ld+json">{text}</script>\n')


def long_date(moment: datetime) -> str:
    """WordPress's "March 2, 2026"."""
    return f"{moment:%B} {moment.day}, {moment.year}"


def ledger_date(moment: datetime) -> str:
    """The Drupal daily's "02 March 2026 | 08:15 ICT"."""
    return f"{moment:%d %B %Y} | {moment:%H:%M} ICT"


_ZONES = {-5: "EST", -4: "EDT", 1: "CET", 2: "CEST", 9: "JST"}


def clock(moment: datetime) -> str:
    """US newsroom style: "March 2, 2026 at 9:00 a.m. EST"."""
    offset = moment.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 0
    meridiem = "a.m." if moment.hour < 12 else "p.m."
    hour = moment.hour % 12 or 12
    zone = _ZONES.get(hours, f"UTC{hours:+d}")
    return f"{moment:%B} {moment.day}, {moment.year} at {hour}:{moment:%M} {meridiem} {zone}"


def name_separator(loop: Any) -> str:
    """What goes before a name in a byline loop: "A", "A and B", "A, B and C"."""
    if loop.first:
        return ""
    return " and " if loop.last else ", "


@cache
def environment() -> Environment:
    """The shared environment; templates are read from the package, once."""
    env = Environment(
        loader=PackageLoader("archive.demo", "templates"),
        autoescape=True,
        finalize=_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        attr=attr,
        json_ld=json_ld,
        long_date=long_date,
        ledger_date=ledger_date,
        clock=clock,
        rfc2822=format_datetime,
        slug=slugify,
        quote=lambda text, safe="/": quote(str(text), safe=safe),
    )
    env.globals.update(
        name_separator=name_separator, news_article=news_article, PLACEHOLDER_GIF=PLACEHOLDER_GIF
    )
    return env


def render(template: str, **context: Any) -> str:
    """A template rendered with `context`."""
    return environment().get_template(template).render(**context)
