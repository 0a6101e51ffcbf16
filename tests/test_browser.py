"""The published archive in Debian's Chromium (headless): search, read, compare, chart.

Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_helpers import SEED, build_web_archive, served

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(),
    reason="Chromium is not installed (/usr/bin/chromium): run .ci/install-browser",
)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    path = build_web_archive(tmp_path_factory.mktemp("browser") / "archive.db")
    command = [str(Path(sys.executable).parent / "datasette"), "serve", str(path), "--port", "0"]
    with served(command) as (_, url):
        yield url + "/archive"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1200, "height": 900},
        )  # fmt: skip
        try:
            yield context.new_page()
        finally:
            context.close()


def test_search_highlights_and_opens_the_article(base: str, page) -> None:
    page.goto(f"{base}/-/search")
    page.fill("input[name=q]", "human trafficking")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".na-hit")
    marks = page.locator(".na-snippet mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} <= {"human", "trafficking"}
    assert "<mark>" not in page.locator(".na-snippet").first.inner_text()
    page.screenshot(path=ARTIFACTS / "search.png", full_page=True)
    page.click(f".na-hit h3 a:text('{SEED}')")
    page.wait_for_selector("h1.na-headline")
    assert page.inner_text("h1.na-headline") == SEED
    captions = page.locator(".na-captions li").all_inner_texts()
    assert any("SOCIAL AFFAIRS MINISTRY" in c for c in captions)
    assert page.locator(".na-body p").count() >= 3
    page.screenshot(path=ARTIFACTS / "article.png", full_page=True)


def test_hostile_text_stays_text(base: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/-/search?q=harbour+reopened")
    page.wait_for_selector(".na-hit")
    page.click(".na-hit h3 a")
    page.wait_for_selector("h1.na-headline")
    assert "<script>" in page.inner_text("h1.na-headline")
    assert dialogs == [], "a script from stored text ran"


def test_versions_are_compared_word_by_word(base: str, page) -> None:
    page.goto(f"{base}/-/search?q=bridge+close")
    page.click(".na-hit h3 a")
    page.wait_for_selector(".na-diff")
    assert page.locator(".na-diff del").all_inner_texts() == ["May. "] or "May." in " ".join(
        page.locator(".na-diff del").all_inner_texts()
    )
    assert "June." in " ".join(page.locator(".na-diff ins").all_inner_texts())
    page.locator(".na-diff").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "diff.png", full_page=True)


def test_charts_are_drawn(base: str, page) -> None:
    page.goto(f"{base}/-/charts")
    page.wait_for_selector("#chart-coverage[data-drawn=true]")
    page.wait_for_selector("#chart-authors[data-drawn=true]")
    points = page.evaluate(
        "Chart.getChart(document.getElementById('chart-coverage')).data.datasets"
        ".reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)"
    )
    assert points >= 40
    # Something was painted: the canvas is not one flat colour.
    colours = page.evaluate(
        """(() => { const c = document.getElementById('chart-coverage');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let i = 0; i < d.length; i += 4 * 97) seen.add(d.slice(i, i + 4).join());
        return seen.size; })()"""
    )
    assert colours > 3
    page.select_option("#coverage-by", "year")
    page.wait_for_function(
        "Chart.getChart(document.getElementById('chart-coverage')).data.labels"
        ".every(l => l.length === 4)"
    )
    page.screenshot(path=ARTIFACTS / "charts.png", full_page=True)
