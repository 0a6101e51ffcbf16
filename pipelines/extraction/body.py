"""Find the article body: score containers by the paragraph text they hold, keep its paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from pipelines.extraction.blocks import Block, is_within, text_blocks
from pipelines.extraction.captions import in_caption_markup
from pipelines.extraction.clean import positive_hint
from pipelines.extraction.text import count_words, normalize, same_text, words

# How much a character of link or fragment text costs a container, against one of prose.
_BAD_WEIGHT = 1.2
# Whole blocks that are labels or calls to action, never article text.
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading|read more|read more:.*|related:.*|related (?:articles|stories|coverage)|"
    r"see also:.*|also read:.*|more:.*|share( this( article| story)?)?|share on \w+|"
    r"follow us.*|sign up.*|subscribe.*|click here.*|tap here.*|"
    r"(?:additional )?reporting by .*|(?:writing|editing) by .*|"
    r"copyright .*|©.*|\(c\) .*|all rights reserved.*|"
    r"image:.*|photo:.*|getty images|view comments|comments|loading\W*|you may also like\W*|"
    r"(?:(?:image|photo|picture|slide|foto|bild)s? )?\d+ ?(?:/|of) ?\d+|(?:\d+ ){3,}\d+|"
    r"(?:this|the) [\w ]{1,30} requires javascript.*|(?:please )?enable javascript.*|"
    r"\[\w+[^\]]*\].*\[/\w+\]|"
    r"(?:image|photo|picture|media) (?:copyright|source|credit|caption)\b.*|"
    r"(?:reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\W.{0,30}|"
    r"\d+\s*(?:min|mins|minutes?)\.? read|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.{0,40}\b(?:by|por|par|von|da|door)\b.*)$",
    re.I,
)


@dataclass
class Decision:
    """What happened to one text block, for `extract --explain`."""

    kept: bool
    reason: str
    text: str


@dataclass
class BodyResult:
    paragraphs: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _weights(block: Block) -> tuple[float, float]:
    """(good, bad) characters a block adds to each container that holds it."""
    size = len(block.text)
    if block.is_heading:
        return 0.0, float(block.link_chars)
    if block.link_density > 0.5 or size < 25:
        return 0.0, float(block.link_chars or size)
    good = size - block.link_chars
    if size < 60:
        good *= 0.5
    if not block.ends_sentence:
        good *= 0.7
    return good, 0.0  # links inside prose are not held against it


# A heading that links elsewhere, or sits inside a link (<a><h3>headline</h3></a>).
_LINKED_HEADLINE = (
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[.//a[@href] or parent::a[@href]]"
)


def teaser_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Elements holding the summary under a linked headline: the text of a teaser card in a
    "more stories" list, which reads like prose but belongs to another article."""
    found: set[lxml.html.HtmlElement] = set()
    for heading in root.xpath(_LINKED_HEADLINE):
        text = len(heading.text_content().strip())
        if heading.getparent().tag == "a":
            linked = text  # <a><h3>headline</h3></a>
        else:
            linked = sum(len(a.text_content().strip()) for a in heading.iter("a"))
        if not text or linked / text < 0.8:
            continue
        parent = heading.getparent()
        siblings = list(heading.itersiblings())[:3]
        card = parent
        if parent is not None and not siblings:
            siblings = list(parent.itersiblings())[:3]
            card = parent.getparent()
        if card is None or len(card.text_content()) > 1000:
            continue  # a headline over a whole story, not a card
        for el in siblings:
            if len(el.text_content().strip()) <= 600:
                found.update(el.iter())
    found.update(_linked_excerpts(root))
    found.update(_card_summaries(root))
    return found


_CARD_TAGS = frozenset(["div", "li", "article", "section"])
# A run of this many sibling cards of the same kind is a list of stories, not a layout quirk.
_MIN_CARDS = 3


def _card_summaries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The summaries in a run of story cards: three or more siblings of the same tag and
    class, each small, each opening with a link (the other story's title) and holding text
    outside links ("Most popular diets": image, linked title, one-line summary)."""
    found: set[lxml.html.HtmlElement] = set()
    for parent in root.iter():
        if len(parent) < _MIN_CARDS:
            continue
        groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _CARD_TAGS:
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for cards in groups.values():
            if len(cards) >= _MIN_CARDS and all(_is_card(card) for card in cards):
                for card in cards:
                    found.update(_unlinked_parts(card))
    return found


def _is_card(card: lxml.html.HtmlElement) -> bool:
    if len(card.text_content()) > 600 or card.find(".//a[@href]") is None:
        return False
    first = next(
        (el for el in card.iter() if isinstance(el.tag, str) and (el.text or "").strip()), None
    )
    return first is not None and (first.tag == "a" or first.getparent().tag == "a")


def _unlinked_parts(card: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    parts: set[lxml.html.HtmlElement] = set()
    for el in card.iterdescendants("div", "p", "span"):
        if el.find(".//a") is None and el.text_content().strip():
            parts.update(el.iter())
    return parts


_CUT_OFF = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")


def _linked_excerpts(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """List items that open with a link to another story and end in a cut-off excerpt:
    "<li><a>Headline</a> <span>The first lines of it...</span></li>" in a ticker."""
    found: set[lxml.html.HtmlElement] = set()
    for item in root.iter("li"):
        first = next(iter(item), None)
        if first is None or first.tag != "a" or (item.text or "").strip():
            continue
        text = normalize(item.text_content())
        if len(text) <= 600 and len(first.text_content().strip()) >= 15 and _CUT_OFF.search(text):
            found.update(item.iter())
    return found


def best_container(
    blocks: list[Block], root: lxml.html.HtmlElement, teasers: set[lxml.html.HtmlElement]
) -> lxml.html.HtmlElement:
    """The element whose prose outweighs the links and fragments it also holds."""
    score: dict[lxml.html.HtmlElement, float] = {}
    for block in blocks:
        good, bad = _weights(block)
        if block.element in teasers:
            good, bad = 0.0, bad + good  # another story's summary pulls towards a listing
        value = good - _BAD_WEIGHT * bad
        el = block.element
        score[el] = score.get(el, 0.0) + value
        for ancestor in el.iterancestors():
            score[ancestor] = score.get(ancestor, 0.0) + value
    best, best_score = root, float("-inf")
    for el in root.iter():
        value = score.get(el)
        if value is None:
            continue
        if positive_hint(el):
            value *= 1.05
        if value >= best_score:
            best, best_score = el, value
    return _narrow(best, score, best_score)


# A child holding this share of its parent's score is the tighter, better container.
NARROW_SHARE = 0.85


def _narrow(
    best: lxml.html.HtmlElement, score: dict[lxml.html.HtmlElement, float], best_score: float
) -> lxml.html.HtmlElement:
    """Walk down into the child that holds nearly all of the container's score."""
    while best_score > 0:
        child = max(best, key=lambda c: score.get(c, float("-inf")), default=None)
        if child is None or score.get(child, float("-inf")) < NARROW_SHARE * best_score:
            return best
        best, best_score = child, score[child]
    return best


_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A line ending in a comma runs on into the next one: a clause, not a stray label.
_CONTINUES = re.compile(r"[,、，،;；]$")


def _short(text: str) -> bool:
    """Under four words (a character of Chinese, Japanese or Thai counts as half a word) and
    not running on into the next line."""
    return count_words(text, unspaced_weight=0.5) < 4 and not _CONTINUES.search(text)


# Words a block must share with the start of a caption to count as a copy of it.
_CAPTION_START = 8


def _opening(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words(text)[:_CAPTION_START])


def caption_openings(captions: list[str]) -> set[tuple[str, ...]]:
    """The opening words of each caption long enough to be recognised when repeated."""
    return {opening for text in captions if len(opening := _opening(text)) == _CAPTION_START}


def _drop_reason(
    block: Block, headline: str | None, seen: set[str], captions: set[tuple[str, ...]]
) -> str | None:
    text = block.text
    if headline and same_text(text, headline):
        return "repeats the headline"
    if captions and _opening(text) in captions and in_caption_markup(block.element):
        return "repeats a caption"  # a gallery's caption shown again away from its image
    if text in seen and len(text) >= 100:
        return "duplicate"  # a hidden or repeated copy; short lines repeat in real lists
    short_link = len(text) < 150 and not block.ends_sentence
    if block.link_density > 0.8 or (block.link_density > 0.5 and short_link):
        return f"link density {block.link_density:.2f}"
    if _BOILERPLATE_LINE.match(text):
        return "boilerplate phrase"
    if _BARE_URL.match(text):
        return "a bare URL"  # a share or permalink field, not a sentence
    # List items may be short ("capers", "Top 10"): a list in the body is the story's own.
    is_line = block.is_heading or block.tag == "li"
    if not is_line and _short(text) and not block.ends_sentence:
        return "fragment"
    if block.is_heading and len(text) > 200:
        return "heading too long"
    return None


def _main_parent(kept: list[Block]) -> lxml.html.HtmlElement | None:
    """The element whose child paragraphs hold most of the kept text: the body proper."""
    mass: dict[lxml.html.HtmlElement, int] = {}
    for block in kept:
        parent = block.element.getparent()
        if parent is not None and not block.is_heading:
            mass[parent] = mass.get(parent, 0) + len(block.text)
    return max(mass, key=lambda el: mass[el]) if mass else None


def _lead_in_reason(block: Block) -> str | None:
    """Byline and dateline lines that sit above the body proper. A standfirst stays: it is
    the publisher's own summary, printed with the story."""
    if len(block.text) < 100 and not block.ends_sentence:
        return "byline or dateline above the body"
    return None


def trim_lead_in(kept: list[Block], decisions: list[Decision]) -> list[Block]:
    """Drop the header material kept above the first paragraph of the body proper."""
    main = _main_parent(kept)
    if main is None:
        return kept
    first = next(
        (i for i, b in enumerate(kept) if main in b.element.iterancestors()),
        0,
    )
    trimmed = []
    for i, block in enumerate(kept):
        reason = _lead_in_reason(block) if i < first else None
        if reason is None:
            trimmed.append(block)
        else:
            decisions.append(Decision(False, reason, block.text))
    return trimmed


_TAIL = re.compile(
    r"^\(?(?:(?:additional )?reporting by|editing by|writing by|compiled by|contact (?:us|the)|"
    r"follow (?:us|\w+ on)|copyright|©|\(c\)|all rights reserved|letters to the editor|"
    r"sign up|subscribe|read more|related|more:|see also|the views expressed|our standards|"
    r"updated(?: at| on)? [\w ,:.]{1,40}$|"
    r"(?:the )?(?:associated press|ap|reuters|afp) (?:writers?|reporters?|correspondents?) )"
    r"|^[^.!?]{3,120}\bcontributed (?:reporting|to this (?:report|story))",
    re.I,
)
# Tried only where an address can start (not inside a run of its characters): tried from
# every position, a long token made the search quadratic.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
# Calls to action that close a story: "Subscribe to our newsletters", "Have a tip?".
_PROMO = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up|inbox|have a tip|follow (?:us|her|him)|"
    r"download (?:our|the) app|all rights reserved|click here|tell us what you think|"
    r"let us know what you think|leave a comment|share it with|like this (?:story|article)|©)",
    re.I,
)
# "Follow Newsbeat on Instagram", "Listen to the show live at 6pm": the publisher's channels.
_CHANNELS = re.compile(
    r"(?:^|[.!?]\s+)(?:follow\b[^.!?]{0,80}\bon (?:facebook|twitter|instagram|youtube|tiktok|"
    r"linkedin|threads|bluesky|x)\b|listen (?:to [^.!?]{1,40} )?(?:live|back|again)\b)",
    re.I,
)


def _tail_reason(block: Block) -> str | None:
    if block.is_heading:
        return "heading at the end"
    if _TAIL.match(block.text) or (len(block.text) < 300 and _EMAIL.search(block.text)):
        return "credits, contact or copyright line at the end"
    if len(block.text) < 200 and _PROMO.search(block.text):
        return "promotion at the end"
    if len(block.text) < 300 and _CHANNELS.search(block.text):
        return "the publisher's channels at the end"
    if len(block.text) < 80 and not block.ends_sentence:
        return "fragment at the end"
    return None


def trim_edges(kept: list[Block], decisions: list[Decision]) -> list[Block]:
    """Drop headings that head nothing, and the credit/contact lines that end a story."""
    result: list[Block] = []
    for i, block in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if block.is_heading and (following is None or following.is_heading):
            decisions.append(Decision(False, "heading with no paragraph under it", block.text))
        else:
            result.append(block)
    start = _related_list_start(result)
    for block in result[start:]:
        decisions.append(Decision(False, "labelled list of links at the end", block.text))
    result = result[:start]
    while result and (reason := _tail_reason(result[-1])):
        if reason == "fragment at the end" and len(result) > 1 and _tail_reason(result[-2]):
            break  # a run of short lines at the end is a list (tour dates), not a stray label
        decisions.append(Decision(False, reason, result.pop().text))
    return result


def _is_label(block: Block) -> bool:
    return block.is_heading or (len(block.text) < 80 and not block.ends_sentence)


def _related_list_start(kept: list[Block]) -> int:
    """Where a closing "More stories" list starts: a label, then list items that each link
    elsewhere. A list introduced by a sentence ("Here is what you need:") is the story's."""
    end = len(kept)
    if not end or kept[-1].tag != "li":
        return end
    parent = kept[-1].element.getparent()
    start = end
    while (
        start > 0
        and kept[start - 1].tag == "li"
        and kept[start - 1].element.getparent() is parent
        and kept[start - 1].link_chars > 0
    ):
        start -= 1
    if end - start < 2 or start < 2 or not _is_label(kept[start - 1]):
        return end
    return start - 1


def _titles_a_figure(heading: lxml.html.HtmlElement, figures: set[lxml.html.HtmlElement]) -> bool:
    """A heading whose next element is a figure or gallery: "Gallery: building the boat"."""
    following = heading.getnext()
    if following is None:
        return False
    return following in figures or any(el in figures for el in following.iter("figure", "img"))


@dataclass
class Layout:
    """A page's text blocks and the container chosen as the article body."""

    blocks: list[Block]
    teasers: set[lxml.html.HtmlElement]
    skip: set[lxml.html.HtmlElement]
    container: lxml.html.HtmlElement | None


def find_layout(
    root: lxml.html.HtmlElement,
    skip: set[lxml.html.HtmlElement],
    container: lxml.html.HtmlElement | None = None,
) -> Layout:
    """The text blocks outside captions (skip) and the best container for them (or the one
    a site rule names)."""
    blocks = [b for b in text_blocks(root, skip) if b.element not in skip]
    teasers = teaser_summaries(root) if blocks else set()
    if blocks and container is None:
        container = best_container(blocks, root, teasers)
    return Layout(blocks, teasers, skip, container if blocks else None)


def extract_body(layout: Layout, headline: str | None, captions: list[str] = ()) -> BodyResult:
    """Paragraphs of the layout's container, minus captions (the elements skipped, and
    copies of the caption texts), duplicates and fragments."""
    container = layout.container
    result = BodyResult()
    if container is None:
        return result
    seen: set[str] = set()
    openings = caption_openings(captions)
    kept: list[Block] = []
    for block in layout.blocks:
        if block.is_heading and _titles_a_figure(block.element, layout.skip):
            result.decisions.append(Decision(False, "title of a gallery or figure", block.text))
            continue
        if not is_within(block.element, container):
            result.decisions.append(Decision(False, "outside the article container", block.text))
            continue
        if block.element in layout.teasers:
            result.decisions.append(Decision(False, "summary of another story", block.text))
            continue
        reason = _drop_reason(block, headline, seen, openings)
        if reason is None:
            seen.add(block.text)
            kept.append(block)
        else:
            result.decisions.append(Decision(False, reason, block.text))
    kept = trim_lead_in(kept, result.decisions)
    kept = trim_edges(kept, result.decisions)
    result.decisions.extend(Decision(True, "kept", b.text) for b in kept)
    result.paragraphs = [b.text for b in kept]
    return result
