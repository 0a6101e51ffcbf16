"""Extraction against stored pages: tests/fixtures/pages/<name>.html with its expected <name>.json.

Each expected field has its own test, parametrized only over the pages whose JSON holds that
field, so a failure names the page and the field that broke. Text is compared after collapsing
runs of whitespace (nbsp included) and nothing else. Credits are the credited names without
their lead-in label ("Photograph:", "Image source,", "Photo by", "©", "Foto:", "사진=" ...) or
wrapping brackets; agency credit lines such as "AP Photo/Name" or "REUTERS/Name" stay whole.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lxml.html
import pytest

if TYPE_CHECKING:
    from pipelines.extraction import Article

PAGES = Path(__file__).parent / "fixtures" / "pages"
KNOWN_KEYS = {
    "description", "url", "is_article", "headline", "body", "body_contains", "captions",
    "authors", "published", "modified", "language", "section", "tags", "canonical_url",
    "absent",
}  # fmt: skip
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    return _SPACE.sub(" ", text or "").strip()


def _load_expected() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAGES.glob("*.json"))}


EXPECTED = _load_expected()


def pages_with(key: str) -> list[str]:
    """The fixture names whose expected JSON holds `key`."""
    return [name for name, expected in EXPECTED.items() if key in expected]


@functools.cache
def extracted(name: str) -> Article:
    """Extract each page once; the import is here so the fixtures' own checks run without it."""
    from pipelines.extraction import extract

    html = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    return extract(html, url=EXPECTED[name].get("url"))


def _captions_text(article: Article) -> list[str]:
    return [norm(t) for c in article.captions for t in (c.caption, c.credit) if t]


# --- the fixtures themselves ------------------------------------------------------------------


def test_every_page_has_html_and_json() -> None:
    html = {p.stem for p in PAGES.glob("*.html")}
    assert html, f"no fixtures in {PAGES}"
    assert html == set(EXPECTED), f"unpaired: {sorted(html ^ set(EXPECTED))}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_is_well_formed(name: str) -> None:
    expected = EXPECTED[name]
    assert set(expected) <= KNOWN_KEYS, f"unknown keys {set(expected) - KNOWN_KEYS}"
    assert expected.get("description"), "every fixture says what it tests"
    assert isinstance(expected.get("is_article"), bool)
    doc = lxml.html.document_fromstring((PAGES / f"{name}.html").read_text(encoding="utf-8"))
    assert doc.tag == "html" and doc.find("body") is not None


def _expected_strings(expected: dict[str, Any]) -> list[str]:
    strings = [expected.get("headline", ""), *expected.get("body", [])]
    strings += [*expected.get("body_contains", []), *expected.get("authors", [])]
    for caption in expected.get("captions", []):
        strings += [caption["caption"], caption.get("credit") or ""]
    return [norm(s) for s in strings if s]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_strings_occur_in_page(name: str) -> None:
    """Expected and absent strings are really on the page, or the test proves nothing."""
    expected = EXPECTED[name]
    doc = lxml.html.document_fromstring((PAGES / f"{name}.html").read_text(encoding="utf-8"))
    attributes = " \n ".join(norm(v) for el in doc.iter() for v in el.attrib.values())
    # Text as the markup runs it together, and as a browser spaces it between elements.
    page = " \n ".join([norm(doc.text_content()), norm(" ".join(doc.itertext())), attributes])
    missing = [s for s in _expected_strings(expected) if s not in page]
    missing += [norm(s) for s in expected.get("absent", []) if norm(s) not in page]
    assert not missing, f"not on the page: {missing}"
    kept = _expected_strings(expected)
    clashes = [a for a in expected.get("absent", []) if any(norm(a) in k for k in kept)]
    assert not clashes, f"absent strings that the expected text contains: {clashes}"


# --- extraction ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", pages_with("is_article"))
def test_is_article(name: str) -> None:
    assert extracted(name).is_article is EXPECTED[name]["is_article"]


@pytest.mark.parametrize("name", pages_with("headline"))
def test_headline(name: str) -> None:
    assert norm(extracted(name).headline) == norm(EXPECTED[name]["headline"])


@pytest.mark.parametrize("name", pages_with("body"))
def test_body(name: str) -> None:
    assert [norm(p) for p in extracted(name).body] == [norm(p) for p in EXPECTED[name]["body"]]


@pytest.mark.parametrize("name", pages_with("body_contains"))
def test_body_contains_in_order(name: str) -> None:
    text = "\n".join(norm(p) for p in extracted(name).body)
    position = 0
    for fragment in map(norm, EXPECTED[name]["body_contains"]):
        found = text.find(fragment, position)
        assert found >= 0, f"not in the body after offset {position}: {fragment!r}"
        position = found + len(fragment)


@pytest.mark.parametrize("name", pages_with("captions"))
def test_captions(name: str) -> None:
    captions = extracted(name).captions
    got = [{"caption": norm(c.caption), "credit": norm(c.credit) or None} for c in captions]
    want = [
        {"caption": norm(c["caption"]), "credit": norm(c.get("credit")) or None}
        for c in EXPECTED[name]["captions"]
    ]
    assert got == want
    for caption, spec in zip(captions, EXPECTED[name]["captions"], strict=True):
        if "image_url_endswith" in spec:
            assert (caption.image_url or "").endswith(spec["image_url_endswith"])


@pytest.mark.parametrize("name", pages_with("authors"))
def test_authors(name: str) -> None:
    want = [norm(a) for a in EXPECTED[name]["authors"]]
    assert [norm(a) for a in extracted(name).authors] == want


@pytest.mark.parametrize(
    ("name", "field"),
    [(name, field) for field in ("published", "modified") for name in pages_with(field)],
)
def test_dates(name: str, field: str) -> None:
    """Same instant and same UTC offset; an expected bare date (from a URL) checks the day only."""
    got: datetime | None = getattr(extracted(name), field)
    text = EXPECTED[name][field]
    assert got is not None, f"no {field} date"
    if "T" not in text:
        assert got.date() == date.fromisoformat(text)
        return
    want = datetime.fromisoformat(text)
    assert got.tzinfo is not None, f"{field} {got} has no timezone"
    assert (got, got.utcoffset()) == (want, want.utcoffset())


@pytest.mark.parametrize("name", pages_with("language"))
def test_language(name: str) -> None:
    """A bare expected code ("de") accepts any region of it ("de-DE")."""
    got = (extracted(name).language or "").lower()
    want = EXPECTED[name]["language"].lower()
    assert (got if "-" in want else got.split("-")[0]) == want


@pytest.mark.parametrize("name", pages_with("section"))
def test_section(name: str) -> None:
    assert norm(extracted(name).section) == EXPECTED[name]["section"]


@pytest.mark.parametrize("name", pages_with("tags"))
def test_tags(name: str) -> None:
    assert sorted(norm(t) for t in extracted(name).tags) == sorted(EXPECTED[name]["tags"])


@pytest.mark.parametrize("name", pages_with("canonical_url"))
def test_canonical_url(name: str) -> None:
    assert extracted(name).canonical_url == EXPECTED[name]["canonical_url"]


@pytest.mark.parametrize("name", pages_with("absent"))
def test_boilerplate_absent(name: str) -> None:
    article = extracted(name)
    kept = [norm(article.headline), *(norm(p) for p in article.body), *_captions_text(article)]
    leaked = [s for s in EXPECTED[name]["absent"] if any(norm(s) in k for k in kept)]
    assert not leaked, f"boilerplate kept: {leaked}"
