"""What a crawl's own process loads from the project's settings: no server that runs code
sent to it, and no module it does not use (each is memory held for the whole crawl)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: what Scrapy imports is seen in sys.modules.
_PROBE = """
import json, sys
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings

settings = get_project_settings()
loader = SpiderLoader.from_settings(settings)
spiders = loader.list()
loader.load("news").update_settings(settings)  # as a crawl of it does
names = build_component_list(settings.get_component_priority_dict_with_base("EXTENSIONS"))
extensions = [load_object(name).__name__ for name in names]
pipelines = [load_object(name).__name__ for name in settings.getdict("ITEM_PIPELINES")]
print(json.dumps({
    "spiders": spiders,
    "extensions": extensions,
    "pipelines": pipelines,
    "remote_control": settings.getbool("REMOTE_CONTROL_ENABLED"),
    "loaded": sorted({m.split(".")[0] for m in sys.modules}),
}))
"""


def _probe(code: str) -> Any:
    """What code, run in a fresh interpreter in the project, prints as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_a_crawl_runs_no_remote_control_server_and_loads_only_what_it_uses() -> None:
    probe = _probe(_PROBE)
    assert probe["spiders"] == ["news"]
    # Scrapy's own extensions are there (the log's stats, the close conditions) and ours...
    assert {"LogStats", "CloseSpider", "CrawlSession", "Frontier"} <= set(probe["extensions"])
    # ...but not the remote control (Scrapy >= 2.19 runs it by default), off and not loaded.
    assert "RemoteControl" not in probe["extensions"]
    assert probe["remote_control"] is False
    assert "StorePipeline" in probe["pipelines"]
    # Neither its HTTP server (aiohttp), nor the Redis frontier a one-machine crawl does not
    # use, nor bs4, which only the extraction processes need (for a page's charset).
    assert not {"aiohttp", "scrapy_redis", "redis", "bs4"} & set(probe["loaded"])


def test_the_extraction_processes_import_neither_scrapy_nor_twisted() -> None:
    """A worker imports what the crawl's command imports (multiprocessing runs the parent's
    main module in it), its own modules, and the settings module (read by commands)."""
    loaded = set(
        _probe(
            "import json, sys, archive.cli, pipelines.extract_worker, pipelines.extract_warm, "
            "spiders.settings; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
        )
    )
    assert "lxml" in loaded  # the probe sees what was imported...
    assert not {"scrapy", "twisted", "aiohttp"} & loaded  # ...and 20 MB a worker it need not
