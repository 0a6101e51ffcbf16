"""Re-extract archived articles from their raw captures, without fetching anything again."""

from __future__ import annotations

import json
import logging
from collections import Counter

import sqlite_utils

from archive.ingest import MAX_PAGE_BYTES, Dropped, IngestOptions, page_to_article
from archive.store import CorruptCapture, Provenance, captured_page, save_article
from pipelines.extraction import Rules
from spiders.settings import ARCHIVE_MIN_WORDS

logger = logging.getLogger(__name__)

# The newest successful capture of every URL, with the crawl that fetched it.
_LATEST = """
select id, crawl_id from captures
where id in (select max(id) from captures where status = 200 group by url)
order by id
"""


def reextract(
    db: sqlite_utils.Database, rules: Rules | None = None, min_words: int | None = None
) -> Counter[str]:
    """Run today's extractor over every URL's latest capture, with the rules the crawl that
    fetched it applied (its ARCHIVE_MIN_WORDS unless min_words is given, its
    ARCHIVE_MAX_PAGE_BYTES, and the feed's or sitemap's date); count new/updated/refreshed/
    unchanged, each drop reason, and the captures whose bytes are corrupt (corrupt_capture)."""
    counts: Counter[str] = Counter()
    crawls = _crawl_settings(db)
    for row in list(db.query(_LATEST)):
        try:
            page = captured_page(db, row["id"])
        except CorruptCapture as error:  # counted; the other captures go on
            logger.warning("%s", error)
            counts["corrupt_capture"] += 1
            continue
        result = page_to_article(page, _options(crawls.get(row["crawl_id"], {}), rules, min_words))
        if isinstance(result, Dropped):
            counts[result.reason] += 1
            continue
        prov = Provenance.of(page, row["id"], row["crawl_id"])
        counts[save_article(db, result.article, result.key, prov)] += 1
    return counts


def _options(settings: dict, rules: Rules | None, min_words: int | None) -> IngestOptions:
    """What the crawl that fetched a page applied (the defaults where it recorded none)."""
    floor = settings.get("ARCHIVE_MIN_WORDS", ARCHIVE_MIN_WORDS)
    max_bytes = settings.get("ARCHIVE_MAX_PAGE_BYTES", MAX_PAGE_BYTES)
    return IngestOptions(min_words if min_words is not None else int(floor), rules, int(max_bytes))


def _crawl_settings(db: sqlite_utils.Database) -> dict[int, dict]:
    """Each crawl's ARCHIVE_* settings, as recorded in its row."""
    return {
        row["id"]: json.loads(row["settings"] or "{}")
        for row in db.query("select id, settings from crawls")
    }
