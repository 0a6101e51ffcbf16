"""What the CLI prints: search hits, archive statistics, extraction explanations; page input."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # the extraction library is slow to import; searching does not need it
    from archive.search import Hit
    from pipelines.extraction.core import Explanation

MAX_PAGE_BYTES = 50 * 1024 * 1024


def read_page_arg(page: str, url: str | None) -> tuple[bytes, str | None]:
    """The bytes of PAGE (a file path or an http(s) URL) and the URL to resolve links with."""
    if page.startswith(("http://", "https://")):
        try:
            # Request() parses the URL: "http://[::1" raises ValueError here.
            request = urllib.request.Request(page, headers={"User-Agent": "news-archive"})
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read(MAX_PAGE_BYTES), url or response.geturl()
        except urllib.error.HTTPError as error:
            error.close()  # it holds the open response
            raise click.ClickException(f"{page}: cannot fetch (HTTP {error.code})") from error
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise click.ClickException(f"{page}: cannot fetch ({error})") from error
    path = Path(page)
    if not path.is_file():
        raise click.ClickException(f"{page}: no such file (give a path or an http(s) URL)")
    return path.read_bytes()[:MAX_PAGE_BYTES], url


def _snippet(snippet: str) -> Text:
    snippet = " ".join(snippet.split())
    text = Text()
    for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


def render_hits(console: Console, hits: list[Hit], query: str) -> None:
    if not hits:
        console.print(f"No articles match {query!r}.", markup=False)
        return
    for rank, hit in enumerate(hits, start=1):
        date = (hit.published or "")[:10]
        console.print(Text(f"{rank}. {hit.headline}", style="bold"), Text(f"  {date}", "dim"))
        console.print(Text(f"   {hit.url}", style="cyan"))
        console.print(Text("   ").append_text(_snippet(hit.snippet)))


def render_stats(console: Console, data: dict[str, Any]) -> None:
    console.print(
        f"{data['articles']} articles, {data['captions']} captions, {data['captures']} captures,"
        f" {data['edits']} edits found"
    )
    for title, rows in (("Sites", data["sites"]), ("Last crawls", data["crawls"]),
                        ("Failures by kind", data["failures"])):  # fmt: skip
        if not rows:
            continue
        table = Table(title=title)
        for column in rows[0]:
            table.add_column(column)
        for row in rows:
            table.add_row(*(Text("" if v is None else str(v)) for v in row.values()))
        console.print(table)


def render_explanation(console: Console, result: Explanation) -> None:
    """Removed elements, then every text block with kept/dropped and the reason."""
    console.rule("classification")
    # Page text and class names print as they are: "[/x]" is not rich markup.
    console.print(f"is_article={result.article.is_article}: {result.classification}", markup=False)
    console.print(f"article container: {result.container}", markup=False)
    console.print(f"body from: {result.body_source}", markup=False)
    console.rule("removed before scoring")
    for reason, snippet in result.removed:
        console.print(Text(f"- {reason}: ", style="red").append(" ".join(snippet.split())[:70]))
    console.rule("text blocks")
    for decision in result.blocks:
        style, mark = ("green", "+") if decision.kept else ("red", "-")
        line = Text(f"{mark} ", style=style).append(decision.text[:90])
        if not decision.kept:
            line.append(f"  [{decision.reason}]", style="dim")
        console.print(line)
