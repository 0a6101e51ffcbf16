"""Re-extract archived articles from their raw captures, without fetching anything again."""

from __future__ import annotations

from collections import Counter

import sqlite_utils

from archive.articles import Provenance, save_article
from archive.store import capture_body
from pipelines.extraction import ExtractionError, Rules, extract
from pipelines.extraction.page import decode_html
from pipelines.extraction.urls import article_key

# The newest successful HTML capture of every URL.
_LATEST = """
select id, url, final_url, site, content_type, fetched_at, crawl_id from captures
where id in (select max(id) from captures where status = 200 group by url)
  and content_type like '%html%'
order by id
"""


def reextract(db: sqlite_utils.Database, rules: Rules | None = None) -> Counter[str]:
    """Run today's extractor over every URL's latest capture; count new/updated/unchanged,
    not_article and unreadable. Articles whose text changes get a new version."""
    counts: Counter[str] = Counter()
    for row in list(db.query(_LATEST)):
        try:
            html = decode_html(capture_body(db, row["id"]), row["content_type"])
            article = extract(html, url=row["final_url"], rules=rules)
        except ExtractionError:
            counts["unreadable"] += 1
            continue
        if not article.is_article:
            counts["not_article"] += 1
            continue
        key = article_key(article.canonical_url, row["final_url"])
        prov = Provenance(
            row["site"], row["final_url"], row["id"], row["crawl_id"], row["fetched_at"]
        )
        counts[save_article(db, article, key, prov)] += 1
    return counts
