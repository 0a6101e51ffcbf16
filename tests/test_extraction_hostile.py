"""Hostile bytes inside an otherwise good page: the article still comes out, in bounded time.

Each case is a defect found by fuzzing (issue 8): a control character lxml refuses, JSON-LD
nested past Python's recursion limit, a token that made a regular expression quadratic. The
timeouts are hang guards (the broken versions took minutes), not performance measurements.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.extraction import ExtractionError, extract
from pipelines.extraction.page import parse_page
from pipelines.extraction.thresholds import MAX_JSONLD_DEPTH

SEED = (Path(__file__).parent / "fixtures" / "pages" / "seed_phnompenh_post.html").read_text(
    encoding="utf-8"
)
HEADLINE = "Anti-trafficking drive goes on"
FIRST = "A recent meeting between social affairs minister Vong Soth"


def _with_first_paragraph(extra: str) -> str:
    """The seed page with markup put at the start of its first paragraph."""
    return SEED.replace(f"<p>{FIRST}", f"<p>{extra}{FIRST}", 1)


@pytest.mark.parametrize(
    "char",
    ["\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800",
     "&#1;", "&#x1F;", "&#X0b;", "&#0012;", "&#65534;", "&#xFFFF;", "&#2", "&#\x011;"],
)  # fmt: skip
def test_control_characters_beside_removed_markup_do_not_crash(char: str) -> None:
    # Removing the <script> and the ad joins their tails to the text around them: lxml
    # refused to store text holding the character (ValueError in drop_tree).
    extra = f"Start <script>x</script>tail{char} text <span class='advert'>ad</span>{char}more. "
    record = extract(_with_first_paragraph(extra), url="https://example.com/national/a-b-c-d")
    assert record.headline == HEADLINE
    assert record.body[0].startswith("Start tail text more. A recent meeting")


def test_a_reference_nested_in_a_reference_does_not_crash() -> None:
    # Taking out the inner "&#1;" must not leave an outer one for lxml to decode.
    extra = "Start <script>x</script>tail&#&#1;1; <span class='advert'>ad</span>more. "
    record = extract(_with_first_paragraph(extra))
    assert record.headline == HEADLINE
    assert record.body[0].startswith("Start tail&# 1; more. A recent meeting")


def test_control_characters_in_attributes_and_titles() -> None:
    html = SEED.replace('class="page-title"', 'class="page-title\x02" data-x="\x03\ufffe"')
    record = extract(html.replace("<title>", "<title>\x07"))
    assert record.headline == HEADLINE
    assert len(record.body) == 10


@pytest.mark.parametrize(("opening", "closing"), [('{"a":', "}"), ("[", "]")])
def test_json_ld_nested_a_thousand_deep_is_skipped(opening: str, closing: str) -> None:
    script = '<script type="application/ld+json">' + opening * 1000 + "1" + closing * 1000
    html = SEED.replace("</head>", script + "</script></head>")
    record = extract(html)
    assert record.headline == HEADLINE
    assert len(record.body) == 10


def test_deep_json_ld_in_one_script_leaves_the_article_object_of_another() -> None:
    deep = '{"@type": "Thing", "x": ' + "[" * 2000 + "1" + "]" * 2000 + "}"
    article = '{"@type": "NewsArticle", "headline": "Anti-trafficking drive goes on", '
    article += '"author": {"@type": "Person", "name": "Sok Chan"}}'
    scripts = f'<script type="application/ld+json">{deep}</script>'
    scripts += f'<script type="application/ld+json">{article}</script>'
    record = extract(SEED.replace("</head>", scripts + "</head>"))
    assert record.headline == HEADLINE
    assert record.authors == ["Sok Chan"]


def test_json_ld_values_nested_past_the_limit_are_cut() -> None:
    # Deep enough to parse, then read by functions that recurse over lists (author names):
    # cut, so that reading stays far from the recursion limit whatever the caller's stack.
    author = "[" * 400 + '{"@type": "Person", "name": "Sok Chan"}' + "]" * 400
    article = f'{{"@type": "NewsArticle", "headline": "{HEADLINE}", "author": {author}}}'
    script = f'<script type="application/ld+json">{article}</script>'
    page = parse_page(SEED.replace("</head>", script + "</head>"))
    value, depth = page.jsonld[0]["author"], 1
    while isinstance(value, list):
        value, depth = value[0], depth + 1
    assert value is None
    assert depth == MAX_JSONLD_DEPTH


@pytest.mark.timeout(20)
def test_a_long_token_at_the_end_of_the_story_takes_linear_time() -> None:
    # The e-mail pattern was searched before its length guard, from every position of the
    # token: a 100 KB token took 37 s.
    token = "a" * 200_000
    last = "other countries,” he said.</p>"
    assert SEED.count(last) == 1
    html = SEED.replace(last, f"other countries,” he said. {token}</p>")
    record = extract(html)
    assert record.headline == HEADLINE
    assert token in record.body[-1]


@pytest.mark.timeout(20)
def test_an_author_name_full_of_at_signs_takes_linear_time() -> None:
    # The contact pattern stripped from author names backtracked over "a@a@a@...": cubic.
    meta = '<meta name="author" content="Sok Chan ' + "a@" * 20_000 + '">'
    record = extract(SEED.replace("</head>", meta + "</head>"))
    assert record.headline == HEADLINE
    assert len(record.body) == 10


_BAD_URLS = ["http://[x", "http://[::1", "https://example.com:99999/a"]


@pytest.mark.parametrize("bad", _BAD_URLS)
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('src="/sites', 'src="{bad}'),  # an image, read for captions
        ("<p>A recent", '<h2><a href="{bad}">Linked heading</a></h2><p>A recent'),
        ("</head>", '<link rel="canonical" href="{bad}"><meta property="og:image" content="{bad}">'
         "</head>"),
    ],
)  # fmt: skip
def test_unparseable_urls_in_the_page_are_left_out(bad: str, old: str, new: str) -> None:
    html = SEED.replace(old, new.format(bad=bad), 1)
    record = extract(html, url="https://www.phnompenhpost.test/national/story")
    assert record.headline == HEADLINE
    assert len(record.body) == 10
    urls = [record.canonical_url, record.lead_image_url, *(c.image_url for c in record.captions)]
    assert bad not in urls


@pytest.mark.parametrize("bad", _BAD_URLS)
def test_an_unparseable_page_url_is_an_extraction_error(bad: str) -> None:
    with pytest.raises(ExtractionError, match="URL"):
        extract(SEED, url=bad)


def test_a_date_with_an_offset_past_a_day_is_no_date() -> None:
    # htmldate, searching the page for a date, raised on "+99:99" (ValueError from datetime).
    html = SEED.replace(
        "<p>A recent", '<time datetime="2024-01-01T00:00:00+99:99">x</time><p>A recent'
    )
    record = extract(html)
    assert record.headline == HEADLINE
    assert len(record.body) == 10


@pytest.mark.timeout(5)
def test_malformed_iso_dates_are_read_in_bounded_time() -> None:
    # An ISO-looking date that is no date ("February 30th, 25:61") sent dateparser through
    # every locale it knows: a second per meta tag.
    meta = '<meta property="article:published_time" content="2024-02-30T25:{}">'
    metas = "".join(meta.format(50 + i) for i in range(10))
    record = extract(SEED.replace("</head>", metas + "</head>"))
    assert record.headline == HEADLINE
    assert len(record.body) == 10


@pytest.mark.parametrize(
    "caption",
    [
        "Crowds at the pier. " + "A" * 60 + "!",  # a run of capitals after a sentence
        "Crowds at the pier " + "[" * 20_000,  # a run of brackets
    ],
)
@pytest.mark.timeout(20)
def test_caption_texts_are_read_for_credits_in_bounded_time(caption: str) -> None:
    # Looking for the credit ("... PHOTO: NAME", "(Photo by X)") backtracked exponentially on
    # the capitals (a run of 25 took 0.1 s, one more letter doubles it) and quadratically on
    # the brackets (20,000 took 85 s).
    figure = f"<figure><img src='/a.jpg'><figcaption>{caption}</figcaption></figure>"
    record = extract(_with_first_paragraph("").replace("<h2>", figure + "<h2>", 1))
    assert record.headline == HEADLINE
    assert len(record.body) == 10


@pytest.mark.timeout(5)
def test_nested_tag_blocks_are_read_in_bounded_time() -> None:
    # Tag links were searched block by block: libxml2 merged one node-set per enclosing
    # "tags" block, quadratic when they nest (50 blocks around 900 links took 1.6 s).
    block = '<div class="tags">' + '<a href="/tag/ferry">ferry</a> <a href="/x">x</a>' * 20
    nested = block * 120 + "</div>" * 120
    record = extract(SEED.replace("<footer", nested + "<footer", 1))
    assert record.headline == HEADLINE
    assert "ferry" in record.tags


@pytest.mark.timeout(5)
def test_many_long_h1s_are_compared_with_the_titles_in_bounded_time() -> None:
    # Each <h1> was compared word by word with each part of each title: 300 <h1>s of 6 KB
    # (a repeated block of a broken page) took seconds.
    h1s = ("<h1>" + "anti trafficking drive goes on " * 200 + "</h1>") * 300
    record = extract(SEED.replace("<main", h1s + "<main", 1))
    assert record.headline == HEADLINE


@pytest.mark.timeout(5)
def test_captions_inside_a_huge_figure_are_read_in_bounded_time() -> None:
    # Each caption counted every caption of the figure around it: quadratic in a figure
    # holding a page's worth of photos and captions.
    photo = "<img src='/a.jpg'><figcaption>A caption under the photo.</figcaption>"
    frame = "<figure>" + (photo + "<p>Some words between the photos.</p>") * 1500 + "</figure>"
    record = extract(_with_first_paragraph("").replace("<h2>", frame + "<h2>", 1))
    assert record.headline == HEADLINE
