"""Pages for researchers: charts of coverage, authors, sections and edits; extraction health."""

from __future__ import annotations

from typing import Any

from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import BadRequest, Response

from archive.datasette.coverage import PERIODS, Count, coverage

# Authors, sections and edits are counted over the newest articles (by archive order): the
# whole table of a million-article archive cannot be read within a page's time.
RECENT = 20_000
_PERIODS = {
    "day": "substr({col}, 1, 10)",
    "week": "date({col}, '-6 days', 'weekday 1')",
    "month": "substr({col}, 1, 7)",
    "year": "substr({col}, 1, 4)",
}
# Coverage of a large archive takes about half a second to count: kept until it changes.
_COVERAGE: dict[tuple, list[Count]] = {}
_STAMP = "select (select max(id) from articles), (select max(id) from article_versions)"

_CHARTS = {
    "authors": """
        select 'articles' as series, value as label, count(*) as n
        from articles, json_each(case when json_valid(authors) then authors else '[]' end)
        where articles.rowid > (select max(rowid) from articles) - {recent}
        group by value order by n desc limit 15""",
    "sections": """
        select 'articles' as series, coalesce(section, '(none)') as label, count(*) as n
        from articles where rowid > (select max(rowid) from articles) - {recent}
        group by label order by n desc limit 15""",
    "edits": """
        select 'new versions' as series, {seen_at} as label, count(*) as n
        from article_versions
        where version > 1 and id > (select max(id) from article_versions) - {recent}
        group by label order by label""",
}

_HEALTH = """
select a.site, a.crawl_id, c.started, count(*) as articles,
  round(100.0 * sum(a.authors is null or a.authors in ('', '[]')) / count(*), 1) as no_byline,
  round(100.0 * sum(a.published is null) / count(*), 1) as no_date,
  round(100.0 * sum(coalesce(a.captions_text, '') = '') / count(*), 1) as no_captions,
  round(100.0 * sum(coalesce(a.word_count, 0) < :short) / count(*), 1) as short_body
from articles a left join crawls c on c.id = a.crawl_id
where {newest}
group by a.site, a.crawl_id order by a.site, a.crawl_id desc
"""
SHORT_BODY = 150  # words: a body this short is usually a teaser or a broken extraction


def _archive(datasette: Any, request: Any) -> str:
    from archive.datasette.pages import _archive as archive_name

    return archive_name(datasette, request)


def _series(rows: list) -> dict:
    """Rows of (series, label, n) as Chart.js data: shared labels, one dataset per series."""
    labels = list(dict.fromkeys(row["label"] for row in rows))
    index = {label: i for i, label in enumerate(labels)}
    datasets: dict[str, list[int]] = {}
    for row in rows:
        datasets.setdefault(row["series"], [0] * len(labels))[index[row["label"]]] = row["n"]
    return {
        "labels": labels,
        "datasets": [{"label": name, "data": data} for name, data in datasets.items()],
    }


async def _coverage(datasette: Any, database: str, by: str) -> list[Count]:
    db = datasette.get_database(database)
    stamp = tuple((await db.execute(_STAMP)).first())
    key = (db.path, by, stamp)
    if key not in _COVERAGE:

        def count(conn):
            with sqlite_timelimit(conn, 10_000):
                return coverage(conn, by)

        if len(_COVERAGE) > 32:
            _COVERAGE.clear()
        _COVERAGE[key] = await db.execute_fn(count)
    return _COVERAGE[key]


async def chart_json(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    name = request.url_vars["chart"]
    by = request.args.get("by", "month")
    if name not in (*_CHARTS, "coverage") or by not in PERIODS:
        raise BadRequest(f"charts: coverage, {', '.join(_CHARTS)}; by: {', '.join(PERIODS)}")
    if name == "coverage":
        counts = await _coverage(datasette, database, by)
        rows = [{"series": c.series, "label": c.label, "n": c.n} for c in counts]
        return Response.json(_series(rows) | {"chart": name, "by": by})
    period = _PERIODS[by]
    sql = _CHARTS[name].format(
        published=period.format(col="published"),
        seen_at=period.format(col="seen_at"),
        recent=RECENT,
    )
    rows = await datasette.get_database(database).execute(sql)
    return Response.json(_series(list(rows)) | {"chart": name, "by": by})


async def charts_page(datasette: Any, request: Any) -> Response:
    database = _archive(datasette, request)
    context = {"database": database, "recent": RECENT}
    html = await datasette.render_template("news_archive_charts.html", context, request=request)
    return Response.html(html)


# The newest articles: of the whole archive, or of one site (through its (site, ...) index).
_NEWEST = "a.rowid > (select max(rowid) from articles) - :recent"
_NEWEST_OF_SITE = (
    "a.rowid in (select rowid from articles where site = :site order by rowid desc limit :recent)"
)


async def health_page(datasette: Any, request: Any) -> Response:
    """Extraction health of every site, or of one (?site=)."""
    database = _archive(datasette, request)
    site = request.args.get("site") or None
    params = {"short": SHORT_BODY, "recent": RECENT, "site": site}
    sql = _HEALTH.format(newest=_NEWEST_OF_SITE if site else _NEWEST)
    result = await datasette.get_database(database).execute(sql, params)
    context = {
        "database": database, "rows": list(result), "short": SHORT_BODY, "recent": RECENT,
        "site": site,
    }  # fmt: skip
    html = await datasette.render_template("news_archive_health.html", context, request=request)
    return Response.html(html)


_DB = r"^/(?P<database>[^/]+)/-/"
ROUTES = [
    (_DB + r"charts$", charts_page),
    (_DB + r"charts/(?P<chart>[a-z]+)\.json$", chart_json),
    (_DB + r"health$", health_page),
]
